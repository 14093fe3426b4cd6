"""Bulk actions on the moderation queue, and the internal note required before
declining or marking as spam (single and bulk): each submission goes through
the state machine, is logged and emailed as the single action would be."""

from wagtail.models import ModelLogEntry

import pytest

from experiences import bulk_moderation, moderation
from experiences.states import Status, TransitionError
from tests.factories.submissions import make_submission

BULK_URL = "/admin/contributions/actions-groupees/"


def confirm(client, action, submissions, **data):
    post = {
        "action": action,
        "confirm": "1",
        "ids": [str(s.pk) for s in submissions],
        **{f"expected-{s.pk}": s.status for s in submissions},
        **data,
    }
    return client.post(BULK_URL, post, follow=True)


def actions_logged(action):
    return ModelLogEntry.objects.filter(action=f"recueil.submission.{action}")


# --- the required note -----------------------------------------------------------


def test_decline_and_spam_need_an_internal_note(moderator):
    in_review = make_submission(status=Status.IN_REVIEW)
    received = make_submission()
    with pytest.raises(TransitionError, match="note interne est obligatoire"):
        moderation.decline(in_review, moderator, "Hors champ", note="  ")
    with pytest.raises(TransitionError, match="note interne est obligatoire"):
        moderation.mark_spam(received, moderator, note="")
    in_review.refresh_from_db()
    received.refresh_from_db()
    assert (in_review.status, received.status) == (Status.IN_REVIEW, Status.RECEIVED)
    assert not actions_logged("decline").exists()


def test_the_note_stays_in_the_history(moderator):
    submission = make_submission(status=Status.IN_REVIEW)
    moderation.decline(submission, moderator, "Hors champ", note="Déjà publiée")
    assert submission.notes.get().body == "Déjà publiée"
    assert actions_logged("note").filter(object_id=str(submission.pk)).exists()
    assert actions_logged("decline").filter(object_id=str(submission.pk)).exists()


def test_single_decline_without_note_is_refused_with_a_french_error(
    client, moderator, mailoutbox
):
    submission = make_submission(status=Status.IN_REVIEW)
    client.force_login(moderator)
    response = client.post(
        f"/admin/contributions/actions/{submission.pk}/decline/",
        {"message": "Hors champ", "expected_status": submission.status},
        follow=True,
    )
    assert "note interne est obligatoire" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.IN_REVIEW
    assert mailoutbox == []


def test_the_inspect_view_asks_for_the_note_and_shows_completeness(client, moderator):
    submission = make_submission(status=Status.IN_REVIEW)
    client.force_login(moderator)
    html = client.get(f"/admin/contributions/inspect/{submission.pk}/").content
    html = html.decode()
    assert 'id="decline-note" name="note" rows="2" required' in html
    assert 'id="spam-note" name="note" rows="2" required' in html
    assert "Complétude :" in html and "Joindre une photo avec son crédit" in html


# --- bulk, as a service ------------------------------------------------------------


def test_bulk_run_leaves_the_refused_ones_and_does_the_others(moderator):
    first, second = make_submission(), make_submission()
    closed = make_submission(status=Status.DECLINED)
    outcome = bulk_moderation.run("take", [first, closed, second], moderator)
    assert outcome.done == [first, second]
    assert [s for s, _reason in outcome.refused] == [closed]
    first.refresh_from_db()
    assert first.status == Status.IN_REVIEW and first.assigned_to == moderator


def test_a_submission_that_moved_since_the_confirmation_is_refused(moderator, lead):
    submission = make_submission()
    moderation.take(submission, lead)
    outcome = bulk_moderation.run(
        "mark_spam",
        [submission],
        moderator,
        expected={submission.pk: Status.RECEIVED},
        note="Publicité",
    )
    assert outcome.done == []
    assert "entre-temps" in outcome.refused[0][1]


# --- bulk, in the admin ----------------------------------------------------------


def test_the_selection_asks_for_confirmation_first(client, moderator):
    pending = make_submission()
    closed = make_submission(status=Status.DECLINED)
    client.force_login(moderator)
    response = client.post(BULK_URL, {"action": "take", "ids": [pending.pk, closed.pk]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "« Prendre en charge » : 1 contribution sur 2 sélectionnées" in html
    assert "Ne s'applique pas dans cet état" in html
    assert 'name="csrfmiddlewaretoken"' in html
    pending.refresh_from_db()
    assert pending.status == Status.RECEIVED  # nothing done yet


def test_bulk_decline_two_with_one_reason_emails_and_logs_each(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    first = make_submission(status=Status.IN_REVIEW)
    second = make_submission(status=Status.IN_REVIEW)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(
            client,
            "decline",
            [first, second],
            message="Hors du champ de l'appel.",
            note="Deux envois identiques",
        )
    assert "2 contribution(s) traitée(s)" in response.content.decode()
    for submission in (first, second):
        submission.refresh_from_db()
        assert submission.status == Status.DECLINED
        assert submission.notes.get().body == "Deux envois identiques"
        assert submission.messages.get().body == "Hors du champ de l'appel."
    assert actions_logged("decline").count() == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([first.email, second.email])
    assert all("Hors du champ de l'appel." in m.body for m in mailoutbox)


def test_bulk_decline_without_reason_or_note_keeps_what_was_typed(client, moderator):
    submission = make_submission(status=Status.IN_REVIEW)
    client.force_login(moderator)
    response = confirm(client, "decline", [submission], message="Motif tapé")
    html = response.content.decode()
    assert "note interne est obligatoire" in html
    assert "Motif tapé" in html
    submission.refresh_from_db()
    assert submission.status == Status.IN_REVIEW


def test_bulk_spam_sends_nothing_and_keeps_the_note(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    spams = [make_submission(), make_submission()]
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, "mark_spam", spams, note="Liens publicitaires")
    for submission in spams:
        submission.refresh_from_db()
        assert submission.status == Status.SPAM
        assert submission.notes.get().body == "Liens publicitaires"
    assert actions_logged("mark_spam").count() == 2
    assert mailoutbox == []


def test_bulk_assign_to_a_moderator(client, lead, moderator):
    submissions = [make_submission(), make_submission()]
    client.force_login(lead)
    confirm(client, "assign", submissions, assignee=str(moderator.pk))
    for submission in submissions:
        submission.refresh_from_db()
        assert submission.assigned_to == moderator
    assert actions_logged("assign").count() == 2


@pytest.mark.parametrize("role", ["editor", "anonymous"])
def test_bulk_actions_need_the_moderation_permission(client, editor, role):
    submission = make_submission()
    if role == "editor":
        client.force_login(editor)
    response = client.post(
        BULK_URL,
        {
            "action": "mark_spam",
            "confirm": "1",
            "ids": [submission.pk],
            "note": "x",
        },
    )
    assert response.status_code in (302, 403)
    if role == "editor":
        assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.status == Status.RECEIVED


def test_bulk_actions_are_post_only(client, moderator):
    client.force_login(moderator)
    assert client.get(BULK_URL).status_code == 405
