"""The links of the header and the footer: the home page's sections and the
legal pages, read in one query for both."""

from typing import NamedTuple

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Value
from django.urls import reverse

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


class Link(NamedTuple):
    pk: int
    title: str
    url: str
    path: str
    depth: int
    footer_role: str


class SiteLinks(NamedTuple):
    menu: list
    footer: list


NO_LINKS = SiteLinks([], [])


def navigation_types():
    """The content types of the sections (Django keeps them in memory once
    read: no query after the first request)."""
    models = [m for m in apps.get_models() if m._meta.model_name in NAVIGATION_TYPES]
    return list(ContentType.objects.get_for_models(*models).values())


@register.simple_tag(takes_context=True)
def site_links(context):
    """The home page's sections in the menu, in tree order, and the legal
    pages of the footer, by role: one query, a UNION whose two halves each use
    their own index (the content type's for the sections: the home page's
    children by path would be a scan of every page, experiences included; the
    small table of standard pages for the footer). Both lie under the request's
    site root, so their addresses come from their ``url_path`` alone."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return NO_LINKS
    root = site.root_page
    columns = ("pk", "title", "url_path", "path", "depth", "role")
    sections = (
        Page.objects.filter(content_type__in=navigation_types())
        .child_of(root)
        .live()
        .in_menu()
        .annotate(role=Value(""))
        .values_list(*columns)
    )
    legal = (
        StandardPage.objects.descendant_of(root)
        .live()
        .exclude(footer_role="")
        .annotate(role=F("footer_role"))
        .values_list(*columns)
    )
    menu, footer = [], []
    for pk, title, url_path, path, depth, role in sections.union(legal, all=True):
        url = reverse("wagtail_serve", args=(url_path[len(root.url_path) :],))
        link = Link(pk, title, url, path, depth, role)
        (footer if role else menu).append(link)
    menu.sort(key=lambda link: link.path)
    footer.sort(key=lambda link: link.footer_role)
    return SiteLinks(menu, footer)
