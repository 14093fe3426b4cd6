"""The open-data API refuses, with a 400 and a message, a search it cannot run:
a search longer than the site's ``q`` (9 600 characters answered 500) or an
unknown operator."""

import pytest

from experiences.filters import MAX_QUERY_LENGTH

pytestmark = pytest.mark.django_db

ENDPOINTS = ["pages", "images", "documents"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("search", ["conseil " * 1200, "a" * 9600])
def test_a_search_longer_than_q_is_refused(client, rubrics, endpoint, search):
    response = client.get(f"/api/v2/{endpoint}/", {"search": search})
    assert response.status_code == 400
    assert f"{MAX_QUERY_LENGTH} caractères au plus" in response.json()["message"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_unknown_search_operator_is_refused(client, rubrics, endpoint):
    response = client.get(
        f"/api/v2/{endpoint}/", {"search": "conseil", "search_operator": "xor"}
    )
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]


def test_a_search_within_the_cap_still_works(client, rubrics):
    response = client.get(
        "/api/v2/pages/",
        {"search": "co-construction " + "a" * 150, "search_operator": "or"},
    )
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert "Établir les règles de la co-construction" in titles
