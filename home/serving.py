"""Wagtail's page view, with the route of anonymous requests kept under the
page cache's generation.

Before rendering anything, Wagtail finds the site of the request (one query),
walks the tree from the site's root to the page (two queries per level: the
child, then its specific row) and reads the view restrictions of the page and
its ancestors (two queries): five to eleven queries, and as many model
instances built, for every page the page cache misses. For anonymous visitors
(the only ones the page cache serves), the site, the routed page and its view
restrictions are kept in the cache under the generation
(`core.cache.data_key`): publishing, unpublishing, moving or deleting a page,
or changing a site or a view restriction, makes them stale at once, like the
pages themselves. A page can also prepare what it shows before it is stored
(`prepare_cached_route`), so that its related rows come with it.

Logged-in users, previews and the routable pages (the call's form, a booklet's
PDF) keep Wagtail's own path, unchanged.
"""

from django.conf import settings
from django.core.cache import cache

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from core.cache import anonymous_request, data_key


def serve(request, path):
    if anonymous_request():
        _use_cached_route(request, path)
    return wagtail_views.serve(request, path)


def _use_cached_route(request, path):
    key = data_key("route", (request._get_raw_host(), request.get_port(), path))
    entry = cache.get(key)
    if entry is None:
        entry = _route(request, path)
        if entry is None:
            return
        cache.set(key, entry, settings.PUBLIC_CACHE_SECONDS)
    site, route, restrictions = entry
    request._wagtail_site = site
    request._wagtail_route_for_request = route
    # Read by Wagtail's check_view_restrictions hook, which only iterates it.
    route.page.get_view_restrictions = lambda: restrictions


def _route(request, path):
    """The site, route and view restrictions of a plain page; None for what is
    not kept (no page, a routable page's sub-view)."""
    route = Page.route_for_request(request, path)
    if route is None or route.args or route.kwargs:
        return None
    page = route.page
    restrictions = list(page.get_view_restrictions())
    prepare = getattr(page, "prepare_cached_route", None)
    if prepare is not None:
        prepare()
    return Site.find_for_request(request), route, restrictions
