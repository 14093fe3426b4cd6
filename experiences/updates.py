"""Updates months later: « Où en est votre expérience ? ».

A published experience's contributor may propose an update (a submission of
kind « mise à jour », pre-filled from the page's current text, in the same
queue and states). Accepting it makes a new revision of the same page, which
goes through the same workflow (sign-off included); publishing it closes the
update. The contributor may also say in one click that the experience is over
or no longer exists: the page says so at once.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.log_actions import log
from wagtail.signals import page_published

from core import letters, outbox
from core.letters import Letter, PermanentFailure
from experiences import notifications, tracking
from experiences.constants import NARRATIVE_FIELDS, Closure, SubmissionKind
from experiences.models import ExperienceLink, ExperiencePage, Submission
from experiences.publication import build_page, publication_workflow
from experiences.signoff.comparison import rich_text_to_plain
from experiences.signoff.events import SignoffLogFormatter
from experiences.states import Status, TransitionError, apply

STARTED = "recueil.update.started"
PROMPTED = "recueil.update.prompt"
CLOSED = "recueil.update.closed"
LOG_ACTIONS = {
    STARTED: gettext_lazy("Mise à jour proposée par la personne"),
    PROMPTED: gettext_lazy("Courriel « Où en est votre expérience ? » envoyé"),
    CLOSED: gettext_lazy("La personne a signalé la fin de l'expérience"),
}
PROMPT_EMAIL = "update_prompt"
CONTRIBUTOR_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "role",
    "organisation",
    "council",
)
# What an update carries over to the page's new revision.
PAGE_FIELDS = (
    "title",
    "summary",
    "communes",
    "department_id",
    "quartiers",
    "start_date",
    "end_date",
    "ongoing",
    "feature",
    *NARRATIVE_FIELDS,
)


def page_of(submission):
    """The live page a submission (or its update) is about."""
    page_id = submission.updates_page_id
    pages = ExperiencePage.objects.live()
    if page_id:
        return pages.filter(pk=page_id).first()
    return pages.filter(submission=submission).first()


def can_update(submission):
    return (
        submission.status == Status.PUBLISHED
        and not submission.personal_data_purged_at
        and page_of(submission) is not None
    )


@transaction.atomic
def start_update(submission):
    """A draft update pre-filled from the page's current text; returns it and
    its tracking token."""
    page = page_of(submission)
    if page is None or not can_update(submission):
        raise TransitionError(_("Cette expérience ne peut pas être mise à jour."))
    update = Submission(
        status=Status.DRAFT,
        kind=SubmissionKind.UPDATE,
        updates_page=page,
        title=page.title,
        rubric=page.rubric,
        summary=page.summary,
        communes=page.communes,
        department_id=page.department_id,
        quartiers=page.quartiers,
        start_date=page.start_date,
        end_date=page.end_date,
        ongoing=page.ongoing,
        feature=page.feature,
        tags=", ".join(tag.name for tag in page.tags.all()),
        links="\n".join(link.url for link in page.links.all()),
        **{name: getattr(submission, name) for name in CONTRIBUTOR_FIELDS},
    )
    for name in NARRATIVE_FIELDS:
        setattr(update, name, rich_text_to_plain(getattr(page, name)))
    token = update.set_token()
    update.save()
    update.themes.set(page.themes.all())
    log(instance=submission, action=STARTED, data={"update_id": update.pk})
    log(instance=update, action="recueil.submission.draft")
    return update, token


@transaction.atomic
def close_experience(submission, closure):
    """« L'expérience est terminée » / « elle n'existe plus »: published at
    once on the page, recorded on the submission."""
    if closure not in (Closure.ENDED, Closure.GONE):
        raise TransitionError(_("Choix inconnu."))
    page = page_of(submission)
    if page is None or not can_update(submission):
        raise TransitionError(_("Cette expérience ne peut pas être mise à jour."))
    page = page.specific
    page.ongoing = False
    page.closure = closure
    page.end_date = page.end_date or timezone.localdate().replace(day=1)
    page.save_revision(log_action=True).publish()
    log(instance=submission, action=CLOSED, data={"closure": closure})
    return page


def accept_update(submission, user, *, expected_status=None):
    """Accept an update: a new revision of its page, in the workflow."""
    with transaction.atomic():
        page = ExperiencePage.objects.filter(pk=submission.updates_page_id).first()
        if page is None:
            raise TransitionError(_("La page de cette expérience n'existe plus."))
        submission = apply(
            submission,
            "accept",
            user=user,
            expected_status=expected_status,
            message=_("Nouvelle révision de la page « %(title)s ».")
            % {"title": page.title},
        )
        source = build_page(submission, (), user, slug=page.slug)
        latest = page.get_latest_revision_as_object()
        for name in PAGE_FIELDS:
            setattr(latest, name, getattr(source, name))
        if latest.ongoing:
            latest.closure = Closure.OPEN
        latest.themes = list(submission.themes.all())
        latest.links = [ExperienceLink(url=url[:500]) for url in submission.link_list]
        latest.tags.set(submission.tag_list)
        latest.save_revision(user=user, log_action=True)
        state = page.current_workflow_state
        if state is not None:
            state.cancel(user=user)
        workflow = publication_workflow(page)
        if workflow is not None:
            workflow.start(latest, user)
    return latest


def on_page_published(sender, instance, revision=None, **kwargs):
    """Publishing the page closes the updates accepted for it."""
    if kwargs.get("alias") or not isinstance(instance, ExperiencePage):
        return
    for update in Submission.objects.filter(
        updates_page=instance, status=Status.ACCEPTED
    ):
        try:
            apply(
                update,
                "publish",
                user=getattr(revision, "user", None),
                expected_status=Status.ACCEPTED,
                message=_("Mise à jour publiée : %(title)s")
                % {"title": instance.title},
            )
        except TransitionError:
            continue


page_published.connect(on_page_published, dispatch_uid="recueil_update_published")


def update_dates(page):
    """When the page's updates were published, oldest first."""
    return list(
        Submission.objects.filter(updates_page=page, status=Status.PUBLISHED)
        .exclude(published_at=None)
        .order_by("published_at")
        .values_list("published_at", flat=True)
    )


