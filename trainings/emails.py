"""Every email of the training sessions: who receives it, what it says.

Queuing (``registered``, ``seat_offered``…) writes an outbox row holding ids
only (``core.outbox``); the builders registered below read the addresses, the
private link and the calendar from the database in the send task. The outbox
key (template, registration or session, event) makes each email go once: the
reminders rely on it. Templates: ``templates/trainings/emails/``.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from core import letters, outbox, ratelimit
from core.letters import Letter, PermanentFailure
from trainings import ics, links
from trainings.constants import Status
from trainings.models import Registration, TrainingSessionPage

REGISTRANT = "registrant"
ORGANISERS = "organisers"
FOLDER = "trainings/emails"
HOURS = "G\\hi"
# Registrant emails that carry the session's calendar.
WITH_CALENDAR = {"training_registered", "training_seat_confirmed", "training_reminder"}


_muted = ContextVar("recueil_training_emails_muted", default=False)


@contextmanager
def muted():
    """Nothing is queued inside (the demo loader registers its people)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def _send(template, about, audience, event_id=None):
    if not _muted.get():
        outbox.queue(template, about, audience=audience, event_id=event_id)


def _queue(template, registration):
    _send(template, registration, REGISTRANT, registration.number)


def registered(registration):
    _queue("training_registered", registration)


def seat_confirmed(registration):
    _queue("training_seat_confirmed", registration)


def cancelled(registration):
    _queue("training_cancelled", registration)


def seat_offered(registration):
    _queue("training_seat_offered", registration)


def offer_expired(registration):
    _queue("training_offer_expired", registration)


def reminder(registration):
    _queue("training_reminder", registration)


def session_cancelled(registration):
    _send("training_session_cancelled", registration, REGISTRANT)


def synthesis_published(registration):
    _send("training_synthesis", registration, REGISTRANT)


def link_requested(registration):
    """Someone typed an address already registered: its link goes to that
    address (never on screen), at most once a minute and within the email
    rate limit."""
    if _muted.get() or ratelimit.over_limit(
        "registrant-email",
        registration.email,
        limit=settings.EMAIL_RATE_LIMIT,
        window=settings.EMAIL_RATE_WINDOW_SECONDS,
    ):
        return
    minute = int(timezone.now().timestamp() // 60)
    _send("training_link", registration, REGISTRANT, minute)


def session_filling(session):
    """Tell the organisers when the session reaches 80 % and 100 % of its seats."""
    held = session.held_seats()
    reached = [
        threshold
        for threshold in (80, 100)
        if session.capacity and held * 100 >= threshold * session.capacity
    ]
    if reached and organiser_addresses():
        for threshold in reached:
            _send("training_filling", session, ORGANISERS, threshold)


def synthesis_missing(session, days):
    if organiser_addresses():
        _send("training_synthesis_missing", session, ORGANISERS, days)


# Building (in the send task) -----------------------------------------------------


def organiser_addresses():
    """Everyone who may manage registrations (the permission decides)."""
    app_label, codename = "trainings", "manage_registrations"
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(
        Q(groups__permissions=permission) | Q(user_permissions=permission)
    )
    return sorted(set(users.values_list("email", flat=True)))


def when(session):
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    day = formats.date_format(start, "l j F Y")
    hours = f"{formats.time_format(start, HOURS)} – {formats.time_format(end, HOURS)}"
    return f"{day}, {hours}"


def session_context(session):
    return {
        "session_title": session.title,
        "when": when(session),
        "place": session.place_label(),
        "online": session.online,
        "session_url": ics.page_url(session),
    }


def _registration(email):
    return letters.subject_row(
        email,
        Registration.objects.select_related("session"),
        "L'inscription n'existe plus (données purgées).",
    )


def build_for_registrant(email):
    registration = _registration(email)
    session = registration.session
    token = registration.token()
    if token is None:
        token = registration.new_token()
        registration.save(update_fields=["token_salt", "token_hash"])
    context = {
        **session_context(session),
        "first_name": registration.first_name,
        "status": registration.status,
        "confirmed": registration.status == Status.CONFIRMED,
        "position": registration.waiting_position(),
        "status_label": registration.get_status_display(),
        "private_url": links.registration_url(token),
        "online_url": session.online_url
        if registration.status == Status.CONFIRMED
        else "",
        "offer_expires_at": registration.offer_expires_at,
        "synthesis_url": (session.synthesis.get_full_url() or "")
        if session.synthesis_id
        else "",
    }
    attachments = ()
    if email.template in WITH_CALENDAR and registration.status == Status.CONFIRMED:
        calendar = ics.session_calendar(session, private=True)
        attachments = ((ics.filename(session), calendar, "text/calendar"),)
    return Letter([registration.email], context, attachments)


def build_for_organisers(email):
    session = TrainingSessionPage.objects.filter(pk=email.object_id).first()
    if session is None:
        raise PermanentFailure("La séance n'existe plus.")
    context = {
        **session_context(session),
        "held": session.held_seats(),
        "capacity": session.capacity,
        "threshold": email.event_id,
        "days": email.event_id,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + f"/admin/formations/seance/{session.pk}/",
    }
    return Letter(organiser_addresses(), context)


REGISTRANT_EMAILS = {
    "training_registered": _("Inscription à une séance"),
    "training_seat_confirmed": _("Place confirmée"),
    "training_cancelled": _("Inscription annulée"),
    "training_seat_offered": _("Place libérée proposée"),
    "training_offer_expired": _("Place proposée expirée"),
    "training_reminder": _("Rappel avant la séance"),
    "training_session_cancelled": _("Séance annulée"),
    "training_synthesis": _("Synthèse de la séance publiée"),
    "training_link": _("Lien de l'inscription renvoyé"),
}
ORGANISER_EMAILS = {
    "training_filling": _("Séance bientôt complète (organisation)"),
    "training_synthesis_missing": _("Synthèse attendue (organisation)"),
}

letters.register_audience(REGISTRANT, _("Personne inscrite"))
letters.register_audience(ORGANISERS, _("Organisateur·rice·s des formations"))
for template_name, label in REGISTRANT_EMAILS.items():
    letters.register(template_name, label, build_for_registrant, folder=FOLDER)
for template_name, label in ORGANISER_EMAILS.items():
    letters.register(template_name, label, build_for_organisers, folder=FOLDER)
