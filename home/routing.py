"""Routing from the site root in one query for the pages along the path.

Wagtail's ``Page.route`` reads each level of the tree with two queries (the
child by its slug, then its specific row): eight for an experience sheet four
levels down. ``route`` below reads every page the path names in one query
(by depth and slug, on Wagtail's slug index) and walks them in Python, then
reads the specific row of the page it lands on. It behaves as ``Page.route``:
a page whose class routes by itself (``RoutablePageMixin``: the call for
contributions, the trainings, the booklets) is handed the rest of the path as
soon as it is reached; an unknown slug or a page that is not live is a 404.
"""

from django.http import Http404

from wagtail.models import Page
from wagtail.url_routing import RouteResult

from core.sql import column, table


def routes_itself(page_class):
    return page_class.route is not Page.route


def _along(root, path_components):
    """SQL and parameters: the pages below ``root`` that the path names, each
    by its depth and slug (written by hand: the ORM spent half a millisecond
    building it before every page served)."""
    depth, slug, path = (column(Page, name) for name in ("depth", "slug", "path"))
    levels = " OR ".join([f"({depth} = %s AND {slug} = %s)"] * len(path_components))
    params = []
    for index, component in enumerate(path_components, start=1):
        params += [root.depth + index, component]
    # A tree path is digits and capital letters: nothing to escape for LIKE.
    sql = (
        f"SELECT * FROM {table(Page)} "  # noqa: S608 - names from the model, values as parameters
        f"WHERE ({levels}) AND {path} LIKE %s"
    )
    return sql, (*params, root.path + "%")


def route(root, request, path_components):
    """The RouteResult for ``path_components`` below ``root`` (its specific
    instance), as ``root.route`` would give it."""
    if not path_components:
        return Page.route(root, request, path_components)
    found = {
        (page.depth, page.slug, page.path[: -Page.steplen]): page
        for page in Page.objects.raw(*_along(root, path_components))
    }
    current, trail = root, []
    for index, slug in enumerate(path_components):
        if index and routes_itself(current.specific_class or Page):
            return current.specific.route(request, path_components[index:])
        child = found.get((current.depth + 1, slug, current.path))
        if child is None:
            raise Http404
        trail.append(child)
        current = child
    page = current.specific
    if routes_itself(type(page)):
        return page.route(request, [])
    if not page.live:
        raise Http404
    # The pages walked through, read above: the breadcrumb shows them
    # (core.templatetags.site_tags.breadcrumb_ancestors) without a query.
    page.route_trail = trail[:-1]
    return RouteResult(page)
