"""Absolute addresses, from one setting: ``SITE_URL``.

The sitemap, the API, the emails and the booklet all take their absolute
addresses from here (the default Site's hostname and port are set from the same
setting by ``setup_site``), so that they never disagree with the address the
site is served on.
"""

from django.conf import settings


def site_url():
    """The public origin, without a trailing slash: ``https://example.org``."""
    return settings.SITE_URL.rstrip("/")


def absolute(path):
    """``path`` (``/experiences/…``) under the public origin; a full address is
    returned as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return site_url() + "/" + path.lstrip("/")


def page_url(page, request=None):
    """The permanent public address of ``page``, or "" when it has none.
    Given the request, Wagtail reads the sites' root paths once for it."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    _site_id, _root_url, page_path = parts
    return absolute(page_path) if page_path else ""
