"""The « attestation de dépôt »: a PDF proof of what was received and when
(reference, date and time of receipt in Paris time, title, rubric, the email
address used, each file with its size and SHA-256), from the tracking link."""

import zoneinfo

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import number_format

from weasyprint import HTML

from experiences.models import Submission

TEMPLATE = "experiences/attestation/attestation.html"
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _size(size):
    if size >= 1024 * 1024:
        return f"{number_format(size / (1024 * 1024), 1)} Mo ({size} octets)"
    if size >= 1024:
        return f"{number_format(size / 1024, 1)} ko ({size} octets)"
    return f"{size} octets"


def context(submission):
    received = timezone.localtime(submission.submitted_at, PARIS)
    return {
        "submission": submission,
        "received": received,
        "rubric": submission.get_rubric_display() if submission.rubric else "",
        "files": [
            {
                "name": attachment.original_name,
                "size": _size(attachment.size),
                "sha256": attachment.sha256,
            }
            for attachment in submission.attachments.all()
        ],
        "issued": timezone.localtime(timezone.now(), PARIS),
    }


def render_pdf(submission):
    html = render_to_string(TEMPLATE, context(submission))
    # Nothing is fetched: the document holds no link to load.
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()


def _no_fetch(url, *args, **kwargs):
    raise ValueError(f"Ressource externe refusée : {url}")


def attestation_view(request, token):
    submission = Submission.for_token(token) if token else None
    if (
        submission is None
        or submission.personal_data_purged_at
        or submission.submitted_at is None
    ):
        raise Http404
    response = HttpResponse(render_pdf(submission), content_type="application/pdf")
    name = f"attestation-depot-{submission.reference}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response
