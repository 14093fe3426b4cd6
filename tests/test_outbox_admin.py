"""Failed and waiting emails in the admin, for editorial leads, with
« renvoyer » (POST only, permission-checked, logged)."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

from wagtail.log_actions import registry as log_registry

import pytest

from core import outbox
from core.models import OutboxEmail
from experiences import notifications
from experiences.states import Status
from tests.factories import make_submission

pytestmark = pytest.mark.django_db
INDEX = "/admin/courriels/"


@pytest.fixture
def emails(db, monkeypatch, django_capture_on_commit_callbacks):
    """A failed, a waiting and a sent email."""
    sent = make_submission(status=Status.ACCEPTED)
    refused = make_submission(status=Status.ACCEPTED)
    waiting = make_submission(status=Status.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        rows = {"sent": outbox.queue("accepted", sent, audience="contributor")}

    def refuse(self, messages):
        (message,) = messages
        if message.to == [refused.email]:
            raise smtplib.SMTPRecipientsRefused(
                {refused.email: (550, b"5.1.1 unknown")}
            )
        raise ConnectionRefusedError("serveur injoignable")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        rows["failed"] = outbox.queue(
            "accepted", refused, audience=notifications.CONTRIBUTOR
        )
        rows["waiting"] = outbox.queue(
            "accepted", waiting, audience=notifications.CONTRIBUTOR
        )
    monkeypatch.undo()
    for row in rows.values():
        row.refresh_from_db()
    assert rows["failed"].status == OutboxEmail.Status.FAILED
    assert rows["waiting"].status == OutboxEmail.Status.PENDING
    return rows


def test_editorial_leads_see_failed_and_waiting_emails_in_french(client, lead, emails):
    client.force_login(lead)
    response = client.get(INDEX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Courriels en attente ou en échec" in html
    assert "Contribution retenue" in html  # the template's label
    assert "Personne contributrice" in html
    assert "Échec" in html and "En attente" in html
    assert f"/admin/courriels/renvoyer/{emails['failed'].pk}/" in html
    assert f"/admin/courriels/renvoyer/{emails['sent'].pk}/" not in html
    assert "5.1.1 unknown" in html
    for row in emails.values():
        assert row.about.email not in html  # addresses are masked
    assert "c***@example.org" in html

    inspect = client.get(f"{INDEX}inspect/{emails['failed'].pk}/").content.decode()
    assert "Dernière erreur" in inspect and "Renvoyer" in inspect


@pytest.mark.parametrize("who", ["moderator", "editor"])
def test_others_cannot_see_or_resend(client, emails, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(INDEX).status_code in (302, 403)
    response = client.post(f"{INDEX}renvoyer/{emails['failed'].pk}/")
    assert response.status_code == 403
    emails["failed"].refresh_from_db()
    assert emails["failed"].status == OutboxEmail.Status.FAILED


def test_resend_asks_then_sends_on_post_and_logs(
    client, lead, emails, mailoutbox, django_capture_on_commit_callbacks
):
    failed = emails["failed"]
    mailoutbox.clear()
    client.force_login(lead)
    confirm = client.get(f"{INDEX}renvoyer/{failed.pk}/")
    assert "Il sera renvoyé tout de suite" in confirm.content.decode()
    failed.refresh_from_db()
    assert failed.status == OutboxEmail.Status.FAILED  # a GET changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{INDEX}renvoyer/{failed.pk}/", follow=True)
    assert "remis en file d&#x27;envoi" in response.content.decode()
    failed.refresh_from_db()
    assert failed.status == OutboxEmail.Status.SENT
    assert failed.attempts == 2
    assert len(mailoutbox) == 1
    entry = log_registry.get_logs_for_instance(failed).get()
    assert entry.action == "recueil.email.resend" and entry.user == lead
    assert entry.message == "Renvoyé"


def test_a_sent_email_is_not_sent_again(client, lead, emails, mailoutbox):
    mailoutbox.clear()
    client.force_login(lead)
    client.post(f"{INDEX}renvoyer/{emails['sent'].pk}/")
    assert mailoutbox == []


def test_nobody_writes_the_outbox_by_hand(client, superuser, emails):
    client.force_login(superuser)
    assert client.get(INDEX).status_code == 200
    assert client.get(f"{INDEX}new/").status_code in (302, 403)
    assert client.get(f"{INDEX}edit/{emails['failed'].pk}/").status_code in (302, 403)
    response = client.post(f"{INDEX}delete/{emails['failed'].pk}/")
    assert response.status_code in (302, 403)
    assert OutboxEmail.objects.filter(pk=emails["failed"].pk).exists()
