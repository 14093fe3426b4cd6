"""Captions and photo credits on the tracking page, typed with the keyboard in
Chromium, checked with axe-core before, with and after errors; screenshots on
a desktop and a 375-pixel-wide screen."""

import os

import pytest

from experiences.states import Status
from tests.browser.conftest import axe_violations
from tests.browser.test_contribution import tab_to
from tests.factories import add_attachment, make_submission

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_captions_with_the_keyboard(
    site_tree, live_server, browser_page, mobile_page, screenshot_dir
):
    submission = make_submission(status=Status.IN_REVIEW)
    token = submission.set_token()
    submission.save()
    photo = add_attachment(submission, "image", name="atelier.png")
    document = add_attachment(submission, "document", name="compte-rendu.pdf")
    url = f"{live_server.url}/contribuer/suivi/{token}/"

    page = browser_page
    page.goto(url)
    assert axe_violations(page) == []
    tab_to(page, f"id_caption-{photo.pk}")
    page.keyboard.type("Atelier au pied de la tour, mars 2024")
    tab_to(page, f"id_credit-{photo.pk}")
    page.keyboard.type("Photo : Camille Durand")
    # Too long: the browser's maxlength is bypassed to reach the server's check.
    page.evaluate(
        f"document.getElementById('id_caption-{document.pk}').value = 'é'.repeat(256)"
    )
    tab_to(page, "Enregistrer les légendes")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title().startswith("Erreur")
    assert "au plus 255 caractères" in page.locator("#legendes").inner_text()
    assert page.input_value(f"#id_credit-{photo.pk}") == "Photo : Camille Durand"
    assert axe_violations(page) == []
    page.locator("#legendes").screenshot(
        path=os.path.join(screenshot_dir, "captions-errors.png")
    )

    page.fill(f"#id_caption-{document.pk}", "Compte rendu de la première réunion")
    tab_to(page, "Enregistrer les légendes")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "sont enregistrés" in page.content()
    assert axe_violations(page) == []
    page.screenshot(
        path=os.path.join(screenshot_dir, "captions-saved.png"), full_page=True
    )
    document.refresh_from_db()
    photo.refresh_from_db()
    assert document.caption == "Compte rendu de la première réunion"
    assert photo.credit == "Photo : Camille Durand"

    mobile_page.goto(url)
    assert axe_violations(mobile_page) == []
    mobile_page.locator("#legendes").screenshot(
        path=os.path.join(screenshot_dir, "captions-375.png")
    )
