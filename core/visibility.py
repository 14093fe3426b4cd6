"""Which live pages the public may see, read once per request.

Wagtail's ``PageQuerySet.public()`` reads the view restrictions each time it is
called; a page that lists several kinds of pages (the home page) reads them
once with ``restricted_paths`` and filters every list on plain paths. (A
``NOT EXISTS`` subquery in each list would save that query, but costs more
to build in the ORM, list by list, than the query it saves: measured.)
"""

from django.db.models.expressions import RawSQL

from wagtail.models import Page, PageViewRestriction

from core.sql import column, marks, table


def restricted_paths():
    """The tree paths under a view restriction (a handful of rows, one query)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public(queryset, paths=None):
    """``queryset`` without the pages under any of ``paths`` (by default,
    read now: those under a view restriction, as Wagtail's ``public()``)."""
    if paths is None:
        paths = restricted_paths()
    for path in paths:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


class ViewRestrictionsInOneQuery:
    """A page mixin: the view restrictions that apply to the page in one query.

    Wagtail's ``Page.get_view_restrictions`` reads the page's ancestors (to
    replace aliases by their source pages), then their restrictions: two
    queries before every page served. The ancestors' paths are prefixes of the
    page's own path, so one query does both: the restrictions on a non-alias
    page along the path, and those on the source of an alias along it.
    """

    def get_view_restrictions(self):
        step = Page.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        # Written by hand (the ORM spent a millisecond building the same
        # condition before every page served); still a queryset for Wagtail.
        return PageViewRestriction.objects.filter(
            pk__in=RawSQL(*_restrictions_along(paths))  # noqa: S611 - names from the models, paths as parameters
        )


def _restrictions_along(paths):
    """SQL and parameters: the keys of the view restrictions on the pages of
    ``paths`` that are not aliases, and on the sources of those that are."""
    restrictions, pages = table(PageViewRestriction), table(Page)
    restricted = column(PageViewRestriction, "page")
    path, alias_of = column(Page, "path"), column(Page, "alias_of")
    sql = (
        f"SELECT r.id FROM {restrictions} r JOIN {pages} p ON p.id = r.{restricted} "  # noqa: S608 - names from the models, values as parameters
        f"WHERE (p.{path} IN ({marks(paths)}) AND p.{alias_of} IS NULL) "
        f"OR r.{restricted} IN (SELECT a.{alias_of} FROM {pages} a "
        f"WHERE a.{path} IN ({marks(paths)}) AND a.{alias_of} IS NOT NULL)"
    )
    return sql, (*paths, *paths)
