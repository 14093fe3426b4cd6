"""Submissions for the moderation tests, built in the test that needs them."""

import datetime
import io
import itertools

from django.core.files.base import ContentFile
from django.utils import timezone

from experiences.models import (
    Department,
    ReferenceSequence,
    Submission,
    SubmissionAttachment,
    Theme,
)
from experiences.states import Status

_counter = itertools.count(1)


def make_submission(status=Status.RECEIVED, department="93", themes=(), **fields):
    number = next(_counter)
    now = timezone.now()
    values = {
        "reference": ReferenceSequence.next_reference()
        if status != Status.DRAFT
        else None,
        "status": status,
        "title": f"Un conseil citoyen co-construit son contrat de ville {number}",
        "rubric": "faire-emerger-une-dynamique-collective",
        "summary": "Le conseil citoyen de Saint-Denis anime des ateliers ouverts.",
        "communes": "Saint-Denis",
        "department": Department.objects.get(code=department) if department else None,
        "quartiers": "Franc-Moisin",
        "start_date": datetime.date(2016, 10, 1),
        "ongoing": True,
        "feature": "Des ateliers au pied des immeubles",
        "objectives": "Faire connaître le conseil.\n\nAttirer de nouveaux membres.",
        "approach": "Des réunions <mensuelles> & ouvertes.\nUn compte rendu partagé.",
        "actors": "Centre social, délégué·e du préfet",
        "results": "Vingt nouveaux membres.",
        "difficulties": "Peu de moyens.",
        "advice": "Commencer petit.",
        "tags": "ateliers, mobilisation",
        "links": "https://example.org/conseil\nhttps://video.example.org/v/1",
        "first_name": "Camille",
        "last_name": "Durand",
        "email": f"camille.durand{number}@example.org",
        "phone": "01 23 45 67 89",
        "role": "conseiller-citoyen",
        "organisation": "Conseil citoyen Franc-Moisin",
        "council": "Conseil citoyen Franc-Moisin",
        "consent_data_at": now,
        "consent_data_text": "J'accepte le traitement.",
        "consent_licence_at": now,
        "consent_licence_text": "J'accepte la licence.",
        "consent_public_contact": False,
        "submitted_at": None if status == Status.DRAFT else now,
    }
    values.update(fields)
    submission = Submission(**values)
    submission.set_token()
    submission.save()
    if themes:
        submission.themes.set(Theme.objects.filter(slug__in=themes))
    return submission


def png_bytes(size=(40, 30), color=(200, 30, 30)):
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, format="PNG")
    return output.getvalue()


def add_attachment(submission, kind="image", name=None, caption="", credit=""):
    if kind == "image":
        data, content_type = png_bytes(), "image/png"
        name = name or "atelier.png"
    else:
        data, content_type = b"%PDF-1.4\n%fake\n", "application/pdf"
        name = name or "compte-rendu.pdf"
    attachment = SubmissionAttachment(
        submission=submission,
        original_name=name,
        content_type=content_type,
        size=len(data),
        kind=kind,
        caption=caption,
        credit=credit,
        sha256="0" * 64,
    )
    attachment.file.save(name, ContentFile(data), save=False)
    attachment.save()
    return attachment
