"""``ListingRow``: one narrow row per public experience, what the filtered
listings count and sort on, rebuilt with the stored counts.

``rebuild`` replaces every row in two statements (a DELETE, then one INSERT …
SELECT from the public experiences, joined once to their departments and
regions), in the caller's transaction; ``refresh`` does the same for a few
experiences (a publication, a move), whatever the number of the others.
On PostgreSQL, each row has a twin with the experience's words
(``SearchedListingRow``), written in the same steps, that a listing searched
with ``q`` reads instead (``rows_read``).
``flags`` gives each active filter as a condition on a row; the filters on
themes and tags read their link tables, which hold page keys already.
"""

from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Subquery,
)
from django.db.models.functions import ExtractYear

from taggit.models import Tag

from core.models import SearchDocument
from core.search import search_keys_sql, uses_documents, words_condition
from core.sql import column, marks, quote, table
from experiences.filters import ENDED, ThemeLink, public_experiences
from experiences.models import (
    ExperiencePage,
    ExperiencePageTag,
    ListingRow,
    SearchedListingRow,
    Theme,
)

# Each column of ListingRow and where it comes from on the experience.
SOURCES = {
    "page": F("pk"),
    "rubric": F("rubric"),
    "region": F("department__region__slug"),
    "region_name": F("department__region__name"),
    "department": F("department__code"),
    "department_name": F("department__name"),
    "role": F("contributor_role"),
    "year": ExtractYear("start_date"),
    "ongoing": F("ongoing"),
    "over": ExpressionWrapper(ENDED, output_field=BooleanField()),
    "published": F("first_published_at"),
    "title": F("title"),
}


def rebuild(searched=True):
    """Every public experience's row, and no other (two statements; two more
    for the searched rows, unless ``searched`` is false: before their table,
    in migration 0011)."""
    ListingRow.objects.all().delete()
    if searched:
        SearchedListingRow.objects.all().delete()
    _insert(public_experiences(), ListingRow.objects.all() if searched else None)


def refresh(keys):
    """The rows of the experiences ``keys`` (keys, or a subquery of keys) as
    ``rebuild`` would leave them, the others untouched (two statements, and
    two for the searched rows): on a publication, an unpublication or a move,
    at any size of the call."""
    ListingRow.objects.filter(page_id__in=keys).delete()
    SearchedListingRow.objects.filter(page_id__in=keys).delete()
    _insert(
        public_experiences().filter(pk__in=keys),
        ListingRow.objects.filter(page_id__in=keys),
    )


def _insert(experiences, written):
    """One INSERT … SELECT of the rows of ``experiences``; on PostgreSQL, one
    more of their searched rows, from the rows just written (``written``, a
    queryset of ListingRow that selects them; None: no searched rows) and the
    words of their search documents (none yet for an experience whose index
    entry is still to be written: the trigger of migration 0014 brings them
    when it is)."""
    source = (
        experiences.order_by()
        .annotate(**{f"{name}_": value for name, value in SOURCES.items()})
        .values_list(*(f"{name}_" for name in SOURCES))
    )
    _insert_select(ListingRow, SOURCES, source)
    if written is None or not uses_documents():
        return
    words = (
        SearchDocument.objects.filter(
            content_type=ContentType.objects.get_for_model(ExperiencePage),
            object_id=OuterRef("page_id"),
        )
        .annotate(
            stripped=Func(
                "document", function="strip", output_field=SearchVectorField()
            )
        )
        .values("stripped")[:1]
    )
    twins = (
        written.order_by()
        .annotate(words_=Subquery(words))
        .values_list(
            *(ListingRow._meta.get_field(name).attname for name in SOURCES), "words_"
        )
    )
    _insert_select(SearchedListingRow, (*SOURCES, "words"), twins)


def _insert_select(model, names, source):
    """INSERT INTO ``model``'s ``names`` the rows of the queryset ``source``."""
    select_sql, params = source.query.sql_with_params()
    columns = ", ".join(column(model, name) for name in names)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table(model)} ({columns}) {select_sql}",  # noqa: S608 - columns from the model, values as parameters
            params,
        )


class Sql(NamedTuple):
    """A fragment of SQL and its parameters."""

    sql: str
    params: tuple = ()


def _linked(link, page_field, target, target_field, slug):
    """The row's page has the linked ``target`` of slug ``slug``."""
    return Sql(
        f"r.{column(ListingRow, 'page')} IN (SELECT l.{column(link, page_field)} "  # noqa: S608 - names from the models
        f"FROM {table(link)} l JOIN {table(target)} t "
        f"ON t.id = l.{column(link, target_field)} WHERE t.slug = %s)",
        (slug,),
    )


