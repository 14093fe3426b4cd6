"""« Y aller par d'autres chemins » : experiences close to a given one.

The score: two points for the same rubric, one per shared theme, one per shared
tag; ties go to the most recent. Candidates are not all scored: for the page's
rubric and for each of its themes and tags, only the ``POOL`` most recently
created experiences that have it are read, through an index and a LIMIT
(migration 0005_public_page_indexes), as LIMITed subqueries of the one
statement that scores the few hundred candidates and returns the best
``limit`` keys; then their cards. The cost does not grow with the number of
experiences: an experience sharing everything but older than the pool's is
missed, which is fine for « other paths ».

The scoring statement is written by hand: the ORM spent ten milliseconds
building and compiling its five LIMITed subqueries, two correlated counts and
the view restrictions' own query, for a statement that runs in two. It is the
same SQL on PostgreSQL and SQLite (each pool a derived table: SQLite takes no
LIMIT directly in a UNION).
"""

from django.db import connection
from django.db.models import Value

from wagtail.models import Page, PageViewRestriction

from core.sql import column, marks, quote, table
from experiences.filters import ThemeLink
from experiences.models import ExperiencePage, ExperiencePageTag

RUBRIC_WEIGHT = 2
POOL = 40


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


def _scoring_statement(page, theme_ids, tag_ids, limit):
    """The SQL and parameters of the best ``limit`` candidates' keys."""
    experiences = table(ExperiencePage)
    key = quote(ExperiencePage._meta.pk.column)
    pages = table(Page)
    restrictions = table(PageViewRestriction)
    themes, tags = table(ThemeLink), table(ExperiencePageTag)
    theme_page, theme = (
        column(ThemeLink, "experiencepage"),
        column(ThemeLink, "theme"),
    )
    tag_page = column(ExperiencePageTag, "content_object")
    tag = column(ExperiencePageTag, "tag")

    def pool(table, column, where, number):
        return (
            f"SELECT k FROM (SELECT {column} AS k FROM {table} "  # noqa: S608 - names from the models
            f"WHERE {where} = %s AND {column} <> %s "
            f"ORDER BY {column} DESC LIMIT %s) pool_{number}"
        )

    pools = [pool(experiences, key, "rubric", 0)]
    pool_params = [page.rubric, page.pk, POOL]
    for value in theme_ids:
        pools.append(pool(themes, theme_page, theme, len(pools)))
        pool_params += [value, page.pk, POOL]
    for value in tag_ids:
        pools.append(pool(tags, tag_page, tag, len(pools)))
        pool_params += [value, page.pk, POOL]

    score = f"CASE WHEN e.rubric = %s THEN {RUBRIC_WEIGHT} ELSE 0 END"
    score_params = [page.rubric]
    if theme_ids:
        score += (
            f" + (SELECT COUNT(*) FROM {themes} t WHERE t.{theme_page} = e.{key} "  # noqa: S608 - names from the models
            f"AND t.{theme} IN ({marks(theme_ids)}))"
        )
        score_params += theme_ids
    if tag_ids:
        score += (
            f" + (SELECT COUNT(*) FROM {tags} x WHERE x.{tag_page} = e.{key} "  # noqa: S608 - names from the models
            f"AND x.{tag} IN ({marks(tag_ids)}))"
        )
        score_params += tag_ids
    # Live, and under no view restriction (what PageQuerySet.public() leaves).
    sql = (
        f"SELECT e.{key} FROM {experiences} e JOIN {pages} p ON p.id = e.{key} "  # noqa: S608 - names from the models
        f"WHERE p.live AND e.{key} IN ({' UNION ALL '.join(pools)}) "
        f"AND NOT EXISTS (SELECT 1 FROM {restrictions} r JOIN {pages} rp "
        "ON rp.id = r.page_id WHERE p.path LIKE rp.path || '%%') "
        f"ORDER BY {score} DESC, p.first_published_at DESC, e.{key} ASC LIMIT %s"
    )
    return sql, [*pool_params, *score_params, limit]


def related_experiences(page, limit=3, theme_ids=None, tag_ids=None):
    """The ``limit`` closest experiences, as cards: two queries (the keys
    scored, then their cards), one more when the page's themes and tags are
    not given."""
    if theme_ids is None or tag_ids is None:
        theme_ids, tag_ids = _themes_and_tags(page)
    sql, params = _scoring_statement(page, list(theme_ids), list(tag_ids), limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        keys = [row[0] for row in cursor.fetchall()]
    if not keys:
        return []
    cards = ExperiencePage.objects.filter(pk__in=keys).select_related("department")
    by_key = {card.pk: card for card in cards.only(*ExperiencePage.CARD_FIELDS)}
    return [by_key[key] for key in keys if key in by_key]
