"""Every email of the experiences domain: when it is queued, who receives it,
what it says.

Queuing follows what happened: ``states.apply`` calls ``transition_applied``
after each transition (``Transition.notify_contributor`` and
``notify_moderators`` say who is told, ``CONTRIBUTOR_EMAILS`` and
``MODERATOR_EMAILS`` with which template); the services call ``draft_saved``,
``message_sent`` and ``draft_expiring`` for the events that are not
transitions. Each queues an outbox email (``core.outbox``) that holds ids only.

Building happens when the email is sent, in the task: the builders registered
below read the recipients and the context from the database then, and the
tracking link is rebuilt from the submission (``experiences.tracking``).
Templates: ``templates/experiences/emails/<template>.subject.txt``, ``.txt``,
``.html``.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import ModelLogEntry

from core import letters, outbox, ratelimit
from core.dates import french_date
from core.letters import Letter, PermanentFailure
from core.models import OutboxEmail
from core.urls import absolute, page_url
from experiences import tracking
from experiences.models import ExperiencePage, Submission
from experiences.permissions import moderators

CONTRIBUTOR = "contributor"
MODERATORS = "moderators"
ASSIGNEE = "assignee"

CONTRIBUTOR_EMAILS = {
    "submit": "receipt",
    "resubmit": "receipt",
    "request_changes": "changes_requested",
    "accept": "accepted",
    "decline": "declined",
    "publish": "published",
}
MODERATOR_EMAILS = {
    "submit": "new_submission_moderators",
    "resubmit": "new_submission_moderators",
}
# Emails whose text says that their link replaces the earlier ones: the
# submission gets a new link when they are queued.
NEW_LINK = {"changes_requested", "message", "draft_reminder"}
# Emails that anyone can cause by typing an address in the public form.
RATE_LIMITED = {"draft_saved", "receipt"}
RESUBMIT_ACTION = "recueil.submission.resubmit"
TEMPLATES = "experiences/emails"

_muted = ContextVar("recueil_notifications_muted", default=False)


@contextmanager
def muted():
    """Nothing is queued inside (the demo loader replays old events)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def is_muted():
    return _muted.get()


# Queuing -----------------------------------------------------------------------


def transition_applied(submission, transition, entry):
    """The hook of ``states.apply``: queue what ``transition`` means."""
    if _muted.get():
        return
    if transition.notify_contributor:
        _to_contributor(CONTRIBUTOR_EMAILS[transition.name], submission, entry)
    if transition.name == "assign":
        _to_assignee(submission, entry)
    if transition.notify_moderators and moderator_addresses():
        outbox.queue(
            MODERATOR_EMAILS[transition.name],
            submission,
            audience=MODERATORS,
            event_id=entry.pk,
        )


def _to_assignee(submission, entry):
    """Assigned by someone else: the moderator is told."""
    if submission.assigned_to_id and submission.assigned_to_id != entry.user_id:
        outbox.queue("assigned", submission, audience=ASSIGNEE, event_id=entry.pk)


def draft_saved(submission, entry, *, previous_email):
    """A draft whose address is new gets its link by email. When the address
    changed, the link changes too, so that the old address no longer opens it."""
    if _muted.get():
        return
    if previous_email and previous_email != submission.email:
        tracking.rotate(submission)
    _to_contributor("draft_saved", submission, entry)


def message_sent(submission, entry):
    if not _muted.get():
        _to_contributor("message", submission, entry)


def draft_expiring(submission, entry):
    if not _muted.get():
        _to_contributor("draft_reminder", submission, entry)


def _to_contributor(template, submission, entry):
    if not submission.email:
        return
    if template in RATE_LIMITED and ratelimit.over_limit(
        "contributor-email",
        submission.email.lower(),
        limit=settings.EMAIL_RATE_LIMIT,
        window=settings.EMAIL_RATE_WINDOW_SECONDS,
    ):
        outbox.withhold(
            template,
            submission,
            audience=CONTRIBUTOR,
            event_id=entry.pk,
            reason=_(
                "Non envoyé : plus de %(limit)s courriels vers cette adresse en "
                "%(minutes)s minutes (limite contre les abus). La personne a vu "
                "son lien à l'écran ; renvoyez-le si elle le demande."
            )
            % {
                "limit": settings.EMAIL_RATE_LIMIT,
                "minutes": settings.EMAIL_RATE_WINDOW_SECONDS // 60,
            },
        )
        return
    if template in NEW_LINK:
        tracking.rotate(submission)
    outbox.queue(template, submission, audience=CONTRIBUTOR, event_id=entry.pk)


def withheld(submission, template):
    """Whether the latest ``template`` email to the contributor was held back
    by the rate limit (recorded as failed, never tried)."""
    latest = (
        outbox.emails_about(submission)
        .filter(template=template, audience=CONTRIBUTOR)
        .order_by("-pk")
        .first()
    )
    return bool(
        latest and latest.status == OutboxEmail.Status.FAILED and not latest.attempts
    )


# Building (in the send task) ------------------------------------------------------


