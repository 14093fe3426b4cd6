"""What moderators do to a submission, one function per action.

Every change of state goes through ``experiences.states.apply`` (the one owner
of transitions); this module adds what surrounds it: the message kept in the
submission's thread, the email to the contributor, the note, the log entry of
events that change no state.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from experiences import erasure, notifications
from experiences.constants import NARRATIVE_FIELDS
from experiences.models import Submission, SubmissionMessage, SubmissionNote
from experiences.models.submissions import hash_token, new_token
from experiences.permissions import moderators
from experiences.publication import accept_submission
from experiences.states import (
    CHANGED_MEANWHILE,
    CLOSED_STATES,
    Status,
    TransitionError,
    apply,
)
from experiences.updates import accept_update


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


def _answer(submission, user, name, message, *, expected_status):
    """A transition whose required message goes to the contributor: kept in the
    thread (the transition's email carries it, see notifications)."""
    message = message.strip()
    submission = apply(
        submission, name, user=user, message=message, expected_status=expected_status
    )
    _add_message(submission, user, message)
    return submission


@transaction.atomic
def request_changes(submission, user, message, *, expected_status=None):
    """Ask the contributor for more; they get an email with a fresh tracking link."""
    return _answer(
        submission, user, "request_changes", message, expected_status=expected_status
    )


def accept(submission, user, *, rubric=None, attachments=None, expected_status=None):
    """Accept: create the page draft and start its workflow (see publication);
    an update makes a new revision of its page instead (see updates)."""
    if submission.updates_page_id:
        return accept_update(submission, user, expected_status=expected_status)

    return accept_submission(
        submission,
        user,
        rubric=rubric,
        attachments=attachments,
        expected_status=expected_status,
    )


NOTE_REQUIRED = _(
    "Une note interne est obligatoire pour ne pas retenir une contribution ou la "
    "marquer comme indésirable : elle reste dans l'historique."
)


def _require_note(note):
    if not (note or "").strip():
        raise TransitionError(NOTE_REQUIRED)


@transaction.atomic
def decline(submission, user, message, *, note, expected_status=None):
    """Decline: the message goes to the contributor, the required internal
    note (the moderators' reason) stays in the history."""
    _require_note(note)
    submission = _answer(
        submission, user, "decline", message, expected_status=expected_status
    )
    add_note(submission, user, note)
    return submission


@transaction.atomic
def mark_spam(submission, user, *, note, expected_status=None):
    """Mark as spam, with the required internal note kept in the history."""
    _require_note(note)
    submission = apply(
        submission, "mark_spam", user=user, expected_status=expected_status
    )
    add_note(submission, user, note)
    return submission


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
    entry = log(
        instance=submission,
        action="recueil.submission.message",
        user=user,
        data={"message": body},
    )
    notifications.message_sent(submission, entry)
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
    """Erase a closed submission's personal data, files, notes and messages,
    and every copy of them: audit-log messages and labels, contact copied into
    page revisions, outbox emails, task rows, session keys (see erasure).

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
        contact = erasure.contact_of(submission)
        files = [(a.file.storage, a.file.name) for a in submission.attachments.all()]
        submission.attachments.all().delete()
        submission.notes.all().delete()
        submission.messages.all().delete()
        submission.change_requests.all().delete()
        submission.themes.clear()
        updated = Submission.objects.filter(
            pk=submission.pk,
            status=submission.status,
            personal_data_purged_at__isnull=True,
        ).update(
            **ERASED_FIELDS,
            token_salt="",
            token_hash=hash_token(new_token()),
            personal_data_purged_at=now,
        )
        if not updated:
            raise TransitionError(CHANGED_MEANWHILE)
        submission.refresh_from_db()
        erasure.scrub_pages(submission, contact)
        erasure.forget_everywhere(submission, contact)
        trace = log(
            instance=submission,
            action="recueil.submission.purge",
            user=user,
            data={"message": f"état : {submission.get_status_display()}"},
        )
        erasure.scrub_history(submission, keep=trace)

        def delete_files():
            for storage, name in files:
                storage.delete(name)

        transaction.on_commit(delete_files)
    return submission
