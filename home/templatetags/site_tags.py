from django import template
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe

from wagtail.models import Page, Site

from home.cache import cached_data
from home.models import SiteIdentity, StandardPage

register = template.Library()

NAVIGATION_TYPES = (
    "experienceindexpage",
    "callforcontributionspage",
    "eventrecapindexpage",
    "articleindexpage",
    "bookletindexpage",
)


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's sections, in tree order (one query, memoised per request)."""
    request = context.get("request")
    cache = getattr(request, "_recueil_navigation", None)
    if cache is not None:
        return cache
    root = _site_root(request)
    items = []
    if root is not None:
        items = cached_data(
            "navigation",
            root.pk,
            lambda: list(
                Page.objects.child_of(root)
                .live()
                .in_menu()
                .filter(content_type__model__in=NAVIGATION_TYPES)
                .only("title", "url_path", "path", "depth")
            ),
        )
    if request is not None:
        request._recueil_navigation = items
    return items


@register.simple_tag
def footer_links():
    return cached_data(
        "footer",
        None,
        lambda: list(
            StandardPage.objects.live()
            .exclude(footer_role="")
            .only("title", "url_path", "footer_role")
            .order_by("footer_role")
        ),
    )


@register.simple_tag(takes_context=True)
def site_identity(context):
    """Read once per request (the header, the footer and the <head> show it),
    and kept with the pages: saving it makes them stale."""
    request = context.get("request")
    identity = getattr(request, "_recueil_identity", None)
    if identity is None:
        identity = cached_data("identity", None, SiteIdentity.load)
        if request is not None:
            request._recueil_identity = identity
    return identity


@register.simple_tag(takes_context=True)
def breadcrumb_ancestors(context, page):
    """The page's ancestors below the site root (one query, kept with the pages:
    a move makes them stale)."""
    if page is None or page.depth <= 2:
        return []
    return cached_data(
        "breadcrumb",
        page.pk,
        lambda: list(
            page.get_ancestors()
            .filter(depth__gt=2)
            .only("title", "url_path", "path", "depth")
        ),
    )


@register.filter
def plain_paragraphs(text):
    """Plain text typed by a contributor, escaped, with its paragraphs kept."""
    return mark_safe(linebreaks(escape(text or "")))  # noqa: S308 - escaped first


@register.filter
def brand_lines(text):
    return mark_safe("<br>".join(escape(line) for line in (text or "").splitlines()))  # noqa: S308
