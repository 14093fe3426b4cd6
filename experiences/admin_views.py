"""Moderation views beside the modeladmin queue: the action buttons of the
inspect view (POST only, CSRF-protected, permission- and state-checked), the
attachment downloads and thumbnails (private files, served only to the
moderation team). The inspect view's context is in admin_inspect."""

import io

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages

from experiences import change_requests, moderation
from experiences.constants import Rubric
from experiences.models import ExperiencePage, Submission, SubmissionAttachment
from experiences.permissions import MODERATE, PURGE, VIEW
from experiences.permissions import VIEW_PERSONAL_DATA as PERSONAL_DATA
from experiences.publication import ChosenAttachment
from experiences.states import (
    CHANGED_MEANWHILE,
    CLOSED_STATES,
    Status,
    TransitionError,
)

THUMBNAIL_SIZE = (320, 320)


def forbidden(request):
    return TemplateResponse(request, "experiences/admin/403.html", status=403)


def can_view(user):
    return user.is_active and user.has_perm(VIEW) and user.has_perm(PERSONAL_DATA)


def can_moderate(user):
    return can_view(user) and user.has_perm(MODERATE)


def inspect_url(submission):
    return reverse("contributions_modeladmin_inspect", args=[submission.pk])


# The queue holds what was sent. A draft (or a draft withdrawn before it was
# sent) carries no consent to be read by anybody: no admin view shows, serves,
# messages or purges it, whoever asks (the purge command erases old drafts).
SENT = Q(submitted_at__isnull=False)


def sent_submissions():
    return Submission.objects.filter(SENT)


def was_sent(submission):
    return submission.submitted_at is not None


# The actions that are not transitions, and the states they apply to (the
# transitions say theirs in experiences.states).
MESSAGE_STATES = (
    Status.RECEIVED,
    Status.IN_REVIEW,
    Status.CHANGES_REQUESTED,
    Status.ACCEPTED,
    Status.PUBLISHED,
    Status.DECLINED,
)
PURGE_STATES = CLOSED_STATES
ACTION_STATES = {
    "note": tuple(s for s in Status if s != Status.DRAFT),
    "message": MESSAGE_STATES,
    "purge": PURGE_STATES,
}


# Actions ---------------------------------------------------------------------

SUCCESS = {
    "take": _("Vous avez pris en charge la contribution %(ref)s."),
    "assign": _("La contribution %(ref)s a été attribuée."),
    "request_changes": _(
        "Compléments demandés pour %(ref)s : la personne a reçu votre message."
    ),
    "accept": _(
        "La contribution %(ref)s est retenue : la page « %(page)s » a été créée "
        "et soumise à la relecture."
    ),
    "decline": _(
        "La contribution %(ref)s n'est pas retenue : la personne est prévenue."
    ),
    "mark_spam": _("La contribution %(ref)s est marquée comme indésirable."),
    "reopen": _("La contribution %(ref)s est rouverte."),
    "note": _("Note interne ajoutée."),
    "message": _("Votre message a été envoyé à la personne."),
    "purge": _("Les données personnelles de %(ref)s ont été purgées."),
}


def _chosen_attachments(request, submission):
    ids = set()
    for value in request.POST.getlist("attachments"):
        if value.isdigit():
            ids.add(int(value))
    return [
        ChosenAttachment(
            attachment_id=attachment.pk,
            caption=request.POST.get(f"caption-{attachment.pk}", "").strip()[:255],
            credit=request.POST.get(f"credit-{attachment.pk}", "").strip()[:255],
        )
        for attachment in submission.attachments.all()
        if attachment.pk in ids
    ]


