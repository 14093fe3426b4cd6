"""« Y aller par d'autres chemins » : experiences close to a given one.

One query ranks every candidate in the database: two points for the same rubric,
one per shared theme, one per shared tag; no query per candidate. Only the keys
are ranked, then the few pages shown are read in the same query.
"""

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from core.cache import cached_data
from experiences.filters import ThemeLink
from experiences.models import ExperiencePage, ExperiencePageTag

RUBRIC_WEIGHT = 2


def _shared(link_model, page_field, value_field, values):
    """How many of ``values`` the candidate shares, as a correlated subquery."""
    if not values:
        return Value(0)
    return Coalesce(
        Subquery(
            link_model.objects.filter(
                **{page_field: OuterRef("pk"), f"{value_field}__in": values}
            )
            .order_by()
            .values(page_field)
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def related_experiences(page, limit=3):
    """The ``limit`` closest experiences, kept under the page cache's generation:
    a page rendered again, or through another address, runs no query for them."""
    return cached_data("related", (page.pk, limit), lambda: _closest(page, limit))


def _closest(page, limit):
    theme_ids = list(
        ThemeLink.objects.filter(experiencepage_id=page.pk).values_list(
            "theme_id", flat=True
        )
    )
    tag_ids = list(
        ExperiencePageTag.objects.filter(content_object_id=page.pk).values_list(
            "tag_id", flat=True
        )
    )
    candidates = Q(rubric=page.rubric)
    if theme_ids:
        candidates |= Q(
            pk__in=ThemeLink.objects.filter(theme_id__in=theme_ids).values(
                "experiencepage_id"
            )
        )
    if tag_ids:
        candidates |= Q(
            pk__in=ExperiencePageTag.objects.filter(tag_id__in=tag_ids).values(
                "content_object_id"
            )
        )

    def score():
        same_rubric = Case(
            When(rubric=page.rubric, then=Value(RUBRIC_WEIGHT)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return (
            same_rubric
            + _shared(ThemeLink, "experiencepage_id", "theme_id", theme_ids)
            + _shared(ExperiencePageTag, "content_object_id", "tag_id", tag_ids)
        )

    ordering = ("-score", "-first_published_at", "pk")
    # The ranking of thousands of candidates reads their keys only; the pages
    # shown are read (and scored again) in the same query.
    best = (
        ExperiencePage.objects.live()
        .public()
        .filter(candidates)
        .exclude(pk=page.pk)
        .annotate(score=score())
        .order_by(*ordering)
        .values("pk")[:limit]
    )
    return list(
        ExperiencePage.objects.filter(pk__in=best)
        .annotate(score=score())
        .select_related("department")
        .order_by(*ordering)
    )
