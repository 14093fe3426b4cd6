"""The counts of the public listing's facets, in one statement per request.

Each facet is counted over every active filter but its own (choosing a region
still shows how many experiences each other region has).

- No filter, or a rubric only (the listings as first opened, the rubric pages,
  the home page): the counts are stored in ``FacetCount``, per rubric and in
  all, rebuilt on every publication (``refresh_stored_counts``, called by
  experiences.page_cache): one small query.
- Otherwise: one statement (``_live_statement``): the narrow rows of the
  experiences in scope (``ListingRow``, rebuilt with the stored counts:
  experiences.listing_rows), searched once when ``q`` is given, go into a CTE
  with one flag per active filter; each facet, the total and the requested
  page of cards are grouped queries over that CTE, joined by UNION ALL. The
  number of rows it returns (a few hundred) does not grow with the number of
  experiences.
"""

from operator import itemgetter

from django.db import connection, transaction
from django.db.models import (
    CharField,
    Count,
    F,
    Value,
)
from django.db.models.functions import Cast, ExtractYear

from taggit.models import Tag

from experiences import listing_rows
from experiences.cards import card_from_row, card_join, card_values
from experiences.facets import reference_from_rows, reference_selects
from experiences.filters import ThemeLink, public_experiences
from experiences.models import ExperiencePageTag, FacetCount

TOTAL = "total"
COUNTED = ("rubrique", "region", "departement", "role", "annee", "theme", "tag")


def _text(expression):
    return Cast(expression, output_field=CharField())


def _grouped(queryset, name, value, label=None, count="pk", scope=None):
    """One part of the union: (scope, facet, value, label, count) per value
    (and per rubric when ``scope`` is given)."""
    empty = Value("", output_field=CharField())
    return (
        queryset.order_by()
        .values(value_=_text(value), scope_=_text(scope) if scope else empty)
        .annotate(
            facet_=Value(name, output_field=CharField()),
            label_=_text(label) if label else empty,
            n_=Count(count),
        )
        .values_list("scope_", "facet_", "value_", "label_", "n_")
    )


def _parts(except_, total, by_rubric=False):
    """The grouped queries of every facet; ``except_(name)``: the experiences
    that facet is counted over; ``total``: the results."""

    def scope(prefix=""):
        return F(f"{prefix}rubric") if by_rubric else None

    pages = {name: except_(name) for name in ("theme", "tag")}
    return [
        _grouped(total, TOTAL, Value(1), scope=scope()),
        _grouped(
            except_("region"), "region", F("department__region__slug"), scope=scope()
        ),
        _grouped(
            except_("departement"), "departement", F("department__code"), scope=scope()
        ),
        _grouped(except_("role"), "role", F("contributor_role"), scope=scope()),
        _grouped(
            except_("annee").exclude(start_date=None),
            "annee",
            ExtractYear("start_date"),
            scope=scope(),
        ),
        _grouped(
            ThemeLink.objects.filter(
                experiencepage_id__in=pages["theme"].order_by().values("pk")
            ),
            "theme",
            F("theme_id"),
            count="experiencepage_id",
            scope=scope("experiencepage__"),
        ),
        _grouped(
            ExperiencePageTag.objects.filter(
                content_object_id__in=pages["tag"].order_by().values("pk")
            ),
            "tag",
            F("tag__slug"),
            F("tag__name"),
            count="content_object_id",
            scope=scope("content_object__"),
        ),
    ]


def _empty_counts():
    return {name: {} for name in (*COUNTED, TOTAL)}


def _add(counts, name, value, label, n):
    if value is None:
        return
    if name == "tag":
        counts["tag"][value] = (label, n)
    elif name in ("annee", "theme"):
        counts[name][int(value)] = n
    elif name == TOTAL:
        counts[TOTAL] = n
    else:
        counts[name][value] = n


def _finish(counts):
    if isinstance(counts[TOTAL], dict):
        counts[TOTAL] = 0
    return counts


def _counted_groups(flags, live):
    """Only the experiences a facet counted live counts: those passing every
    active filter (the results, and the facets without a filter), and those
    failing only the filter of a facet counted live (with three filters, a few
    hundred rows, not all; with one filter whose counts are stored, the
    results only). Each group: filters that all hold; None: every row."""
    if not flags:
        return None
    groups = [list(flags)]
    groups += [
        [other for other in flags if other != name] for name in flags if name in live
    ]
    if any(not group for group in groups):
        return None
    return groups


