"""The experience listings: filters, facet counts, search, pagination, robustness."""

import io
import random
import re
from collections import Counter

from django.core.management import call_command
from django.db import connection

import pytest

from experiences.constants import ContributorRole, Rubric
from experiences.listing import ExperienceListing
from experiences.models import Department
from tests.factories import make_experience

THEMES = ["sante", "jeunesse", "education", "logement"]
TAGS = ["forum", "charte", "bilan", "diagnostic"]
DEPARTMENTS = ["93", "75", "59", "69", "2A"]


@pytest.fixture
def random_experiences(rubrics):
    rng = random.Random(5)
    rows = []
    for number in range(30):
        row = {
            "rubric": rng.choice(Rubric.values[:4]),
            "department": rng.choice(DEPARTMENTS),
            "role": rng.choice(ContributorRole.values),
            "themes": rng.sample(THEMES, rng.randint(0, 2)),
            "tags": rng.sample(TAGS, rng.randint(0, 2)),
            "start": (rng.choice([2016, 2017, 2019]), rng.randint(1, 12)),
        }
        make_experience(title=f"Expérience aléatoire {number}", **row)
        row["region"] = Department.objects.get(code=row["department"]).region.slug
        row["annee"] = row["start"][0]
        rows.append(row)
    return rows


def _matches(row, params, skip=None):
    for name, value in params.items():
        if name == skip:
            continue
        if name == "rubrique" and row["rubric"] not in value:
            return False
        if name == "region" and row["region"] != value:
            return False
        if name == "departement" and row["department"] != value:
            return False
        if name == "role" and row["role"] != value:
            return False
        if name == "theme" and value not in row["themes"]:
            return False
        if name == "tag" and value not in row["tags"]:
            return False
        if name == "annee" and row["annee"] != int(value):
            return False
    return True


def _brute_force_facets(rows, params):
    facets = {
        name: Counter()
        for name in (
            "rubrique",
            "region",
            "departement",
            "role",
            "theme",
            "annee",
            "tag",
        )
    }
    for row in rows:
        for name, counter in facets.items():
            if not _matches(row, params, skip=name):
                continue
            if name == "rubrique":
                counter[row["rubric"]] += 1
            elif name == "region":
                counter[row["region"]] += 1
            elif name == "departement":
                counter[row["department"]] += 1
            elif name == "role":
                counter[row["role"]] += 1
            elif name == "annee":
                counter[str(row["annee"])] += 1
            elif name == "theme":
                counter.update(row["themes"])
            elif name == "tag":
                counter.update(row["tags"])
    return facets


def _random_params(rng, rows):
    params = {}
    sample = rng.choice(rows)
    if rng.random() < 0.5:
        params["rubrique"] = sorted({sample["rubric"], rng.choice(Rubric.values)})
    for name, key in (
        ("region", "region"),
        ("departement", "department"),
        ("role", "role"),
        ("annee", "annee"),
    ):
        if rng.random() < 0.3:
            params[name] = str(sample[key])
    if rng.random() < 0.4:
        params["theme"] = rng.choice(THEMES)
    if rng.random() < 0.4:
        params["tag"] = rng.choice(TAGS)
    return params


def test_facet_counts_match_a_brute_force_count(rf, random_experiences):
    rng = random.Random(11)
    for _ in range(40):
        params = _random_params(rng, random_experiences)
        listing = ExperienceListing(rf.get("/experiences/", params))
        expected = _brute_force_facets(random_experiences, params)
        assert listing.count == sum(
            1 for row in random_experiences if _matches(row, params)
        ), params
        for facet in listing.facets:
            got = {
                option.value: option.count for option in facet.options if option.count
            }
            want = {key: n for key, n in expected[facet.name].items() if n}
            assert got == want, (facet.name, params)


def test_rubric_page_is_the_listing_with_its_rubric_fixed(client, random_experiences):
    rubric = Rubric.values[0]
    response = client.get(f"/experiences/{rubric}/", {"rubrique": Rubric.values[1]})
    listing = response.context["listing"]
    expected = sum(1 for row in random_experiences if row["rubric"] == rubric)
    assert listing.count == expected
    assert all(facet.name != "rubrique" for facet in response.context["facets"])


