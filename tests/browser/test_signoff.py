"""In Chromium: an editor edits a sheet, the contributor reads the differences
and asks for a correction, the editor fixes it and resubmits, the contributor
validates, the lead publishes; axe-core finds nothing on the sign-off page."""

import os

from django.urls import reverse

import pytest

from experiences import moderation, tracking
from experiences.constants import GROUP_EDITORIAL_LEADS, GROUP_EDITORS, GROUP_MODERATORS
from experiences.models import ExperiencePage, SignoffTaskState
from experiences.states import Status
from tests.browser.conftest import DESKTOP, axe_violations
from tests.factories import member
from tests.signoff_data import make_submission

PASSWORD = "motdepasse-de-test"


def _login(chromium, live_server, username):
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    return context, page


def _workflow_action(page, label):
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.click(f"button:has-text('{label}')")
    page.wait_for_load_state()


def _as_editor(chromium, live_server, pk, summary, action):
    context, page = _login(chromium, live_server, "redacteur")
    page.goto(f"{live_server.url}/admin/pages/{pk}/edit/")
    page.fill("#id_summary", summary)
    _workflow_action(page, action)
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sign_off_with_a_correction(
    chromium, live_server, site_tree, django_user_model, screenshot_dir
):
    moderator = member("moderatrice", GROUP_MODERATORS)
    member("redacteur", GROUP_EDITORS)
    member("responsable", GROUP_EDITORIAL_LEADS)
    submission, _token = make_submission(title="Un budget participatif des conseils")
    moderation.take(submission, moderator)
    pk = moderation.accept(submission, moderator).pk

    # The editor rewrites the summary and approves the review.
    _as_editor(
        chromium,
        live_server,
        pk,
        "Le conseil citoyen anime des ateliers ouverts à tous, chaque mardi.",
        "Approuver",
    )
    submission.refresh_from_db()
    url = live_server.url + reverse(
        "recueil_signoff", args=[tracking.current_token(submission)]
    )

    # The contributor reads the differences and asks for a correction.
    context = chromium.new_context(viewport=DESKTOP, locale="fr-FR")
    page = context.new_page()
    page.goto(url)
    inserted = page.locator("#champ-summary ~ div ins").first.inner_text()
    assert "chaque mardi" in inserted
    assert "début d'insertion" in inserted  # said, not only shown
    page.screenshot(path=os.path.join(screenshot_dir, "signoff.png"), full_page=True)
    assert axe_violations(page) == []
    page.click("button:has-text('Je demande une correction')")
    assert page.locator("#message-correction:invalid").count() == 1  # required
    page.fill("#message-correction", "Les ateliers ont lieu le jeudi, pas le mardi.")
    page.click("button:has-text('Je demande une correction')")
    page.wait_for_load_state()
    assert "Vous avez demandé une correction" in page.inner_text("main")
    context.close()

    # The editor fixes it and sends it back to the contributor.
    _as_editor(
        chromium,
        live_server,
        pk,
        "Le conseil citoyen anime des ateliers ouverts à tous, chaque jeudi.",
        "Resoumettre",
    )
    assert SignoffTaskState.objects.filter(status="in_progress").count() == 1

    # The contributor validates.
    context = chromium.new_context(viewport=DESKTOP, locale="fr-FR")
    page = context.new_page()
    page.goto(url)
    assert "chaque jeudi" in page.inner_text("#champ-summary ~ div")
    page.click("button:has-text('Je valide cette version')")
    page.wait_for_load_state()
    assert "Vous avez validé la fiche" in page.inner_text("main")
    context.close()

    # The editorial lead publishes.
    context, page = _login(chromium, live_server, "responsable")
    page.goto(f"{live_server.url}/admin/pages/{pk}/edit/")
    _workflow_action(page, "Approuver")
    context.close()
    live = ExperiencePage.objects.get(pk=pk)
    submission.refresh_from_db()
    assert live.live
    assert live.summary.endswith("chaque jeudi.")
    assert submission.status == Status.PUBLISHED
