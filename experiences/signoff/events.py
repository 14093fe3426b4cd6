"""What follows each step of the sign-off task.

Wagtail sends ``task_submitted``, ``task_approved`` and ``task_rejected`` for
our task states; each is recorded on the submission (its history, that the
contributor sees) and, when the page reaches the task, the contributor is
emailed their private link (an outbox row holding ids only).
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import LogFormatter, log
from wagtail.models import ModelLogEntry
from wagtail.signals import task_approved, task_rejected, task_submitted

from core import letters, outbox
from core.letters import Letter, PermanentFailure
from experiences import notifications, tracking
from experiences.models import SignoffTaskState, Submission
from experiences.models.signoff import SKIP_ACTION, TACIT_ACTION, tacit_delay

REQUESTED = "recueil.signoff.requested"
REMINDED = "recueil.signoff.reminder"
APPROVED = "recueil.signoff.approved"
REJECTED = "recueil.signoff.rejected"
TACIT_APPROVED = "recueil.signoff.tacit_approved"

# On the submission (the contributor's history shows them) …
SUBMISSION_ACTIONS = {
    REQUESTED: _("Votre accord est demandé sur la fiche mise en forme"),
    REMINDED: _("Rappel : votre accord est attendu"),
    APPROVED: _("Vous avez validé la fiche"),
    REJECTED: _("Vous avez demandé une correction"),
    TACIT_APPROVED: _(
        "Fiche validée par l'équipe éditoriale sans réponse de votre part "
        "(accord tacite)"
    ),
}
# … and on the page.
PAGE_ACTIONS = {
    SKIP_ACTION: _("Accord de la personne : étape passée (page créée à la main)"),
    TACIT_ACTION: _("Accord de la personne : validé à sa place (accord tacite)"),
}

EMAIL_REQUEST = "signoff_requested"
EMAIL_REMINDER = "signoff_reminder"


class SignoffLogFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = data.get("message") or data.get("comment")
        return f"{self.label} : {message}" if message else str(self.label)


@hooks.register("register_log_actions")
def register_signoff_log_actions(actions):
    for action, label in {**SUBMISSION_ACTIONS, **PAGE_ACTIONS}.items():
        actions.register_action(action)(
            type("SignoffLogFormatter", (SignoffLogFormatter,), {"label": label})
        )


def record(state, action, *, user=None, message=""):
    """Log ``action`` on the state's submission; return the entry."""
    return log(
        instance=state.submission,
        action=action,
        user=user if user and user.is_authenticated else None,
        data={
            "task_state_id": state.pk,
            "revision_id": state.revision_id,
            "message": message,
        },
    )


def on_task_submitted(sender, instance, user=None, **kwargs):
    if instance.submission_id is None:
        return
    entry = record(instance, REQUESTED)
    if notifications.is_muted():
        return
    outbox.queue(
        EMAIL_REQUEST,
        instance.submission,
        audience=notifications.CONTRIBUTOR,
        event_id=entry.pk,
    )


def on_task_approved(sender, instance, user=None, **kwargs):
    if instance.submission_id is None:
        return
    if instance.tacit:
        record(instance, TACIT_APPROVED, user=user)
    else:
        record(instance, APPROVED)


def on_task_rejected(sender, instance, user=None, **kwargs):
    if instance.submission_id is not None:
        record(instance, REJECTED, message=instance.comment)


task_submitted.connect(
    on_task_submitted, sender=SignoffTaskState, dispatch_uid="recueil_signoff_start"
)
task_approved.connect(
    on_task_approved, sender=SignoffTaskState, dispatch_uid="recueil_signoff_ok"
)
task_rejected.connect(
    on_task_rejected, sender=SignoffTaskState, dispatch_uid="recueil_signoff_no"
)


# Emails (built in the send task, from ids) ----------------------------------------


def signoff_path(submission):
    return reverse("recueil_signoff", args=[tracking.current_token(submission)])


def signoff_url(submission):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + signoff_path(submission)


def build_signoff_email(email):
    submission = Submission.objects.filter(pk=email.object_id).first()
    if submission is None:
        raise PermanentFailure("La contribution n'existe plus.")
    if submission.personal_data_purged_at or not submission.email:
        raise PermanentFailure(
            "La personne n'a plus d'adresse : ses données ont été purgées."
        )
    entry = ModelLogEntry.objects.filter(pk=email.event_id).first()
    state_id = (entry.data or {}).get("task_state_id") if entry else None
    state = SignoffTaskState.objects.filter(pk=state_id).first()
    if state is None or state.status != SignoffTaskState.STATUS_IN_PROGRESS:
        raise PermanentFailure("L'accord n'est plus attendu.")
    return Letter(
        [submission.email],
        {
            "first_name": submission.first_name,
            "title": submission.title,
            "reference": submission.reference or "",
            "signoff_url": signoff_url(submission),
            "tacit_date": (state.started_at + tacit_delay()).date(),
            "reminder": email.template == EMAIL_REMINDER,
        },
    )


letters.register(
    EMAIL_REQUEST,
    _("Accord demandé sur la fiche"),
    build_signoff_email,
    folder="experiences/emails",
)
letters.register(
    EMAIL_REMINDER,
    _("Rappel : accord attendu"),
    build_signoff_email,
    folder="experiences/emails",
)
