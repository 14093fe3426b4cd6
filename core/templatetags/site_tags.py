"""Template tags and filters that every app's templates use."""

from django import template
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.dates import french_date
from core.models import SiteIdentity
from core.urls import page_path, page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def site_identity(context):
    """Read once per request (the header, the footer and the <head> show it)."""
    request = context.get("request")
    identity = getattr(request, "_recueil_identity", None)
    if identity is None:
        identity = SiteIdentity.load()
        if request is not None:
            request._recueil_identity = identity
    return identity


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors below the site root: those the routing walked
    through when it found the page (home.routing), else one query; none for
    the site root's children."""
    if page is None or page.depth <= 3:
        return []
    trail = getattr(page, "route_trail", None)
    if trail is not None:
        return [ancestor for ancestor in trail if ancestor.depth > 2]
    return list(
        page.get_ancestors()
        .filter(depth__gt=2)
        .only("title", "url_path", "path", "depth")
    )


@register.filter
def brand_lines(text):
    """The DSFR's bloc-marque: one escaped line each, separated by <br>."""
    return mark_safe("<br>".join(escape(line) for line in (text or "").splitlines()))  # noqa: S308


@register.filter
def file_size(size):
    """A file size the way French public sites write it: « 61,9 Ko », « 1,2 Mo »."""
    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    if size < 1024:
        return f"{size} octet{'s' if size > 1 else ''}"
    for unit in ("Ko", "Mo", "Go"):
        size /= 1024
        if size < 1024 or unit == "Go":
            return f"{number_format(size, 1)}\xa0{unit}"
    return ""


@register.filter
def date_fr(value):
    """« 1er décembre 2026 » (core.dates)."""
    return french_date(value)


@register.simple_tag(takes_context=True, name="page_path")
def page_path_tag(context, page):
    """The address of a page on this site, as ``{% pageurl %}`` gives it,
    without reading every site's root paths (core.urls.page_path)."""
    return page_path(page, context.get("request")) if page is not None else ""


@register.simple_tag(takes_context=True)
def absolute_url(context, page):
    """The permanent public address of a page (core.urls)."""
    return page_url(page, context.get("request")) if page is not None else ""
