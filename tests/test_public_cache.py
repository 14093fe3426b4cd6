"""The anonymous page cache: what it stores, what it never stores, and how
publishing refreshes listings and counts at once."""

import pytest

from tests.factories import make_experience


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_CACHE_SECONDS = 300


def test_anonymous_pages_are_cached(client, rubrics, page_cache):
    make_experience(title="Déjà là")
    first = client.get("/experiences/")
    second = client.get("/experiences/")
    assert first["X-Recueil-Cache"] == "miss"
    assert second["X-Recueil-Cache"] == "hit"
    assert second.content == first.content
    # Security headers still apply to a page served from the cache.
    assert "Content-Security-Policy" in second
    assert second["X-Frame-Options"] == "DENY"


def test_publishing_refreshes_listings_and_counts_at_once(client, rubrics, page_cache):
    make_experience(title="Déjà là")
    client.get("/experiences/")
    client.get("/")
    assert client.get("/experiences/")["X-Recueil-Cache"] == "hit"
    new = make_experience(title="Toute nouvelle")
    listing = client.get("/experiences/")
    assert "Toute nouvelle" in listing.content.decode()
    assert "2 expériences" in listing.content.decode()
    assert "Parcourir les 2 expériences" in client.get("/").content.decode()
    new.unpublish()
    assert "Toute nouvelle" not in client.get("/experiences/").content.decode()


def test_moving_a_page_refreshes_the_rubric_listings(client, rubrics, page_cache):
    from experiences.models import RubricPage

    page = make_experience(title="Voyageuse")
    target = RubricPage.objects.get(rubric="rendre-compte-des-travaux")
    assert "Voyageuse" not in client.get(target.url).content.decode()
    page.move(target, pos="last-child")
    assert "Voyageuse" in client.get(target.url).content.decode()


def test_logged_in_users_are_never_served_or_stored(
    client, rubrics, page_cache, editor
):
    client.force_login(editor)
    assert "X-Recueil-Cache" not in client.get("/experiences/")
    assert "X-Recueil-Cache" not in client.get("/experiences/")


def test_the_contribution_form_is_never_cached(client, rubrics, page_cache):
    client.get("/contribuer/")
    assert "X-Recueil-Cache" not in client.get("/contribuer/")


def test_pages_with_a_csrf_token_are_not_stored(rf, rubrics, page_cache):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from core.cache import AnonymousPageCacheMiddleware

    def view(request):
        return HttpResponse(f"<form>{get_token(request)}</form>")

    middleware = AnonymousPageCacheMiddleware(view)
    request = rf.get("/formulaire/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    middleware(request)
    again = rf.get("/formulaire/")
    again.user = AnonymousUser()
    assert "X-Recueil-Cache" not in middleware(again)


def test_not_found_and_filtered_variants_are_keyed_apart(client, rubrics, page_cache):
    make_experience(department="93")
    a = client.get("/experiences/", {"departement": "93"}).content
    b = client.get("/experiences/", {"departement": "75"}).content
    assert a != b
    assert client.get("/nulle-part/").status_code == 404
    assert "X-Recueil-Cache" not in client.get("/nulle-part/")