def flags(values):
    """Each active facet filter as a condition on a row (``r``), in SQL:
    what the listing's filters (experiences.filters) select, on the row's
    columns; themes and tags through their link tables, which hold page
    keys already."""

    def equal(field):
        return lambda value: Sql(f"r.{column(ListingRow, field)} = %s", (value,))

    conditions = {
        "rubrique": lambda chosen: Sql(
            f"r.{column(ListingRow, 'rubric')} IN ({marks(chosen)})",
            tuple(chosen),
        ),
        "region": equal("region"),
        "departement": equal("department"),
        "role": equal("role"),
        "annee": equal("year"),
        "theme": lambda slug: _linked(
            ThemeLink, "experiencepage", Theme, "theme", slug
        ),
        "tag": lambda slug: _linked(
            ExperiencePageTag, "content_object", Tag, "tag", slug
        ),
    }
    return {
        name: conditions[name](values[name]) for name in conditions if name in values
    }


# The filters on a column of the row (each indexed), most selective first.
INDEXED = ("departement", "annee", "region", "role", "rubrique")


def narrowing(conditions, groups):
    """A condition that every row passing one of ``groups`` (each a list of
    filter names whose conditions all hold) passes, on indexed columns only:
    per group, its most selective indexed filter, joined by OR (a BitmapOr of
    their indexes). None when a group has no such filter (themes and tags
    only): the rows are then all read."""
    chosen = []
    for group in groups:
        indexed = [name for name in INDEXED if name in group]
        if not indexed:
            return None
        chosen.append(indexed[0])
    parts = [conditions[name] for name in dict.fromkeys(chosen)]
    return Sql(
        "(" + " OR ".join(part.sql for part in parts) + ")",
        tuple(param for part in parts for param in part.params),
    )


def in_scope(filterset, fixed_rubric):
    """The conditions on a row (``r``) of a filtered listing before its facet
    filters: its rubric, its words (searched once) and its state."""
    values = filterset.values
    conditions = []
    if fixed_rubric:
        conditions.append(
            Sql(f"r.{column(ListingRow, 'rubric')} = %s", (fixed_rubric,))
        )
    if rows_read(filterset) is SearchedListingRow:
        words = f"r.{column(SearchedListingRow, 'words')}"
        conditions.append(Sql(*words_condition(words, values["q"])))
    elif values.get("q"):
        keys, params = search_keys_sql(ExperiencePage, values["q"])
        page = column(ListingRow, "page")
        conditions.append(Sql(f"r.{page} IN ({keys})", tuple(params)))
    if values.get("statut") == "en-cours":
        conditions.append(Sql(f"r.{column(ListingRow, 'ongoing')} = %s", (True,)))
    elif values.get("statut"):
        conditions.append(Sql(f"r.{column(ListingRow, 'over')} = %s", (True,)))
    return conditions


def rows_read(filterset):
    """The table of rows a filtered listing reads: with ``q``, on PostgreSQL,
    the rows with their words (SearchedListingRow), where the word and the
    filters meet in one bitmap of their indexes; else the narrow rows."""
    if filterset.values.get("q") and uses_documents():
        return SearchedListingRow
    return ListingRow


def select_flagged(filterset, fixed_rubric, conditions, narrowed):
    """The rows in scope (narrowed) with one flag column per condition
    (``f_<name>``) and the columns the facet statement reads."""
    columns = [
        f"{condition.sql} AS {quote('f_' + name)}"
        for name, condition in conditions.items()
    ]
    columns += [
        f"r.{column(ListingRow, field)} AS {quote(alias)}"
        for field, alias in ROW_COLUMNS
    ]
    where = in_scope(filterset, fixed_rubric)
    if narrowed is not None:
        where.append(narrowed)
    sql = f"SELECT {', '.join(columns)} FROM {table(rows_read(filterset))} r"  # noqa: S608 - names from the models, values as parameters
    if where:
        sql += " WHERE " + " AND ".join(part.sql for part in where)
    params = tuple(p for c in conditions.values() for p in c.params)
    params += tuple(p for part in where for p in part.params)
    return sql, params


# The row's columns the facet statement reads, and their names there.
ROW_COLUMNS = (
    ("page", "k"),
    ("rubric", "rubric_"),
    ("region", "region_"),
    ("region_name", "region_name_"),
    ("department", "dept_"),
    ("department_name", "dept_name_"),
    ("role", "role_"),
    ("year", "year_"),
    ("published", "published_"),
    ("title", "title_"),
)
