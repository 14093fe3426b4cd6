"""Absolute addresses, from one setting: ``SITE_URL``.

The sitemap, the API, the emails and the booklet all take their absolute
addresses from here (the default Site's hostname and port are set from the same
setting by ``setup_site``), so that they never disagree with the address the
site is served on.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from wagtail.models import Page, Site


def site_url():
    """The public origin, without a trailing slash: ``https://example.org``."""
    return settings.SITE_URL.rstrip("/")


def absolute(path):
    """``path`` (``/experiences/…``) under the public origin; a full address is
    returned as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return site_url() + "/" + path.lstrip("/")


def page_path(page, request=None):
    """The address of ``page`` on the request's site (``/experiences/…/``), or
    "" when it has none.

    A page under the request's site root is addressed from its ``url_path``
    alone, as Wagtail's ``get_url_parts`` does it, but from the Site that
    Wagtail's routing already found for the request (its root page comes with
    it): no read of every site's root paths, which is a query on each request
    when the cache remembers nothing. Anything else (no request, a page of
    another site, a model with its own ``get_url_parts``) is Wagtail's own
    reckoning; a plain record of a page (experiences.cards) outside the
    request's site has no address here."""
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_page if site is not None else None
    if getattr(type(page), "get_url_parts", Page.get_url_parts) is Page.get_url_parts:
        # A page that Wagtail addresses by its url_path, or a plain record of
        # one, which has no get_url_parts (experiences.cards).
        if root is not None and page.url_path.startswith(root.url_path):
            try:
                return reverse(
                    "wagtail_serve", args=(page.url_path[len(root.url_path) :],)
                )
            except NoReverseMatch:
                return ""
        if not isinstance(page, Page):
            return ""
    parts = page.get_url_parts(request)
    if parts is None or parts[2] is None:
        return ""
    return parts[2]


def page_url(page, request=None):
    """The permanent public address of ``page``, or "" when it has none."""
    path = page_path(page, request)
    return absolute(path) if path else ""
