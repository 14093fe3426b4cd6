"""How to cite a published sheet, and when the editorial team reviewed it.

``cite(page)`` gathers what a citation names; ``citation_text`` writes it on
one line, in French typography (guillemets with no-break spaces, « 1er »). The
sheet's page and the booklet both use them.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from wagtail.models import TaskState

from core.dates import french_date
from core.urls import page_url
from experiences.constants import TASK_VALIDATION

LICENCE = "Licence Ouverte 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
NBSP = "\u00a0"


@dataclass(frozen=True)
class Citation:
    title: str
    structure: str
    rubric: str
    published_on: datetime.date | None
    url: str
    licence: str


def _local_date(moment):
    return timezone.localdate(moment) if moment else None


def cite(page, request=None):
    """The citation of a live experience page."""
    return Citation(
        title=page.title,
        structure=page.organisation or page.communes or "",
        rubric=page.get_rubric_display(),
        published_on=_local_date(page.first_published_at),
        url=page_url(page, request),
        licence=LICENCE,
    )


def _quoted(text):
    return f"«{NBSP}{text}{NBSP}»"


def citation_text(citation):
    """« Titre », structure, fiche de la rubrique « … », publiée le 1er décembre
    2026, https://…, Licence Ouverte 2.0."""
    parts = [_quoted(citation.title)]
    if citation.structure:
        parts.append(citation.structure)
    parts.append(f"fiche de la rubrique {_quoted(citation.rubric)}")
    if citation.published_on:
        parts.append(f"publiée le {french_date(citation.published_on)}")
    if citation.url:
        parts.append(citation.url)
    parts.append(citation.licence)
    return ", ".join(parts) + "."


def reviewed_on(page):
    """The day the « Validation » task of the publication workflow was last
    approved for this page, or None (a page published without the workflow)."""
    finished = (
        TaskState.objects.for_instance(page)
        .filter(task__name=TASK_VALIDATION, status=TaskState.STATUS_APPROVED)
        .order_by("-finished_at")
        .values_list("finished_at", flat=True)
        .first()
    )
    return _local_date(finished)
