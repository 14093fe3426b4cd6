"""Small factories for the public-site tests: published pages built in the test."""

import datetime
import itertools

from django.utils import timezone

from experiences.models import Department, ExperiencePage, RubricPage, Theme
from resources.models import (
    ArticleIndexPage,
    ArticlePage,
    EventRecapIndexPage,
    EventRecapPage,
)

_counter = itertools.count(1)


def rubric_page(rubric):
    return RubricPage.objects.get(rubric=rubric)


def make_experience(
    rubric="faire-emerger-une-dynamique-collective",
    title=None,
    department="93",
    role="professionnel",
    themes=(),
    tags=(),
    start=(2016, 10),
    publish=True,
    **fields,
):
    """An experience page under its rubric page, published unless publish=False."""
    number = next(_counter)
    parent = rubric_page(rubric)
    page = ExperiencePage(
        title=title or f"Expérience numéro {number}",
        slug=f"experience-{number}",
        summary=fields.pop("summary", "Un conseil citoyen prend sa place."),
        communes=fields.pop("communes", "Saint-Denis"),
        department=Department.objects.get(code=department) if department else None,
        contributor_role=role,
        start_date=datetime.date(*start, 1) if start else None,
        live=publish,
        **fields,
    )
    parent.add_child(instance=page)
    if themes:
        page.themes.set(Theme.objects.filter(slug__in=themes))
    if tags:
        page.tags.set(list(tags))
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_recap(
    home,
    title="Webinaire politique de la ville",
    kind="webinaire",
    date=(2024, 7, 9),
    tags=(),
    body=None,
    **fields,
):
    index = EventRecapIndexPage.objects.child_of(home).first()
    number = next(_counter)
    page = EventRecapPage(
        title=title,
        slug=f"recap-{number}",
        kind=kind,
        date=datetime.date(*date),
        format=fields.pop("format", "visio"),
        organiser=fields.pop("organiser", "Centre ressources politique de la ville"),
        summary=fields.pop("summary", "Ce que nous retenons des échanges."),
        body=body or [],
        **fields,
    )
    index.add_child(instance=page)
    if tags:
        page.tags.set(list(tags))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_article(
    home,
    title="Les missions des conseils citoyens",
    kind="bonne-pratique",
    date=(2017, 3, 1),
    tags=(),
    **fields,
):
    index = ArticleIndexPage.objects.child_of(home).first()
    number = next(_counter)
    page = ArticlePage(
        title=title,
        slug=f"article-{number}",
        kind=kind,
        date=datetime.date(*date),
        summary=fields.pop("summary", "Ce que la loi confie aux conseils citoyens."),
        body=fields.pop(
            "body",
            [
                (
                    "paragraph",
                    "<p>Le conseil citoyen est associé au contrat de ville.</p>",
                )
            ],
        ),
        **fields,
    )
    index.add_child(instance=page)
    if tags:
        page.tags.set(list(tags))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def now():
    return timezone.now()