def test_filters_render_counts_active_tags_and_keep_them_in_pagination(client, rubrics):
    for number in range(14):
        make_experience(title=f"Forum {number}", department="93", tags=["forum"])
    make_experience(title="Ailleurs", department="75")
    response = client.get("/experiences/", {"departement": "93", "tri": "titre"})
    html = response.content.decode()
    assert "14 expériences avec ces filtres" in html
    assert 'aria-label="Retirer le filtre 93 – Seine-Saint-Denis"' in html
    assert 'href="?tri=titre"' in html  # removing the filter keeps the sort
    assert 'href="?departement=93&amp;tri=titre&amp;page=2"' in html
    assert "Seine-Saint-Denis (14)" in html
    assert "Paris (1)" in html  # the count the option would give
    page_two = client.get(
        "/experiences/", {"departement": "93", "tri": "titre", "page": 2}
    )
    assert len(page_two.context["results_page"].object_list) == 2
    assert 'aria-current="page" title="Page 2"' in page_two.content.decode()


def test_empty_result_suggests_what_to_remove(client, rubrics):
    make_experience(department="93")
    response = client.get("/experiences/", {"departement": "75"})
    html = response.content.decode()
    assert "Aucune expérience ne correspond à votre recherche" in html
    assert "Essayez de retirer un filtre" in html


@pytest.mark.parametrize(
    "params",
    [
        {"rubrique": "inconnue"},
        {"rubrique": ["rendre-compte-des-travaux", "n'importe quoi"]},
        {"annee": "deux-mille"},
        {"annee": "99999999999999999999"},
        {"departement": "ZZZZZZ"},
        {"region": "<script>"},
        {"theme": "' OR 1=1 --"},
        {"tag": "x" * 500},
        {"page": "9999"},
        {"page": "abc"},
        {"page": "-1"},
        {"tri": "pire"},
        {"q": "é" * 10000},
        {"q": '"unbalanced AND ( NEAR OR'},
        {"q": "***"},
    ],
)
def test_invalid_parameters_never_fail(client, rubrics, params):
    make_experience(title="Une expérience")
    for path in ("/experiences/", "/experiences/rendre-compte-des-travaux/"):
        response = client.get(path, params)
        assert response.status_code == 200, (path, params)


def test_out_of_range_page_says_so(client, rubrics):
    make_experience()
    response = client.get("/experiences/", {"page": 9999})
    assert "Cette page de résultats n’existe pas" in response.content.decode()


def test_search_combines_with_filters(client, rubrics):
    make_experience(title="Un forum des habitants", department="93")
    make_experience(title="Un forum à Paris", department="75")
    make_experience(title="Une charte", department="93")
    response = client.get("/experiences/", {"q": "forum", "departement": "93"})
    titles = [page.title for page in response.context["results_page"]]
    assert titles == ["Un forum des habitants"]
    options = {
        option.value: option.count
        for option in next(
            f for f in response.context["facets"] if f.name == "departement"
        ).options
    }
    assert options == {"93": 1, "75": 1}


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's FTS5 has no French stemming: accents and plurals need PostgreSQL",
)
def test_french_search_matches_accents_and_plurals(client, rubrics):
    make_experience(
        title="Bilan", summary="Les evaluations partagées du contrat de ville"
    )
    make_experience(title="Autre", summary="Un forum des habitants")
    response = client.get("/experiences/", {"q": "évaluation"})
    assert [page.title for page in response.context["results_page"]] == ["Bilan"]


# The queries of each page, whatever the cache (nothing below reads it): the
# site, its root, the route, the page, its view restrictions, the header's and
# footer's links with the site's identity, then the page's own. A page that
# reads more fails here, not only in the benchmark.
QUERY_BUDGETS = {
    "/experiences/": 10,  # stored counts, departments and themes, cards, restrictions
    "filtered": 7,  # one facet statement (with departments, themes and cards)
    "rubric-year": 8,
    "/experiences/rendre-compte-des-travaux/": 10,
    "experience": 11,  # its relations in one, related keys, cards, dates
    "/": 11,
    "/evenements/": 11,
    "/recherche/?q=conseil": 8,  # with one query per page type of the results
}


def query_budget(path):
    return QUERY_BUDGETS.get(path, QUERY_BUDGETS["filtered"])


