"""The links of the header and the footer: the home page's sections and the
legal pages."""

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, Site

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


def navigation_types():
    """The content types of the sections (Django keeps them in memory once
    read: no query after the first request)."""
    models = [m for m in apps.get_models() if m._meta.model_name in NAVIGATION_TYPES]
    return list(ContentType.objects.get_for_models(*models).values())


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's sections, in tree order (one query, on the index of
    the page types: the home page's children by path would be a scan of every
    page, experiences included)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    root = site.root_page
    return list(
        Page.objects.filter(content_type__in=navigation_types())
        .child_of(root)
        .live()
        .in_menu()
        .only("title", "url_path", "path", "depth")
    )


@register.simple_tag
def footer_links():
    return list(
        StandardPage.objects.live()
        .exclude(footer_role="")
        .only("title", "url_path", "footer_role")
        .order_by("footer_role")
    )
