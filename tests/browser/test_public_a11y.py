"""The public site in Chromium: axe-core (WCAG 2.0/2.1 A and AA) on every kind of
public page, the filter form driven with the keyboard only, DSFR scripts running
on a page served from the cache, and screenshots at 1280 and 375 pixels."""

import os
import re

import pytest

from tests.browser.conftest import axe_violations
from tests.factories import make_article, make_experience, make_recap

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def public_content(site_tree):
    main = make_experience(
        title="Conseils citoyens : prendre sa place dans le contrat de ville",
        communes="Plaine Commune",
        feature="Neuf villes et vingt conseils citoyens.",
        objectives="<p>Associer les conseils citoyens aux instances.</p>",
        approach="<p>Quatre temps de formation, puis un forum.</p>",
        results="<p>Des référents par thématique.</p>",
        contact_name="Profession Banlieue",
        contact_email="contact@example.org",
        themes=["citoyennete-participation"],
        tags=["forum"],
    )
    for number in range(3):
        make_experience(
            title=f"Un forum des habitant·e·s n° {number + 1}",
            department="59",
            tags=["forum"],
            rubric="rendre-compte-des-travaux",
        )
    recap = make_recap(
        site_tree,
        body=[
            (
                "practice_card",
                {
                    "title": "Tournée de la démocratie permanente",
                    "place": "Bordeaux",
                    "objectives": "Informer et proposer des temps conviviaux.",
                    "satisfactions": "Un bon taux de participation.",
                    "experience": main,
                },
            )
        ],
    )
    article = make_article(site_tree, tags=["missions"])
    return {"experience": main, "recap": recap, "article": article}


PAGES = {
    "accueil": lambda c: "/",
    "liste-filtree": lambda c: (
        "/experiences/?rubrique=rendre-compte-des-travaux&departement=59&tag=forum"
    ),
    "liste-vide": lambda c: "/experiences/?departement=75&q=introuvable",
    "rubrique": lambda c: "/experiences/rendre-compte-des-travaux/",
    "experience": lambda c: c["experience"].url,
    "compte-rendu": lambda c: c["recap"].url,
    "evenements": lambda c: "/evenements/",
    "article": lambda c: c["article"].url,
    "ressources": lambda c: "/ressources/",
    "recherche": lambda c: "/recherche/?q=forum",
    "page-introuvable": lambda c: "/nulle-part/",
}


def test_public_site_in_chromium(
    public_content, live_server, browser_page, mobile_page, screenshot_dir, settings
):
    """One test, since each transactional test costs a full database restore."""
    check_axe_and_screenshots(
        public_content, live_server, browser_page, mobile_page, screenshot_dir
    )
    check_filter_form_with_the_keyboard_only(live_server, browser_page)
    settings.PUBLIC_CACHE_SECONDS = 300
    check_dsfr_scripts_run_on_a_page_served_from_the_cache(live_server, browser_page)


def check_axe_and_screenshots(
    public_content, live_server, browser_page, mobile_page, screenshot_dir
):
    failures = {}
    for name, path_for in PAGES.items():
        path = path_for(public_content)
        for label, page in (("bureau", browser_page), ("375px", mobile_page)):
            page.goto(f"{live_server.url}{path}")
            page.wait_for_load_state("networkidle")
            page.screenshot(
                path=os.path.join(screenshot_dir, f"public-{name}-{label}.png"),
                full_page=True,
            )
            if label == "bureau":
                violations = axe_violations(page)
                if violations:
                    failures[path] = violations
    assert failures == {}


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return e ? e.id || e.textContent.trim() : ''; }"
    )


def tab_to(page, target, limit=200):
    for _ in range(limit):
        if focused(page) == target:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target!r} never got the focus with Tab")


def check_filter_form_with_the_keyboard_only(live_server, browser_page):
    page = browser_page
    page.goto(f"{live_server.url}/experiences/")
    tab_to(page, "filtre-rubrique-5")
    page.keyboard.press("Space")
    tab_to(page, "filtre-departement")
    page.keyboard.press("ArrowDown")  # the first département with experiences
    tab_to(page, "Appliquer les filtres")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "rubrique=rendre-compte-des-travaux" in page.url
    assert re.search(r"departement=59", page.url)
    heading = page.locator("#resultats h2").inner_text()
    assert heading == "3 expériences avec ces filtres"
    # Removing an active filter is a plain link, reachable with Tab.
    tab_to(page, "59 – Nord")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "departement" not in page.url


def check_dsfr_scripts_run_on_a_page_served_from_the_cache(live_server, browser_page):
    page = browser_page
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for expected in ("miss", "hit"):
        response = page.goto(f"{live_server.url}/experiences/")
        assert response.headers["x-recueil-cache"] == expected
        page.wait_for_function("document.documentElement.dataset.frJs === 'true'")
    assert not [e for e in errors if "Content Security Policy" in e]
