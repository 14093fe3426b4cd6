"""Whole-page cache for anonymous visitors, invalidated by publishing, and the
HTTP caching headers that let a proxy in front do the same.

Every cached page is stored under a key that carries a *generation* number; any
publication, unpublication, move or deletion of a page (or a change to the
site's identity, a site or a view restriction) bumps the generation, so
listings, counts and the home page show the change at once. The generation
lives in the same cache as the pages (`CACHE_BACKEND`): with Redis, every app
server sees the bump; with local memory, other processes keep their copy until
`PUBLIC_CACHE_SECONDS` expire; with `dummy`, nothing is kept and every request
is served cold. Nothing else is cached: the speed of a cold page comes from its
queries and its rendering.

What is never cached: anything but GET/HEAD, a logged-in user or a request
carrying a session, responses that set a cookie or used the CSRF token (forms,
hence /contribuer/), non-200 responses, private or no-store responses, the
admin, the API, documents and previews. Those responses say `Cache-Control:
private` (logged-in users: `private, no-store`); what is stored says `public,
max-age=0, s-maxage=PUBLIC_PROXY_SECONDS`, for a proxy or a CDN in front
(purged on publication by `wagtail.contrib.frontend_cache`, see the README).
Cached pages run no inline script; the external scripts they load are allowed
by `script-src 'self'`, so a page served from the cache keeps working under a
fresh Content-Security-Policy header.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.models import SiteIdentity

GENERATION_KEY = "recueil:pages:generation"
EXCLUDED_PREFIXES = (
    "/admin/",
    "/api/",
    "/documents/",
    "/contribuer/",
    "/django-admin/",
    "/static/",
    "/media/",
)
HEADERS_KEPT = ("Content-Type", "Content-Language", "Content-Disposition", "Link")


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def invalidate(**kwargs):
    """Make every cached page stale (they expire on their own afterwards)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _key(request):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"recueil:page:{generation()}:{request.get_host()}:{digest}"


def _logged_in(request):
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in request.COOKIES:
        return False
    return not _logged_in(request)


def _cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get(
        "CSRF_COOKIE_USED"
    ):
        return False
    cache_control = response.get("Cache-Control", "")
    return not ("private" in cache_control or "no-store" in cache_control)


def _public(response):
    """Shared caches may keep it (s-maxage); browsers ask again each time."""
    patch_cache_control(
        response, public=True, max_age=0, s_maxage=settings.PUBLIC_PROXY_SECONDS
    )


def _private(request, response):
    """Never kept by a shared cache; not even by the browser for a logged-in user."""
    if "Cache-Control" in response and "private" in response["Cache-Control"]:
        return
    if _logged_in(request):
        patch_cache_control(response, private=True, no_store=True, max_age=0)
    else:
        patch_cache_control(response, private=True)


class AnonymousPageCacheMiddleware:
    """Serves anonymous visitors from the cache; stores what is safe to share."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            if _logged_in(request) or not request.path.startswith(EXCLUDED_PREFIXES):
                _private(request, response)
            return response
        timeout = settings.PUBLIC_CACHE_SECONDS
        key = _key(request) if timeout else None
        cached = cache.get(key) if key else None
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            _public(response)
            response["X-Recueil-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            if key:
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                headers = {h: response[h] for h in HEADERS_KEPT if h in response}
                cache.set(key, (response.content, headers), timeout)
                response["X-Recueil-Cache"] = "miss"
            _public(response)
        else:
            _private(request, response)
        return response


page_published.connect(invalidate, dispatch_uid="recueil_cache_published")
page_unpublished.connect(invalidate, dispatch_uid="recueil_cache_unpublished")
post_page_move.connect(invalidate, dispatch_uid="recueil_cache_moved")


# What public pages show, outside the pages themselves.
SHOWN_IN_PAGES = (Site, PageViewRestriction)


@receiver(post_delete, dispatch_uid="recueil_cache_deleted")
def _deleted(sender, instance, **kwargs):
    if isinstance(instance, (Page, *SHOWN_IN_PAGES)):
        invalidate()


@receiver(post_save, dispatch_uid="recueil_cache_saved")
def _saved(sender, instance, **kwargs):
    """A live page saved outside publishing (a booklet's new PDF), a site or a
    view restriction."""
    if isinstance(instance, Page):
        if instance.live:
            invalidate()
    elif isinstance(instance, SHOWN_IN_PAGES):
        invalidate()


@receiver(post_save, sender=SiteIdentity, dispatch_uid="recueil_cache_identity")
def _identity_saved(sender, created, **kwargs):
    # The settings row is created with its defaults on first use: no change.
    if not created:
        invalidate()
