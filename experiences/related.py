"""« Y aller par d'autres chemins » : experiences close to a given one.

The score: two points for the same rubric, one per shared theme, one per shared
tag; ties go to the most recent. Candidates are not all scored: for the page's
rubric and for each of its themes and tags, only the ``POOL`` most recently
created experiences that have it are read, through an index and a LIMIT
(migration 00xx_related_indexes); the few hundred candidates are then scored
in the same query, and the best ``limit`` returned. The cost does not grow with
the number of experiences: an experience sharing everything but older than the
pool's is missed, which on a listing of « other paths » is fine.
"""

from django.db import connection
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

from experiences.filters import ThemeLink
from experiences.models import ExperiencePage, ExperiencePageTag

RUBRIC_WEIGHT = 2
POOL = 40


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


def _pool(page, theme_ids, tag_ids):
    """The candidates' keys: the newest ``POOL`` per rubric, theme and tag."""
    pools = [
        ExperiencePage.objects.filter(rubric=page.rubric)
        .exclude(pk=page.pk)
        .order_by("-pk")
        .values_list("pk", flat=True)[:POOL]
    ]
    for theme_id in theme_ids:
        pools.append(
            ThemeLink.objects.filter(theme_id=theme_id)
            .exclude(experiencepage_id=page.pk)
            .order_by("-experiencepage_id")
            .values_list("experiencepage_id", flat=True)[:POOL]
        )
    for tag_id in tag_ids:
        pools.append(
            ExperiencePageTag.objects.filter(tag_id=tag_id)
            .exclude(content_object_id=page.pk)
            .order_by("-content_object_id")
            .values_list("content_object_id", flat=True)[:POOL]
        )
    return pools


def related_experiences(page, limit=3, theme_ids=None, tag_ids=None):
    """The ``limit`` closest experiences: two queries on PostgreSQL (the pools,
    then the scored candidates), two more when the page's themes and tags are
    not given."""
    if theme_ids is None:
        theme_ids = list(
            ThemeLink.objects.filter(experiencepage_id=page.pk).values_list(
                "theme_id", flat=True
            )
        )
    if tag_ids is None:
        tag_ids = list(
            ExperiencePageTag.objects.filter(content_object_id=page.pk).values_list(
                "tag_id", flat=True
            )
        )
    pools = _pool(page, theme_ids, tag_ids)
    if connection.features.supports_slicing_ordering_in_compound:
        keys = set(pools[0].union(*pools[1:], all=True))
    else:  # SQLite: one query per pool (a handful)
        keys = {key for pool in pools for key in pool}
    # No candidate: still one query (no key is 0), so that the number of
    # queries of the page never depends on the data.
    keys = keys or {0}
    same_rubric = Case(
        When(rubric=page.rubric, then=Value(RUBRIC_WEIGHT)),
        default=Value(0),
        output_field=IntegerField(),
    )
    score = (
        same_rubric
        + _shared(ThemeLink, "experiencepage_id", "theme_id", theme_ids)
        + _shared(ExperiencePageTag, "content_object_id", "tag_id", tag_ids)
    )
    return list(
        ExperiencePage.objects.live()
        .public()
        .filter(Q(pk__in=keys))
        .annotate(score=score)
        .select_related("department")
        .order_by("-score", "-first_published_at", "pk")[:limit]
    )
