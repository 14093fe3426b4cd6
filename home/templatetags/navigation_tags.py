"""The links of the header and the footer: the home page's sections and the
legal pages."""

from django import template

from wagtail.models import Page, Site

from core.cache import cached_data
from home.models import StandardPage

register = template.Library()

NAVIGATION_TYPES = (
    "experienceindexpage",
    "callforcontributionspage",
    "eventrecapindexpage",
    "articleindexpage",
    "bookletindexpage",
    "trainingindexpage",
)


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's sections, in tree order (one query, kept with the pages)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    root = site.root_page
    return cached_data(
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
