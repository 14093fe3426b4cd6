"""What moderators do to a submission, one function per action.

Every change of state goes through ``experiences.states.apply`` (the one owner
of transitions); this module adds what surrounds it: the message kept in the
submission's thread, the email to the contributor, the note, the log entry of
events that change no state.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from experiences.constants import NARRATIVE_FIELDS
from experiences.emails import queue_email
from experiences.models import Submission, SubmissionMessage, SubmissionNote
from experiences.models.submissions import hash_token, new_token
from experiences.states import (
    CHANGED_MEANWHILE,
    CLOSED_STATES,
    Status,
    TransitionError,
    apply,
)
from experiences.tracking import new_tracking_url

MODERATE_PERMISSION = "experiences.moderate_submission"


def moderators():
    """Active users who may moderate (through a group, directly, or superusers)."""
    User = get_user_model()
    app_label, codename = MODERATE_PERMISSION.split(".")
    granted = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    return (
        User.objects.filter(is_active=True)
        .filter(granted | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def _contributor_context(submission, **extra):
    return {
        "reference": submission.reference or "",
        "title": submission.title,
        "first_name": submission.first_name,
        **extra,
    }


def _add_message(submission, user, body):
    return SubmissionMessage.objects.create(
        submission=submission,
        author=user,
        direction=SubmissionMessage.Direction.TO_CONTRIBUTOR,
        body=body,
    )


def take(submission, user, *, expected_status=None):
    return apply(
        submission,
        "take",
        user=user,
        expected_status=expected_status,
        assigned_to=user,
    )


def assign(submission, user, assignee, *, expected_status=None):
    if assignee is None or not moderators().filter(pk=assignee.pk).exists():
        raise TransitionError(
            _("Cette personne ne peut pas modérer les contributions.")
        )
    name = assignee.get_full_name() or assignee.get_username()
    return apply(
        submission,
        "assign",
        user=user,
        expected_status=expected_status,
        message=_("Attribuée à %(name)s") % {"name": name},
        assigned_to=assignee,
    )


def _answer(submission, user, name, message, template, *, expected_status, link):
    """A transition whose required message goes to the contributor: kept in the
    thread and emailed (with a fresh tracking link when they have to act)."""
    message = message.strip()
    submission = apply(
        submission, name, user=user, message=message, expected_status=expected_status
    )
    _add_message(submission, user, message)
    extra = {"tracking_url": new_tracking_url(submission)} if link else {}
    queue_email(
        template,
        [submission.email],
        _contributor_context(submission, message=message, **extra),
    )
    return submission


@transaction.atomic
def request_changes(submission, user, message, *, expected_status=None):
    """Ask the contributor for more; they get an email with a fresh tracking link."""
    return _answer(
        submission,
        user,
        "request_changes",
        message,
        "changes_requested",
        expected_status=expected_status,
        link=True,
    )


def accept(submission, user, *, rubric=None, attachments=None, expected_status=None):
    """Accept: create the page draft and start its workflow (see publication)."""
    from experiences.publication import accept_submission

    return accept_submission(
        submission,
        user,
        rubric=rubric,
        attachments=attachments,
        expected_status=expected_status,
    )


@transaction.atomic
def decline(submission, user, message, *, expected_status=None):
    return _answer(
        submission,
        user,
        "decline",
        message,
        "declined",
        expected_status=expected_status,
        link=False,
    )


def mark_spam(submission, user, *, expected_status=None):
    return apply(submission, "mark_spam", user=user, expected_status=expected_status)


def reopen(submission, user, *, message="", expected_status=None):
    return apply(
        submission,
        "reopen",
        user=user,
        message=message,
        expected_status=expected_status,
        assigned_to=user,
    )


@transaction.atomic
def add_note(submission, user, body):
    """A private note between moderators, never shown to the contributor."""
    body = body.strip()
    if not body:
        raise TransitionError(_("La note est vide."))
    note = SubmissionNote.objects.create(submission=submission, author=user, body=body)
    log(
        instance=submission,
        action="recueil.submission.note",
        user=user,
        data={"note_id": note.pk},
    )
    return note


@transaction.atomic
def send_message(submission, user, body):
    """Write to the contributor: kept in the thread, emailed with the tracking link."""
    body = body.strip()
    if not body:
        raise TransitionError(_("Le message est vide."))
    if submission.personal_data_purged_at or not submission.email:
        raise TransitionError(
            _(
                "Les coordonnées de cette personne ont été purgées : "
                "impossible de lui écrire."
            )
        )
    message = _add_message(submission, user, body)
    log(
        instance=submission,
        action="recueil.submission.message",
        user=user,
        data={"message": body},
    )
    queue_email(
        "message",
        [submission.email],
        _contributor_context(
            submission, message=body, tracking_url=new_tracking_url(submission)
        ),
    )
    return message


# Personal data (RGPD) ----------------------------------------------------------

PURGEABLE_STATES = (*CLOSED_STATES, Status.DRAFT)
ERASED_FIELDS = {
    "first_name": "",
    "last_name": "",
    "email": "",
    "phone": "",
    "organisation": "",
    "council": "",
    "summary": "",
    "communes": "",
    "quartiers": "",
    "feature": "",
    **dict.fromkeys(NARRATIVE_FIELDS, ""),
    "tags": "",
    "links": "",
    "consent_public_contact": False,
}


def purge_personal_data(submission, user=None, *, now=None):
    """Erase a closed submission's personal data, files, notes and messages.

    The record stays (reference, state, rubric, département, dates) with an
    entry in its history: the trace that it existed. Files are deleted once
    the transaction has committed, so a rollback never loses them.
    """
    if submission.status not in PURGEABLE_STATES:
        raise TransitionError(
            _(
                "Seules les contributions non retenues, retirées, indésirables ou "
                "les brouillons peuvent être purgées."
            )
        )
    if submission.personal_data_purged_at:
        raise TransitionError(_("Les données de cette contribution sont déjà purgées."))
    now = now or timezone.now()
    with transaction.atomic():
        files = [(a.file.storage, a.file.name) for a in submission.attachments.all()]
        submission.attachments.all().delete()
        submission.notes.all().delete()
        submission.messages.all().delete()
        submission.themes.clear()
        updated = Submission.objects.filter(
            pk=submission.pk,
            status=submission.status,
            personal_data_purged_at__isnull=True,
        ).update(
            **ERASED_FIELDS,
            token_hash=hash_token(new_token()),
            personal_data_purged_at=now,
        )
        if not updated:
            raise TransitionError(CHANGED_MEANWHILE)
        submission.refresh_from_db()
        log(
            instance=submission,
            action="recueil.submission.purge",
            user=user,
            data={"message": f"état : {submission.get_status_display()}"},
        )

        def delete_files():
            for storage, name in files:
                storage.delete(name)

        transaction.on_commit(delete_files)
    return submission
