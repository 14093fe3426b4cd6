"""Open and findable: RSS, sitemap, robots.txt, API v2, CSV export."""

import csv
import io

import pytest

from experiences.models import Submission
from tests.factories import make_experience


def test_rss_feed_of_all_experiences_and_of_one_rubric(client, rubrics):
    make_experience(title="Dans la première rubrique")
    make_experience(title="Dans la cinquième", rubric="rendre-compte-des-travaux")
    make_experience(title="Brouillon", publish=False)
    feed = client.get("/flux/experiences/").content.decode()
    assert feed.startswith('<?xml version="1.0" encoding="utf-8"?>\n<rss')
    assert "Dans la première rubrique" in feed and "Dans la cinquième" in feed
    assert "Brouillon" not in feed
    rubric_feed = client.get("/flux/experiences/rendre-compte-des-travaux/")
    assert "Dans la cinquième" in rubric_feed.content.decode()
    assert "Dans la première rubrique" not in rubric_feed.content.decode()
    assert client.get("/flux/experiences/inconnue/").status_code == 404


def test_sitemap_and_robots(client, rubrics):
    page = make_experience()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert page.url in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert "Disallow: /admin/" in robots


def test_api_exposes_structured_fields_but_no_personal_data(client, rubrics):
    submission_fields = {"email": "privee@example.org", "first_name": "Camille"}
    page = make_experience(
        title="Ouverte",
        themes=["sante"],
        tags=["forum"],
        contact_name="Contact public",
        contact_email="public@example.org",
    )
    response = client.get(
        "/api/v2/pages/",
        {"type": "experiences.ExperiencePage", "fields": "*"},
    )
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["title"] == "Ouverte"
    assert item["department"] == {
        "code": "93",
        "name": "Seine-Saint-Denis",
        "region": "Île-de-France",
    }
    assert item["themes"] == [{"slug": "sante", "label": "Santé"}]
    assert item["tags"] == ["forum"]
    assert item["contact_email"] == "public@example.org"
    assert "submission" not in item
    body = response.content.decode()
    for value in submission_fields.values():
        assert value not in body
    detail = client.get(f"/api/v2/pages/{page.pk}/", {"fields": "submission"})
    assert detail.status_code == 400  # not an exposed field
    assert Submission._meta.db_table not in body


def test_api_hides_unpublished_pages(client, rubrics):
    make_experience(title="Pas encore", publish=False)
    body = client.get("/api/v2/pages/", {"type": "experiences.ExperiencePage"})
    assert "Pas encore" not in body.content.decode()


def test_csv_export_follows_the_filters_and_states_its_licence(client, rubrics):
    make_experience(title="En Seine-Saint-Denis", department="93", tags=["forum"])
    make_experience(title="=cmd|' /C calc'!A0", department="93")
    make_experience(title="À Paris", department="75")
    response = client.get("/experiences/export.csv", {"departement": "93"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "licence-ouverte" in response["Link"]
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(response.streaming_content).decode()), delimiter=";"
        )
    )
    titles = sorted(row["titre"] for row in rows)
    assert titles == ["'=cmd|' /C calc'!A0", "En Seine-Saint-Denis"]
    assert {row["departement_code"] for row in rows} == {"93"}
    assert "contact_courriel" in rows[0]
    listing = client.get("/experiences/", {"departement": "93"}).content.decode()
    assert 'href="/experiences/export.csv?departement=93"' in listing
    assert "Licence Ouverte 2.0" in listing


@pytest.mark.parametrize(
    ("params", "lines"),
    [({"annee": "x"}, 2), ({"page": "2"}, 2), ({"q": "é" * 5000}, 1)],
)
def test_csv_export_ignores_invalid_parameters(client, rubrics, params, lines):
    make_experience()
    response = client.get("/experiences/export.csv", params)
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert len(content.splitlines()) == lines
