"""Draft-saved and receipt emails are limited per recipient address: past the
limit nothing is sent, the person is told so in French and keeps the link on
screen, and an editorial lead can send the email anyway."""

import re

import pytest

from core.models import OutboxEmail
from experiences.models import Submission
from tests.factories import FORM_URL, valid_post

LINK_RE = re.compile(r"http://testserver(/contribuer/suivi/[\w-]+/)")


@pytest.fixture
def call(call_page, settings):
    settings.EMAIL_RATE_LIMIT = 2
    return call_page


def send(client, capture, data):
    with capture(execute=True):
        return client.post(FORM_URL, data)


def test_drafts_past_the_limit_are_saved_but_not_emailed(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    for _ in range(3):
        draft = valid_post(email="cible@example.org", save_draft="1", submit_form=None)
        response = send(client, django_capture_on_commit_callbacks, draft)
        assert response.status_code == 302
    assert Submission.objects.count() == 3
    assert len([m for m in mailoutbox if m.to == ["cible@example.org"]]) == 2

    page = client.get(response["Location"]).content.decode()
    assert "nous ne vous l'avons pas envoyé par courriel" in page
    assert "Votre brouillon est bien enregistré" in page
    link = LINK_RE.search(page)[1]
    assert client.get(link).status_code == 200

    withheld = OutboxEmail.objects.get(status=OutboxEmail.Status.FAILED)
    assert withheld.template == "draft_saved" and withheld.attempts == 0
    assert "limite contre les abus" in withheld.last_error


def test_a_receipt_past_the_limit_is_withheld_and_can_be_resent(
    client, call, lead, mailoutbox, django_capture_on_commit_callbacks
):
    for _ in range(3):
        response = send(
            client,
            django_capture_on_commit_callbacks,
            valid_post(email="x@example.org"),
        )
    receipts = [m for m in mailoutbox if m.to == ["x@example.org"]]
    assert len(receipts) == 2
    page = client.get(response["Location"]).content.decode()
    assert "nous ne vous avons pas envoyé de courriel de confirmation" in page
    assert LINK_RE.search(page)
    # The moderators are still told about the third contribution.
    assert Submission.objects.count() == 3

    withheld = OutboxEmail.objects.get(status=OutboxEmail.Status.FAILED)
    client.force_login(lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/courriels/renvoyer/{withheld.pk}/")
    withheld.refresh_from_db()
    assert withheld.status == OutboxEmail.Status.SENT
    assert len([m for m in mailoutbox if m.to == ["x@example.org"]]) == 3


def test_the_limit_counts_one_address_not_everyone(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    for number in range(3):
        send(
            client,
            django_capture_on_commit_callbacks,
            valid_post(email=f"personne{number}@example.org"),
        )
    assert not OutboxEmail.objects.filter(status=OutboxEmail.Status.FAILED).exists()
