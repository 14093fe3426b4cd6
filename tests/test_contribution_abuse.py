"""Bots and bad input: the bot trap refuses without saying why and without
losing a human's typing; random, huge or malformed posts never cause a 5xx
and never leave a half-stored record."""

import time

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from experiences import antiabuse
from experiences.models import Submission
from experiences.states import Status
from tests.factories import FORM_URL, form_tokens, pdf_file, valid_post

NEUTRAL = "Votre envoi n&#x27;a pas pu être traité"
NEUTRAL_RAW = "Votre envoi n'a pas pu être traité"


@pytest.fixture
def call(call_page):
    return call_page


def assert_refused_keeping_text(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert NEUTRAL_RAW in html
    assert 'value="Saint-Denis"' in html
    assert "Trois ateliers, puis une séance de signature." in html
    # Never says which rule caught the post.
    for word in ("robot", "trop rapide", "limite", "caché", "site_internet"):
        assert word not in html.split(NEUTRAL_RAW)[1].split("</div>")[0]
    assert not Submission.objects.exists()
    return html


def test_the_hidden_field_filled_refuses_the_post(client, call):
    data = valid_post(**{antiabuse.HONEYPOT_FIELD: "http://spam.example"})
    data["attachments"] = [pdf_file()]
    html = assert_refused_keeping_text(client.post(FORM_URL, data))
    assert "choisissez-les de nouveau" in html


def test_a_post_faster_than_the_minimum_delay_is_refused(client, call, settings):
    settings.SUBMISSION_MIN_SECONDS = 3
    assert_refused_keeping_text(client.post(FORM_URL, valid_post()))
    data = valid_post()
    stale = antiabuse.rendered_at_token(data["form_nonce"], now=time.time() - 5)
    assert client.post(FORM_URL, dict(data, rendered_at=stale)).status_code == 302


@pytest.mark.parametrize("rendered_at", ["", "1700000000", "abc:def:ghi"])
def test_a_missing_or_forged_timestamp_is_refused(client, call, rendered_at):
    assert_refused_keeping_text(
        client.post(FORM_URL, valid_post(rendered_at=rendered_at))
    )


def test_the_rate_limit_refuses_posts_past_the_limit(client, call, settings):
    settings.SUBMISSION_RATE_LIMIT = 2
    assert client.post(FORM_URL, valid_post()).status_code == 302
    assert client.post(FORM_URL, valid_post()).status_code == 302
    response = client.post(FORM_URL, valid_post())
    assert response.status_code == 200
    assert NEUTRAL_RAW in response.content.decode()
    assert Submission.objects.count() == 2
    # Another address is not affected.
    other = client.post(FORM_URL, valid_post(), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 302


def test_the_refused_form_can_be_sent_again_once_the_delay_is_over(
    client, call, settings
):
    settings.SUBMISSION_MIN_SECONDS = 3
    html = client.post(FORM_URL, valid_post()).content.decode()
    nonce = form_tokens(html)["form_nonce"]
    stale = antiabuse.rendered_at_token(nonce, now=time.time() - 5)
    response = client.post(FORM_URL, valid_post(form_nonce=nonce, rendered_at=stale))
    assert response.status_code == 302


# --- property-based -----------------------------------------------------------------

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=300
)
HUGE = st.integers(min_value=1, max_value=4).map(lambda n: "é<script>" * (n * 30000))
FIELDS = [
    "title",
    "rubric",
    "summary",
    "communes",
    "departement",
    "start_date",
    "end_date",
    "ongoing",
    "feature",
    "objectives",
    "approach",
    "themes",
    "tags",
    "links",
    "email",
    "phone",
    "role",
    "first_name",
    "consent_data",
    "form_nonce",
    "remove_attachments",
]
FUZZ = hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def assert_no_half_record():
    for submission in Submission.objects.all():
        if submission.status == Status.DRAFT:
            assert submission.reference is None
        else:
            assert submission.status == Status.RECEIVED
            assert submission.reference
            assert submission.title and submission.email
            assert submission.consent_data_at and submission.consent_licence_at


@pytest.fixture
def open_doors(settings):
    settings.SUBMISSION_RATE_LIMIT = 10**9


@FUZZ
@given(values=st.dictionaries(st.sampled_from(FIELDS), TEXT), draft=st.booleans())
def test_random_unicode_never_breaks_the_form(client, call, open_doors, values, draft):
    data = valid_post(**values)
    if draft:
        data["save_draft"] = "1"
    response = client.post(FORM_URL, data)
    assert response.status_code in (200, 302)
    assert_no_half_record()


@FUZZ
@given(field=st.sampled_from(FIELDS), value=HUGE)
def test_huge_strings_are_refused_cleanly(client, call, open_doors, field, value):
    response = client.post(FORM_URL, valid_post(**{field: value}))
    assert response.status_code < 500
    assert_no_half_record()


@FUZZ
@given(
    body=st.binary(max_size=2000),
    boundary=st.text(
        alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=0, max_size=70
    ),
)
def test_malformed_multipart_never_causes_a_server_error(
    client, call, open_doors, body, boundary
):
    prefix = f"--{boundary}\r\nContent-Disposition: form-data; ".encode()
    response = client.generic(
        "POST",
        FORM_URL,
        prefix + body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code < 500
    assert_no_half_record()


@FUZZ
@given(token=TEXT)
def test_random_tokens_are_plain_404s(client, call, token):
    path = FORM_URL + "suivi/" + token.replace("/", "") + "/"
    response = client.get(path)
    assert response.status_code in (301, 404)


# --- the signed timestamp: tied to its form, accepted once -------------------------


def test_a_replayed_timestamp_is_refused_keeping_the_typing(client, call):
    data = valid_post(title="")
    html = client.post(FORM_URL, data).content.decode()
    assert "Ce champ est obligatoire." in html  # accepted once, then invalid
    # The same post again, with the timestamp already used: refused, neutrally.
    assert_refused_keeping_text(client.post(FORM_URL, dict(data, title="Titre")))
    # The timestamp of the form shown again is a fresh one.
    again = dict(data, title="Titre", **form_tokens(html))
    assert client.post(FORM_URL, again).status_code == 302


def test_a_timestamp_signed_for_another_form_is_refused(client, call):
    other = valid_post()
    data = valid_post(rendered_at=other["rendered_at"])
    assert data["form_nonce"] != other["form_nonce"]
    assert_refused_keeping_text(client.post(FORM_URL, data))


def test_a_refused_post_is_shown_again_with_its_nonce_and_a_fresh_timestamp(
    client, call
):
    data = valid_post(**{antiabuse.HONEYPOT_FIELD: "x"})
    tokens = form_tokens(client.post(FORM_URL, data).content.decode())
    assert tokens["form_nonce"] == data["form_nonce"]
    assert tokens["rendered_at"] != data["rendered_at"]
    response = client.post(FORM_URL, valid_post(**tokens))
    assert response.status_code == 302


# --- what a link or a post may put in the form --------------------------------------


def test_a_prefill_link_never_fills_the_email(client, call):
    html = client.get(
        FORM_URL + "?email=pirate%40example.org&first_name=Awa&title=Charte"
    ).content.decode()
    assert "pirate@example.org" not in html
    assert 'value="Awa"' in html
    assert 'value="Charte"' in html


def test_control_characters_are_stripped_keeping_line_breaks_and_tabs(
    client, call, django_capture_on_commit_callbacks
):
    data = valid_post(
        title="Charte\x00 co-écrite\x1b[31m\tensemble\x7f",
        approach="Étape 1\r\n\tateliers\x08\r\nÉtape 2\x0b\x0cfin\ufffe",
        organisation="Ville\nde Saint-Denis",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(FORM_URL, data).status_code == 302
    submission = Submission.objects.get()
    assert submission.title == "Charte co-écrite[31m ensemble"
    assert submission.approach == "Étape 1\n\tateliers\nÉtape 2  fin"
    assert submission.organisation == "Ville de Saint-Denis"
