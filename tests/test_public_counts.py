"""The stored facet counts (experiences.facet_counts): a publication, an
unpublication, a move or a deletion shows at once in the listings, the rubric
pages and the home page, with every cache off (they never depend on one)."""

import datetime
import re

from django.http import QueryDict

from wagtail.models import PageViewRestriction

import pytest

from experiences.facet_counts import (
    count_facets,
    live_counts,
    refresh_stored_counts,
    stored_counts,
)
from experiences.filters import ExperienceFilterSet, public_experiences
from experiences.models import FacetCount, ListingRow, RubricPage
from tests.factories import make_experience

RUBRIC = "faire-emerger-une-dynamique-collective"
OTHER = "rendre-compte-des-travaux"


def option_count(html, value):
    return int(re.search(rf'<option value="{value}"[^>]*>[^<]*\((\d+)\)', html)[1])


def test_a_new_experience_appears_at_once_in_listings_and_counts(client, site_tree):
    make_experience(title="Première", themes=["sante"], department="93")
    rubric_url = RubricPage.objects.get(rubric=RUBRIC).url
    assert "1 expérience" in client.get("/experiences/").content.decode()

    make_experience(title="Toute nouvelle", themes=["sante"], department="59")
    listing = client.get("/experiences/").content.decode()
    assert "Toute nouvelle" in listing
    assert "2 expériences" in listing
    assert option_count(listing, "sante") == 2
    assert option_count(listing, "59") == 1
    rubric = client.get(rubric_url).content.decode()
    assert "Toute nouvelle" in rubric
    assert "2 expériences" in rubric
    assert "Parcourir les 2 expériences" in client.get("/").content.decode()
    filtered = client.get("/experiences/", {"departement": "59"}).content.decode()
    assert "1 expérience avec ces filtres" in filtered


def test_unpublishing_and_moving_update_the_counts_at_once(client, site_tree):
    page = make_experience(title="Voyageuse", themes=["sante"])
    make_experience(title="Sédentaire")
    assert stored_counts({""})[""]["rubrique"] == {RUBRIC: 2}

    page.move(RubricPage.objects.get(rubric=OTHER), pos="last-child")
    assert stored_counts({""})[""]["rubrique"] == {RUBRIC: 1, OTHER: 1}
    other = client.get(RubricPage.objects.get(rubric=OTHER).url).content.decode()
    assert "Voyageuse" in other
    assert "1 expérience" in other

    page.refresh_from_db()
    page.unpublish()
    assert stored_counts({""})[""]["rubrique"] == {RUBRIC: 1}
    assert option_count(client.get("/experiences/").content.decode(), "sante") == 0


def test_deleting_experiences_rebuilds_the_counts_once_committed(
    site_tree, django_capture_on_commit_callbacks
):
    first = make_experience()
    make_experience()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first.delete()
    assert len(callbacks) >= 1
    assert stored_counts({""})[""]["rubrique"] == {RUBRIC: 1}


def test_the_stored_counts_equal_a_rebuild(site_tree):
    make_experience(themes=["sante", "education"], tags=["forum"], department="93")
    make_experience(rubric=OTHER, tags=["forum", "bilan"], department="2A")
    before = set(FacetCount.objects.values_list("scope", "facet", "value", "count"))
    refresh_stored_counts()
    after = set(FacetCount.objects.values_list("scope", "facet", "value", "count"))
    assert before == after
    assert ("", "tag", "forum", 2) in after
    assert (OTHER, "tag", "forum", 1) in after
    assert ("", "total", "1", 2) in after


def test_related_experiences_follow_publication(client, site_tree):
    page = make_experience(title="Point de départ", themes=["sante"], tags=["forum"])
    assert "Y aller par d" not in client.get(page.url).content.decode()
    make_experience(title="Voisine", themes=["sante"], tags=["forum"])
    assert "Voisine" in client.get(page.url).content.decode()


def test_filtered_listings_follow_moves_unpublishing_and_restrictions(
    client, site_tree
):
    """The filtered listings read the listing rows (experiences.listing_rows):
    rebuilt with the stored counts, they follow every change at once."""
    traveller = make_experience(title="Voyageuse", themes=["sante"], department="59")
    make_experience(title="Sédentaire", themes=["sante"], department="59")

    def filtered(**params):
        query = {"theme": "sante", "departement": "59", **params}
        return client.get("/experiences/", query).content.decode()

    assert "2 expériences avec ces filtres" in filtered()

    traveller.move(RubricPage.objects.get(rubric=OTHER), pos="last-child")
    moved = filtered(rubrique=OTHER)
    assert "1 expérience avec ces filtres" in moved
    assert "Voyageuse" in moved

    traveller.refresh_from_db()
    traveller.unpublish()
    assert "Voyageuse" not in filtered()
    assert "1 expérience avec ces filtres" in filtered()

    PageViewRestriction.objects.create(
        page=RubricPage.objects.get(rubric=RUBRIC),
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )
    assert "Aucune expérience" in filtered()
    assert ListingRow.objects.count() == 0


def test_the_listing_rows_equal_a_rebuild(site_tree):
    make_experience(
        title="Close",
        department="93",
        start=(2019, 5),
        ongoing=False,
        end_date=datetime.date(2020, 6, 1),
    )
    make_experience(rubric=OTHER, title="En cours", department="2A", ongoing=True)
    draft = make_experience(title="Brouillon", publish=False)
    columns = ("page_id", "rubric", "region", "department", "year", "ongoing", "over")
    before = set(ListingRow.objects.values_list(*columns))
    refresh_stored_counts()
    assert set(ListingRow.objects.values_list(*columns)) == before
    assert {row[1:] for row in before} == {
        (RUBRIC, "ile-de-france", "93", 2019, False, True),
        (OTHER, "corse", "2A", 2016, True, False),
    }

    # A publication, an unpublication and a move update their own rows only:
    # what a whole rebuild would give.
    draft.save_revision().publish()
    closed = ListingRow.objects.get(title="Close").page
    closed.move(RubricPage.objects.get(rubric=OTHER), pos="last-child")
    ListingRow.objects.get(title="En cours").page.unpublish()
    after_changes = set(ListingRow.objects.values_list(*columns))
    refresh_stored_counts()
    assert set(ListingRow.objects.values_list(*columns)) == after_changes
    assert {row[1] for row in after_changes} == {RUBRIC, OTHER}
    assert len(after_changes) == 2


@pytest.mark.parametrize(
    "query",
    [
        {"region": "ile-de-france"},
        {"theme": "sante"},
        {"rubrique": RUBRIC, "departement": "93"},
        {"rubrique": RUBRIC, "theme": "sante", "tag": "forum"},
        {"q": "atelier", "region": "ile-de-france"},
    ],
)
def test_facets_read_from_the_stored_counts_equal_live_ones(site_tree, query):
    """With one filter, its own facet's options come from the stored counts
    and the live statement counts the rest: the same figures as all live."""
    make_experience(title="Un atelier", themes=["sante"], tags=["forum"])
    make_experience(title="Un forum", themes=["sante"], department="59")
    make_experience(rubric=OTHER, title="Un atelier", tags=["forum"], department="2A")
    data = QueryDict(mutable=True)
    for name, value in query.items():
        data[name] = value

    def counts(function):
        filterset = ExperienceFilterSet(data, queryset=public_experiences())
        return function(filterset, None, 0, 12)

    assert counts(count_facets) == counts(live_counts)
    assert counts(count_facets)["total"] >= 1
