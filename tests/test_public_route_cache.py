"""The route of an anonymous request (site, page, view restrictions, and an
experience's themes, tags, photos, documents, links and place) kept under the
page cache's generation (home.serving): another address of the same page runs
no routing query, and publishing, unpublishing or restricting a page is seen at
once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import make_experience


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_CACHE_SECONDS = 300


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_another_address_of_an_experience_runs_no_query(client, rubrics, page_cache):
    page = make_experience(
        title="Forum des habitant·es",
        themes=["sante", "education"],
        tags=["forum", "affiche", "budget"],
    )
    first, cold = get(client, page.url)
    other, warm = get(client, page.url + "?utm_source=lettre")
    assert first["X-Recueil-Cache"] == other["X-Recueil-Cache"] == "miss"
    # Site, route, restrictions, themes, tags, photos, documents, links, place
    # and related experiences all read back from the cache.
    assert warm == 0 < cold
    html = other.content.decode()
    assert _same_but_nonce(first, other)
    # Tags in the order they were given, as without the cache.
    assert html.index("#forum") < html.index("#affiche") < html.index("#budget")
    assert "Seine-Saint-Denis (93)" in html
    assert "Île-de-France" in html


def _same_but_nonce(first, other):
    import re

    def strip(response):
        return re.sub(r'nonce="[^"]*"', "", response.content.decode())

    return strip(first) == strip(other)


def test_same_html_with_and_without_the_route_cache(
    client, rubrics, settings, page_cache
):
    page = make_experience(themes=["sante"], tags=["forum", "affiche"])
    client.get(page.url)
    cached = client.get(page.url + "?a=1")
    settings.PUBLIC_CACHE_SECONDS = 0
    plain = client.get(page.url + "?a=1")
    assert _same_but_nonce(cached, plain)


def test_republishing_is_seen_at_once(client, rubrics, page_cache):
    page = make_experience(title="Titre d'origine", tags=["forum"])
    client.get(page.url)
    page.title = "Titre corrigé"
    page.save_revision().publish()
    html = client.get(page.url + "?v=2").content.decode()
    assert "Titre corrigé" in html
    assert "Titre d'origine" not in html


def test_unpublishing_gives_a_404_at_once(client, rubrics, page_cache):
    page = make_experience()
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url + "?v=2").status_code == 404


def test_a_new_view_restriction_applies_at_once(client, rubrics, page_cache):
    from wagtail.models import PageViewRestriction

    page = make_experience(title="Bientôt réservée")
    assert "Bientôt réservée" in client.get(page.url).content.decode()
    PageViewRestriction.objects.create(
        page=page.get_parent(),
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )
    response = client.get(page.url + "?v=2")
    assert "Bientôt réservée" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_logged_in_users_keep_wagtail_routing(client, rubrics, page_cache, editor):
    page = make_experience()
    client.force_login(editor)
    _, first = get(client, page.url)
    _, second = get(client, page.url + "?v=2")
    # Not served from the route cache: Wagtail routes again each time.
    assert second >= 3


def test_a_restricted_rubric_leaves_the_listing_at_once(client, rubrics, page_cache):
    from wagtail.models import PageViewRestriction

    page = make_experience(title="Réservée bientôt")
    assert "Réservée bientôt" in client.get("/experiences/").content.decode()
    PageViewRestriction.objects.create(
        page=page.get_parent(),
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )
    html = client.get("/experiences/?v=2").content.decode()
    assert "Réservée bientôt" not in html
    assert "Aucune expérience" in html
