"""In Chromium: a moderator takes a received submission and accepts it, an
editor approves the review, the contributor validates the sheet, an editorial
lead validates: the page is live."""

import os

from django.urls import reverse

import pytest

from experiences import tracking
from experiences.models import ExperiencePage
from experiences.states import Status
from tests.factories import add_attachment, make_submission, member

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


def _approve(page):
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.click("button:has-text('Approuver')")
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_from_received_to_published(chromium, live_server, site_tree, screenshot_dir):
    from experiences.constants import (
        GROUP_EDITORIAL_LEADS,
        GROUP_EDITORS,
        GROUP_MODERATORS,
    )

    member("moderatrice", GROUP_MODERATORS)
    member("redacteur", GROUP_EDITORS)
    member("responsable", GROUP_EDITORIAL_LEADS)
    submission = make_submission(title="Un budget participatif des conseils")
    add_attachment(submission, "image", caption="Le vote")

    context, page = _login(chromium, live_server, "moderatrice")
    page.click("a[href='/admin/contributions/']")
    page.wait_for_selector("text=Un budget participatif des conseils")
    page.screenshot(path=os.path.join(screenshot_dir, "moderation-queue.png"))
    page.goto(f"{live_server.url}/admin/contributions/inspect/{submission.pk}/")
    page.click("button:has-text('Prendre en charge')")
    assert "Vous avez pris en charge" in page.inner_text(".messages")
    page.check("input[name=attachments]")
    page.click("button:has-text('Retenir')")
    assert "est retenue" in page.inner_text(".messages")
    page.screenshot(
        path=os.path.join(screenshot_dir, "moderation-accepted.png"), full_page=True
    )
    context.close()
    pk = ExperiencePage.objects.get(submission=submission).pk

    for username in ("redacteur", "contributor", "responsable"):
        if username == "contributor":
            # The contributor validates the edited sheet from their link.
            context = chromium.new_context()
            page = context.new_page()
            token = tracking.current_token(submission)
            page.goto(live_server.url + reverse("recueil_signoff", args=[token]))
            page.click("button:has-text('Je valide cette version')")
            page.wait_for_load_state()
            context.close()
            continue
        context, page = _login(chromium, live_server, username)
        page.goto(f"{live_server.url}/admin/pages/{pk}/edit/")
        _approve(page)
        context.close()

    live = ExperiencePage.objects.get(pk=pk)
    submission.refresh_from_db()
    assert live.live
    assert submission.status == Status.PUBLISHED
    context = chromium.new_context()
    page = context.new_page()
    response = page.goto(live_server.url + live.url)
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Un budget participatif des conseils"
    assert page.locator("text=Le vote").count() >= 1
    context.close()
