"""Tracking tokens stay out of logs: every action under the private link is a
POST, and the logging filter masks the token in request paths, in the lines of
django.request, django.server and the root's console handler."""

import io
import logging
import re
from contextlib import contextmanager

import pytest

from core.log_filters import MASK, MaskTokensFilter, mask_tokens
from experiences.models import CallForContributionsPage, Submission
from experiences.states import Status
from tests.factories import FORM_URL, valid_post

TOKEN = "Zq3-_x9" + "A" * 36  # the shape of secrets.token_urlsafe(32)


def test_mask_tokens_in_paths_request_lines_and_referers():
    assert mask_tokens(f"Not Found: /contribuer/suivi/{TOKEN}/") == (
        f"Not Found: /contribuer/suivi/{MASK}/"
    )
    line = (
        f'"POST /contribuer/suivi/{TOKEN}/retirer/ HTTP/1.1" 302 0 '
        f'"https://recueil.example.gouv.fr/contribuer/suivi/{TOKEN}/"'
    )
    assert TOKEN not in mask_tokens(line)
    assert "/retirer/ HTTP/1.1" in mask_tokens(line)
    assert mask_tokens(f"/formations/inscription/{TOKEN}/?ics=1") == (
        f"/formations/inscription/{MASK}/?ics=1"
    )
    # Public addresses are left alone.
    for text in ("/contribuer/", "/contribuer/suivi/", "/experiences/?q=suivi"):
        assert mask_tokens(text) == text


@contextmanager
def captured(handler):
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        yield stream
    finally:
        handler.setStream(previous)


def _handler_with_mask(logger):
    handlers = [
        h
        for h in logging.getLogger(logger).handlers
        if any(isinstance(f, MaskTokensFilter) for f in h.filters)
    ]
    assert handlers, f"no masking handler on {logger or 'root'}"
    return handlers[0]


def test_the_root_console_handler_masks_any_logger_propagating_to_it():
    with captured(_handler_with_mask("")) as stream:
        logging.getLogger("experiences.contribution").warning(
            "Échec sur %s", f"/contribuer/suivi/{TOKEN}/"
        )
        try:
            raise ValueError(f"/contribuer/suivi/{TOKEN}/legendes/")
        except ValueError:
            logging.getLogger("experiences").exception("Erreur")
    output = stream.getvalue()
    assert TOKEN not in output
    assert f"Échec sur /contribuer/suivi/{MASK}/" in output
    assert f"ValueError: /contribuer/suivi/{MASK}/legendes/" in output


def test_runserver_request_lines_are_masked():
    with captured(_handler_with_mask("django.server")) as stream:
        logging.getLogger("django.server").info(
            '"%s" %s %s', f"GET /contribuer/suivi/{TOKEN}/ HTTP/1.1", "200", "5120"
        )
    assert stream.getvalue().endswith(
        f'"GET /contribuer/suivi/{MASK}/ HTTP/1.1" 200 5120\n'
    )


@pytest.mark.django_db
def test_a_404_on_a_private_link_is_logged_masked(client, call_page, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(f"/contribuer/suivi/{TOKEN}/").status_code == 404
    assert f"/contribuer/suivi/{MASK}/" in caplog.text
    assert TOKEN not in caplog.text


# Actions are POST-only -----------------------------------------------------------


@pytest.fixture
def tracked(client, call_page, django_capture_on_commit_callbacks):
    """A sent contribution and the path of its tracking page."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM_URL, valid_post())
    page = client.get(response["Location"]).content.decode()
    path = re.search(r"http://testserver(/contribuer/suivi/[\w-]+/)", page)[1]
    return Submission.objects.get(), path


def test_every_action_under_the_private_link_needs_a_post(client, tracked):
    submission, path = tracked
    call = CallForContributionsPage.objects.get()
    token = path.rstrip("/").rsplit("/", 1)[-1]
    for name in ("withdraw", "captions"):
        action = call.url + call.reverse_subpage(name, args=[token])
        assert client.get(action).status_code == 405, name
    # A visit with an action's parameters in the query string is only a visit.
    response = client.get(path, {"submit_form": "1", "save_draft": "1", "title": "X"})
    assert response.status_code == 200
    submission.refresh_from_db()
    assert submission.status == Status.RECEIVED
    assert submission.title != "X"
    # Every form of the page posts (a GET form would put its fields, next to
    # the token, in the address and so in the logs).
    forms = [
        form
        for form in re.findall(r"<form\b[^>]*>", response.content.decode())
        if 'action="/recherche/"' not in form  # the site's search, public
    ]
    assert forms
    for form in forms:
        assert re.search(r'method="post"', form, re.IGNORECASE), form


def test_gunicorns_logs_are_masked_with_its_settings_file():
    import config.gunicorn  # noqa: F401  (what `gunicorn -c config/gunicorn.py` runs)

    handler = logging.StreamHandler(io.StringIO())
    access = logging.getLogger("gunicorn.access")
    access.addHandler(handler)
    try:
        # gunicorn logs its access lines with a dict of atoms.
        access.info(
            '%(r)s %(s)s "%(f)s"',
            {
                "r": f"GET /contribuer/suivi/{TOKEN}/ HTTP/1.1",
                "s": "200",
                "f": f"https://recueil.example.gouv.fr/contribuer/suivi/{TOKEN}/",
            },
        )
    finally:
        access.removeHandler(handler)
    line = handler.stream.getvalue()
    assert TOKEN not in line
    assert f"GET /contribuer/suivi/{MASK}/ HTTP/1.1 200" in line
