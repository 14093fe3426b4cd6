"""The completeness summary on the contribution form: computed by the server,
mirrored live by its script while the person types, never a gate; axe-core
with no violation, screenshots at 1280 and 375 px."""

import os

import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def score(page):
    return " ".join(page.locator("[data-completeness-score]").inner_text().split())


def item(page, part):
    return page.locator(f'#completude li[data-part="{part}"]')


def test_the_summary_follows_what_is_typed(
    site_tree, live_server, browser_page, mobile_page, screenshot_dir
):
    page = browser_page
    page.goto(f"{live_server.url}/contribuer/")
    assert score(page) == "Complétude : 0 % (0 repère sur 9)"
    assert item(page, "approach").get_attribute("data-met") == "0"

    page.fill("#id_objectives", "Donner au conseil citoyen une vraie place. " * 4)
    page.fill("#id_approach", "Trois ateliers.")
    assert (
        "15 caractères, environ 400 sont utiles" in item(page, "approach").inner_text()
    )
    page.fill("#id_start_date", "2023-09")
    # DSFR draws its checkboxes on their labels.
    page.click('label[for="id_ongoing"]')
    theme = page.locator('input[name="themes"]').first.get_attribute("id")
    page.click(f'label[for="{theme}"]')
    assert score(page) == "Complétude : 33 % (3 repères sur 9)"
    assert item(page, "objectives").inner_text().startswith("Fait")
    assert page.locator("[data-completeness-score]").get_attribute("aria-live") == (
        "polite"
    )

    # Above the send button.
    box = page.locator("#completude").bounding_box()
    button = page.locator('button[name="submit_form"]').bounding_box()
    assert box["y"] + box["height"] <= button["y"]

    page.locator("#completude").scroll_into_view_if_needed()
    page.screenshot(path=os.path.join(screenshot_dir, "completude-1280.png"))
    assert axe_violations(page) == []

    mobile = mobile_page
    mobile.goto(f"{live_server.url}/contribuer/")
    mobile.fill("#id_approach", "Trois ateliers.")
    mobile.locator("#completude").scroll_into_view_if_needed()
    mobile.screenshot(path=os.path.join(screenshot_dir, "completude-375.png"))
    width = mobile.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375
    assert axe_violations(mobile) == []
