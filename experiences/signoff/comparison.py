"""The sheet as it will be published, field by field, beside what was sent.

The page side is its latest revision (what the workflow moderates); rich text
is read back as plain paragraphs, so that both sides compare word by word.
"""

import html
import re
from dataclasses import dataclass

from django.utils import formats
from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from experiences.constants import NARRATIVE_FIELDS
from experiences.signoff import diff

LABELS = {
    "title": "Titre",
    "summary": "Résumé (chapô)",
    "communes": "Commune(s) ou intercommunalité",
    "department": "Département",
    "quartiers": "Quartier(s) prioritaire(s)",
    "period": "Période",
    "feature": "Signe particulier",
    "objectives": "Objectifs",
    "approach": "La démarche",
    "actors": "Acteurs et partenaires",
    "results": "Résultats et sujets de satisfaction",
    "difficulties": "Difficultés et freins",
    "advice": "Conseils",
    "themes": "Thématiques",
    "tags": "Mots-clés",
    "links": "Liens",
}
BLOCK_RE = re.compile(r"</(p|h\d|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def rich_text_to_plain(value):
    """``<p>Un</p><p>Deux<br/>trois</p>`` → ``Un\\n\\nDeux\\ntrois``."""
    text = BLOCK_RE.sub(
        lambda m: "\n" if m.group(0).lower().startswith("<br") else "\n\n",
        value or "",
    )
    text = html.unescape(strip_tags(text))
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _month(value):
    return formats.date_format(value, "F Y") if value else ""


def period(start, end, ongoing):
    if not start:
        return ""
    if ongoing:
        return f"Depuis {_month(start)} (en cours)"
    if end:
        return f"De {_month(start)} à {_month(end)}"
    return f"Depuis {_month(start)}"


@dataclass
class FieldComparison:
    name: str
    label: str
    sent: str
    published: str
    marked: SafeString

    @property
    def changed(self):
        return self.sent != self.published


def sheet_values(page):
    values = {
        "title": page.title,
        "summary": page.summary,
        "communes": page.communes,
        "department": str(page.department) if page.department_id else "",
        "quartiers": page.quartiers,
        "period": period(page.start_date, page.end_date, page.ongoing),
        "feature": page.feature,
        "themes": ", ".join(sorted(str(t.label) for t in page.themes.all())),
        "tags": ", ".join(sorted(t.name for t in page.tags.all())),
        "links": "\n\n".join(link.url for link in page.links.all()),
    }
    for name in NARRATIVE_FIELDS:
        values[name] = rich_text_to_plain(getattr(page, name))
    return values


def submission_values(submission):
    values = {
        "title": submission.title,
        "summary": submission.summary,
        "communes": submission.communes,
        "department": str(submission.department) if submission.department_id else "",
        "quartiers": submission.quartiers,
        "period": period(
            submission.start_date, submission.end_date, submission.ongoing
        ),
        "feature": submission.feature,
        "themes": ", ".join(sorted(str(t.label) for t in submission.themes.all())),
        "tags": ", ".join(sorted(submission.tag_list)),
        "links": "\n\n".join(submission.link_list),
    }
    for name in NARRATIVE_FIELDS:
        text = getattr(submission, name) or ""
        values[name] = "\n\n".join(
            " ".join(block.split())
            for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
            if block.strip()
        )
    return values


def compare(sent, published):
    """One FieldComparison per field that either side fills."""
    rows = []
    for name, label in LABELS.items():
        before, after = sent.get(name, ""), published.get(name, "")
        if not before and not after:
            continue
        rows.append(
            FieldComparison(name, label, before, after, diff.render(before, after))
        )
    return rows


def compare_sheet(submission, page):
    return compare(submission_values(submission), sheet_values(page))


def public_files(page):
    """What will be public with the sheet: photos and documents, with their
    captions and credits."""
    photos = [
        {"title": p.image.title, "caption": p.caption, "credit": p.credit}
        for p in page.photos.all()
        if p.image_id
    ]
    documents = [
        {"title": d.document.title, "caption": d.caption}
        for d in page.documents.all()
        if d.document_id
    ]
    return photos, documents
