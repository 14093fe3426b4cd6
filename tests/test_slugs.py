"""French slugs: transliteration, hyphens where words were joined, a cut at a
word boundary; new pages get them, existing pages keep their address, and a
changed slug leaves a redirect."""

import datetime
import tomllib
from pathlib import Path

from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect

import pytest

from core.slugs import MAX_LENGTH, french_slug
from experiences.models import Department, ExperiencePage, RubricPage, Submission
from experiences.publication import accept_submission
from experiences.states import Status
from home.models import StandardPage

DEMO = Path(__file__).resolve().parent.parent / "demo" / "data"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Sœur Anne", "soeur-anne"),
        ("Cæcilia et l'Œuvre", "caecilia-et-l-oeuvre"),
        ("Grazailles/Fleming/La Reille", "grazailles-fleming-la-reille"),
        ("Voyage d'étude", "voyage-d-etude"),
        ("Voyage d’étude", "voyage-d-etude"),
        (
            "Établir les règles de la co-construction",
            "etablir-les-regles-de-la-co-construction",
        ),
        ("Ça, « c'est » l'été !", "ca-c-est-l-ete"),
        ("", ""),
    ],
)
def test_french_slug(text, slug):
    assert french_slug(text) == slug


def test_a_long_title_is_cut_between_words():
    title = (
        "Un conseil citoyen qui co-construit le contrat de ville avec les "
        "habitantes et habitants du quartier prioritaire"
    )
    slug = french_slug(title)
    assert len(slug) <= MAX_LENGTH
    assert slugify(title).startswith(slug)
    assert slugify(title)[len(slug)] == "-"  # the cut falls between two words
    assert not slug.endswith("-")


def test_a_single_long_word_is_cut_at_the_limit():
    assert french_slug("a" * 100) == "a" * MAX_LENGTH


def _rubric():
    return RubricPage.objects.get(rubric="rendre-compte-des-travaux")


def _experience(title, slug):
    page = ExperiencePage(
        title=title,
        slug=slug,
        summary="Un résumé.",
        department=Department.objects.get(code="59"),
        start_date=datetime.date(2020, 1, 1),
        live=False,
    )
    _rubric().add_child(instance=page)
    return page


def test_the_submission_bridge_makes_a_french_slug(site_tree, moderator):
    submission = Submission.objects.create(
        status=Status.IN_REVIEW,
        reference="R-2026-0001",
        title="Voyage d'étude à Grazailles/Fleming/La Reille",
        rubric="rendre-compte-des-travaux",
        email="camille@example.org",
        department=Department.objects.get(code="59"),
        start_date=datetime.date(2020, 1, 1),
    )
    page = accept_submission(submission, moderator, expected_status=Status.IN_REVIEW)
    assert page.slug == "voyage-d-etude-a-grazailles-fleming-la-reille"


@pytest.mark.parametrize(
    "left_auto",
    [
        slugify("Voyage d'étude de la Sœur"),
        slugify("Voyage d'étude de la Sœur", allow_unicode=True),
        "",
    ],
)
def test_a_new_page_with_an_automatic_slug_gets_the_french_one(site_tree, left_auto):
    page = _experience("Voyage d'étude de la Sœur", left_auto)
    page.refresh_from_db()
    assert page.slug == "voyage-d-etude-de-la-soeur"
    assert page.url_path.endswith("/voyage-d-etude-de-la-soeur/")


def test_a_slug_chosen_by_hand_is_kept(site_tree):
    page = _experience("Voyage d'étude de la Sœur", "voyage-soeur")
    assert page.slug == "voyage-soeur"


def test_the_french_slug_stays_unique_among_siblings(site_tree):
    first = _experience("Voyage d'étude", "voyage-d-etude")
    second = _experience("Voyage d'étude", slugify("Voyage d'étude"))
    assert (first.slug, second.slug) == ("voyage-d-etude", "voyage-d-etude-2")


def test_pages_created_in_the_admin_get_the_french_slug(client, site_tree, lead):
    client.force_login(lead)
    title = "Données d'accès / Sœurs"
    response = client.post(
        f"/admin/pages/add/home/standardpage/{site_tree.pk}/",
        {
            "title": title,
            "slug": slugify(title),  # what Wagtail's auto-fill posts
            "intro": "",
            "body-count": "0",
            "footer_role": "",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = StandardPage.objects.get(title=title)
    assert page.slug == "donnees-d-acces-soeurs"


def test_existing_pages_keep_their_address(site_tree):
    page = _experience("Voyage d'étude", "ancien-voyage")
    page.title = "Voyage d'étude, deuxième édition"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.slug == "ancien-voyage"


def test_a_changed_slug_keeps_a_redirect(
    client, site_tree, django_capture_on_commit_callbacks
):
    page = _experience("Voyage d'étude", "ancien-voyage")
    page.save_revision().publish()
    old_url = page.url
    page.slug = "voyage-d-etude"
    # Wagtail sends page_slug_changed once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.url != old_url
    redirect = Redirect.objects.get(old_path=old_url.rstrip("/"))
    assert redirect.redirect_page.pk == page.pk
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(page.url)


def test_every_demo_slug_is_a_french_slug():
    for name in ("experiences", "articles", "recaps", "booklet"):
        data = tomllib.loads((DEMO / f"{name}.toml").read_text())
        for items in data.values():
            for item in items if isinstance(items, list) else [items]:
                if isinstance(item, dict) and "slug" in item:
                    assert french_slug(item["slug"]) == item["slug"], item["slug"]
