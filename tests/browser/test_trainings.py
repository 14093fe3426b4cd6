"""Registering for a training session with the keyboard only, then cancelling
from the private page; axe-core (WCAG 2.0/2.1 A and AA) on the cycle page, a
session page, the form with errors, the confirmation and the private page;
screenshots at 1280 and 375 pixels."""

import os

import pytest

from tests import trainings_support as ts
from tests.browser.conftest import axe_violations
from trainings.constants import Status
from trainings.models import Registration

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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


def type_into(page, field_id, text):
    tab_to(page, field_id)
    page.keyboard.type(text)


def check(name, page, mobile_page, screenshot_dir, failures):
    """axe on the desktop page; both widths photographed."""
    page.screenshot(
        path=os.path.join(screenshot_dir, f"formations-{name}-bureau.png"),
        full_page=True,
    )
    violations = axe_violations(page)
    if violations:
        failures[name] = violations
    mobile_page.goto(page.url)
    mobile_page.wait_for_load_state("networkidle")
    mobile_page.screenshot(
        path=os.path.join(screenshot_dir, f"formations-{name}-375px.png"),
        full_page=True,
    )


def test_register_with_the_keyboard_then_cancel(
    site_tree, live_server, browser_page, mobile_page, screenshot_dir
):
    cycle = ts.cycle()
    session = ts.session(cycle, capacity=2)
    ts.enrol(session, 1)
    waiting = ts.session(cycle, "Séance logement", theme="logement", capacity=1)
    ts.enrol(waiting, 1)
    page = browser_page
    failures = {}

    page.goto(f"{live_server.url}{cycle.url}")
    check("cycle", page, mobile_page, screenshot_dir, failures)
    page.goto(f"{live_server.url}{session.url}")
    check("seance", page, mobile_page, screenshot_dir, failures)

    # Sent empty: each error next to its field, summarised at the top.
    tab_to(page, "M'inscrire")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Le formulaire contient 6 erreurs" in page.content()
    check("erreurs", page, mobile_page, screenshot_dir, failures)

    type_into(page, "id_first_name", "Fatou")
    type_into(page, "id_last_name", "Diallo")
    type_into(page, "id_email", "fatou.diallo@example.org")
    tab_to(page, "id_role_0")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # conseiller·ère citoyen·ne
    type_into(page, "id_territory", "Roubaix")
    tab_to(page, "id_transport_0")
    page.keyboard.press("ArrowRight")  # transports en commun
    tab_to(page, "id_consent_data")
    page.keyboard.press("Space")
    tab_to(page, "M'inscrire")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/formations/inscription/" in page.url
    assert "Inscription confirmée" in page.content()
    check("confirmation", page, mobile_page, screenshot_dir, failures)
    registration = Registration.objects.get(email="fatou.diallo@example.org")
    assert (registration.role, registration.transport) == (
        "conseiller-citoyen",
        "transports-en-commun",
    )

    tab_to(page, "Annuler mon inscription")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Votre inscription est annulée" in page.content()
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED

    # A full session: the same form puts the person on the waiting list.
    page.goto(f"{live_server.url}{waiting.url}")
    for field_id, text in (
        ("id_first_name", "Malik"),
        ("id_last_name", "Roussel"),
        ("id_email", "malik@example.org"),
    ):
        type_into(page, field_id, text)
    tab_to(page, "id_role_0")
    page.keyboard.press("Space")
    type_into(page, "id_territory", "Maubeuge")
    tab_to(page, "id_consent_data")
    page.keyboard.press("Space")
    tab_to(page, "M'inscrire sur la liste d'attente")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Vous êtes sur liste d'attente (position 1)" in page.content()
    check("page-privee", page, mobile_page, screenshot_dir, failures)

    assert failures == {}
