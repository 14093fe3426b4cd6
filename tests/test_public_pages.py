"""The public pages: experience (seed 001's shape), home, recaps, articles, search."""

import datetime

from django.core.files.base import ContentFile
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.documents.models import Document

import pytest

from experiences.models import CallForContributionsPage, ExperienceDocument
from experiences.related import related_experiences
from tests.factories import make_article, make_experience, make_recap

PLAINE_COMMUNE = {
    "title": "Conseils citoyens : comment prendre sa place dans le contrat de ville ?",
    "communes": "Plaine Commune",
    "department": "93",
    "feature": "Un établissement public territorial de 9 villes et 20 conseils.",
    "start": (2016, 1),
    "objectives": "<p>Associer les conseils citoyens aux instances.</p>",
    "approach": "<p>Quatre temps de formation, puis un forum.</p>",
    "actors": "<p>Un cabinet, les villes, l'État.</p>",
    "results": "<p>Des référents par thématique.</p>",
    "difficulties": "<p>Une organisation difficile à tenir.</p>",
    "advice": "<p>Réunir les instances le soir.</p>",
    "themes": ["citoyennete-participation"],
    "tags": ["forum"],
}


def test_experience_page_has_the_shape_of_seed_001(client, rubrics):
    page = make_experience(**PLAINE_COMMUNE)
    html = client.get(page.url).content.decode()
    for heading in (
        "Où ?",
        "Quand ?",
        "Signe particulier",
        "Objectifs",
        "La démarche",
        "Les acteurs et partenaires",
        "Résultats et sujets de satisfaction",
        "Difficultés et freins",
        "Conseils pour qui veut se lancer",
    ):
        assert heading in html, heading
    assert "Plaine Commune, Seine-Saint-Denis (93)" in html
    assert "Île-de-France" in html
    assert "Depuis janvier 2016" in html
    assert 'href="/experiences/?theme=citoyennete-participation"' in html
    assert 'href="/experiences/?tag=forum"' in html
    assert 'href="/experiences/faire-emerger-une-dynamique-collective/"' in html
    assert "Contact" not in html  # nobody consented to a public contact


def test_contact_only_when_consented(client, rubrics):
    page = make_experience(contact_name="Léa Martin", contact_email="lea@example.org")
    html = client.get(page.url).content.decode()
    assert "<dt>Contact</dt>" in html
    assert 'href="mailto:lea@example.org"' in html


def test_documents_show_their_type_and_size(client, rubrics):
    page = make_experience()
    document = Document(title="Synthèse")
    document.file.save("synthese.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2048))
    ExperienceDocument.objects.create(page=page, document=document, caption="Tableau")
    html = client.get(page.url).content.decode()
    assert "Tableau" in html
    assert "PDF – 2,0\xa0Ko" in html


def test_related_experiences_rank_shared_rubric_themes_and_tags(rubrics):
    page = make_experience(themes=["sante", "jeunesse"], tags=["forum"])
    close = make_experience(themes=["sante", "jeunesse"], tags=["forum"])
    same_rubric = make_experience()
    make_experience(rubric="rendre-compte-des-travaux")
    shares_a_tag = make_experience(rubric="rendre-compte-des-travaux", tags=["forum"])
    related = related_experiences(page)
    assert related[:2] == [close, same_rubric]
    assert related[2] == shares_a_tag


def test_related_experiences_take_a_fixed_number_of_queries(rubrics):
    from django.db import connection

    page = make_experience(themes=["sante"], tags=["forum"])
    for _ in range(3):
        make_experience(themes=["sante"], tags=["forum"])
    with CaptureQueriesContext(connection) as few:
        related_experiences(page)
    for _ in range(12):
        make_experience(themes=["sante"], tags=["forum"])
    with CaptureQueriesContext(connection) as many:
        related_experiences(page)
    assert len(few) == len(many) <= 4


def test_experience_page_query_count_is_fixed(
    client, rubrics, django_assert_max_num_queries
):
    from django.db import connection

    page = make_experience(**PLAINE_COMMUNE)
    # One related experience already: the count is measured with the cards of
    # « other paths » shown (none shown reads one query less).
    make_experience(themes=["citoyennete-participation"], tags=["forum"])
    client.get(page.url)
    with CaptureQueriesContext(connection) as before:
        client.get(page.url)
    for _ in range(10):
        make_experience(themes=["citoyennete-participation"], tags=["forum"])
    with django_assert_max_num_queries(len(before)):
        assert client.get(page.url).status_code == 200


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [(-10, 30, "Ouvert"), (-60, -1, "Clos"), (5, 60, "Bientôt ouvert")],
)
def test_home_shows_the_call_state_and_deadline(
    client, call_page, opens, closes, expected
):
    now = timezone.now()
    call = CallForContributionsPage.objects.get()
    call.opens_at = now + datetime.timedelta(days=opens)
    call.closes_at = now + datetime.timedelta(days=closes)
    call.save_revision().publish()
    html = client.get("/").content.decode()
    assert f">{expected}</p>" in html
    if expected == "Ouvert":
        assert "Partager une expérience</a>" in html
        local = timezone.localtime(call.closes_at)
        assert f"{local.day} " in html


