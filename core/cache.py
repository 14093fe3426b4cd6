"""Whole-page cache for anonymous visitors, invalidated by publishing.

Every cached page is stored under a key that carries a *generation* number; any
publication, unpublication, move or deletion of a page (or a change to the
site's identity, a site or a view restriction) bumps the generation, so
listings, counts and the home page show the change at once. The generation
lives in the same cache as the pages: with Redis (`REDIS_URL`), every app
server sees the bump; with the local-memory default, other processes keep their
copy until `PUBLIC_CACHE_SECONDS` expire.

What is never cached: anything but GET/HEAD, a logged-in user or a request
carrying a session, responses that set a cookie or used the CSRF token (forms,
hence /contribuer/), non-200 responses, private or no-store responses, the
admin, the API, documents and previews. Cached pages run no inline script; the
external scripts they load are allowed by `script-src 'self'`, so a page served
from the cache keeps working under a fresh Content-Security-Policy header.
"""

import hashlib
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.cache import patch_response_headers

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


# The generation read once at the start of an anonymous request, so that the
# page key and every `cached_data` entry of that request cost one cache read.
_request_generation = ContextVar("recueil_generation", default=None)


def generation():
    value = _request_generation.get()
    if value is not None:
        return value
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


def data_key(name, parts):
    """The cache key of data derived from the published pages, under the
    current generation."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"recueil:data:{name}:{generation()}:{digest}"


def anonymous_request():
    """True while the page-cache middleware serves an anonymous, cacheable
    request (the generation has been read for it)."""
    return _request_generation.get() is not None


def cached_data(name, parts, compute):
    """Data derived from the published pages (facet counts, related pages, the
    home page's counts) kept under the current generation, like the pages: a
    page missing from the page cache (another sort, page 2, a new query string)
    reuses them, and a publication makes them stale at once. Off, like the page
    cache, when ``PUBLIC_CACHE_SECONDS`` is 0."""
    timeout = settings.PUBLIC_CACHE_SECONDS
    if not timeout:
        return compute()
    key = data_key(name, parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def _key(request):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"recueil:page:{generation()}:{request.get_host()}:{digest}"


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return not (user and user.is_authenticated)


def _cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get(
        "CSRF_COOKIE_USED"
    ):
        return False
    cache_control = response.get("Cache-Control", "")
    return not ("private" in cache_control or "no-store" in cache_control)


class AnonymousPageCacheMiddleware:
    """Serves anonymous visitors from the cache; stores what is safe to share."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PUBLIC_CACHE_SECONDS
        if not timeout or not _cacheable_request(request):
            return self.get_response(request)
        token = _request_generation.set(generation())
        try:
            return self._serve(request, timeout)
        finally:
            _request_generation.reset(token)

    def _serve(self, request, timeout):
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            response = self._rebuild(content, headers)
            response["X-Recueil-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {h: response[h] for h in HEADERS_KEPT if h in response}
            cache.set(key, (response.content, headers), timeout)
            patch_response_headers(response, cache_timeout=0)
            response["X-Recueil-Cache"] = "miss"
        return response

    @staticmethod
    def _rebuild(content, headers):
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        patch_response_headers(response, cache_timeout=0)
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
