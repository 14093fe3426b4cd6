"""What an experience sheet shows besides the page's own row, in one query.

The sheet lists the page's themes and tags, its department and region, its
photos, documents and links: six relations, six queries through the ORM
(each one a few milliseconds to build and compile for a tenth of one in the
database). ``sheet_items`` reads them with one hand-written ``UNION ALL``
(the same SQL on PostgreSQL and SQLite), each half on the relation's own
index, and builds the model instances the template reads, in the orders the
ORM gives (themes: ``Theme.Meta.ordering``; tags: as tagged; the others:
their ``sort_order``). ``sheet_context`` then reads the photos' images
(with the rendition the sheet shows) and the documents in one query each,
only when there are some, never one per item. A preview shows the edited,
unsaved page: its relations are read from the page itself, as the ORM holds
them.
"""

from typing import NamedTuple

from django.db import connection

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from taggit.models import Tag

from core.sql import column, table
from core.urls import page_path
from experiences.models import (
    Department,
    ExperienceDocument,
    ExperienceLink,
    ExperiencePage,
    ExperiencePageTag,
    ExperiencePhoto,
    Region,
    Theme,
)
from experiences.related import related_experiences

ThemeLink = ExperiencePage.themes.through

# The rendition of a photo on the sheet (templates/experiences/experience_page.html).
PHOTO_RENDITION = "width-1000"

# The page's own items, by kind in the statement: their model, the field its
# reference column fills and the fields its two first texts fill.
ITEMS = {
    4: ("photos", ExperiencePhoto, "image_id", ("caption", "credit")),
    5: ("documents", ExperienceDocument, "document_id", ("caption",)),
    6: ("links", ExperienceLink, None, ("url", "label")),
}


class SheetItems(NamedTuple):
    themes: list
    tags: list
    department: Department | None
    photos: list
    documents: list
    links: list


def _statement():
    theme_page = column(ThemeLink, "experiencepage")
    theme_id = column(ThemeLink, "theme")
    tagged_page = column(ExperiencePageTag, "content_object")
    tag_id = column(ExperiencePageTag, "tag")
    region_id = column(Department, "region")
    photo_page, photo_image = (column(ExperiencePhoto, n) for n in ("page", "image"))
    file_page, file_id = (column(ExperienceDocument, n) for n in ("page", "document"))
    link_page = column(ExperienceLink, "page")
    # (columns: kind, key, order, reference, five texts; source; condition)
    branches = [
        (
            "1, t.id, t.sort_order, CAST(NULL AS INTEGER), t.label, t.slug, '', '', ''",
            f"{table(ThemeLink)} l JOIN {table(Theme)} t ON t.id = l.{theme_id}",
            f"l.{theme_page} = %s",
        ),
        (
            "2, g.id, x.id, CAST(NULL AS INTEGER), g.name, g.slug, '', '', ''",
            f"{table(ExperiencePageTag)} x JOIN {table(Tag)} g ON g.id = x.{tag_id}",
            f"x.{tagged_page} = %s",
        ),
        (
            "3, d.id, 0, r.id, d.code, d.name, r.code, r.name, r.slug",
            f"{table(Department)} d JOIN {table(Region)} r ON r.id = d.{region_id}",
            "d.id = %s",
        ),
        (
            f"4, p.id, p.sort_order, p.{photo_image}, p.caption, p.credit, '', '', ''",
            f"{table(ExperiencePhoto)} p",
            f"p.{photo_page} = %s",
        ),
        (
            f"5, f.id, f.sort_order, f.{file_id}, f.caption, '', '', '', ''",
            f"{table(ExperienceDocument)} f",
            f"f.{file_page} = %s",
        ),
        (
            "6, k.id, k.sort_order, CAST(NULL AS INTEGER), k.url, k.label, '', '', ''",
            f"{table(ExperienceLink)} k",
            f"k.{link_page} = %s",
        ),
    ]
    union = " UNION ALL ".join(
        f"SELECT {columns} FROM {source} WHERE {condition}"  # noqa: S608 - names from the models
        for columns, source, condition in branches
    )
    # Themes by sort order, then label; tags as tagged; the rest by sort order.
    return f"{union} ORDER BY 1, 3, 5, 2"


def _from_page(page):
    """The relations as the page holds them (a preview: not saved yet)."""
    department = page.department if page.department_id else None
    return SheetItems(
        list(page.themes.all()),
        list(page.tags.all()),
        department,
        list(page.photos.all()),
        list(page.documents.all()),
        list(page.links.all()),
    )


def sheet_items(page, request=None):
    """The SheetItems of ``page``: one query (a preview reads the page's own
    relations instead)."""
    if getattr(request, "is_preview", False) or page.pk is None:
        return _from_page(page)
    with connection.cursor() as cursor:
        keys = [page.pk, page.pk, page.department_id, page.pk, page.pk, page.pk]
        cursor.execute(_statement(), keys)
        rows = cursor.fetchall()
    items = SheetItems([], [], None, [], [], [])
    for kind, key, order, reference, a, b, c, d, e in rows:
        if kind == 1:
            items.themes.append(Theme(pk=key, label=a, slug=b, sort_order=order))
        elif kind == 2:
            items.tags.append(Tag(pk=key, name=a, slug=b))
        elif kind == 3:
            department = Department(pk=key, code=a, name=b, region_id=reference)
            department.region = Region(pk=reference, code=c, name=d, slug=e)
            items = items._replace(department=department)
        else:
            name, model, reference_field, texts = ITEMS[kind]
            fields = dict(zip(texts, (a, b), strict=False))
            if reference_field:
                fields[reference_field] = reference
            getattr(items, name).append(
                model(pk=key, page_id=page.pk, sort_order=order, **fields)
            )
    return items


def _images(keys):
    return get_image_model().objects.prefetch_renditions(PHOTO_RENDITION).in_bulk(keys)


def _documents(keys):
    return get_document_model().objects.in_bulk(keys)


def _attach(items, field, read):
    """Set each item's ``field`` from one read of them all (none: no query)."""
    if not items:
        return
    found = read({getattr(item, f"{field}_id") for item in items})
    for item in items:
        setattr(item, field, found.get(getattr(item, f"{field}_id")))


def sheet_context(page, request):
    """What the sheet's template shows besides the page: its relations (one
    query; themes and tags also find the related experiences), the address
    of its rubric and the related experiences."""
    items = sheet_items(page, request)
    _attach(items.photos, "image", _images)
    _attach(items.documents, "document", _documents)
    if items.department is not None:
        page.department = items.department  # with its region: page.region
    # The rubric page is the parent: its address is this one's, less the
    # last segment (no query for the parent).
    url = page_path(page, request)
    return {
        "themes": items.themes,
        "tags": items.tags,
        "photos": items.photos,
        "documents": items.documents,
        "links": items.links,
        "rubric_url": (
            url[: -len(page.slug) - 1] if url.endswith(f"/{page.slug}/") else None
        ),
        "related": related_experiences(
            page,
            theme_ids=[theme.pk for theme in items.themes],
            tag_ids=[tag.pk for tag in items.tags],
        ),
    }