def _counted_anywhere(groups, quote):
    """The groups as a condition on the flag columns: each filter is
    evaluated once per row."""
    if groups is None:
        return "1 = 1"
    return " OR ".join(
        "(" + " AND ".join(quote(f"f_{name}") for name in group) + ")"
        for group in groups
    )


def _links(postgresql, table, alias, value, key):
    """The rows of a link table (themes, tags) of the experiences of ``m``.
    On PostgreSQL, looked up by experience on the table's index (a LATERAL
    subquery the planner may not flatten): a few hundred lookups, where the
    join it would choose reads every link of every experience."""
    if postgresql:
        return (
            f"CROSS JOIN LATERAL (SELECT {value} FROM {table} {alias}_ "  # noqa: S608 - names from the models
            f"WHERE {alias}_.{key} = m.k OFFSET 0) {alias}"
        )
    return f"JOIN {table} {alias} ON {alias}.{key} = m.k"


ORDERINGS = {
    "recent": '"published_" DESC, "k" DESC',
    "titre": '"title_" ASC, "k" ASC',
}


def _live_statement(filterset, fixed_rubric, offset, size, live=COUNTED):
    """One statement: the experiences in scope (searched once when ``q`` is
    given) with a flag per active filter, kept in a CTE; then, over it, each
    facet's counts (every flag but its own), the total and the cards of the
    requested page of results (experiences.cards)."""
    # The narrow rows of the public experiences (experiences.listing_rows),
    # narrowed by rubric, words and state, which are not facets, with one
    # flag per active filter: written by hand (the ORM spent milliseconds
    # building it on every request).
    flags = listing_rows.flags(filterset.values)
    groups = _counted_groups(list(flags), live)
    # Only the rows that may pass, first, through the columns' indexes.
    narrowed = listing_rows.narrowing(flags, groups) if groups else None
    inner_sql, params = listing_rows.select_flagged(
        filterset, fixed_rubric, flags, narrowed
    )
    quote = connection.ops.quote_name

    def where(excluded=None):
        conditions = [quote(f"f_{name}") for name in flags if name != excluded]
        return " AND ".join(conditions) or "1 = 1"

    def simple(name, column, label="''"):
        return (
            f"SELECT '{name}', CAST({column} AS TEXT), MAX({label}), COUNT(*), '', '' "  # noqa: S608 - no user input
            f"FROM m WHERE {where(name)} AND {column} IS NOT NULL GROUP BY {column}"
        )

    themes, tags = ThemeLink._meta.db_table, ExperiencePageTag._meta.db_table
    tag_table = Tag._meta.db_table
    postgresql = connection.vendor == "postgresql"
    facets = {
        "region": simple("region", '"region_"', '"region_name_"'),
        "departement": simple("departement", '"dept_"', '"dept_name_"'),
        "role": simple("role", '"role_"'),
        "annee": simple("annee", '"year_"'),
        "theme": "SELECT 'theme', CAST(t.theme_id AS TEXT), '', COUNT(*), '', '' "
        "FROM m "  # noqa: S608 - no user input
        + _links(postgresql, quote(themes), "t", "theme_id", "experiencepage_id")
        + f" WHERE {where('theme')} GROUP BY t.theme_id",
        # Counted by tag key, then named (a tag's slug is unique): one join
        # per tag counted, not one per link.
        "tag": "SELECT 'tag', g.slug, g.name, c.n, '', '' FROM (SELECT x.tag_id, "  # noqa: S608 - no user input
        "COUNT(*) AS n FROM m "
        + _links(postgresql, quote(tags), "x", "tag_id", "content_object_id")
        + f" WHERE {where('tag')} GROUP BY x.tag_id) c "
        f"JOIN {quote(tag_table)} g ON g.id = c.tag_id",
    }
    if not fixed_rubric:
        facets["rubrique"] = simple("rubrique", '"rubric_"')
    parts = [
        f"SELECT '{TOTAL}', '1', '', COUNT(*), '', '' FROM m WHERE {where()}",  # noqa: S608 - no user input
        # The requested page's cards (experiences.cards), in order.
        "SELECT 'page', CAST(k AS TEXT), cp.title, pos_, "  # noqa: S608 - no user input
        f"{card_values('rubric_', 'dept_', 'dept_name_')}, '' FROM ("
        f"SELECT k, rubric_, dept_, dept_name_, ROW_NUMBER() OVER "
        f"(ORDER BY {ORDERINGS[filterset.sort]}) AS pos_ FROM m WHERE {where()}) "
        f"ranked {card_join('ranked.k')} WHERE pos_ > %s AND pos_ <= %s",
        *(sql for name, sql in facets.items() if name in live),
        # The filter form's departments and themes, in the same round trip.
        *reference_selects(),
    ]
    # On PostgreSQL, the rows of the experiences in scope are flagged once
    # each (OFFSET 0 keeps the planner from copying a filter's subquery into
    # every group of the condition below), and kept once (MATERIALIZED).
    materialized, fence = ("MATERIALIZED ", " OFFSET 0") if postgresql else ("", "")
    counted = _counted_anywhere(groups, quote)
    sql = (
        f"WITH m AS {materialized}(SELECT * FROM ({inner_sql}{fence}) flagged "  # noqa: S608 - no user input
        f"WHERE {counted}) " + " UNION ALL ".join(parts)
    )
    return sql, (*params, offset, offset + size)


