"""The « attestation de dépôt » PDF, read back with pypdf."""

import datetime
import hashlib
import io
import re

from django.urls import reverse

import pytest
from pypdf import PdfReader

from experiences import tracking
from experiences.models import Submission
from tests.factories import FORM_URL, pdf_file, valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, valid_post(attachments=[pdf_file("compte-rendu.pdf")]))
    submission = Submission.objects.get()
    # 10:00 UTC on 1 July is noon in Paris (summer time).
    submission.submitted_at = datetime.datetime(2026, 7, 1, 10, 0, tzinfo=datetime.UTC)
    submission.save()
    return submission


def _text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_attestation_lists_what_was_received(client, submitted):
    token = tracking.current_token(submitted)
    html = client.get(tracking.tracking_path(token)).content.decode()
    url = reverse("recueil_attestation", args=[token])
    assert f'href="{url}"' in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert submitted.reference in response["Content-Disposition"]
    text = _text(response)
    attachment = submitted.attachments.get()
    for expected in (
        "Attestation de dépôt",
        submitted.reference,
        "1 juillet 2026 à 12:00:00 (heure de Paris)",
        submitted.title,
        submitted.get_rubric_display(),
        submitted.email,
        f"{attachment.size} octets",
    ):
        assert expected in text, expected
    flat = re.sub(r"\s+", "", text)  # a table cell may wrap a long name
    assert "compte-rendu.pdf" in flat
    assert attachment.sha256 in flat
    with attachment.file.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == attachment.sha256


def test_no_attestation_without_the_token_or_before_sending(client, submitted):
    assert (
        client.get(reverse("recueil_attestation", args=["x" * 43])).status_code == 404
    )
    Submission.objects.filter(pk=submitted.pk).update(submitted_at=None)
    token = tracking.current_token(submitted)
    assert client.get(reverse("recueil_attestation", args=[token])).status_code == 404
