"""``ListingRow``: one narrow row per public experience, what the filtered
listings count and sort on, rebuilt with the stored counts.

``rebuild`` replaces every row in two statements (a DELETE, then one INSERT …
SELECT from the public experiences, joined once to their departments and
regions), in the caller's transaction; ``refresh`` does the same for a few
experiences (a publication, a move), whatever the number of the others.
``flags`` gives each active filter as a condition on a row; the filters on
themes and tags read their link tables, which hold page keys already.
"""

from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.db.models.functions import ExtractYear

from experiences.filters import ENDED, public_experiences, tag_keys, theme_keys
from experiences.models import ListingRow

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


def rebuild():
    """Every public experience's row, and no other (two statements)."""
    ListingRow.objects.all().delete()
    _insert(public_experiences())


def refresh(keys):
    """The rows of the experiences ``keys`` (keys, or a subquery of keys) as
    ``rebuild`` would leave them, the others untouched (two statements): on
    a publication, an unpublication or a move, at any size of the call."""
    ListingRow.objects.filter(page_id__in=keys).delete()
    _insert(public_experiences().filter(pk__in=keys))


def _insert(experiences):
    """One INSERT … SELECT of the rows of ``experiences``."""
    source = (
        experiences.order_by()
        .annotate(**{f"{name}_": value for name, value in SOURCES.items()})
        .values_list(*(f"{name}_" for name in SOURCES))
    )
    select_sql, params = source.query.sql_with_params()
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(ListingRow._meta.get_field(name).column) for name in SOURCES
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(ListingRow._meta.db_table)} ({columns}) {select_sql}",  # noqa: S608 - columns from the model, values as parameters
            params,
        )


def flags(values):
    """Each active facet filter as a condition on a row."""
    conditions = {
        "rubrique": lambda v: Q(rubric__in=v),
        "region": lambda v: Q(region=v),
        "departement": lambda v: Q(department=v),
        "role": lambda v: Q(role=v),
        "annee": lambda v: Q(year=v),
        "theme": lambda v: Q(page_id__in=theme_keys(v)),
        "tag": lambda v: Q(page_id__in=tag_keys(v)),
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
    return reduce(or_, (conditions[name] for name in dict.fromkeys(chosen)))


def in_scope(filterset, fixed_rubric):
    """The rows a filtered listing counts over, before its facet filters:
    its rubric, its words (searched once) and its state."""
    values = filterset.values
    rows = ListingRow.objects.all()
    if fixed_rubric:
        rows = rows.filter(rubric=fixed_rubric)
    if values.get("q"):
        rows = rows.filter(page_id__in=filterset.search(values["q"]))
    if values.get("statut") == "en-cours":
        rows = rows.filter(ongoing=True)
    elif values.get("statut"):
        rows = rows.filter(over=True)
    return rows
