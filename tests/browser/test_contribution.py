"""The contribution form driven with the keyboard only (Tab, Space, Enter and
typing) in Chromium, checked with axe-core, with screenshots on a desktop and a
375-pixel-wide screen."""

import os
import re

import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return e ? (e.id || e.textContent.trim()) : ''; }"
    )


def tab_to(page, target, limit=250):
    """Press Tab until the element with this id (or this text) has the focus."""
    for _ in range(limit):
        if focused(page) == target:
            return
        page.keyboard.press("Tab")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.append(focused(page)[:60])
    raise AssertionError(f"{target!r} never got the focus with Tab: {seen}")


def type_into(page, field_id, text):
    tab_to(page, field_id)
    page.keyboard.type(text)


def test_keyboard_only_contribution(
    site_tree, live_server, browser_page, mobile_page, screenshot_dir
):
    page = browser_page
    page.goto(f"{live_server.url}/contribuer/")
    assert axe_violations(page) == []
    page.screenshot(path=os.path.join(screenshot_dir, "contribution-form.png"))

    type_into(page, "id_title", "Une charte co-écrite avec le conseil citoyen")
    tab_to(page, "id_rubric_0")
    page.keyboard.press("Space")
    # The summary is left empty on purpose: the first post must be refused.
    type_into(page, "id_communes", "Saint-Denis")
    tab_to(page, "id_departement")
    page.keyboard.type("93")
    type_into(page, "id_start_date", "2023-09")
    type_into(page, "id_end_date", "2024-06")
    type_into(page, "id_objectives", "Donner au conseil citoyen une vraie place.")
    type_into(page, "id_approach", "Trois ateliers, puis une séance de signature.")
    type_into(page, "id_first_name", "Awa")
    type_into(page, "id_last_name", "Diallo")
    type_into(page, "id_email", "awa.diallo@example.org")
    tab_to(page, "id_role_0")
    page.keyboard.press("Space")
    type_into(page, "id_organisation", "Ville de Saint-Denis")
    tab_to(page, "id_consent_data")
    page.keyboard.press("Space")
    tab_to(page, "id_consent_licence")
    page.keyboard.press("Space")
    tab_to(page, "Envoyer ma contribution")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The error summary has the focus and links to the field.
    assert focused(page) == "resume-erreurs"
    assert "Erreur" in page.title()
    summary = page.locator("#resume-erreurs")
    assert "Résumé en quelques phrases : Ce champ est obligatoire." in (
        summary.inner_text()
    )
    assert page.locator("#id_title").input_value().startswith("Une charte")
    assert axe_violations(page) == []
    page.screenshot(
        path=os.path.join(screenshot_dir, "contribution-errors.png"), full_page=True
    )

    page.keyboard.press("Tab")
    assert focused(page).startswith("Résumé en quelques phrases")
    page.keyboard.press("Enter")
    if focused(page) != "id_summary":
        page.keyboard.press("Tab")
    assert focused(page) == "id_summary"
    page.keyboard.type("Élu·e·s, services et habitant·e·s ont écrit une charte.")
    tab_to(page, "Envoyer ma contribution")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "/contribuer/merci/" in page.url
    reference = page.locator(".recueil-reference").inner_text()
    assert re.fullmatch(r"REX-\d{4}-\d{5}", reference)
    assert axe_violations(page) == []
    page.screenshot(path=os.path.join(screenshot_dir, "contribution-confirmation.png"))

    tracking_url = page.locator("#lien-suivi").inner_text()
    tab_to(page, "lien-suivi")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/contribuer/suivi/" in page.url
    assert reference in page.content()
    assert "Reçue" in page.locator(".recueil-status").inner_text()
    assert axe_violations(page) == []
    page.screenshot(path=os.path.join(screenshot_dir, "contribution-tracking.png"))

    mobile_page.goto(f"{live_server.url}/contribuer/")
    assert axe_violations(mobile_page) == []
    mobile_page.screenshot(
        path=os.path.join(screenshot_dir, "contribution-form-375.png"), full_page=True
    )
    mobile_page.goto(tracking_url)
    mobile_page.screenshot(
        path=os.path.join(screenshot_dir, "contribution-tracking-375.png"),
        full_page=True,
    )
