"""Which live pages the public may see.

Wagtail's ``PageQuerySet.public()`` reads the view restrictions (a query of
their own) each time it is called; ``public`` below leaves out the same pages
inside the query that lists them (``NOT EXISTS`` a restriction on the page or
an ancestor: the small restriction table, read by the list's own query).
``restricted_paths`` reads the paths once, for code that needs them in Python.
"""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q

from wagtail.models import Page, PageViewRestriction


def restricted_paths():
    """The tree paths under a view restriction (a handful of rows, one query)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public(queryset, paths=None):
    """``queryset`` without the pages under any of ``paths`` (by default:
    under a view restriction, as Wagtail's ``public()``, in the same query)."""
    if paths is None:
        served = ExpressionWrapper(OuterRef("path"), output_field=CharField())
        restrictions = PageViewRestriction.objects.annotate(served=served).filter(
            served__startswith=F("page__path")
        )
        return queryset.exclude(Exists(restrictions))
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
        sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values(
            "alias_of_id"
        )
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__in=sources)
        )