def send_prompts(now=None):
    """« Où en est votre expérience ? », once, UPDATE_PROMPT_MONTHS after
    publication; returns how many were queued."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.UPDATE_PROMPT_MONTHS * 365 / 12)
    due = Submission.objects.filter(
        status=Status.PUBLISHED,
        published_at__lte=cutoff,
        update_prompted_at__isnull=True,
        personal_data_purged_at__isnull=True,
    ).exclude(email="")
    count = 0
    for submission in due:
        if page_of(submission) is None:
            continue
        with transaction.atomic():
            claimed = Submission.objects.filter(
                pk=submission.pk, update_prompted_at__isnull=True
            ).update(update_prompted_at=now)
            if not claimed:
                continue
            entry = log(instance=submission, action=PROMPTED)
            outbox.queue(
                PROMPT_EMAIL,
                submission,
                audience=notifications.CONTRIBUTOR,
                event_id=entry.pk,
            )
        count += 1
    return count


def build_prompt(email):
    submission = Submission.objects.filter(pk=email.object_id).first()
    if submission is None or submission.personal_data_purged_at or not submission.email:
        raise PermanentFailure("La personne n'a plus d'adresse.")
    page = page_of(submission)
    if page is None:
        raise PermanentFailure("La page n'est plus en ligne.")
    return Letter(
        [submission.email],
        {
            "first_name": submission.first_name,
            "title": page.title,
            "page_url": page.get_full_url() or "",
            "tracking_url": tracking.tracking_url(submission) + "#mise-a-jour",
        },
    )


letters.register(
    PROMPT_EMAIL,
    gettext_lazy("Où en est votre expérience ?"),
    build_prompt,
    folder="experiences/emails",
)


@hooks.register("register_log_actions")
def register_update_log_actions(actions):
    for action, label in LOG_ACTIONS.items():
        actions.register_action(action)(
            type("UpdateLogFormatter", (SignoffLogFormatter,), {"label": label})
        )
