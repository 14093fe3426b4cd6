"""Full-text search of the public pages (core.search): the site search and the
listing's ``q`` find what is published at once and forget what is not; on
PostgreSQL they read the lean copy of Wagtail's index, kept in step by a
trigger."""

import io

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from core.models import SearchDocument
from core.search import matching_keys, ranked_pages
from experiences import listing_rows
from experiences.models import ExperiencePage, RubricPage, SearchedListingRow
from tests.factories import make_experience

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the lean copy of the index and French stemming are PostgreSQL's",
)


def _site_titles(client, query, **params):
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    page = response.context["results_page"]
    return [result.title for result in page] if page else []


def _listing_titles(client, query):
    response = client.get("/experiences/", {"q": query})
    assert response.status_code == 200
    return sorted(page.title for page in response.context["results_page"])


def test_a_published_experience_is_found_at_once(client, rubrics):
    assert _site_titles(client, "potager") == []
    make_experience(title="Un potager partagé", summary="Des habitants jardinent")
    make_experience(title="Une grainothèque", summary="Un potager devant la mairie")
    assert sorted(_site_titles(client, "potager")) == [
        "Un potager partagé",
        "Une grainothèque",
    ]
    assert _listing_titles(client, "potager") == [
        "Un potager partagé",
        "Une grainothèque",
    ]
    assert _listing_titles(client, "potager mairie") == ["Une grainothèque"]


def test_an_unpublished_or_deleted_page_is_no_longer_found(client, rubrics):
    kept = make_experience(title="Un potager partagé")
    unpublished = make_experience(title="Un potager fermé")
    deleted = make_experience(title="Un potager disparu")
    make_experience(title="Un potager en brouillon", publish=False)
    unpublished.unpublish()
    deleted_pk = deleted.pk
    deleted.delete()

    assert _site_titles(client, "potager") == ["Un potager partagé"]
    assert _listing_titles(client, "potager") == ["Un potager partagé"]
    if connection.vendor == "postgresql":
        assert not SearchDocument.objects.filter(object_id=deleted_pk).exists()
        assert SearchDocument.objects.filter(object_id=kept.pk).exists()


@postgresql_only  # SQLite: Wagtail's FTS5 ranking, as before
def test_site_search_puts_a_title_match_first(client, rubrics):
    make_experience(
        title="Un atelier de quartier",
        summary="Le budget, le budget participatif et encore le budget",
    )
    make_experience(title="Le budget participatif", summary="Un atelier")
    make_experience(title="Une fête", summary="Sans rapport")
    assert _site_titles(client, "budget") == [
        "Le budget participatif",
        "Un atelier de quartier",
    ]


def test_site_search_pages_through_every_match(client, rubrics):
    for number in range(12):
        make_experience(title=f"Potager numéro {number}")
    first = client.get("/recherche/", {"q": "potager"})
    second = client.get("/recherche/", {"q": "potager", "page": 2})
    past = client.get("/recherche/", {"q": "potager", "page": 3})
    assert first.context["count"] == second.context["count"] == 12
    assert past.context["count"] == 12
    titles = [p.title for p in first.context["results_page"]] + [
        p.title for p in second.context["results_page"]
    ]
    assert sorted(titles) == sorted(f"Potager numéro {n}" for n in range(12))
    assert past.context["results_page"] is None
    assert "Cette page de résultats n’existe pas" in past.content.decode()
    assert client.get("/recherche/", {"q": "potager", "page": "9" * 40}).status_code


@postgresql_only  # Wagtail's backend ranks every match on SQLite
def test_past_the_ranked_matches_the_most_recent_are_ranked(
    client, rubrics, monkeypatch
):
    monkeypatch.setattr("core.search.RANKED", 3)
    for number in range(5):
        make_experience(title=f"Potager numéro {number}")
    response = client.get("/recherche/", {"q": "potager"})
    html = response.content.decode()
    assert response.context["count"] == 3
    assert response.context["more"] is True
    assert "Plus de 3 résultats pour « potager »" in html
    assert "Les 3 pages les plus récentes" in html
    assert sorted(p.title for p in response.context["results_page"]) == [
        f"Potager numéro {n}" for n in (2, 3, 4)
    ]
    exact = client.get("/recherche/", {"q": "potager numéro 4"})
    assert exact.context["more"] is False
    assert "1 résultat pour" in exact.content.decode()


