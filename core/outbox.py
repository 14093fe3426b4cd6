"""Queue an email, send it once, record what became of it.

``queue`` writes one ``OutboxEmail`` row in the caller's transaction and, once
it commits, enqueues ``send_outbox_email`` with the row's id only.
``deliver`` (the task) locks the row, returns at once if the email is no longer
waiting (so a duplicated or reclaimed task never sends twice), asks the
registered builder for recipients and context, renders the registered
templates (``<folder>/<template>.subject.txt``, ``.txt`` and ``.html``), sends with
a ``Message-ID`` derived from the key, and records the outcome on the row: sent;
failed for good (a recipient refused with a 5xx code, nobody left to write to);
or waiting for its next attempt, with a growing delay, until
``EMAIL_MAX_ATTEMPTS``.

One narrow window remains: a worker killed after the mail server accepted the
message and before the row was updated sends it again when its task is
reclaimed. The receiving side sees the same ``Message-ID`` twice.
"""

import datetime
import hashlib
import logging
import re
import smtplib
from email.utils import parseaddr
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.tasks import task
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import render_to_string
from django.utils import timezone

from core import letters
from core.letters import PermanentFailure
from core.models import OutboxEmail
from core.urls import site_url

logger = logging.getLogger(__name__)

Status = OutboxEmail.Status
ADDRESS_RE = re.compile(r"([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)")
ERROR_MAX_LENGTH = 1000


def mask_addresses(text):
    """``camille.durand@example.org`` becomes ``c***@example.org``."""
    return ADDRESS_RE.sub(lambda m: f"{m[1][0]}***@{m[2]}", text)


def describe(error):
    text = f"{type(error).__name__}: {error}"
    return mask_addresses(text)[:ERROR_MAX_LENGTH]


def is_permanent(error):
    """A refusal that no retry will change: the recipient or the message was
    refused with a 5xx code, the address is malformed, the template is broken."""
    if isinstance(error, PermanentFailure | TemplateDoesNotExist | ValueError):
        return True
    if isinstance(error, TemplateSyntaxError):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _text in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(error, smtplib.SMTPDataError):
        return 500 <= error.smtp_code < 600
    return False


def retry_delay(attempt):
    """1 min, 2 min, 4 min… after the 1st, 2nd, 3rd failure, capped (6 h)."""
    seconds = settings.EMAIL_RETRY_BASE_SECONDS * 2 ** (attempt - 1)
    return datetime.timedelta(seconds=min(seconds, settings.EMAIL_RETRY_MAX_SECONDS))


def message_id(key):
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    return f"<{digest}@{domain or 'localhost'}>"


def make_key(template, about, audience, event_id):
    content_type = ContentType.objects.get_for_model(about)
    return (
        f"{template}:{content_type.app_label}.{content_type.model}:{about.pk}:"
        f"{audience}:{event_id or ''}"
    )


def _row(template, about, audience, event_id, **values):
    return OutboxEmail.objects.get_or_create(
        key=make_key(template, about, audience, event_id),
        defaults={
            "template": template,
            "content_type": ContentType.objects.get_for_model(about),
            "object_id": str(about.pk),
            "audience": audience,
            "event_id": event_id,
            **values,
        },
    )


def queue(template, about, *, audience, event_id=None):
    """Record an email about ``about`` and send it once the transaction commits.

    Queuing the same email again (same template, object, audience and event)
    returns the existing row and sends nothing more.
    """
    email, created = _row(
        template, about, audience, event_id, next_attempt_at=timezone.now()
    )
    if created:
        transaction.on_commit(partial(enqueue, email.pk))
    return email


def withhold(template, about, *, audience, event_id=None, reason):
    """Record an email that is not sent (``reason`` says why, in French): it
    shows among failed emails, where an editorial lead may send it anyway."""
    email, _created = _row(
        template,
        about,
        audience,
        event_id,
        status=Status.FAILED,
        last_error=reason,
    )
    return email


def enqueue(email_id, run_after=None):
    if run_after is not None:
        send_outbox_email.using(run_after=run_after).enqueue(email_id)
    else:
        send_outbox_email.enqueue(email_id)


def render(email, letter):
    context = {
        "site_url": site_url(),
        "service_name": "Recueil",
        **letter.context,
    }
    kind = letters.kind_of(email)
    subject = render_to_string(kind.path(".subject.txt"), context)
    text = render_to_string(kind.path(".txt"), context)
    html = render_to_string(kind.path(".html"), context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=letter.to,
        headers={"Message-ID": message_id(email.key)},
        connection=mailers["default"],
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in letter.attachments:
        message.attach(filename, content, mimetype)
    return message


@task()
def send_outbox_email(email_id):
    """The task: its only argument is the outbox row's id."""
    return deliver(email_id)


def deliver(email_id):
    """Send outbox email ``email_id`` if it is still waiting; return its state."""
    with transaction.atomic():
        email = (
            OutboxEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id)
            .first()
        )
        if email is None:
            # Being sent by another worker right now, or erased by a purge.
            return (
                "locked" if OutboxEmail.objects.filter(pk=email_id).exists() else "gone"
            )
        if email.status != Status.PENDING:
            return email.status
        now = timezone.now()
        email.attempts += 1
        try:
            render(email, letters.build(email)).send()
        except Exception as error:  # noqa: BLE001 - every failure is recorded
            _record_failure(email, error, now)
        else:
            email.status = Status.SENT
            email.sent_at = now
            email.next_attempt_at = None
            email.last_error = ""
        email.save()
    return email.status


def _record_failure(email, error, now):
    email.last_error = describe(error)
    permanent = is_permanent(error)
    if permanent or email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
        email.status = Status.FAILED
        email.next_attempt_at = None
        logger.error(
            "Email %s (%s) failed for good after %s attempt(s): %s",
            email.pk,
            email.template,
            email.attempts,
            email.last_error,
        )
        return
    email.next_attempt_at = now + retry_delay(email.attempts)
    logger.warning(
        "Email %s (%s) failed (attempt %s), next attempt at %s: %s",
        email.pk,
        email.template,
        email.attempts,
        email.next_attempt_at.isoformat(),
        email.last_error,
    )
    if send_outbox_email.get_backend().supports_defer:
        transaction.on_commit(
            partial(enqueue, email.pk, run_after=email.next_attempt_at)
        )


def resend(email):
    """Send a failed or waiting email again now (the admin's « renvoyer »)."""
    with transaction.atomic():
        updated = (
            OutboxEmail.objects.filter(pk=email.pk)
            .exclude(status=Status.SENT)
            .update(
                status=Status.PENDING,
                next_attempt_at=timezone.now(),
                updated_at=timezone.now(),
            )
        )
        if updated:
            transaction.on_commit(partial(enqueue, email.pk))
    email.refresh_from_db()
    return bool(updated)


def requeue_stalled(older_than, *, now=None):
    """Enqueue again the waiting emails whose attempt is overdue by more than
    ``older_than`` seconds (their task was lost); return how many."""
    now = now or timezone.now()
    overdue = OutboxEmail.objects.filter(
        status=Status.PENDING,
        next_attempt_at__lte=now - datetime.timedelta(seconds=older_than),
    )
    ids = list(overdue.values_list("pk", flat=True)[:500])
    if ids:
        with transaction.atomic():
            OutboxEmail.objects.filter(pk__in=ids).update(next_attempt_at=now)
            for email_id in ids:
                transaction.on_commit(partial(enqueue, email_id))
    return len(ids)


def emails_about(instance):
    return OutboxEmail.objects.filter(
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
    )
