"""Emails to contributors and moderators, rendered from templates editors can
read (``templates/emails/<name>.subject.txt``, ``.txt`` and ``.html``) and sent
by a task enqueued after the transaction commits. A failed send is retried with
a growing delay, so a mail server that is down delays an email, never loses it
and never blocks the request that caused it."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.tasks import task, task_backends
from django.template.loader import render_to_string
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
RETRY_BASE_SECONDS = 60


def render_email(template, context):
    subject = render_to_string(f"emails/{template}.subject.txt", context)
    text = render_to_string(f"emails/{template}.txt", context)
    html = render_to_string(f"emails/{template}.html", context)
    return " ".join(subject.split()), text, html


def build_message(template, to, context):
    context = {
        "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "service_name": "Recueil",
        **context,
    }
    subject, text, html = render_email(template, context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        connection=mailers["default"],
    )
    message.attach_alternative(html, "text/html")
    return message


def retry_delay(attempt):
    """1 min, 2 min, 4 min… capped at 6 hours."""
    return datetime.timedelta(
        seconds=min(RETRY_BASE_SECONDS * 2 ** (attempt - 1), 21600)
    )


@task()
def send_email(template, to, context, attempt=1):
    """Send one templated email; on failure, enqueue the next attempt."""
    try:
        build_message(template, to, context).send()
    except Exception as error:
        backend = task_backends["default"]
        if attempt >= MAX_ATTEMPTS or not backend.supports_defer:
            logger.exception(
                "Email %s to %s failed (attempt %s).", template, to, attempt
            )
            raise
        logger.warning(
            "Email %s to %s failed (attempt %s): %s; retrying.",
            template,
            to,
            attempt,
            error,
        )
        send_email.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
            template, list(to), context, attempt + 1
        )
        return "retry"
    return "sent"


def queue_email(template, to, context):
    """Enqueue an email once the current transaction has committed.

    ``context`` must be JSON-serialisable: the task may run in another process.
    """
    recipients = [address for address in to if address]
    if not recipients:
        return
    transaction.on_commit(lambda: send_email.enqueue(template, recipients, context))
