"""`q` is searched once per listing: the results and the seven facets' counts
filter on the keys of one full-text search, instead of each query running it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import make_experience

pytestmark = pytest.mark.django_db


def _searches(captured):
    """The queries that search: they read Wagtail's index, or on PostgreSQL
    match a search vector (its lean copy, core.search, or the listing's
    searched rows, experiences.listing_rows)."""
    index = ("wagtailsearch_", "core_searchdocument", "plainto_tsquery")
    return [
        q["sql"]
        for q in captured.captured_queries
        if any(table in q["sql"] for table in index)
    ]


def _facet(response, name):
    facet = next(f for f in response.context["facets"] if f.name == name)
    return {option.value: option.count for option in facet.options if option.count}


@pytest.mark.parametrize(
    "path", ["/experiences/", "/experiences/faire-emerger-une-dynamique-collective/"]
)
def test_q_is_searched_once_per_listing(client, rubrics, path):
    make_experience(title="Un forum des habitants", themes=["sante"], tags=["bilan"])
    make_experience(title="Un forum à Paris", department="75", themes=["sante"])
    make_experience(title="Une charte signée", themes=["sante"], tags=["bilan"])
    client.get(path)  # warm Wagtail's site and content type caches

    params = {"q": "forum", "theme": "sante", "region": "ile-de-france"}
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)

    assert response.status_code == 200
    assert len(_searches(captured)) == 1, _searches(captured)
    titles = sorted(page.title for page in response.context["results_page"])
    assert titles == ["Un forum des habitants", "Un forum à Paris"]
    # Each facet is still counted over the search and the other filters.
    assert _facet(response, "departement") == {"75": 1, "93": 1}
    assert _facet(response, "tag") == {"bilan": 1}


def test_a_searched_listing_pages_and_sorts_its_cards(client, rubrics):
    """Past the first page, sorted by title: the cards the facet statement
    returns for the searched rows are the requested slice, in order."""
    for number in range(14):
        make_experience(title=f"Forum {number:02d}", summary="Un forum des habitants")
    make_experience(title="Une charte", summary="Rien à voir")
    params = {"q": "forum", "region": "ile-de-france", "tri": "titre"}
    first = client.get("/experiences/", params)
    assert [card.title for card in first.context["results_page"]] == [
        f"Forum {number:02d}" for number in range(12)
    ]
    second = client.get("/experiences/", {**params, "page": 2})
    assert [card.title for card in second.context["results_page"]] == [
        "Forum 12",
        "Forum 13",
    ]
    assert "14 expériences avec ces filtres" in second.content.decode()
