"""What the header and the footer show on every page: the home page's
sections, the legal pages and the site's identity, read in one query."""

from typing import NamedTuple

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse

from wagtail.models import Page, Site

from core.models import SiteIdentity
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
    identity: SiteIdentity


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
    identity = quote(SiteIdentity._meta.db_table)
    columns = "p.id, p.title, p.url_path, p.path, p.depth"
    fields = ", ".join(
        "NULL" if name is None else quote(name) for name in IDENTITY_FIELDS
    )
    types = ", ".join(["%s"] * len(section_types))
    return (
        f"SELECT 'm', {columns}, '', '' FROM {page} p "  # noqa: S608 - names from the models
        f"WHERE p.content_type_id IN ({types}) AND p.depth = %s "
        "AND p.path LIKE %s AND p.live AND p.show_in_menus "
        f"UNION ALL SELECT 'f', {columns}, s.footer_role, '' FROM {standard} s "
        f"JOIN {page} p ON p.id = s.{quote(StandardPage._meta.pk.column)} "
        "WHERE s.footer_role <> '' AND p.live AND p.path LIKE %s "
        # The identity's row as SiteIdentity.load() reads it (the first one).
        f"UNION ALL SELECT 'i', id, {fields} FROM {identity} "
        f"WHERE id = (SELECT MIN(id) FROM {identity})"
    )


# The identity's columns, in the places of a link's title, url_path, path,
# depth, footer_role and the extra column (depth: a number, hence NULL).
IDENTITY_FIELDS = (
    "service_name",
    "service_tagline",
    "operator_name",
    None,
    "contact_email",
    "footer_text",
)


@register.simple_tag(takes_context=True)
def site_links(context):
    """The home page's sections in the menu, in tree order, the legal pages
    of the footer, by role, and the site's identity (``SiteIdentity``): one
    query, a UNION whose link halves each use their own index (the content
    type's for the sections: the home page's children by path alone would be
    a range of every page, experiences included; the small table of standard
    pages for the footer). The links lie under the request's site root, so
    their addresses come from their ``url_path`` alone. (Tree paths are
    letters and digits: no LIKE wildcard in them.)"""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return SiteLinks([], [], SiteIdentity.load())
    root = site.root_page
    types = [content_type.pk for content_type in navigation_types()]
    with connection.cursor() as cursor:
        cursor.execute(
            _links_statement(types),
            [*types, root.depth + 1, f"{root.path}%", f"{root.path}%"],
        )
        rows = cursor.fetchall()
    menu, footer, identity = [], [], None
    for kind, pk, *values in rows:
        if kind == "i":
            fields = zip(IDENTITY_FIELDS, values, strict=True)
            identity = SiteIdentity(pk=pk, **{f: v for f, v in fields if f})
            continue
        title, url_path, path, depth, role, _extra = values
        url = reverse("wagtail_serve", args=(url_path[len(root.url_path) :],))
        link = Link(pk, title, url, path, depth, role)
        (footer if kind == "f" else menu).append(link)
    menu.sort(key=lambda link: link.path)
    footer.sort(key=lambda link: link.footer_role)
    # No identity yet (a new database): load() creates it with its defaults.
    return SiteLinks(menu, footer, identity or SiteIdentity.load())
