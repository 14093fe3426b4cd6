"""The outbox: an email is one row, its task gets the row's id only, it is
sent once, and what became of it (sent, waiting for a retry, failed) is
recorded on the row."""

import datetime
import smtplib

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.tasks.backends.dummy import DummyBackend
from django.utils import timezone

import pytest

from core import outbox
from core.models import OutboxEmail
from experiences import notifications
from experiences.states import Status
from tests.factories import make_submission

pytestmark = pytest.mark.django_db
DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queued(django_capture_on_commit_callbacks):
    """An "accepted" email queued for a submission whose title holds HTML."""
    submission = make_submission(
        status=Status.ACCEPTED, title="<b>Un forum</b>", first_name="Awa"
    )

    def queue(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return outbox.queue(
                "accepted", submission, audience=notifications.CONTRIBUTOR, **kwargs
            )

    return submission, queue


@pytest.fixture
def dummy_tasks(settings):
    settings.TASKS = DUMMY
    backend = outbox.send_outbox_email.get_backend()
    assert isinstance(backend, DummyBackend)
    backend.clear()
    return backend


def refuse_with(monkeypatch, error):
    def refuse(self, messages):
        raise error

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)


def test_an_email_has_a_french_subject_text_html_and_a_stable_message_id(queued):
    submission, queue = queued
    email = queue()
    (message,) = mail.outbox
    assert submission.reference in message.subject
    assert message.subject.startswith("[Recueil] Votre contribution")
    assert message.to == [submission.email]
    html = message.alternatives[0].content
    assert "&lt;b&gt;Un forum&lt;/b&gt;" in html
    assert "<b>Un forum</b>" not in html
    assert message.extra_headers["Message-ID"] == outbox.message_id(email.key)
    assert message.extra_headers["Message-ID"].endswith("@recueil.local>")
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT
    assert email.attempts == 1 and email.sent_at is not None
    assert email.last_error == ""


def test_the_task_gets_the_row_id_and_nothing_else(queued, dummy_tasks):
    submission, queue = queued
    email = queue()
    (result,) = dummy_tasks.results
    assert result.args == [email.pk] and result.kwargs == {}
    assert result.task.module_path == "core.outbox.send_outbox_email"
    row = OutboxEmail.objects.values().get(pk=email.pk)
    text = repr(row)
    assert submission.email not in text
    assert submission.first_name not in text
    assert "suivi" not in text


def test_queued_twice_or_run_twice_it_is_sent_once(queued):
    submission, queue = queued
    first = queue()
    second = queue()
    assert first.pk == second.pk
    # A reclaimed or duplicated task finds the email already sent.
    assert outbox.send_outbox_email.call(first.pk) == OutboxEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_retry_delays_grow_and_are_capped():
    delays = [outbox.retry_delay(attempt) for attempt in range(1, 12)]
    assert delays[0] == datetime.timedelta(minutes=1)
    assert delays[1] == datetime.timedelta(minutes=2)
    assert delays == sorted(delays)
    assert delays[-1] == datetime.timedelta(hours=6)


@pytest.mark.parametrize(
    "error",
    [
        ConnectionRefusedError("serveur de courriel injoignable"),
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
        smtplib.SMTPDataError(451, b"4.3.0 Try again later"),
        smtplib.SMTPRecipientsRefused({"x@example.org": (450, b"4.2.1 greylisted")}),
    ],
)
def test_a_transient_failure_is_recorded_and_retried_later(
    queued, dummy_tasks, monkeypatch, error, django_capture_on_commit_callbacks
):
    refuse_with(monkeypatch, error)
    submission, queue = queued
    email = queue()
    (first,) = dummy_tasks.results
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert first.task.call(*first.args) == OutboxEmail.Status.PENDING
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.PENDING
    assert email.attempts == 1
    assert type(error).__name__ in email.last_error
    assert email.next_attempt_at >= before + datetime.timedelta(seconds=59)
    retry = dummy_tasks.results[-1]
    assert retry is not first
    assert retry.args == [email.pk]
    assert retry.task.run_after == email.next_attempt_at


def test_a_refused_recipient_fails_at_once_with_the_address_masked(
    queued, dummy_tasks, monkeypatch
):
    submission, queue = queued
    refused = {submission.email: (550, f"5.1.1 <{submission.email}> unknown".encode())}
    refuse_with(monkeypatch, smtplib.SMTPRecipientsRefused(refused))
    email = queue()
    outbox.deliver(email.pk)
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.FAILED
    assert email.attempts == 1
    assert email.next_attempt_at is None
    assert submission.email not in email.last_error
    assert "c***@example.org" in email.last_error
    assert len(dummy_tasks.results) == 1  # no retry queued


def test_the_last_attempt_fails_for_good_and_is_not_retried(
    queued, dummy_tasks, monkeypatch, settings
):
    refuse_with(monkeypatch, ConnectionRefusedError("serveur injoignable"))
    submission, queue = queued
    email = queue()
    OutboxEmail.objects.filter(pk=email.pk).update(
        attempts=settings.EMAIL_MAX_ATTEMPTS - 1
    )
    outbox.deliver(email.pk)
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.FAILED
    assert email.attempts == settings.EMAIL_MAX_ATTEMPTS
    assert len(dummy_tasks.results) == 1


def test_without_a_deferring_backend_the_failure_is_kept_on_the_row(
    queued, monkeypatch, caplog
):
    # The immediate backend cannot defer a retry: the email stays waiting,
    # with its error, for the worker's sweep or an editor's « renvoyer ».
    refuse_with(monkeypatch, ConnectionRefusedError("serveur injoignable"))
    submission, queue = queued
    email = queue()
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.PENDING
    assert "ConnectionRefusedError" in email.last_error
    assert "failed (attempt 1)" in caplog.text


def test_an_email_whose_recipient_was_purged_fails_at_once(queued):
    submission, queue = queued
    submission.__class__.objects.filter(pk=submission.pk).update(
        email="", personal_data_purged_at=timezone.now()
    )
    email = queue()
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.FAILED
    assert "purgées" in email.last_error
    assert mail.outbox == []


def test_overdue_waiting_emails_are_enqueued_again(
    queued, dummy_tasks, django_capture_on_commit_callbacks
):
    submission, queue = queued
    email = queue()
    dummy_tasks.clear()
    OutboxEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - datetime.timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.requeue_stalled(600) == 1
    (result,) = dummy_tasks.results
    assert result.args == [email.pk]
    # Not again before it is overdue once more.
    assert outbox.requeue_stalled(600) == 0
