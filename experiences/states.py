"""The submission state machine: the one place that says who may do what, when.

Every transition is applied with a conditional UPDATE on the state it starts
from, so two moderators acting at once cannot both apply it, and is recorded in
Wagtail's audit log (``ModelLogEntry``) with its actor, time and message.
"""

from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from experiences import permissions


class Status(models.TextChoices):
    DRAFT = "brouillon", _("Brouillon")
    RECEIVED = "recue", _("Reçue")
    IN_REVIEW = "en-examen", _("En examen")
    CHANGES_REQUESTED = "complements-demandes", _("Compléments demandés")
    ACCEPTED = "retenue", _("Retenue")
    DECLINED = "non-retenue", _("Non retenue")
    PUBLISHED = "publiee", _("Publiée")
    WITHDRAWN = "retiree", _("Retirée")
    SPAM = "indesirable", _("Indésirable")


OPEN_STATES = (Status.RECEIVED, Status.IN_REVIEW, Status.CHANGES_REQUESTED)
CLOSED_STATES = (Status.DECLINED, Status.WITHDRAWN, Status.SPAM)

# Who may act: the contributor (through their private link), moderators (and
# editorial leads, who hold the same permission), or the system itself.
CONTRIBUTOR = "contributor"
MODERATOR = "moderator"
SYSTEM = "system"


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple
    target: str | None  # None: the state does not change (assignment)
    actor: str
    log_action: str
    message_required: bool = False
    # Who is told (experiences.notifications says with which email).
    notify_contributor: bool = False
    notify_moderators: bool = False


TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "submit",
            _("Envoyer"),
            (Status.DRAFT,),
            Status.RECEIVED,
            CONTRIBUTOR,
            "recueil.submission.submit",
            notify_contributor=True,
            notify_moderators=True,
        ),
        Transition(
            "withdraw",
            _("Retirer ma contribution"),
            (Status.DRAFT, *OPEN_STATES),
            Status.WITHDRAWN,
            CONTRIBUTOR,
            "recueil.submission.withdraw",
        ),
        Transition(
            "resubmit",
            _("Renvoyer après compléments"),
            (Status.CHANGES_REQUESTED,),
            Status.IN_REVIEW,
            CONTRIBUTOR,
            "recueil.submission.resubmit",
            notify_contributor=True,
            notify_moderators=True,
        ),
        Transition(
            "take",
            _("Prendre en charge"),
            OPEN_STATES,
            Status.IN_REVIEW,
            MODERATOR,
            "recueil.submission.take",
        ),
        Transition(
            "assign",
            _("Attribuer"),
            OPEN_STATES,
            None,
            MODERATOR,
            "recueil.submission.assign",
        ),
        Transition(
            "request_changes",
            _("Demander des compléments"),
            (Status.IN_REVIEW,),
            Status.CHANGES_REQUESTED,
            MODERATOR,
            "recueil.submission.request_changes",
            message_required=True,
            notify_contributor=True,
        ),
        Transition(
            "accept",
            _("Retenir"),
            (Status.IN_REVIEW,),
            Status.ACCEPTED,
            MODERATOR,
            "recueil.submission.accept",
            notify_contributor=True,
        ),
        Transition(
            "decline",
            _("Ne pas retenir"),
            (Status.IN_REVIEW,),
            Status.DECLINED,
            MODERATOR,
            "recueil.submission.decline",
            message_required=True,
            notify_contributor=True,
        ),
        Transition(
            "mark_spam",
            _("Marquer comme indésirable"),
            OPEN_STATES,
            Status.SPAM,
            MODERATOR,
            "recueil.submission.mark_spam",
        ),
        Transition(
            "reopen",
            _("Rouvrir"),
            (Status.DECLINED,),
            Status.IN_REVIEW,
            MODERATOR,
            "recueil.submission.reopen",
        ),
        Transition(
            "publish",
            _("Publiée"),
            (Status.ACCEPTED,),
            Status.PUBLISHED,
            SYSTEM,
            "recueil.submission.publish",
            notify_contributor=True,
        ),
    ]
}

# Events that are recorded but change no state.
LOG_ACTIONS = {
    "recueil.submission.draft": _("Brouillon enregistré"),
    "recueil.submission.note": _("Note interne ajoutée"),
    "recueil.submission.message": _("Message envoyé à la personne"),
    "recueil.submission.purge": _("Données personnelles purgées"),
    "recueil.submission.attachments": _("Légendes des pièces jointes modifiées"),
    "recueil.submission.reminder": _("Rappel envoyé avant la suppression du brouillon"),
    **{t.log_action: t.label for t in TRANSITIONS.values()},
}


CHANGED_MEANWHILE = _(
    "Cette contribution a changé d'état entre-temps : rechargez la page avant d'agir."
)


class TransitionError(Exception):
    """A transition refused: wrong state, missing message or not allowed."""


# The one function called after every transition: what it means for the
# people concerned (experiences.notifications registers it when the app is
# ready; it cannot be imported here, since it imports the models, which import
# this module).
_after_transition = None


def set_after_transition(function):
    global _after_transition  # noqa: PLW0603 - set once, in AppConfig.ready
    _after_transition = function


def can_act(user, transition):
    if transition.actor == MODERATOR:
        return bool(
            user and user.is_authenticated and user.has_perm(permissions.MODERATE)
        )
    return transition.actor in (CONTRIBUTOR, SYSTEM)


def available_transitions(submission, user):
    return [
        t
        for t in TRANSITIONS.values()
        if t.actor == MODERATOR and submission.status in t.sources and can_act(user, t)
    ]


def apply(submission, name, *, user=None, message="", expected_status=None, **changes):
    """Apply transition ``name`` to ``submission``; return the updated submission.

    ``expected_status`` is the state the actor saw (a hidden field of the
    action's form): if the submission moved meanwhile, the action is refused.
    ``changes`` are further fields saved in the same UPDATE (``assigned_to``…).
    """
    transition = TRANSITIONS[name]
    if not can_act(user, transition):
        raise TransitionError(_("Vous n'avez pas le droit de faire cette action."))
    if transition.message_required and not message.strip():
        raise TransitionError(_("Un message est obligatoire pour cette action."))
    seen = expected_status or submission.status
    if seen not in transition.sources:
        raise TransitionError(
            _("Cette action n'est pas possible depuis l'état « %(state)s ».")
            % {"state": Status(seen).label}
        )
    now = timezone.now()
    values = {"updated_at": now, **changes}
    if transition.target:
        values["status"] = transition.target
    if name == "submit":
        values["submitted_at"] = now
    if transition.target in (Status.ACCEPTED, Status.DECLINED, Status.SPAM):
        values["decided_at"] = now
    if transition.target == Status.PUBLISHED:
        values["published_at"] = now
    model = type(submission)
    with transaction.atomic():
        updated = model.objects.filter(pk=submission.pk, status=seen).update(**values)
        if not updated:
            raise TransitionError(CHANGED_MEANWHILE)
        submission.refresh_from_db()
        entry = log(
            instance=submission,
            action=transition.log_action,
            user=user if user and user.is_authenticated else None,
            data={"message": message, "from": seen, "to": submission.status},
        )
        if _after_transition is not None:
            _after_transition(submission, transition, entry)
    return submission
