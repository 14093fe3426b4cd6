"""The header's menu and the footer's legal links (home.templatetags
.navigation_tags.site_links): the home page's live sections shown in menus,
in tree order, and the live legal pages by role, in one query."""

import re

from wagtail.models import Page

import pytest

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def _menu(html):
    return re.findall(r'class="fr-nav__link" href="([^"]*)"[^>]*>([^<]*)<', html)


def _footer(html):
    return re.findall(r'class="fr-footer__bottom-link" href="(/[^"]*)">([^<]*)<', html)


def _render_in_one_query(body, django_assert_num_queries):
    """``body`` after ``{% site_links as links %}``, for a request to the
    site, rendered in one query."""
    from django.template import Context, Template
    from django.test import RequestFactory

    from wagtail.models import Site

    request = RequestFactory().get("/", HTTP_HOST="localhost")
    Site.find_for_request(request)
    template = Template("{% load navigation_tags %}{% site_links as links %}" + body)
    with django_assert_num_queries(1):
        return template.render(Context({"request": request}))


def test_menu_and_footer_follow_the_tree(client, site_tree):
    html = client.get("/experiences/").content.decode()
    menu = _menu(html)
    assert menu[0] == ("/", "Accueil")
    sections = [
        ("/" + page.url_path[len(site_tree.url_path) :], page.title)
        for page in Page.objects.child_of(site_tree).live().in_menu().order_by("path")
        if not isinstance(page.specific, StandardPage)
    ]
    assert len(sections) >= 5
    assert menu[1:] == sections
    assert 'href="/experiences/" aria-current="page"' in html
    legal = sorted(
        StandardPage.objects.live().exclude(footer_role=""), key=lambda p: p.footer_role
    )
    assert [href for href, _ in _footer(html)][: len(legal)] == [
        "/" + page.url_path[len(site_tree.url_path) :] for page in legal
    ]

    # A section taken out of the menu, a legal page unpublished: gone at once.
    events = Page.objects.get(url_path=site_tree.url_path + "evenements/")
    events.show_in_menus = False
    events.save()
    privacy = StandardPage.objects.get(footer_role="donnees-personnelles")
    privacy.unpublish()
    html = client.get("/experiences/?v=2").content.decode()
    assert ("/evenements/", events.title) not in _menu(html)
    assert "/donnees-personnelles/" not in [href for href, _ in _footer(html)]


def test_links_are_one_query(client, site_tree, django_assert_num_queries):
    from core.models import SiteIdentity

    SiteIdentity.load()  # the identity's row exists once the site is set up
    out = _render_in_one_query(
        "{% for l in links.menu %}{{ l.url }} {% endfor %}|"
        "{% for l in links.footer %}{{ l.url }} {% endfor %}",
        django_assert_num_queries,
    )
    menu, footer = out.split("|")
    assert "/experiences/" in menu.split()
    assert "/mentions-legales/" in footer.split()


def test_identity_comes_with_the_links(client, site_tree, django_assert_num_queries):
    """The header's and footer's identity is read by the same query; edited,
    it shows at once; with no row yet, the defaults are created."""
    from core.models import SiteIdentity

    identity = SiteIdentity.load()
    identity.service_name = "Recueil des conseils"
    identity.footer_text = "Pied « édité »"
    identity.contact_email = "ecrire@example.org"
    identity.save()
    out = _render_in_one_query(
        "{{ links.identity.service_name }}|{{ links.identity.footer_text }}|"
        "{{ links.identity.contact_email }}|{{ links.identity.service_tagline }}|"
        "{{ links.identity.operator_name }}|{{ links.menu|length }}",
        django_assert_num_queries,
    )
    name, footer, email, tagline, operator, menu = out.split("|")
    assert (name, footer, email) == (
        "Recueil des conseils",
        "Pied « édité »",
        "ecrire@example.org",
    )
    assert (tagline, operator) == (identity.service_tagline, identity.operator_name)
    assert int(menu) >= 5

    html = client.get("/experiences/").content.decode()
    assert "<title>" in html and "— Recueil des conseils</title>" in html
    assert 'href="mailto:ecrire@example.org"' in html

    SiteIdentity.objects.all().delete()
    html = client.get("/experiences/?v=2").content.decode()
    assert SiteIdentity.objects.count() == 1
    assert SiteIdentity.objects.get().service_name in html


def test_the_identity_query_reads_every_field_of_the_model():
    """A field added to SiteIdentity is read with the links (or this fails)."""
    from core.models import SiteIdentity
    from home.templatetags.navigation_tags import IDENTITY_FIELDS

    fields = {f.attname for f in SiteIdentity._meta.concrete_fields} - {"id"}
    assert set(IDENTITY_FIELDS) - {None} == fields
