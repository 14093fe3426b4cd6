"""In Chromium: a moderator ticks two spam submissions in the queue, marks them
as spam in one go with an internal note, after a confirmation page."""

import os

import pytest

from experiences.constants import GROUP_MODERATORS
from experiences.models import Submission
from experiences.states import Status
from tests.browser.test_moderation_flow import _login
from tests.factories import make_submission, member


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bulk_mark_two_as_spam(chromium, live_server, site_tree, screenshot_dir):
    member("moderatrice", GROUP_MODERATORS)
    spams = [
        make_submission(title=f"Gagnez un voyage {n}", completeness=10) for n in (1, 2)
    ]
    kept = make_submission(title="Un vrai conseil citoyen", completeness=80)

    context, page = _login(chromium, live_server, "moderatrice")
    page.goto(f"{live_server.url}/admin/contributions/")
    for submission in spams:
        page.check(f"#choix-{submission.pk}")
    page.select_option("#recueil-bulk-action", "mark_spam")
    page.screenshot(path=os.path.join(screenshot_dir, "file-actions-groupees.png"))
    page.click("button:has-text('Continuer')")
    page.wait_for_selector("text=2 contributions sur 2 sélectionnées")
    # The note is required: an empty one is refused, nothing done.
    page.click("button:has-text('Confirmer')")
    page.wait_for_selector(".error-message:has-text('note interne est obligatoire')")
    page.fill("#id_note", "Liens publicitaires")
    page.screenshot(path=os.path.join(screenshot_dir, "file-confirmation.png"))
    page.click("button:has-text('Confirmer')")
    page.wait_for_selector("text=2 contribution(s) traitée(s)")
    statuses = dict(Submission.objects.values_list("pk", "status"))
    assert [statuses[s.pk] for s in spams] == [Status.SPAM, Status.SPAM]
    assert statuses[kept.pk] == Status.RECEIVED
    context.close()