@pytest.mark.parametrize(
    "path",
    [
        "/experiences/",
        "/experiences/?rubrique=rendre-compte-des-travaux&rubrique=evaluer-le-travail-partenarial&region=ile-de-france&theme=sante&tag=forum&q=conseil",
        "/experiences/?rubrique=rendre-compte-des-travaux&region=ile-de-france&theme=sante",
        "rubric-year",
        "/experiences/rendre-compte-des-travaux/",
        "experience",
        "/",
        "/evenements/",
        "/recherche/?q=conseil",
    ],
)
def test_query_count_does_not_depend_on_the_number_of_experiences(
    client, rubrics, recap_index, django_assert_max_num_queries, path
):
    from django.db import connection as conn
    from django.test.utils import CaptureQueriesContext

    from experiences.models import ExperiencePage

    # One experience per rubric, then ten: no listing is empty in either.
    call_command("seed_bulk", experiences=6, stdout=io.StringIO())
    first = ExperiencePage.objects.get(slug="bulk-1")
    budget = query_budget(path)
    if path == "experience":
        path = first.url
    elif path == "rubric-year":  # filtered, never empty
        path = f"{first.get_parent().url}?annee={first.start_date.year}"
    client.get(path)  # warm Wagtail's content type cache
    with (
        django_assert_max_num_queries(budget),
        CaptureQueriesContext(conn) as at_6,
    ):
        assert client.get(path).status_code == 200
    call_command("seed_bulk", experiences=60, stdout=io.StringIO())
    with (
        django_assert_max_num_queries(budget),
        CaptureQueriesContext(conn) as at_60,
    ):
        assert client.get(path).status_code == 200
    if path.startswith("/recherche/"):
        # Site search reads each page type of its results (``specific()``):
        # bounded by the number of page types, not by the data.
        return
    assert len(at_60) == len(at_6)


def test_facet_options_escape_what_editors_and_visitors_typed(client, rubrics):
    """The <option>s are built in Python: a tag named with markup, and a tag
    asked for in the address, come out as text, never as HTML."""
    make_experience(title="Une expérience", tags=['<b onmouseover="x">gras</b>'])
    html = client.get("/experiences/").content.decode()
    assert "<b onmouseover" not in html
    assert "&lt;b onmouseover=&quot;x&quot;&gt;gras&lt;/b&gt; (1)</option>" in html

    html = client.get("/experiences/", {"tag": '"><script>alert(1)</script>'}).content
    assert b"<script>alert(1)" not in html


def test_cards_show_the_rubric_label(client, rubrics):
    """The cards read the rubric's label from one dictionary
    (``rubric_label``): the same as Django's ``get_rubric_display``."""
    from experiences.models import ExperiencePage

    for rubric in Rubric.values:
        make_experience(title=f"Dans {rubric}", rubric=rubric)
    html = client.get("/experiences/").content.decode()
    for page in ExperiencePage.objects.all():
        assert page.rubric_label == page.get_rubric_display()
        assert f'fr-badge--blue-ecume">{page.get_rubric_display()}</p>' in html


def test_reference_rows_are_the_orm_ones_in_one_query(
    rubrics, django_assert_num_queries
):
    """The departments (by code, with their regions) and themes (in their
    order) of the filter form, read in one hand-written query, are what the
    ORM reads in two."""
    from experiences.facets import DepartmentRow, reference_rows
    from experiences.models import Department, Theme

    Theme.objects.create(slug="zeta", label="Écoute", sort_order=0)
    Theme.objects.create(slug="alpha", label="Accueil", sort_order=0)
    with django_assert_num_queries(1):
        departments, themes = reference_rows()
    assert departments == [
        DepartmentRow(*row)
        for row in Department.objects.order_by("code").values_list(
            "code", "name", "region__slug", "region__name"
        )
    ]
    assert len(departments) >= 100
    assert themes == list(Theme.objects.values_list("pk", "slug", "label"))
    slugs = [slug for _pk, slug, _label in themes]
    assert slugs.index("alpha") < slugs.index("zeta")  # « Accueil » < « Écoute »