@postgresql_only
@pytest.mark.parametrize(("pages", "more"), [(3, False), (4, True), (9, True)])
def test_more_is_read_with_the_ranked_matches(
    client, rubrics, monkeypatch, django_assert_max_num_queries, pages, more
):
    """Exactly RANKED matches: all ranked, nothing more; one more or many:
    the RANKED most recent are ranked, the count says RANKED, and « plus de »
    costs no query of its own (a page whose results are one page type: the
    chrome's, the ranked keys with the count, the pages)."""
    monkeypatch.setattr("core.search.RANKED", 3)
    for number in range(pages):
        make_experience(title=f"Potager numéro {number}")
    client.get("/recherche/", {"q": "potager"})
    with django_assert_max_num_queries(6):
        response = client.get("/recherche/", {"q": "potager"})
    assert response.context["count"] == 3
    assert response.context["more"] is more
    newest = [f"Potager numéro {n}" for n in range(pages - 3, pages)]
    assert sorted(p.title for p in response.context["results_page"]) == newest
    second = client.get("/recherche/", {"q": "potager", "page": 2})
    assert second.context["results_page"] is None
    assert (second.context["count"], second.context["more"]) == (3, more)


@postgresql_only  # the words reach plainto_tsquery as they are
def test_search_text_is_words_never_query_syntax(rubrics):
    make_experience(title="Un potager partagé")
    for text in ("potager & !", "potager | (", "':* potager", "potager <-> \\"):
        keys = ExperiencePage.objects.filter(pk__in=matching_keys(ExperiencePage, text))
        assert [page.title for page in keys] == ["Un potager partagé"]
    results = ranked_pages(ExperiencePage.objects.live(), "potager & !")
    assert [page.title for page in results[0:10]] == ["Un potager partagé"]


def test_site_search_query_count_does_not_grow_with_the_matches(
    client, rubrics, django_assert_max_num_queries
):
    make_experience(title="Potager 1")
    client.get("/recherche/", {"q": "potager"})  # warm Wagtail's caches
    with django_assert_max_num_queries(12) as few:
        client.get("/recherche/", {"q": "potager"})
    for number in range(2, 15):
        make_experience(title=f"Potager {number}")
    with django_assert_max_num_queries(len(few)):
        response = client.get("/recherche/", {"q": "potager"})
    assert response.context["count"] == 14


@postgresql_only
def test_site_search_matches_accents_and_plurals(client, rubrics):
    make_experience(title="Bilan", summary="Les assemblees plénières du contrat")
    make_experience(title="Autre", summary="Un forum des habitants")
    assert _site_titles(client, "assemblée") == ["Bilan"]
    assert _site_titles(client, "ASSEMBLÉES pleniere") == ["Bilan"]


@postgresql_only
def test_searches_read_the_lean_copy(client, rubrics):
    make_experience(title="Un potager partagé")
    with CaptureQueriesContext(connection) as captured:
        client.get("/recherche/", {"q": "potager"})
        client.get("/experiences/", {"q": "potager", "region": "ile-de-france"})
    sql = [query["sql"] for query in captured.captured_queries]
    assert not [each for each in sql if "wagtailsearch_indexentry" in each]
    # The site search reads the lean copy; the listing, its rows with their
    # words (copied from it).
    assert len([each for each in sql if "core_searchdocument" in each]) == 1, sql
    searched = [each for each in sql if "plainto_tsquery" in each]
    assert len(searched) == 2, sql
    assert "experiences_searchedlistingrow" in searched[1]


