"""Tracking links derived from the submission's row: one link in the emails
and on the confirmation page, a new submission written once, sessions that
hold ids only, rotation, a changed secret key."""

import re

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from experiences import moderation, tracking
from experiences.models import Submission
from experiences.models.submissions import derive_token, hash_token
from experiences.states import Status
from tests.factories import FORM_URL, make_submission, valid_post

LINK_RE = re.compile(r"http://testserver(/contribuer/suivi/[\w-]+/)")


@pytest.fixture
def call(call_page):
    return call_page


def send(client, capture, data, url=FORM_URL):
    with capture(execute=True):
        return client.post(url, data)


def session_data(client):
    return Session.objects.get(session_key=client.session.session_key).get_decoded()


def test_the_confirmation_page_and_the_receipt_show_the_same_derived_link(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    with CaptureQueriesContext(connection) as queries:
        response = send(client, django_capture_on_commit_callbacks, valid_post())
    submission = Submission.objects.get()
    page = client.get(response["Location"]).content.decode()
    on_page = LINK_RE.search(page)[1]
    receipt = next(m for m in mailoutbox if m.to == [submission.email])
    assert LINK_RE.search(receipt.body)[1] == on_page
    token = on_page.rstrip("/").rsplit("/", 1)[1]
    assert token == derive_token(submission.token_salt)
    assert submission.token_hash == hash_token(token)
    assert "awa.diallo@example.org" in page  # shown from the row, not the session
    # Written once: no statement rewrites the token after the first INSERT.
    rewrites = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('UPDATE "experiences_submission"')
        and "token_hash" in q["sql"]
    ]
    assert rewrites == []


def test_the_confirmation_page_links_to_the_address_it_is_served_on(
    client, call, django_capture_on_commit_callbacks
):
    """The page is read in the browser that posted the form: its link uses that
    origin (the emails use SITE_URL), so a site served on another port or host
    than SITE_URL still gives a link that opens."""
    response = send(client, django_capture_on_commit_callbacks, valid_post())
    page = client.get(response["Location"], HTTP_HOST="localhost:8123")
    assert "http://localhost:8123/contribuer/suivi/" in page.content.decode()


def test_sessions_hold_ids_never_an_address_or_a_link(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    draft = valid_post(save_draft="1", submit_form=None)
    send(client, django_capture_on_commit_callbacks, draft)
    sent = send(client, django_capture_on_commit_callbacks, valid_post())
    assert sent.status_code == 302
    data = session_data(client)
    text = repr(data)
    assert "awa.diallo" not in text
    assert "suivi" not in text and "http" not in text
    for submission in Submission.objects.all():
        assert submission.tracking_token() not in text
    assert set(data[tracking.SESSION_CONFIRMATION]) == {"id", "link", "resubmitted"}
    assert set(data[tracking.SESSION_DRAFT]) == {"id", "link"}


def test_a_rotated_link_is_no_longer_shown_by_an_old_session(
    client, call, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    response = send(client, django_capture_on_commit_callbacks, valid_post())
    submission = Submission.objects.get()
    old = LINK_RE.search(client.get(response["Location"]).content.decode())[1]
    moderation.take(submission, moderator)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.request_changes(submission, moderator, "Précisez les dates.")
    new = LINK_RE.search(mailoutbox[-1].body)[1]
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    page = client.get(response["Location"]).content.decode()
    assert "/contribuer/suivi/" not in page
    assert submission.reference in page


def test_a_replayed_post_shows_the_reference_only(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    data = valid_post()
    send(client, django_capture_on_commit_callbacks, data)
    other = type(client)()
    response = send(other, django_capture_on_commit_callbacks, data)
    page = other.get(response["Location"]).content.decode()
    assert Submission.objects.get().reference in page
    assert "/contribuer/suivi/" not in page
    assert "awa.diallo" not in page


@pytest.mark.django_db
def test_a_new_secret_key_keeps_links_that_it_lists_as_fallback(settings):
    submission = make_submission()
    token = submission.tracking_token()
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert submission.tracking_token() == token
    settings.SECRET_KEY_FALLBACKS = []
    assert submission.tracking_token() is None
    # Without the old key the link cannot be rebuilt: a new one is made.
    url = tracking.tracking_url(submission)
    submission.refresh_from_db()
    assert submission.tracking_token() in url
    assert Submission.for_token(submission.tracking_token()) == submission


@pytest.mark.django_db
def test_a_purged_submission_has_no_link_left(lead):
    submission = make_submission(status=Status.DECLINED)
    token = submission.tracking_token()
    moderation.purge_personal_data(submission, lead)
    submission.refresh_from_db()
    assert submission.tracking_token() is None
    assert Submission.for_token(token) is None
