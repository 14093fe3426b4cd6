"""Data kept under the page cache's generation (facet counts, result keys, the
filter form, related experiences, the page chrome): another address of the same
page reuses them, and publishing refreshes them at once."""

import re

from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import make_experience


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_CACHE_SECONDS = 300


def theme_option_count(html, slug):
    return int(re.search(rf'<option value="{slug}"[^>]*>[^<]*\((\d+)\)', html)[1])


def test_another_address_reuses_the_counts_and_publishing_refreshes_them(
    client, rubrics, page_cache
):
    from django.db import connection

    make_experience(title="Première", themes=["sante"])
    client.get("/experiences/")  # Wagtail's site and content type caches
    with CaptureQueriesContext(connection) as cold_data:
        cold = client.get("/experiences/?theme=sante")
    assert cold["X-Recueil-Cache"] == "miss"
    with CaptureQueriesContext(connection) as warm_data:
        other = client.get("/experiences/?theme=sante&utm_source=lettre")
    assert other["X-Recueil-Cache"] == "miss"
    assert other.content.decode().count("Première") == 1
    # Counts, keys and the form came from the cache: far fewer queries.
    assert len(warm_data) < len(cold_data) - 5

    make_experience(title="Seconde", themes=["sante"])
    html = client.get("/experiences/?theme=sante&utm_source=lettre").content.decode()
    assert "Seconde" in html
    assert "2 expériences" in html
    assert theme_option_count(html, "sante") == 2


def test_related_experiences_follow_publication(client, rubrics, page_cache):
    page = make_experience(title="Point de départ", themes=["sante"], tags=["forum"])
    assert "Y aller par d" not in client.get(page.url).content.decode()
    make_experience(title="Voisine", themes=["sante"], tags=["forum"])
    html = client.get(page.url + "?ref=1").content.decode()
    assert "Voisine" in html
