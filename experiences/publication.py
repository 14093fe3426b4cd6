"""From an accepted submission to a published experience page.

``accept_submission`` applies the "accept" transition and, in the same
transaction, creates the ExperiencePage draft under the chosen rubric, copies
the submission into it (the submission itself is never changed) and submits it
to the "Publication d'une expérience" workflow. ``on_page_published`` closes
the loop: when the page goes live, the submission becomes ``publiée`` (and the
transition emails the contributor the page's address, see notifications).
"""

import logging
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Workflow
from wagtail.signals import page_published

from core.slugs import french_slug, unique_child_slug
from experiences import page_files
from experiences.constants import NARRATIVE_FIELDS, WORKFLOW_NAME
from experiences.models import (
    ExperienceDocument,
    ExperienceLink,
    ExperiencePage,
    ExperiencePhoto,
    RubricPage,
    Submission,
)
from experiences.states import Status, TransitionError, apply

logger = logging.getLogger(__name__)

RICH_TEXT_FIELDS = NARRATIVE_FIELDS


@dataclass
class ChosenAttachment:
    """An attachment the moderator ticked, with the caption and credit to publish."""

    attachment_id: int
    caption: str = ""
    credit: str = ""


def plain_text_to_rich_text(text):
    """Paragraphs separated by blank lines become escaped ``<p>``; single line
    breaks inside a paragraph become ``<br/>``."""
    paragraphs = []
    for block in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [escape(line.strip()) for line in block.split("\n") if line.strip()]
        if lines:
            paragraphs.append("<p>" + "<br/>".join(lines) + "</p>")
    return "".join(paragraphs)


def unique_slug(parent, title):
    return unique_child_slug(parent, french_slug(title) or "experience")


def publication_workflow(page):
    return (
        page.get_workflow()
        or Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    )


def _copy_attachment(attachment, chosen, user, *, slug, number, collection):
    """Copy a private attachment into a Wagtail image or document, private
    until the page is published and named after the page, never after the
    contributor's file (experiences.page_files)."""
    is_image = attachment.kind == attachment.Kind.IMAGE
    name = page_files.copy_name(
        slug, number, attachment.file.name, unguessable=is_image
    )
    attachment.file.open("rb")
    try:
        content = ContentFile(attachment.file.read(), name=name)
    finally:
        attachment.file.close()
    title = (chosen.caption or attachment.caption or f"{slug}-{number}")[:255]
    if is_image:
        image = get_image_model()(
            title=title, file=content, collection=collection, uploaded_by_user=user
        )
        image.save()
        return ExperiencePhoto(
            image=image,
            caption=chosen.caption or attachment.caption,
            credit=chosen.credit or attachment.credit,
        )
    document = get_document_model()(
        title=title, file=content, collection=collection, uploaded_by_user=user
    )
    document.save()
    return ExperienceDocument(
        document=document, caption=chosen.caption or attachment.caption
    )


def build_page(submission, chosen_attachments=(), user=None, *, slug=""):
    """An unsaved ExperiencePage holding a copy of the submission."""
    slug = slug or french_slug(submission.title) or "experience"
    page = ExperiencePage(
        title=submission.title,
        slug=slug,
        summary=(submission.summary or submission.feature or submission.title)[:300],
        communes=submission.communes,
        department_id=submission.department_id,
        quartiers=submission.quartiers,
        start_date=submission.start_date,
        end_date=None if submission.ongoing else submission.end_date,
        ongoing=submission.ongoing,
        feature=submission.feature,
        contributor_role=submission.role,
        organisation=submission.organisation,
        submission=submission,
        live=False,
    )
    for field in RICH_TEXT_FIELDS:
        setattr(page, field, plain_text_to_rich_text(getattr(submission, field)))
    if submission.consent_public_contact:
        page.contact_name = submission.contributor_name
        page.contact_email = submission.email
    page.themes = list(submission.themes.all())
    page.links = [ExperienceLink(url=url[:500]) for url in submission.link_list]
    attachments = {a.pk: a for a in submission.attachments.all()}
    photos, documents = [], []
    collection = page_files.private_collection() if chosen_attachments else None
    for chosen in chosen_attachments:
        attachment = attachments.get(chosen.attachment_id)
        if attachment is None:
            continue
        item = _copy_attachment(
            attachment,
            chosen,
            user,
            slug=slug,
            number=len(photos) + len(documents) + 1,
            collection=collection,
        )
        (photos if isinstance(item, ExperiencePhoto) else documents).append(item)
    page.photos = photos
    page.documents = documents
    return page


def accept_submission(
    submission, user, *, rubric=None, attachments=None, expected_status=None
):
    """Accept ``submission``: one page draft under the rubric, in its workflow.

    Everything happens in one transaction; the conditional UPDATE of the
    transition means a second "accept" (double click, two moderators) is
    refused and can never make a second page.
    """
    rubric = rubric or submission.rubric
    parent = RubricPage.objects.filter(rubric=rubric).first()
    if parent is None:
        raise TransitionError(_("Choisissez une rubrique pour créer la page."))
    if not submission.title.strip():
        raise TransitionError(_("La contribution n'a pas de titre."))
    with transaction.atomic():
        existing = ExperiencePage.objects.filter(submission=submission).first()
        if existing is not None:
            raise TransitionError(
                _("Une page existe déjà pour cette contribution : « %(title)s ».")
                % {"title": existing.title}
            )
        submission = apply(
            submission,
            "accept",
            user=user,
            expected_status=expected_status,
            message=_("Page créée dans la rubrique « %(rubric)s ».")
            % {"rubric": parent.title},
        )
        page = build_page(
            submission,
            attachments or (),
            user,
            slug=unique_slug(parent, submission.title),
        )
        for tag in submission.tag_list:
            page.tags.add(tag)
        parent.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        workflow = publication_workflow(page)
        if workflow is not None:
            workflow.start(page, user)
    return page


def on_page_published(sender, instance, revision=None, **kwargs):
    """When an experience page made from a submission goes live for the first
    time, the submission becomes ``publiée`` and its author is told where."""
    if kwargs.get("alias") or not isinstance(instance, ExperiencePage):
        return
    if not instance.submission_id:
        return
    submission = Submission.objects.filter(
        pk=instance.submission_id, status=Status.ACCEPTED
    ).first()
    if submission is None:
        return
    user = getattr(revision, "user", None)
    try:
        apply(
            submission,
            "publish",
            user=user,
            expected_status=Status.ACCEPTED,
            message=_("Page publiée : %(title)s") % {"title": instance.title},
        )
    except TransitionError:
        # Someone else (another publish) moved it meanwhile: nothing to do.
        logger.info("Submission %s already moved on publication.", submission.pk)


page_published.connect(on_page_published, dispatch_uid="recueil_submission_published")
