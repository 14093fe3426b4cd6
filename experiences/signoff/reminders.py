"""Reminders to contributors whose agreement is awaited (run daily by the
``signoff_reminders`` command): one email per threshold of
``SIGNOFF_REMINDER_DAYS``, each recorded on the submission and sent once."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core import outbox
from experiences import notifications
from experiences.models import SignoffTaskState
from experiences.signoff import events


def due_count(state, now):
    """How many reminders ``state`` should have had by ``now``."""
    age = now - state.started_at
    return sum(
        1
        for days in settings.SIGNOFF_REMINDER_DAYS
        if age >= datetime.timedelta(days=days)
    )


def send_reminders(now=None):
    """Queue the reminders that are due; return how many."""
    now = now or timezone.now()
    first = min(settings.SIGNOFF_REMINDER_DAYS, default=None)
    if first is None:
        return 0
    waiting = SignoffTaskState.objects.filter(
        status=SignoffTaskState.STATUS_IN_PROGRESS,
        submission__isnull=False,
        submission__personal_data_purged_at__isnull=True,
        started_at__lte=now - datetime.timedelta(days=first),
    ).select_related("submission")
    sent = 0
    for state in waiting:
        due = due_count(state, now)
        if state.reminders_sent >= due:
            continue
        with transaction.atomic():
            # A conditional update: two runs at once send one reminder.
            claimed = SignoffTaskState.objects.filter(
                pk=state.pk,
                status=SignoffTaskState.STATUS_IN_PROGRESS,
                reminders_sent=state.reminders_sent,
            ).update(reminders_sent=due)
            if not claimed:
                continue
            entry = events.record(state, events.REMINDED)
            outbox.queue(
                events.EMAIL_REMINDER,
                state.submission,
                audience=notifications.CONTRIBUTOR,
                event_id=entry.pk,
            )
        sent += 1
    return sent
