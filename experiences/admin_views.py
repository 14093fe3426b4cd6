"""Moderation views beside the modeladmin queue: the action buttons of the
inspect view (POST only, CSRF-protected, permission-checked), the attachment
downloads and thumbnails (private files, served only to the moderation team),
and the context of the inspect view."""

import io

from django.contrib.auth import get_user_model
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.log_actions import registry as log_registry

from experiences import moderation
from experiences.constants import Rubric
from experiences.models import ExperiencePage, Submission, SubmissionAttachment
from experiences.publication import ChosenAttachment
from experiences.states import (
    TRANSITIONS,
    Status,
    TransitionError,
    available_transitions,
)

VIEW = "experiences.view_submission"
PERSONAL_DATA = "experiences.view_personal_data"
MODERATE = "experiences.moderate_submission"
PURGE = "experiences.purge_submission"
THUMBNAIL_SIZE = (320, 320)


def forbidden(request):
    return TemplateResponse(request, "experiences/admin/403.html", status=403)


def can_view(user):
    return user.is_active and user.has_perm(VIEW) and user.has_perm(PERSONAL_DATA)


def can_moderate(user):
    return can_view(user) and user.has_perm(MODERATE)


def inspect_url(submission):
    return reverse("contributions_modeladmin_inspect", args=[submission.pk])


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


def _perform(request, submission, action):
    user = request.user
    post = request.POST
    expected = post.get("expected_status") or None
    message = post.get("message", "")
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
        return moderation.request_changes(
            submission, user, message, expected_status=expected
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
        return moderation.decline(submission, user, message, expected_status=expected)
    if action == "mark_spam":
        return moderation.mark_spam(submission, user, expected_status=expected)
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
    submission = get_object_or_404(Submission, pk=pk)
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
        SubmissionAttachment.objects.select_related("submission"), pk=pk
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


# Inspect view context ---------------------------------------------------------


def _month(value):
    return value.strftime("%m/%Y") if value else ""


def field_groups(submission):
    """The submission's fields, grouped as the contribution form groups them."""
    when = _month(submission.start_date)
    if submission.ongoing:
        when = _("depuis %(start)s (en cours)") % {"start": when or "?"}
    elif submission.end_date:
        when = f"{when} – {_month(submission.end_date)}"
    department = submission.department
    return [
        (
            _("L'expérience"),
            [
                (_("Titre"), submission.title),
                (_("Rubrique"), submission.get_rubric_display()),
                (_("Résumé"), submission.summary),
            ],
        ),
        (
            _("Où et quand"),
            [
                (_("Commune(s) ou intercommunalité"), submission.communes),
                (
                    _("Département"),
                    f"{department} — {department.region}" if department else "",
                ),
                (_("Quartier(s) prioritaire(s)"), submission.quartiers),
                (_("Période"), when),
                (_("Signe particulier"), submission.feature),
            ],
        ),
        (
            _("Ce qui s'est passé"),
            [
                (_("Objectifs"), submission.objectives),
                (_("La démarche"), submission.approach),
                (_("Acteurs et partenaires"), submission.actors),
                (_("Résultats et sujets de satisfaction"), submission.results),
                (_("Difficultés et freins"), submission.difficulties),
                (_("Conseils pour refaire l'expérience"), submission.advice),
            ],
        ),
        (
            _("Classement et liens"),
            [
                (
                    _("Thématiques"),
                    ", ".join(t.label for t in submission.themes.all()),
                ),
                (_("Mots-clés"), ", ".join(submission.tag_list)),
                (_("Liens"), "\n".join(submission.link_list)),
            ],
        ),
    ]


def contributor_fields(submission):
    return [
        (_("Prénom et nom"), submission.contributor_name),
        (_("Courriel"), submission.email),
        (_("Téléphone"), submission.phone),
        (_("Rôle"), submission.get_role_display()),
        (_("Structure"), submission.organisation),
        (_("Conseil citoyen"), submission.council),
    ]


def consents(submission):
    return [
        {
            "label": _("Traitement des données"),
            "given": bool(submission.consent_data_at),
            "at": submission.consent_data_at,
            "text": submission.consent_data_text,
        },
        {
            "label": _("Publication sous licence ouverte"),
            "given": bool(submission.consent_licence_at),
            "at": submission.consent_licence_at,
            "text": submission.consent_licence_text,
        },
        {
            "label": _("Contact public sur la fiche"),
            "given": submission.consent_public_contact,
            "at": submission.consent_public_contact_at,
            "text": submission.consent_public_contact_text,
        },
    ]


def inspect_context(request, submission):
    user = request.user
    transitions = {t.name for t in available_transitions(submission, user)}
    if submission.status == Status.IN_REVIEW and submission.assigned_to_id == user.pk:
        transitions.discard("take")  # already mine
    page = (
        ExperiencePage.objects.filter(submission=submission)
        .select_related("latest_revision")
        .first()
    )
    history = (
        log_registry.get_logs_for_instance(submission)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )
    attachments = [
        {
            "object": attachment,
            "download_url": reverse(
                "recueil_attachment_download", args=[attachment.pk]
            ),
            "thumbnail_url": reverse(
                "recueil_attachment_thumbnail", args=[attachment.pk]
            )
            if attachment.kind == SubmissionAttachment.Kind.IMAGE
            else "",
        }
        for attachment in submission.attachments.all()
    ]
    workflow_state = page.current_workflow_state if page else None
    return {
        "submission": submission,
        "groups": field_groups(submission),
        "show_personal_data": user.has_perm(PERSONAL_DATA),
        "contributor": contributor_fields(submission),
        "consents": consents(submission),
        "attachments": attachments,
        "notes": submission.notes.select_related("author"),
        "thread": submission.messages.select_related("author"),
        "history": history,
        "can_moderate": can_moderate(user),
        "transitions": transitions,
        "transition_labels": {name: TRANSITIONS[name].label for name in transitions},
        "moderators": moderation.moderators() if "assign" in transitions else [],
        "rubrics": Rubric.choices,
        "page": page,
        "page_edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk])
        if page
        else "",
        "workflow_state": workflow_state,
        "purged": bool(submission.personal_data_purged_at),
        "can_purge": user.has_perm(PURGE)
        and submission.status in moderation.PURGEABLE_STATES
        and not submission.personal_data_purged_at,
        "Status": Status,
        "action_urls": {
            name: reverse("recueil_submission_action", args=[submission.pk, name])
            for name in SUCCESS
        },
    }
