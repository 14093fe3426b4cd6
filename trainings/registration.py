"""Registering, cancelling, offering freed seats: every change of a session's
seats happens here, under a lock on the session's row, so that two
registrations racing for the last seat never both get it.

Seats are held by confirmed registrations and by offers waiting to be claimed
(``constants.HOLDS_SEAT``). When a seat is freed, the first person waiting is
offered it for a claim window (``models.claim_deadline``); an offer not claimed
in time passes to the next person (``expire_offers``, run by
``send_session_reminders``).
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from trainings import emails
from trainings.constants import ACTIVE, HOLDS_SEAT, Status
from trainings.models import Registration, TrainingSessionPage, claim_deadline


class RegistrationClosed(Exception):
    """The session no longer takes registrations (closed, cancelled, past)."""


@dataclass
class Outcome:
    registration: Registration
    token: str  # empty for an existing registration (its link goes by email)
    created: bool


def locked_session(session_id):
    """The session, its row locked until the transaction ends."""
    return TrainingSessionPage.objects.select_for_update(of=("self",)).get(
        pk=session_id
    )


def _held(session):
    return session.registrations.filter(status__in=HOLDS_SEAT).count()


def register(session, data, *, now=None):
    """Register ``data`` (the form's cleaned values) for ``session``: confirmed
    while seats are left, on the waiting list after. An address already
    registered gets its link again by email instead (``created`` False)."""
    email = data["email"].strip().lower()
    with transaction.atomic():
        session = locked_session(session.pk)
        now = now or timezone.now()
        existing = session.registrations.filter(email=email).first()
        if existing is not None and existing.status in ACTIVE:
            emails.link_requested(existing)
            return Outcome(existing, "", False)
        if not session.accepts_registrations(now):
            raise RegistrationClosed
        seat_free = _held(session) < session.capacity
        registration = existing or Registration(session=session, email=email)
        for name, value in data.items():
            if name != "email":
                setattr(registration, name, value)
        registration.number = _next_number(session)
        registration.status = Status.CONFIRMED if seat_free else Status.WAITING
        registration.created_at = now
        registration.cancelled_at = registration.offer_expires_at = None
        token = registration.new_token()
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # Only the lock's holder writes, so this is a concurrent post of the
            # same address from before the lock: show the first one.
            existing = session.registrations.get(email=email)
            emails.link_requested(existing)
            return Outcome(existing, "", False)
        emails.registered(registration)
        emails.session_filling(session)
    return Outcome(registration, token, True)


def _next_number(session):
    last = session.registrations.aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


def cancel(registration, *, now=None):
    """The registrant cancels (or leaves the waiting list); a freed seat is
    offered to the next person waiting."""
    with transaction.atomic():
        session = locked_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in ACTIVE:
            return registration
        freed = registration.status in HOLDS_SEAT
        registration.status = Status.CANCELLED
        registration.cancelled_at = now or timezone.now()
        registration.offer_expires_at = None
        registration.save()
        emails.cancelled(registration)
        if freed:
            offer_free_seats(session, now=now)
    return registration


def claim(registration, *, now=None):
    """The person offered a seat takes it, if the offer still stands."""
    now = now or timezone.now()
    with transaction.atomic():
        locked_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Status.OFFERED:
            return False
        if registration.offer_expires_at and registration.offer_expires_at <= now:
            return False
        registration.status = Status.CONFIRMED
        registration.offer_expires_at = None
        registration.save()
        emails.seat_confirmed(registration)
    return True


def offer_free_seats(session, *, now=None):
    """Offer every free seat, in arrival order, to the people waiting (the
    caller holds the session's lock). Returns the registrations offered one."""
    now = now or timezone.now()
    if session.cancelled or now >= session.starts_at:
        return []
    free = session.capacity - _held(session)
    offered = []
    waiting = session.registrations.filter(status=Status.WAITING).order_by("number")
    for registration in waiting[: max(free, 0)]:
        registration.status = Status.OFFERED
        registration.offer_expires_at = claim_deadline(session, now)
        registration.save()
        emails.seat_offered(registration)
        offered.append(registration)
    return offered


def expire_offers(*, now=None):
    """End the offers not claimed in time, and pass their seats on. Returns
    how many offers ended."""
    now = now or timezone.now()
    expired = Registration.objects.filter(
        status=Status.OFFERED, offer_expires_at__lte=now
    )
    count = 0
    for session_id in set(expired.values_list("session_id", flat=True)):
        with transaction.atomic():
            session = locked_session(session_id)
            ended = list(
                session.registrations.select_for_update().filter(
                    status=Status.OFFERED, offer_expires_at__lte=now
                )
            )
            for registration in ended:
                registration.status = Status.EXPIRED
                registration.save()
                emails.offer_expired(registration)
            count += len(ended)
            offer_free_seats(session, now=now)
    return count


def change(registration, data):
    """The registrant corrects what they told (not their address)."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        for name, value in data.items():
            setattr(registration, name, value)
        registration.save()
    return registration


def mark_attendance(session, present_ids):
    """After the session: who came, among those who held a seat."""
    with transaction.atomic():
        seated = session.registrations.filter(status=Status.CONFIRMED)
        seated.filter(pk__in=present_ids).update(attended=True)
        seated.exclude(pk__in=present_ids).update(attended=False)