def check_state(submission, action, expected_status=None):
    """Refuse an action that is not a transition from a state it does not
    apply to, or when the submission moved since the moderator saw it."""
    states = ACTION_STATES.get(action)
    if states is None:
        return
    if expected_status and expected_status != submission.status:
        raise TransitionError(CHANGED_MEANWHILE)
    if submission.status not in states:
        raise TransitionError(
            _("Cette action n'est pas possible depuis l'état « %(state)s ».")
            % {"state": submission.get_status_display()}
        )
    if action == "note" and submission.personal_data_purged_at:
        raise TransitionError(_("Les données de cette contribution sont purgées."))


def _perform(request, submission, action):
    user = request.user
    post = request.POST
    expected = post.get("expected_status") or None
    message = post.get("message", "")
    check_state(submission, action, expected)
    if action == "take":
        return moderation.take(submission, user, expected_status=expected)
    if action == "assign":
        assignee = (
            get_user_model().objects.filter(pk=post.get("assignee") or 0).first()
            if (post.get("assignee") or "").isdigit()
            else None
        )
        return moderation.assign(submission, user, assignee, expected_status=expected)
    if action == "request_changes":
        return change_requests.request_changes(
            submission, user, message, post.getlist("fields"), expected_status=expected
        )
    if action == "accept":
        rubric = post.get("rubric") or submission.rubric
        if rubric not in Rubric.values:
            raise TransitionError(_("Choisissez une rubrique."))
        return moderation.accept(
            submission,
            user,
            rubric=rubric,
            attachments=_chosen_attachments(request, submission),
            expected_status=expected,
        )
    if action == "decline":
        return moderation.decline(
            submission,
            user,
            message,
            note=post.get("note", ""),
            expected_status=expected,
        )
    if action == "mark_spam":
        return moderation.mark_spam(
            submission, user, note=post.get("note", ""), expected_status=expected
        )
    if action == "reopen":
        return moderation.reopen(
            submission, user, message=message, expected_status=expected
        )
    if action == "note":
        return moderation.add_note(submission, user, post.get("body", ""))
    if action == "message":
        return moderation.send_message(submission, user, post.get("body", ""))
    if action == "purge":
        return moderation.purge_personal_data(submission, user)
    raise Http404


@require_POST
def submission_action(request, pk, action):
    if action not in SUCCESS:
        raise Http404
    if not can_moderate(request.user):
        return forbidden(request)
    if action == "purge" and not request.user.has_perm(PURGE):
        return forbidden(request)
    submission = get_object_or_404(sent_submissions(), pk=pk)
    try:
        result = _perform(request, submission, action)
    except TransitionError as error:
        messages.error(request, str(error))
        return redirect(inspect_url(submission))
    page_title = result.title if isinstance(result, ExperiencePage) else ""
    messages.success(
        request,
        SUCCESS[action]
        % {"ref": submission.reference or submission.pk, "page": page_title},
    )
    return redirect(inspect_url(submission))


# Attachments -----------------------------------------------------------------


def _attachment_for(request, pk):
    if not can_view(request.user):
        return None
    return get_object_or_404(
        SubmissionAttachment.objects.select_related("submission").filter(
            submission__in=sent_submissions()
        ),
        pk=pk,
    )


def download_attachment(request, pk):
    attachment = _attachment_for(request, pk)
    if attachment is None:
        return forbidden(request)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("Fichier introuvable.")) from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def attachment_thumbnail(request, pk):
    """A small PNG re-encoded from the photo: never the contributor's bytes."""
    from PIL import Image, UnidentifiedImageError

    attachment = _attachment_for(request, pk)
    if attachment is None:
        return forbidden(request)
    if attachment.kind != SubmissionAttachment.Kind.IMAGE:
        raise Http404
    try:
        with attachment.file.open("rb") as handle, Image.open(handle) as image:
            image.thumbnail(THUMBNAIL_SIZE)
            output = io.BytesIO()
            image.convert("RGB").save(output, format="PNG")
    except (FileNotFoundError, UnidentifiedImageError, OSError) as error:
        raise Http404(_("Aperçu indisponible.")) from error
    response = HttpResponse(output.getvalue(), content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = "inline"
    return response