def test_home_lists_rubrics_with_counts_and_latest_content(
    client, home_page, rubrics, recap_index, article_index
):
    make_experience(title="Première")
    make_experience(title="Seconde", rubric="rendre-compte-des-travaux")
    make_recap(home_page, title="Le webinaire de juillet")
    make_article(home_page, title="Les missions")
    response = client.get("/")
    html = response.content.decode()
    counts = {r.rubric: r.experience_count for r in response.context["rubrics"]}
    assert len(counts) == 6
    assert counts["rendre-compte-des-travaux"] == 1
    assert counts["evaluer-le-travail-partenarial"] == 0
    for text in ("Première", "Seconde", "Le webinaire de juillet", "Les missions"):
        assert text in html


def test_recap_practice_cards_render_as_cards_linking_to_an_experience(
    client, home_page, rubrics, recap_index
):
    experience = make_experience(title="Tournée de la démocratie")
    recap = make_recap(
        home_page,
        body=[
            (
                "practice_card",
                {
                    "title": "Tournée de la démocratie permanente",
                    "place": "Bordeaux",
                    "objectives": "Informer et proposer des temps conviviaux.",
                    "obstacles": "Peu de portage par les autres services.",
                    "satisfactions": "Un bon taux de participation.",
                    "experience": experience,
                },
            )
        ],
    )
    html = client.get(recap.url).content.decode()
    assert 'class="fr-card fr-card--no-arrow recueil-practice-card' in html
    assert "Sujets d’inquiétude / freins" in html
    assert f'href="{experience.url}"' in html


def test_recap_and_article_listings_filter_by_kind_year_and_tag(
    client, home_page, recap_index, article_index
):
    make_recap(home_page, title="Webinaire A", kind="webinaire", date=(2024, 7, 9))
    make_recap(
        home_page,
        title="Formation B",
        kind="formation",
        date=(2017, 3, 1),
        tags=["bilan"],
    )
    response = client.get("/evenements/", {"type": "formation"})
    assert [p.title for p in response.context["results_page"]] == ["Formation B"]
    response = client.get("/evenements/", {"annee": "2024"})
    assert [p.title for p in response.context["results_page"]] == ["Webinaire A"]
    response = client.get("/evenements/", {"tag": "bilan", "annee": "lettres"})
    assert [p.title for p in response.context["results_page"]] == ["Formation B"]
    make_article(home_page, title="Texte", kind="texte-de-reference", tags=["loi"])
    make_article(home_page, title="Pratique")
    response = client.get("/ressources/", {"type": "texte-de-reference"})
    assert [p.title for p in response.context["results_page"]] == ["Texte"]
    html = client.get("/ressources/", {"tag": "loi"}).content.decode()
    assert "Retirer le filtre loi" in html


def test_site_search_covers_every_page_type(
    client, home_page, rubrics, recap_index, article_index
):
    make_experience(title="Forum des conseils citoyens")
    make_recap(home_page, title="Webinaire sur le forum")
    make_article(home_page, title="Un forum, mode d'emploi")
    response = client.get("/recherche/", {"q": "forum"})
    titles = {page.title for page in response.context["results_page"]}
    assert titles == {
        "Forum des conseils citoyens",
        "Webinaire sur le forum",
        "Un forum, mode d'emploi",
    }
    assert client.get("/recherche/", {"q": "x" * 10000}).status_code == 200
    assert client.get("/recherche/", {"q": "forum", "page": "999"}).status_code == 200


def test_404_is_a_french_dsfr_page(client, home_page):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert 'class="fr-header"' in html


def test_meta_description_and_open_graph(client, rubrics):
    page = make_experience(summary="Un chapô qui résume l'expérience.")
    html = client.get(page.url).content.decode()
    assert (
        '<meta name="description" content="Un chapô qui résume l&#x27;expérience.">'
        in html
    )
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:url" content="{page.full_url}">' in html


def test_related_experiences_are_the_best_scored(rubrics):
    """Against a plain Python scoring of every other experience (the pools
    hold them all at this size): same keys, same order; nothing unpublished or
    under a view restriction."""
    import random

    from wagtail.models import PageViewRestriction

    from experiences.constants import Rubric
    from experiences.models import ExperiencePage
    from experiences.related import RUBRIC_WEIGHT

    rng = random.Random(11)
    themes = ["sante", "jeunesse", "education", "logement"]
    tags = ["forum", "charte", "bilan"]
    for number in range(25):
        make_experience(
            title=f"Voisine {number}",
            rubric=rng.choice(Rubric.values[:3]),
            themes=rng.sample(themes, rng.randint(0, 2)),
            tags=rng.sample(tags, rng.randint(0, 2)),
            publish=number % 7 != 3,
        )
    hidden = make_experience(
        title="Réservée", rubric=Rubric.values[3], themes=themes, tags=tags
    )
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )

    def keys(page, attribute):
        return set(getattr(page, attribute).values_list("pk", flat=True))

    pages = list(ExperiencePage.objects.all())
    for page in pages[:8]:
        expected = sorted(
            (
                (
                    RUBRIC_WEIGHT * (other.rubric == page.rubric)
                    + len(keys(other, "themes") & keys(page, "themes"))
                    + len(keys(other, "tags") & keys(page, "tags")),
                    other,
                )
                for other in pages
                if other.pk not in (page.pk, hidden.pk) and other.live
            ),
            key=lambda pair: (
                -pair[0],
                -pair[1].first_published_at.timestamp(),
                pair[1].pk,
            ),
        )
        expected = [other.pk for score, other in expected if score > 0][:3]
        assert [other.pk for other in related_experiences(page)] == expected
