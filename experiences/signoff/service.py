"""What the contributor does from their private link: approve the sheet, or
ask for a correction with a message. Only the task state of the token's own
submission is ever reached (``pending_state``)."""

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import ModelLogEntry

from experiences.models import SignoffTaskState, SubmissionMessage
from experiences.signoff import events


class SignoffError(Exception):
    """The action cannot be done (already answered, sheet changed, no message)."""


def pending_state(submission):
    return (
        SignoffTaskState.objects.filter(
            submission=submission, status=SignoffTaskState.STATUS_IN_PROGRESS
        )
        .select_related("revision", "task")
        .order_by("-started_at", "-pk")
        .first()
    )


def _locked(submission, state_id):
    state = (
        SignoffTaskState.objects.select_for_update()
        .filter(pk=state_id, submission=submission)
        .first()
    )
    if state is None or state.status != SignoffTaskState.STATUS_IN_PROGRESS:
        raise SignoffError(
            _(
                "Cette version de la fiche n'attend plus votre avis (vous avez déjà "
                "répondu, ou l'équipe l'a modifiée entre-temps) : rechargez la page."
            )
        )
    return state


@transaction.atomic
def approve(submission, state_id):
    state = _locked(submission, state_id)
    state.approve(user=None, comment=_("Validée par la personne contributrice."))
    return state


@transaction.atomic
def reject(submission, state_id, message):
    message = (message or "").strip()
    if not message:
        raise SignoffError(
            _("Dites ce qu'il faut corriger : le message est obligatoire.")
        )
    state = _locked(submission, state_id)
    state.reject(user=None, comment=message)
    SubmissionMessage.objects.create(
        submission=submission,
        direction=SubmissionMessage.Direction.FROM_CONTRIBUTOR,
        body=message,
    )
    return state


def history(submission):
    """The sign-off's events, oldest first, as the contributor reads them."""
    entries = ModelLogEntry.objects.for_instance(submission).filter(
        action__in=events.SUBMISSION_ACTIONS
    )
    return [
        {
            "when": entry.timestamp,
            "label": str(events.SUBMISSION_ACTIONS[entry.action]),
            "message": (entry.data or {}).get("message", ""),
            "tacit": entry.action == events.TACIT_APPROVED,
        }
        for entry in entries.order_by("timestamp", "pk")
    ]