def moderator_addresses():
    """Everyone who may moderate (one definition: the permission), plus the
    addresses of MODERATORS_EMAIL."""
    users = moderators().exclude(email="").values_list("email", flat=True)
    return sorted({*users, *settings.MODERATORS_EMAIL})


def _submission(email):
    return letters.subject_row(
        email,
        Submission.objects.select_related("department"),
        "La contribution n'existe plus.",
    )


def _entry(email):
    return ModelLogEntry.objects.filter(pk=email.event_id).first()


def _message(email):
    entry = _entry(email)
    return (entry.data or {}).get("message", "") if entry else ""


def _resubmitted(email):
    entry = _entry(email)
    return bool(entry and entry.action == RESUBMIT_ACTION)


def _page(submission):
    return ExperiencePage.objects.filter(submission=submission).first()


def summary(submission):
    return {
        "reference": submission.reference or "",
        "title": submission.title,
        "rubric": submission.get_rubric_display() if submission.rubric else "",
        "departement": str(submission.department) if submission.department else "",
        "role": submission.get_role_display() if submission.role else "",
        "first_name": submission.first_name,
        "status": submission.get_status_display(),
        "attachments": [a.original_name for a in submission.attachments.all()],
    }


def _short(submission):
    return {
        "reference": submission.reference or "",
        "title": submission.title,
        "first_name": submission.first_name,
    }


def _receipt(email, submission):
    return {
        **summary(submission),
        "tracking_url": tracking.tracking_url(submission),
        "resubmitted": _resubmitted(email),
    }


def _draft_saved(email, submission):
    return {**summary(submission), "tracking_url": tracking.tracking_url(submission)}


def _with_message(email, submission):
    return {**_short(submission), "message": _message(email)}


def _with_message_and_link(email, submission):
    return {
        **_with_message(email, submission),
        "tracking_url": tracking.tracking_url(submission),
    }


def _accepted(email, submission):
    page = _page(submission)
    rubric = page.get_parent().title if page else submission.get_rubric_display()
    return {**_short(submission), "rubric": rubric}


def _published(email, submission):
    page = _page(submission)
    return {
        **_short(submission),
        "title": page.title if page else submission.title,
        "page_url": page_url(page) if page else "",
    }


def _draft_reminder(email, submission):
    entry = _entry(email)
    purge_on = parse_date((entry.data or {}).get("purge_on", "")) if entry else None
    return {
        "first_name": submission.first_name,
        "title": submission.title,
        "purge_date": french_date(purge_on),
        "tracking_url": tracking.tracking_url(submission),
    }


CONTRIBUTOR_CONTEXTS = {
    "receipt": (gettext_lazy("Accusé de réception"), _receipt),
    "draft_saved": (gettext_lazy("Lien du brouillon"), _draft_saved),
    "changes_requested": (
        gettext_lazy("Demande de compléments"),
        _with_message_and_link,
    ),
    "accepted": (gettext_lazy("Contribution retenue"), _accepted),
    "declined": (gettext_lazy("Contribution non retenue"), _with_message),
    "published": (gettext_lazy("Expérience publiée"), _published),
    "message": (gettext_lazy("Message de l'équipe éditoriale"), _with_message_and_link),
    "draft_reminder": (
        gettext_lazy("Rappel avant suppression du brouillon"),
        _draft_reminder,
    ),
}


def build_for_contributor(email):
    submission = _submission(email)
    if submission.personal_data_purged_at or not submission.email:
        raise PermanentFailure(
            "La personne n'a plus d'adresse : ses données ont été purgées."
        )
    _label, context = CONTRIBUTOR_CONTEXTS[email.template]
    return Letter([submission.email], context(email, submission))


def build_for_moderators(email):
    submission = _submission(email)
    context = {
        **summary(submission),
        "resubmitted": _resubmitted(email),
        "admin_url": absolute("/admin/"),
    }
    return Letter(moderator_addresses(), context)


def build_for_assignee(email):
    submission = _submission(email)
    assignee = submission.assigned_to
    entry = _entry(email)
    if assignee is None or not assignee.email or (entry and entry.user is None):
        raise PermanentFailure("Aucune adresse à prévenir.")
    by = entry.user.get_full_name() or entry.user.get_username()
    return Letter(
        [assignee.email],
        {
            **_short(submission),
            "assigned_by": by,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + f"/admin/contributions/inspect/{submission.pk}/",
        },
    )


letters.register_audience(ASSIGNEE, gettext_lazy("Modérateur·rice attribué·e"))
letters.register(
    "assigned",
    gettext_lazy("Contribution attribuée"),
    build_for_assignee,
    folder=TEMPLATES,
)
letters.register_audience(CONTRIBUTOR, gettext_lazy("Personne contributrice"))
letters.register_audience(MODERATORS, gettext_lazy("Équipe de modération"))
for template_name, (label, _context) in CONTRIBUTOR_CONTEXTS.items():
    letters.register(template_name, label, build_for_contributor, folder=TEMPLATES)
letters.register(
    "new_submission_moderators",
    gettext_lazy("Nouvelle contribution (modération)"),
    build_for_moderators,
    folder=TEMPLATES,
)
