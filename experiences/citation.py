"""« Pour citer cette fiche »: what a reader needs to cite a published sheet.

Minimal version written for the booklet; the sheet's own « Pour citer » block
uses the same API (Citation, cite, citation_text)."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format

from experiences.constants import Rubric

LICENCE = "Licence Ouverte 2.0"
NBSP = "\u00a0"


def quoted(text):
    """French quotation marks, held to their text by no-break spaces."""
    return f"«{NBSP}{text}{NBSP}»"


@dataclass(frozen=True)
class Citation:
    title: str
    structure: str
    rubric: str
    published_on: date | None
    url: str  # absolute
    licence: str


def french_date(value):
    """« 1er décembre 2026 »: the first of the month is written « 1er »."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {date_format(value, 'F Y')}"


def cite(page):
    rubric = Rubric(page.rubric).label if page.rubric in Rubric.values else ""
    published = page.first_published_at
    return Citation(
        title=page.title,
        structure=page.organisation,
        rubric=str(rubric),
        published_on=timezone.localdate(published) if published else None,
        url=page.full_url or "",
        licence=LICENCE,
    )


def citation_text(citation):
    """One line, in the order a bibliography reads it."""
    parts = [quoted(citation.title)]
    if citation.structure:
        parts.append(citation.structure)
    if citation.rubric:
        parts.append(f"rubrique {quoted(citation.rubric)}")
    if citation.published_on:
        parts.append(f"fiche publiée le {french_date(citation.published_on)}")
    parts.append(citation.url)
    parts.append(citation.licence)
    return ", ".join(part for part in parts if part) + "."
