"""A sheet in Chromium: « Pour citer cette fiche » (copy button added by the
script), « Signaler une erreur » sent from the sheet, axe-core with no
violation, footer labels on one line at 375 px, screenshots at 1280 and 375."""

import datetime
import os

import pytest

from experiences.models import Department, ErrorReport, ExperiencePage, RubricPage
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def published_sheet():
    parent = RubricPage.objects.get(rubric="rendre-compte-des-travaux")
    page = ExperiencePage(
        title="Une gazette de quartier écrite par le conseil citoyen",
        slug="une-gazette-de-quartier",
        summary="Quatre numéros par an, distribués dans les boîtes aux lettres.",
        organisation="Conseil citoyen des Fourches",
        communes="Laval",
        department=Department.objects.get(code="53"),
        start_date=datetime.date(2019, 3, 1),
        objectives="<p>Rendre compte des travaux du conseil.</p>",
        live=False,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def shot(page, screenshot_dir, name):
    path = os.path.join(screenshot_dir, f"{name}.png")
    page.screenshot(path=path, full_page=True)


def test_a_sheet_can_be_cited_and_reported(
    site_tree, live_server, chromium, browser_page, mobile_page, screenshot_dir
):
    sheet = published_sheet()
    url = f"{live_server.url}{sheet.url}"

    for label, page in (("1280", browser_page), ("375", mobile_page)):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.get_by_role("heading", name="Pour citer cette fiche").is_visible()
        assert page.get_by_role("heading", name="Signaler une erreur").is_visible()
        citation = page.locator("#texte-citation").inner_text()
        assert citation.startswith("«\xa0Une gazette de quartier")
        assert "Conseil citoyen des Fourches" in citation
        shot(page, screenshot_dir, f"fiche-citer-{label}")
        assert axe_violations(page) == [], label

    # At 375 px no footer label is broken across two lines.
    labels = mobile_page.locator(
        ".fr-footer__bottom-link, .fr-footer__content-link"
    ).evaluate_all(
        "links => links.map(l => [l.textContent.trim(), l.getClientRects().length])"
    )
    assert labels and all(lines == 1 for _label, lines in labels), labels

    # The copy button exists only when the script runs, and copies the text.
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="fr-FR"
    )
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=live_server.url
    )
    page = context.new_page()
    page.goto(url)
    button = page.get_by_role("button", name="Copier la citation")
    button.click()
    page.get_by_text("Citation copiée.").wait_for()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.locator("#texte-citation").inner_text().strip()
    context.close()

    no_script = chromium.new_context(java_script_enabled=False, locale="fr-FR")
    plain = no_script.new_page()
    plain.goto(url)
    assert plain.locator("#texte-citation").is_visible()
    assert not plain.get_by_role("button", name="Copier la citation").is_visible()
    no_script.close()

    # A report sent from the sheet itself.
    page = browser_page
    page.goto(url)
    page.get_by_label("Votre message").fill("Le conseil s'appelle « des Fourches ».")
    page.get_by_label("Votre adresse électronique (facultatif)").fill("lea@example")
    page.get_by_role("button", name="Envoyer le signalement").click()
    # A wrong address: the form comes back with the error and the typing.
    assert "n'est pas valide" in page.locator("#signalement-email-erreur").inner_text()
    assert page.get_by_label("Votre message").input_value() == (
        "Le conseil s'appelle « des Fourches »."
    )
    shot(page, screenshot_dir, "signalement-erreur-1280")
    assert axe_violations(page) == []
    page.get_by_label("Votre adresse électronique (facultatif)").fill("lea@example.org")
    page.get_by_role("button", name="Envoyer le signalement").click()
    page.get_by_text("Merci, votre signalement a été transmis").wait_for()
    assert axe_violations(page) == []
    report = ErrorReport.objects.get()
    assert (report.page_id, report.email) == (sheet.pk, "lea@example.org")