def live_counts(filterset, fixed_rubric, offset, size, live=COUNTED):
    sql, params = _live_statement(filterset, fixed_rubric, offset, size, live)
    counts = _empty_counts()
    page, reference = [], []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            name, value, label, n = row[:4]
            if name == "page":
                page.append((n, card_from_row(value, label, row[4])))
            elif name.startswith("ref_"):
                reference.append(row)
            else:
                _add(counts, name, value, label, n)
    counts["page"] = [card for _position, card in sorted(page, key=itemgetter(0))]
    counts["reference"] = reference_from_rows(reference)
    return _finish(counts)


def _stored_scope(values, fixed_rubric, excluded):
    """The FacetCount scope holding the counts over every active filter but
    ``excluded``; None when no stored scope does."""
    remaining = {name for name in values if name != "tri"} - {excluded}
    if fixed_rubric:
        return fixed_rubric if not remaining else None
    if not remaining:
        return ""
    if remaining == {"rubrique"} and len(values["rubrique"]) == 1:
        return values["rubrique"][0]
    return None


def count_facets(filterset, fixed_rubric=None, offset=0, size=12):
    """{facet: {value: count}} for every facet (tags: {slug: (name, count)}),
    plus ``TOTAL``: the number of results, and ``"page"``: the cards of the
    results from ``offset`` (None: read them from the filtered queryset). The
    stored counts when no filter (or a rubric only) applies (one query); else
    the live statement, which leaves out the facets whose counts are stored
    (with one filter, its own facet's options: they are counted over every
    experience), read in a second small query."""
    values = filterset.values
    wanted = {
        name: _stored_scope(values, fixed_rubric, name)
        for name in (*COUNTED, TOTAL)
        if not (fixed_rubric and name == "rubrique")
    }
    live = {name for name, scope in wanted.items() if scope is None}
    kept = {name: scope for name, scope in wanted.items() if scope is not None}
    if live:
        counts = live_counts(filterset, fixed_rubric, offset, size, live)
    else:
        counts = _empty_counts()
        counts["page"] = None
    if kept:
        stored = stored_counts(set(kept.values()))
        for name, scope in kept.items():
            counts[name] = stored[scope][name]
    return _finish(counts)


def stored_counts(scopes):
    """{scope: counts} from FacetCount, in one query."""
    result = {scope: _empty_counts() for scope in scopes}
    rows = FacetCount.objects.filter(scope__in=scopes).values_list(
        "scope", "facet", "value", "label", "count"
    )
    for scope, name, value, label, n in rows:
        _add(result[scope], name, value, label, n)
    return {scope: _finish(counts) for scope, counts in result.items()}


@transaction.atomic
def refresh_stored_counts(rows=True):
    """Rebuild FacetCount from the public experiences: one grouped query per
    rubric and facet (one statement), then one insert of a few hundred rows;
    then, unless ``rows`` is false, the listing rows
    (experiences.listing_rows.rebuild)."""
    base = public_experiences()
    parts = _parts(lambda name: base, base, by_rubric=True)
    totals, counts = {}, []
    for scope, name, value, label, n in parts[0].union(*parts[1:], all=True):
        if value is None:
            continue
        counts.append(
            FacetCount(scope=scope, facet=name, value=value, label=label, count=n)
        )
        key = (name, value)
        totals[key] = (label, totals.get(key, ("", 0))[1] + n)
        if name == TOTAL:
            counts.append(FacetCount(scope="", facet="rubrique", value=scope, count=n))
    counts += [
        FacetCount(scope="", facet=name, value=value, label=label, count=n)
        for (name, value), (label, n) in totals.items()
    ]
    FacetCount.objects.all().delete()
    FacetCount.objects.bulk_create(counts, batch_size=1000)
    if rows:
        listing_rows.rebuild()
