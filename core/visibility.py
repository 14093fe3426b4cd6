"""Which live pages the public may see, read once per request.

Wagtail's ``PageQuerySet.public()`` reads the view restrictions each time it is
called; a page that lists several kinds of pages (the home page) reads them
once with ``restricted_paths`` and filters every list on plain paths.
"""

from wagtail.models import PageViewRestriction


def restricted_paths():
    """The tree paths under a view restriction (a handful of rows, one query)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public(queryset, paths):
    """``queryset`` without the pages under any of ``paths``."""
    for path in paths:
        queryset = queryset.exclude(path__startswith=path)
    return queryset
