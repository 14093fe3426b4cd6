"""The links of the header and the footer: the home page's sections and the
legal pages, read in one query for both."""

from typing import NamedTuple

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
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


def navigation_types():
    """The content types of the sections (Django keeps them in memory once
    read: no query after the first request)."""
    models = [m for m in apps.get_models() if m._meta.model_name in NAVIGATION_TYPES]
    return list(ContentType.objects.get_for_models(*models).values())


def _links_statement(section_types):
    """The SQL of ``site_links``: hand-written, as the ORM spends several
    milliseconds building and compiling this UNION on every page for a query
    that runs in a tenth of one."""
    quote = connection.ops.quote_name
    page, standard = quote(Page._meta.db_table), quote(StandardPage._meta.db_table)
    columns = "p.id, p.title, p.url_path, p.path, p.depth"
    types = ", ".join(["%s"] * len(section_types))
    return (
        f"SELECT {columns}, '' FROM {page} p "  # noqa: S608 - names from the models
        f"WHERE p.content_type_id IN ({types}) AND p.depth = %s "
        "AND p.path LIKE %s AND p.live AND p.show_in_menus "
        f"UNION ALL SELECT {columns}, s.footer_role FROM {standard} s "
        f"JOIN {page} p ON p.id = s.{quote(StandardPage._meta.pk.column)} "
        "WHERE s.footer_role <> '' AND p.live AND p.path LIKE %s"
    )


@register.simple_tag(takes_context=True)
def site_links(context):
    """The home page's sections in the menu, in tree order, and the legal
    pages of the footer, by role: one query, a UNION whose two halves each use
    their own index (the content type's for the sections: the home page's
    children by path alone would be a range of every page, experiences
    included; the small table of standard pages for the footer). Both lie
    under the request's site root, so their addresses come from their
    ``url_path`` alone. (Tree paths are letters and digits: no LIKE
    wildcard in them.)"""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return SiteLinks([], [])
    root = site.root_page
    types = [content_type.pk for content_type in navigation_types()]
    with connection.cursor() as cursor:
        cursor.execute(
            _links_statement(types),
            [*types, root.depth + 1, f"{root.path}%", f"{root.path}%"],
        )
        rows = cursor.fetchall()
    menu, footer = [], []
    for pk, title, url_path, path, depth, role in rows:
        url = reverse("wagtail_serve", args=(url_path[len(root.url_path) :],))
        link = Link(pk, title, url, path, depth, role)
        (footer if role else menu).append(link)
    menu.sort(key=lambda link: link.path)
    footer.sort(key=lambda link: link.footer_role)
    return SiteLinks(menu, footer)
