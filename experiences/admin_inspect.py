"""The context of the inspect view of a submission in the moderation queue:
its fields grouped as the form groups them, the contributor, the consents, the
attachments, the thread, the history and the actions open to the user."""

from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.log_actions import registry as log_registry

from experiences import change_requests, completeness, moderation
from experiences.admin_views import (
    MESSAGE_STATES,
    PERSONAL_DATA,
    PURGE,
    PURGE_STATES,
    SUCCESS,
    can_moderate,
)
from experiences.constants import Rubric
from experiences.models import ExperiencePage, SubmissionAttachment
from experiences.states import TRANSITIONS, Status, available_transitions


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
        **change_requests.inspect_context(submission),
        "submission": submission,
        "groups": field_groups(submission),
        "show_personal_data": user.has_perm(PERSONAL_DATA),
        "contributor": contributor_fields(submission),
        "consents": consents(submission),
        "attachments": attachments,
        # Not for a purged submission: its text is gone, a score would mislead.
        "completeness": None
        if submission.personal_data_purged_at
        else completeness.for_submission(submission),
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
        and submission.status in PURGE_STATES
        and not submission.personal_data_purged_at,
        "can_message": submission.status in MESSAGE_STATES
        and not submission.personal_data_purged_at,
        "Status": Status,
        "action_urls": {
            name: reverse("recueil_submission_action", args=[submission.pk, name])
            for name in SUCCESS
        },
    }
