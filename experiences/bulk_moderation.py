"""Bulk actions on the moderation queue: assign, take, decline with one
reason for all, mark as spam. Each submission goes through the same function
as the single action (``experiences.moderation``, hence ``states.apply``):
same states, same log entry, same email; one transaction each, so that one
refused submission (moved meanwhile, wrong state) leaves the others done."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from experiences import moderation
from experiences.states import TRANSITIONS, TransitionError

# Bulk action: the transition it applies (its states say which submissions).
ACTIONS = {
    "assign": "assign",
    "take": "take",
    "decline": "decline",
    "mark_spam": "mark_spam",
}
LABELS = {
    "assign": gettext_lazy("Attribuer"),
    "take": gettext_lazy("Prendre en charge"),
    "decline": gettext_lazy("Ne pas retenir"),
    "mark_spam": gettext_lazy("Marquer comme indésirable"),
}
MAX_SELECTION = 100


@dataclass
class Outcome:
    done: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # (submission, reason)


def applies_to(action, submission):
    """Whether ``action`` may apply to ``submission`` in its current state."""
    return submission.status in TRANSITIONS[ACTIONS[action]].sources


def _one(action, submission, user, expected, *, assignee, message, note):
    if action == "take":
        return moderation.take(submission, user, expected_status=expected)
    if action == "assign":
        return moderation.assign(submission, user, assignee, expected_status=expected)
    if action == "decline":
        return moderation.decline(
            submission, user, message, note=note, expected_status=expected
        )
    return moderation.mark_spam(submission, user, note=note, expected_status=expected)


def run(
    action, submissions, user, *, expected=None, assignee=None, message="", note=""
):
    """Apply ``action`` to each of ``submissions`` as ``user``; ``expected``:
    {pk: state seen on the confirmation page} (a submission that moved since
    is refused, as a single action would be)."""
    if action not in ACTIONS:
        raise TransitionError(_("Action inconnue."))
    expected = expected or {}
    outcome = Outcome()
    for submission in submissions:
        seen = expected.get(submission.pk) or None
        try:
            _one(
                action,
                submission,
                user,
                seen,
                assignee=assignee,
                message=message,
                note=note,
            )
        except TransitionError as error:
            outcome.refused.append((submission, str(error)))
        else:
            outcome.done.append(submission)
    return outcome