@pytest.mark.parametrize("region", [None, "ile-de-france"])
def test_the_state_filter_keeps_ongoing_or_ended_experiences(client, rubrics, region):
    """« En cours » keeps the ongoing ones, « Terminée » those with an end
    date or said over; alone (stored scope) or with a facet filter (the
    facet statement), the results and their count agree."""
    import datetime

    make_experience(title="Toujours là", ongoing=True, end_date=None)
    make_experience(
        title="Finie en 2019", ongoing=False, end_date=datetime.date(2019, 6, 1)
    )
    make_experience(title="Sans date de fin", ongoing=False, end_date=None)
    params = {"region": region} if region else {}
    ongoing = client.get("/experiences/", {**params, "statut": "en-cours"})
    ended = client.get("/experiences/", {**params, "statut": "terminee"})
    assert [p.title for p in ongoing.context["results_page"]] == ["Toujours là"]
    assert ongoing.context["listing"].count == 1
    assert [p.title for p in ended.context["results_page"]] == ["Finie en 2019"]
    assert ended.context["listing"].count == 1


def _cards(html):
    """Each result card's HTML, by its title."""
    cards = re.findall(r'<li class="fr-col-12 fr-col-lg-6">(.*?\n</div>)', html, re.S)
    return {
        re.search(r'fr-card__title"><a[^>]*>([^<]*)<', card)[1]: card for card in cards
    }


def test_a_filtered_page_of_cards_reads_values_and_shows_the_same(client, rubrics):
    """A filtered listing reads its cards as plain values (experiences.cards),
    the unfiltered one as pages: every card comes out the same."""
    make_experience(title="À Saint-Denis", communes="Saint-Denis", ongoing=True)
    make_experience(title="Sans date", summary="Un « chapô » & plus")
    make_experience(title="Dans le Nord", department="59", role="elu")
    unfiltered = _cards(client.get("/experiences/").content.decode())
    filtered = _cards(
        client.get("/experiences/", {"role": "professionnel"}).content.decode()
    )
    assert sorted(filtered) == ["Sans date", "À Saint-Denis"]
    for title, card in filtered.items():
        assert card == unfiltered[title]
    assert "Saint-Denis · Seine-Saint-Denis (93)" in filtered["À Saint-Denis"]
    assert "en cours" in filtered["À Saint-Denis"]
    assert "Un « chapô » &amp; plus" in filtered["Sans date"]
    assert (
        'href="/experiences/faire-emerger-une-dynamique-collective/'
        in (filtered["Sans date"])
    )
    alone = _cards(client.get("/experiences/", {"role": "elu"}).content.decode())
    assert alone == {"Dans le Nord": unfiltered["Dans le Nord"]}
    assert "Nord (59)" in alone["Dans le Nord"]


def test_a_card_without_a_department_reads_as_the_page_does(client, rubrics):
    """The department may be empty in the database (the form requires it,
    the column does not): the plain card shows the communes alone, as the
    page's card does."""
    from experiences.facet_counts import refresh_stored_counts
    from experiences.models import ExperiencePage

    page = make_experience(title="Sans département", communes="Quelque part")
    make_experience(title="Avec département")
    ExperiencePage.objects.filter(pk=page.pk).update(department=None)
    refresh_stored_counts()
    unfiltered = _cards(client.get("/experiences/").content.decode())
    filtered = _cards(
        client.get("/experiences/", {"role": "professionnel"}).content.decode()
    )
    assert filtered["Sans département"] == unfiltered["Sans département"]
    assert "Quelque part</p>" in filtered["Sans département"]
    assert "(93)" not in filtered["Sans département"]


def test_a_plain_card_has_no_address_outside_the_site(rf, rubrics):
    """``page_path`` addresses a card from its url_path under the request's
    site, and gives nothing without a site (no request) or outside it: a card
    has no ``get_url_parts`` of its own to fall back on."""
    from wagtail.models import Site

    from core.urls import page_path
    from experiences.cards import Card

    site = Site.objects.get(is_default_site=True)
    root = site.root_page.url_path

    def card(url_path):
        return Card(1, "Une carte", url_path, "", "", "", None, None, False)

    request = rf.get("/experiences/", HTTP_HOST=site.hostname)
    assert page_path(card(f"{root}experiences/x/y/"), request) == "/experiences/x/y/"
    assert page_path(card(f"{root}experiences/x/y/")) == ""
    assert page_path(card("/ailleurs/x/"), request) == ""
