"""Bots and bad input: the bot trap refuses without saying why and without
losing a human's typing; random, huge or malformed posts never cause a 5xx
and never leave a half-stored record."""

import time

from django.core import signing

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from experiences import antiabuse
from experiences.models import CallForContributionsPage, Submission
from experiences.states import Status
from tests.contribution_data import FORM_URL, pdf_file, valid_post

NEUTRAL = "Votre envoi n&#x27;a pas pu être traité"
NEUTRAL_RAW = "Votre envoi n'a pas pu être traité"


@pytest.fixture
def call(site_tree):
    return CallForContributionsPage.objects.get()


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
    stale = signing.dumps(time.time() - 5, salt=antiabuse.TIMESTAMP_SALT)
    assert client.post(FORM_URL, valid_post(rendered_at=stale)).status_code == 302


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
    nonce = html.split('name="form_nonce" value="')[1].split('"')[0]
    stale = signing.dumps(time.time() - 5, salt=antiabuse.TIMESTAMP_SALT)
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
