"""« Y aller par d'autres chemins » : experiences close to a given one.

The score: two points for the same rubric, one per shared theme, one per shared
tag; ties go to the most recent. Candidates are not all scored: for the page's
rubric and for each of its themes and tags, only the ``POOL`` most recently
created experiences that have it are read, through an index and a LIMIT
(migration 0005_public_page_indexes), as LIMITed subqueries of the one query
that scores the few hundred candidates and returns the best ``limit``. The
cost does not grow with the number of experiences: an experience sharing
everything but older than the pool's is missed, which is fine for « other
paths ».
"""

from functools import reduce
from operator import or_

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
        .values("pk")[:POOL]
    ]
    for theme_id in theme_ids:
        pools.append(
            ThemeLink.objects.filter(theme_id=theme_id)
            .exclude(experiencepage_id=page.pk)
            .order_by("-experiencepage_id")
            .values("experiencepage_id")[:POOL]
        )
    for tag_id in tag_ids:
        pools.append(
            ExperiencePageTag.objects.filter(tag_id=tag_id)
            .exclude(content_object_id=page.pk)
            .order_by("-content_object_id")
            .values("content_object_id")[:POOL]
        )
    return pools


def _themes_and_tags(page):
    """The page's theme and tag keys, in one query."""
    themes = ThemeLink.objects.filter(experiencepage_id=page.pk).values_list(
        Value("theme"), "theme_id"
    )
    tags = ExperiencePageTag.objects.filter(content_object_id=page.pk).values_list(
        Value("tag"), "tag_id"
    )
    rows = list(themes.union(tags, all=True))
    return (
        [key for kind, key in rows if kind == "theme"],
        [key for kind, key in rows if kind == "tag"],
    )


def related_experiences(page, limit=3, theme_ids=None, tag_ids=None):
    """The ``limit`` closest experiences: two queries (the view restrictions,
    then the candidates scored), one more when the page's themes and tags are
    not given."""
    if theme_ids is None or tag_ids is None:
        theme_ids, tag_ids = _themes_and_tags(page)
    # The pools' union, one subquery of the one query that scores them: an OR
    # of IN (pool) conditions is planned as a scan of every experience. SQLite
    # (the first run's database) takes no LIMIT in a UNION: the OR there.
    pools = _pool(page, theme_ids, tag_ids)
    if connection.features.supports_slicing_ordering_in_compound:
        candidates = Q(pk__in=pools[0].union(*pools[1:], all=True))
    else:
        candidates = reduce(or_, (Q(pk__in=pool) for pool in pools))
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
        .filter(candidates)
        .annotate(score=score)
        .select_related("department")
        .only(*ExperiencePage.CARD_FIELDS)
        .order_by("-score", "-first_published_at", "pk")[:limit]
    )
