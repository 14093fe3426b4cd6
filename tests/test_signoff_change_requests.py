"""Requests for changes that say which fields to revise; the diff since; the
email to a moderator assigned by someone else."""

import re

import pytest

from experiences import change_requests, moderation, tracking
from experiences.models import CallForContributionsPage, ChangeRequest, Submission
from experiences.states import Status, apply
from tests.factories import FORM_URL, valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, site_tree, django_capture_on_commit_callbacks):
    assert CallForContributionsPage.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, valid_post())
    return Submission.objects.get()


def _request(client, moderator, submission, fields, message):
    client.force_login(moderator)
    actions = f"/admin/contributions/actions/{submission.pk}/"
    client.post(actions + "take/", {"expected_status": "recue"})
    response = client.post(
        actions + "request_changes/",
        {"expected_status": "en-examen", "message": message, "fields": fields},
    )
    assert response.status_code == 302
    client.logout()


def test_the_fields_offered_are_the_form_s_own():
    names = [name for name, _label in change_requests.requestable_fields()]
    assert names[:3] == ["title", "rubric", "summary"]
    assert {"objectives", "themes", "attachments", "email"} <= set(names)
    assert "consent_data" not in names
    assert "form_nonce" not in names


def test_ticked_fields_are_highlighted_with_the_message_above(
    client, moderator, submitted
):
    inspect = f"/admin/contributions/inspect/{submitted.pk}/"
    client.force_login(moderator)
    html = client.get(inspect).content.decode()
    client.post(
        f"/admin/contributions/actions/{submitted.pk}/take/",
        {"expected_status": "recue"},
    )
    html = client.get(inspect).content.decode()
    assert 'name="fields" value="objectives"' in html
    client.logout()
    _request(
        client,
        moderator,
        submitted,
        ["objectives", "start_date", "pas-un-champ"],
        "Précisez les objectifs et la date de début.",
    )
    request = ChangeRequest.objects.get(submission=submitted)
    assert request.fields == ["objectives", "start_date"]
    assert (
        request.snapshot["objectives"] == "Donner au conseil citoyen une vraie place."
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.CHANGES_REQUESTED
    html = client.get(tracking.tracking_path(tracking.current_token(submitted)))
    html = html.content.decode()
    notice = html.index("Ce que l'équipe éditoriale vous demande")
    assert notice < html.index('id="formulaire-contribution"')
    assert 'href="#a-revoir-objectives"' in html
    assert 'id="a-revoir-objectives"' in html and 'id="a-revoir-start_date"' in html
    assert 'id="a-revoir-summary"' not in html
    # The other fields stay editable.
    assert 'name="summary"' in html and 'name="approach"' in html


def test_resubmitting_answers_the_request_and_shows_what_changed(
    client, moderator, submitted, django_capture_on_commit_callbacks
):
    _request(client, moderator, submitted, ["objectives"], "Précisez les objectifs.")
    submitted.refresh_from_db()
    path = tracking.tracking_path(tracking.current_token(submitted))
    html = client.get(path).content.decode()
    nonce = re.search(r'name="form_nonce" value="([^"]+)"', html)[1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            path,
            valid_post(
                form_nonce=nonce,
                objectives="Donner au conseil citoyen une place réelle et durable.",
            ),
        )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW
    request = ChangeRequest.objects.get(submission=submitted)
    assert request.answered_at is not None
    client.force_login(moderator)
    html = client.get(f"/admin/contributions/inspect/{submitted.pk}/").content.decode()
    assert "Modifié depuis la demande" in html
    block = html[html.index("Modifié depuis la demande") :]
    assert "(demandé)" in block
    assert "[début d'insertion] </span>réelle et durable" in block


def test_assignment_by_someone_else_emails_the_assignee(
    moderator, lead, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderation.take(submitted, lead)
        moderation.assign(submitted, lead, moderator)
    emails = [m for m in mailoutbox if m.to == [moderator.email]]
    assert len(emails) == 1
    assert emails[0].subject.endswith(f"{submitted.reference} vous est attribuée")
    assert f"/admin/contributions/inspect/{submitted.pk}/" in emails[0].body
    # Taking it oneself sends nothing.
    count = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.assign(submitted, moderator, moderator)
    assert len(mailoutbox) == count


def test_a_purge_erases_the_requests(client, moderator, submitted):
    _request(client, moderator, submitted, ["title"], "Un titre plus court ?")
    submitted.refresh_from_db()
    request = ChangeRequest.objects.get(submission=submitted)
    assert "email" not in request.snapshot and "last_name" not in request.snapshot
    submitted = apply(submitted, "withdraw")
    moderation.purge_personal_data(submitted, moderator)
    assert not ChangeRequest.objects.filter(submission=submitted).exists()
