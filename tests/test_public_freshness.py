"""Anonymous pages follow publishing at once, with the page cache on:
republishing, unpublishing or restricting a page is seen at the next request."""

import pytest

from tests.conftest import real_cache
from tests.factories import make_experience

pytestmark = real_cache


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_CACHE_SECONDS = 300


def test_republishing_is_seen_at_once(client, site_tree, page_cache):
    page = make_experience(title="Titre d'origine", tags=["forum"])
    client.get(page.url)
    page.title = "Titre corrigé"
    page.save_revision().publish()
    html = client.get(page.url + "?v=2").content.decode()
    assert "Titre corrigé" in html
    assert "Titre d'origine" not in html


def test_unpublishing_gives_a_404_at_once(client, site_tree, page_cache):
    page = make_experience()
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url + "?v=2").status_code == 404


def test_a_new_view_restriction_applies_at_once(client, site_tree, page_cache):
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


def test_a_restricted_rubric_leaves_the_listing_at_once(client, site_tree, page_cache):
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
