"""Templated emails sent by a task: rendering, retries and their limit."""

import datetime

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.tasks import task_backends
from django.tasks.backends.dummy import DummyBackend

import pytest

from experiences import emails

CONTEXT = {
    "reference": "REX-2026-00042",
    "title": "<b>Un forum</b>",
    "first_name": "Awa",
}


def test_an_email_has_a_french_subject_text_and_html():
    emails.send_email.call("accepted", ["awa@example.org"], CONTEXT)
    (message,) = mail.outbox
    assert "REX-2026-00042" in message.subject
    assert message.to == ["awa@example.org"]
    html = message.alternatives[0].content
    assert "&lt;b&gt;Un forum&lt;/b&gt;" in html
    assert "<b>Un forum</b>" not in html


def test_retry_delays_grow_and_are_capped():
    delays = [emails.retry_delay(attempt) for attempt in range(1, 12)]
    assert delays[0] == datetime.timedelta(minutes=1)
    assert delays[1] == datetime.timedelta(minutes=2)
    assert delays == sorted(delays)
    assert delays[-1] == datetime.timedelta(hours=6)


@pytest.fixture
def down(monkeypatch):
    def refuse(self, messages):
        raise ConnectionRefusedError("serveur de courriel injoignable")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)


def test_the_last_attempt_fails_loudly_and_is_not_retried(down, monkeypatch):
    dummy = DummyBackend("default", {"QUEUES": ["default"], "OPTIONS": {}})
    monkeypatch.setattr(task_backends._connections, "default", dummy, raising=False)
    with pytest.raises(ConnectionRefusedError):
        emails.send_email.call(
            "accepted", ["awa@example.org"], CONTEXT, emails.MAX_ATTEMPTS
        )
    assert dummy.results == []


def test_without_a_deferring_backend_a_failure_is_raised_not_hidden(down):
    # The immediate backend cannot defer a retry: the task fails visibly.
    with pytest.raises(ConnectionRefusedError):
        emails.send_email.call("accepted", ["awa@example.org"], CONTEXT)


def test_nothing_is_queued_without_a_recipient(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        emails.queue_email("accepted", ["", None], CONTEXT)
    assert callbacks == []
    assert mail.outbox == []
