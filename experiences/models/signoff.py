"""« Accord de la personne contributrice »: a workflow task of our own.

The person who sent the experience reads the edited sheet from their private
link and approves it or asks for a correction (``experiences.signoff``). Pages
made by hand have nobody to ask: the task is skipped at once, and logged. After
``SIGNOFF_TACIT_DAYS`` without an answer, a member of the task's groups (the
editorial leads) may approve it in the contributor's stead, from the admin.

The models only hold the state; what is said to whom (emails, the
submission's thread) follows Wagtail's task signals (experiences.signoff.events).
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import Task, TaskState
from wagtail.signals import task_submitted

SKIP_ACTION = "recueil.signoff.skip"
TACIT_ACTION = "recueil.signoff.tacit"
TACIT_APPROVE = "approve_tacit"


def tacit_delay():
    return datetime.timedelta(days=settings.SIGNOFF_TACIT_DAYS)


class SignoffTaskState(TaskState):
    """One request for the contributor's agreement, on one revision."""

    submission = models.ForeignKey(
        "experiences.Submission",
        verbose_name=_("contribution"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signoff_states",
    )
    reminders_sent = models.PositiveSmallIntegerField(_("rappels envoyés"), default=0)
    tacit = models.BooleanField(_("accord tacite"), default=False)

    class Meta:
        verbose_name = _("accord demandé")
        verbose_name_plural = _("accords demandés")

    @property
    def tacit_possible_at(self):
        return self.started_at + tacit_delay()

    def tacit_allowed(self, now=None):
        return (
            self.status == self.STATUS_IN_PROGRESS
            and self.submission_id is not None
            and (now or timezone.now()) >= self.tacit_possible_at
        )


class ContributorSignoffTask(Task):
    """The contributor validates the sheet as it will be published."""

    groups = models.ManyToManyField(
        Group,
        verbose_name=_("groupes"),
        help_text=_(
            "Qui peut valider à la place de la personne après le délai sans "
            "réponse (accord tacite)."
        ),
        related_name="+",
    )

    admin_form_fields = [*Task.admin_form_fields, "groups"]
    task_state_class = SignoffTaskState

    class Meta:
        verbose_name = _("accord de la personne contributrice")
        verbose_name_plural = _("accords de la personne contributrice")

    @classmethod
    def get_description(cls):
        return _(
            "La personne qui a envoyé l'expérience valide la fiche mise en forme, "
            "ou demande une correction, depuis son lien de suivi. Les pages créées "
            "à la main passent cette étape."
        )

    def start(self, workflow_state, user=None):
        page = workflow_state.content_object.specific
        revision = page.get_latest_revision()
        submission = signing_submission(page)
        state = SignoffTaskState(
            workflow_state=workflow_state,
            task=self,
            revision=revision,
            submission=submission,
        )
        if submission is None:
            state.status = TaskState.STATUS_SKIPPED
            state.finished_at = timezone.now()
            state.comment = str(_("Page créée à la main : pas d'accord à demander."))
            state.save()
            log(
                instance=page,
                action=SKIP_ACTION,
                revision=revision,
                data={"task_state_id": state.pk, "task": self.name},
            )
            return state
        state.status = TaskState.STATUS_IN_PROGRESS
        state.save()
        task_submitted.send(sender=SignoffTaskState, instance=state, user=user)
        return state

    def is_lead(self, user):
        return bool(
            user
            and user.is_authenticated
            and (
                user.is_superuser
                or self.groups.filter(pk__in=user.groups.values("pk")).exists()
            )
        )

    def locked_for_user(self, obj, user):
        # The contributor reads a fixed version: nobody edits it meanwhile.
        return not (user and user.is_superuser)

    def current_state(self, obj):
        return (
            SignoffTaskState.objects.filter(
                task=self,
                status=TaskState.STATUS_IN_PROGRESS,
                workflow_state__object_id=str(obj.pk),
            )
            .order_by("-started_at", "-pk")
            .first()
        )

    def get_actions(self, obj, user):
        if not self.is_lead(user):
            return []
        state = self.current_state(obj)
        if state is None or not state.tacit_allowed():
            return []
        return [
            (
                TACIT_APPROVE,
                _("Valider à la place de la personne (accord tacite)"),
                True,
            )
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.is_lead(user):
            return TaskState.objects.none()
        return self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            started_at__lte=timezone.now() - tacit_delay(),
        )

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        state = SignoffTaskState.objects.select_for_update().get(pk=task_state.pk)
        if action_name != TACIT_APPROVE or not self.is_lead(user):
            return
        if not state.tacit_allowed():
            return
        comment = (kwargs.get("comment") or "").strip()
        note = str(
            _(
                "Accord tacite : aucune réponse de la personne après %(days)s jours, "
                "validé par l'équipe éditoriale."
            )
            % {"days": settings.SIGNOFF_TACIT_DAYS}
        )
        state.tacit = True
        state.save(update_fields=["tacit"])
        log(
            instance=state.revision.as_object(),
            action=TACIT_ACTION,
            user=user,
            revision=state.revision,
            data={"task_state_id": state.pk, "comment": comment},
        )
        state.approve(user=user, comment=f"{note} {comment}".strip())


def signing_submission(page):
    """The submission whose author signs ``page`` off: the latest accepted
    update of the page, else the submission it was made from; None for a page
    made by hand, or when the person can no longer be reached."""
    submission = None
    updates = getattr(page, "update_submissions", None)
    if updates is not None:
        submission = updates.filter(status="retenue").order_by("-pk").first()
    if submission is None:
        submission = page.submission if page.submission_id else None
    if submission is None or submission.personal_data_purged_at or not submission.email:
        return None
    return submission
