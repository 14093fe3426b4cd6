"""Everything Recueil holds about one email address, as JSON (RGPD access)."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.utils import timezone

from wagtail.log_actions import registry as log_registry

from core import outbox
from core.urls import page_url
from experiences.constants import CONTRIBUTOR_FIELDS, EXPERIENCE_FIELDS
from experiences.models import ExperiencePage, Submission

SUBMISSION_FIELDS = [
    "reference",
    "status",
    *EXPERIENCE_FIELDS,
    *CONTRIBUTOR_FIELDS,
    "consent_data_at",
    "consent_data_text",
    "consent_licence_at",
    "consent_licence_text",
    "consent_public_contact",
    "consent_public_contact_at",
    "consent_public_contact_text",
    "created_at",
    "updated_at",
    "submitted_at",
    "decided_at",
    "published_at",
    "draft_reminder_sent_at",
    "personal_data_purged_at",
]


def submission_data(submission):
    data = {field: getattr(submission, field) for field in SUBMISSION_FIELDS}
    data["department"] = str(submission.department) if submission.department else ""
    data["themes"] = [theme.label for theme in submission.themes.all()]
    data["attachments"] = [
        {
            "name": a.original_name,
            "type": a.content_type,
            "size": a.size,
            "caption": a.caption,
            "credit": a.credit,
            "received_at": a.created_at,
        }
        for a in submission.attachments.all()
    ]
    data["messages"] = [
        {"direction": m.get_direction_display(), "at": m.created_at, "body": m.body}
        for m in submission.messages.all()
    ]
    data["internal_notes"] = [
        {"at": n.created_at, "body": n.body} for n in submission.notes.all()
    ]
    data["history"] = [
        {"at": entry.timestamp, "action": entry.message}
        for entry in log_registry.get_logs_for_instance(submission).order_by(
            "timestamp"
        )
    ]
    data["emails"] = [
        {
            "email": str(email.template_label),
            "state": email.get_status_display(),
            "queued_at": email.created_at,
            "sent_at": email.sent_at,
        }
        for email in outbox.emails_about(submission).order_by("created_at", "pk")
    ]
    page = ExperiencePage.objects.filter(submission=submission).first()
    data["published_page"] = page_url(page) if page and page.live else None
    return data


def collect(email):
    submissions = (
        Submission.objects.filter(email__iexact=email)
        .select_related("department")
        .prefetch_related("themes", "attachments", "messages", "notes")
        .order_by("created_at")
    )
    pages = ExperiencePage.objects.filter(contact_email__iexact=email)
    return {
        "email": email,
        "exported_at": timezone.now(),
        "submissions": [submission_data(s) for s in submissions],
        "public_contact_on_pages": [
            {
                "title": p.title,
                "url": page_url(p),
                "live": p.live,
                "contact_name": p.contact_name,
                "contact_email": p.contact_email,
            }
            for p in pages
        ],
    }


class Command(BaseCommand):
    help = "Exporte en JSON tout ce que le site conserve sur une adresse de courriel."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", help="Fichier où écrire le JSON.")

    def handle(self, *args, email, output=None, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Adresse invalide : {email}") from error
        text = json.dumps(
            collect(email), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
        )
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Export écrit dans {output}.")
        else:
            self.stdout.write(text)
