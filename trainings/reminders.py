"""What ``send_session_reminders`` does, for a timer (every hour, say). Each
email goes once: the outbox key (template, registration or session, event)
records it, so a second run sends nothing more.

- offers of a freed seat not claimed in time pass to the next person;
- 48 h before a session, its confirmed registrants get a reminder;
- the organisers hear when a session is 80 % and 100 % full;
- 3 and 7 days after a session without its synthesis, the organisers are asked;
- once the synthesis is published, the attendees get its link.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from trainings import emails
from trainings import registration as service
from trainings.constants import Status
from trainings.models import Registration, TrainingSessionPage, with_seats

REMINDER_BEFORE = datetime.timedelta(hours=48)
# Days after a session: each asks once, until the next one takes over (a
# session past the last one plus a week is no longer chased).
SYNTHESIS_DAYS = (3, 7)
SYNTHESIS_UNTIL = {3: 7, 7: 14}


def _live_synthesis():
    return Q(synthesis__isnull=False, synthesis__live=True)


def run(now=None):
    now = now or timezone.now()
    done = {"expired_offers": service.expire_offers(now=now)}
    sessions = TrainingSessionPage.objects.live().filter(cancelled=False)

    soon = Registration.objects.filter(
        status=Status.CONFIRMED,
        session__in=sessions.filter(
            starts_at__gt=now, starts_at__lte=now + REMINDER_BEFORE
        ),
    )
    for registration in soon:
        emails.reminder(registration)
    done["reminders"] = len(soon)

    upcoming = with_seats(sessions.filter(starts_at__gt=now))
    for session in upcoming:
        emails.session_filling(session)

    chased = 0
    for days in SYNTHESIS_DAYS:
        missing = sessions.filter(
            ends_at__lte=now - datetime.timedelta(days=days),
            ends_at__gt=now - datetime.timedelta(days=SYNTHESIS_UNTIL[days]),
        ).exclude(_live_synthesis())
        for session in missing:
            emails.synthesis_missing(session, days)
            chased += 1
    done["synthesis_missing"] = chased

    attendees = Registration.objects.filter(
        attended=True, session__in=sessions.filter(_live_synthesis(), ends_at__lte=now)
    )
    for registration in attendees:
        emails.synthesis_published(registration)
    done["synthesis_sent"] = len(attendees)
    return done
