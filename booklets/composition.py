"""What goes into a booklet, in which order: chapters by rubric, one sheet per
experience. The HTML view, the PDF and the admin status panel all read this."""

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch

from wagtail.images import get_image_model
from wagtail.models import Page

from experiences.constants import RUBRIC_EXPECTED, RUBRIC_ORDER, Rubric
from experiences.models import ExperiencePage, ExperiencePhoto, RubricPage

# One rendition for the screen and the PDF, so a single prefetch serves both.
PHOTO_SPEC = "max-800x560"
COVER_SPEC = "fill-1240x880-c50"

# Files whose content shapes the PDF: changing one makes every build stale.
LAYOUT_FILES = (
    "templates/booklets/booklet_print.html",
    "templates/booklets/includes/chapter.html",
    "templates/booklets/includes/sheet.html",
    "templates/booklets/includes/toc.html",
    "templates/booklets/includes/colophon.html",
    "templates/booklets/includes/front_page.html",
    "static/css/booklet-print.css",
    "booklets/fitting.py",
)


@dataclass
class Chapter:
    rubric: str
    number: int
    title: str
    expected: str
    rubric_page: RubricPage | None
    sheets: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"chapitre-{self.number}"

    @property
    def position(self):
        """The rubric's place among the six of the call (1 to 6)."""
        return RUBRIC_ORDER.get(self.rubric, len(RUBRIC_ORDER)) + 1


@dataclass
class Composition:
    chapters: list
    dropped: list  # hand-picked pages that are not (or no longer) published

    @property
    def sheets(self):
        return [sheet for chapter in self.chapters for sheet in chapter.sheets]

    def __len__(self):
        return sum(len(chapter.sheets) for chapter in self.chapters)

    def photo_credits(self):
        seen = []
        for sheet in self.sheets:
            photo = sheet.booklet_photo
            if photo and photo.credit and photo.credit not in seen:
                seen.append(photo.credit)
        return seen


def _sort_key_title(page):
    text = unicodedata.normalize("NFKD", page.title.casefold())
    return "".join(c for c in text if not unicodedata.combining(c)), page.pk


def _sort_key_recent(page):
    start = page.start_date.toordinal() if page.start_date else 0
    published = page.first_published_at.timestamp() if page.first_published_at else 0
    return -start, -published, page.pk


def _sort_key_place(page):
    code = page.department.code if page.department_id else "ZZZ"
    return code, page.communes.casefold(), _sort_key_title(page)


def _selection_ids(booklet):
    rubrics = [page.rubric for page in booklet.selection_rubrics.all()]
    themes = [theme.pk for theme in booklet.selection_themes.all()]
    tags = [tag.pk for tag in booklet.selection_tags.all()]
    if not (rubrics or themes or tags):
        return []
    pages = ExperiencePage.objects.live().public()
    if rubrics:
        pages = pages.filter(rubric__in=rubrics)
    if themes:
        pages = pages.filter(themes__in=themes)
    if tags:
        pages = pages.filter(tagged_items__tag__in=tags)
    return list(pages.order_by("path").values_list("pk", flat=True).distinct())


def sheet_queryset():
    images = get_image_model().objects.prefetch_renditions(PHOTO_SPEC)
    photos = ExperiencePhoto.objects.order_by("sort_order").prefetch_related(
        Prefetch("image", queryset=images)
    )
    return (
        ExperiencePage.objects.live()
        .public()
        .select_related("department__region")
        .prefetch_related(
            Prefetch("photos", queryset=photos),
            "themes",
        )
    )


def compose(booklet):
    """Chapters in the order of the six rubrics, each with its live sheets.

    Works on the published booklet and on an unsaved revision alike (the admin
    panel passes the draft being edited): it only reads the booklet through
    its relations' `.all()`.
    """
    hand_ids = []
    for sheet in booklet.sheets.all():
        if sheet.experience_id and sheet.experience_id not in hand_ids:
            hand_ids.append(sheet.experience_id)
    selection_ids = [pk for pk in _selection_ids(booklet) if pk not in hand_ids]

    pages = {
        page.pk: page
        for page in sheet_queryset().filter(pk__in=hand_ids + selection_ids)
    }
    missing = [pk for pk in hand_ids if pk not in pages]
    dropped = (
        list(Page.objects.filter(pk__in=missing).order_by("title").only("title"))
        if missing
        else []
    )

    ordered = [pages[pk] for pk in hand_ids + selection_ids if pk in pages]
    order = booklet.sheet_order
    if order == booklet.SheetOrder.TITLE:
        ordered.sort(key=_sort_key_title)
    elif order == booklet.SheetOrder.RECENT:
        ordered.sort(key=_sort_key_recent)
    elif order == booklet.SheetOrder.PLACE:
        ordered.sort(key=_sort_key_place)

    rubric_pages = {page.rubric: page for page in RubricPage.objects.all()}
    by_rubric = {}
    for page in ordered:
        photos = list(page.photos.all())
        page.booklet_photo = photos[0] if photos else None
        by_rubric.setdefault(page.rubric, []).append(page)

    chapters = []
    for rubric in sorted(by_rubric, key=lambda r: RUBRIC_ORDER.get(r, len(Rubric))):
        rubric_page = rubric_pages.get(rubric)
        label = Rubric(rubric).label if rubric in Rubric.values else rubric
        chapters.append(
            Chapter(
                rubric=rubric,
                number=len(chapters) + 1,
                title=rubric_page.title if rubric_page else str(label),
                expected=(
                    rubric_page.expected_experiences
                    if rubric_page
                    else RUBRIC_EXPECTED.get(rubric, "")
                ),
                rubric_page=rubric_page,
                sheets=by_rubric[rubric],
            )
        )
    for position, sheet in enumerate(
        (s for chapter in chapters for s in chapter.sheets), start=1
    ):
        sheet.booklet_number = position
    return Composition(chapters=chapters, dropped=dropped)


@cache
def _layout_digest():
    digest = hashlib.sha256()
    for name in LAYOUT_FILES:
        path = Path(settings.BASE_DIR) / name
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def fingerprint(booklet, composition):
    """Changes whenever what the PDF would show changes: the booklet's or a
    sheet's or a rubric's published revision, the order, or the layout files."""
    state = {
        "layout": _layout_digest(),
        "booklet": [booklet.pk, booklet.live_revision_id],
        "chapters": [
            [
                chapter.rubric,
                chapter.rubric_page.live_revision_id if chapter.rubric_page else None,
                [[page.pk, page.live_revision_id] for page in chapter.sheets],
            ]
            for chapter in composition.chapters
        ],
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()