def _copy_differences():
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*) FROM wagtailsearch_indexentry e
            FULL JOIN core_searchdocument d ON d.id = e.id
            WHERE d.id IS NULL OR e.id IS NULL
               OR d.content_type_id <> e.content_type_id
               OR d.object_id::text <> e.object_id
               OR d.document <> e.title || e.body
               OR d.title <> e.title OR d.title_norm <> e.title_norm
            """
        )
        return cursor.fetchone()[0]


@postgresql_only
def test_the_copy_follows_every_write_and_update_index_repairs_it(rubrics):
    make_experience(title="Un potager partagé")
    page = make_experience(title="Une grainothèque")
    assert SearchDocument.objects.count() > 2
    assert _copy_differences() == 0

    page.title = "Une bibliothèque de graines"
    page.save_revision().publish()
    assert _copy_differences() == 0
    assert (
        ExperiencePage.objects.filter(
            pk__in=matching_keys(ExperiencePage, "bibliothèque")
        ).get()
        == page
    )

    SearchDocument.objects.filter(object_id=page.pk).delete()
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert _copy_differences() == 0
    assert SearchDocument.objects.filter(object_id=page.pk).exists()

    with connection.cursor() as cursor:
        # The test's transaction holds deferred foreign-key checks.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE wagtailsearch_indexentry")
        assert not SearchDocument.objects.exists()
        # Both at once, as Django's flush does between transactional tests.
        cursor.execute("TRUNCATE wagtailsearch_indexentry, core_searchdocument")


def _searched_rows_differences():
    """Searched listing rows that differ from the listing rows, or whose
    words are not their experience's search vector (stripped)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*) FROM experiences_listingrow r
            FULL JOIN experiences_searchedlistingrow s ON s.page_id = r.page_id
            LEFT JOIN core_searchdocument d ON d.object_id = s.page_id
                AND d.content_type_id = (SELECT id FROM django_content_type
                    WHERE app_label = 'experiences' AND model = 'experiencepage')
            WHERE r.page_id IS NULL OR s.page_id IS NULL
               OR (r.rubric, r.region, r.department, r.role, r.year, r.ongoing,
                   r.over, r.published, r.title)
                  IS DISTINCT FROM
                  (s.rubric, s.region, s.department, s.role, s.year, s.ongoing,
                   s.over, s.published, s.title)
               OR s.words IS DISTINCT FROM strip(d.document)
            """
        )
        return cursor.fetchone()[0]


@postgresql_only
def test_the_listing_words_follow_the_index_whenever_it_is_written(client, rubrics):
    make_experience(title="Un potager partagé")
    page = make_experience(title="Une grainothèque")
    other = make_experience(title="Un forum des habitants", publish=False)
    assert SearchedListingRow.objects.count() == 2
    assert _searched_rows_differences() == 0

    page.title = "Une bibliothèque de graines"
    page.save_revision().publish()
    assert _searched_rows_differences() == 0
    assert _listing_titles(client, "bibliothèque") == ["Une bibliothèque de graines"]

    # Wagtail writes its index in a task, after the publication that wrote
    # the listing rows: the words come with the index entry.
    SearchDocument.objects.filter(object_id__in=[page.pk, other.pk]).delete()
    assert _listing_titles(client, "bibliothèque") == []
    other.save_revision().publish()
    listing_rows.rebuild()
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert _searched_rows_differences() == 0
    assert _listing_titles(client, "bibliothèque") == ["Une bibliothèque de graines"]
    assert _listing_titles(client, "forum") == ["Un forum des habitants"]

    # Another model's entry under the same key leaves the experience's words.
    rubric = RubricPage.objects.first()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_searchdocument "
            "(id, content_type_id, object_id, document, title, title_norm) "
            "VALUES (999999, %s, %s, to_tsvector('simple', 'intrus'), '', 1)",
            [rubric.content_type_id, page.pk],
        )
    assert _listing_titles(client, "bibliothèque") == ["Une bibliothèque de graines"]
    assert _listing_titles(client, "intrus") == []

    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE core_searchdocument")
    assert not SearchedListingRow.objects.exclude(words=None).exists()
    assert _listing_titles(client, "bibliothèque") == []
