"""Every moderation action: state, message, email, history, concurrency."""

from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

import pytest

from experiences import moderation
from experiences.models import Submission, SubmissionMessage
from experiences.states import LOG_ACTIONS, Status, TransitionError, apply
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


def _actions_url(submission, name):
    return f"/admin/contributions/actions/{submission.pk}/{name}/"


def _post(client, submission, name, **data):
    data.setdefault("expected_status", submission.status)
    return client.post(_actions_url(submission, name), data, follow=True)


def _last_log(submission):
    return log_registry.get_logs_for_instance(submission).order_by("-pk").first()


def test_every_log_action_is_registered():
    registered = dict(log_registry.get_choices())
    for action in LOG_ACTIONS:
        assert action in registered, action


def test_take_assigns_to_me_and_logs(client, moderator):
    submission = make_submission()
    client.force_login(moderator)
    response = _post(client, submission, "take")
    assert "Vous avez pris en charge" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.IN_REVIEW
    assert submission.assigned_to == moderator
    entry = _last_log(submission)
    assert entry.action == "recueil.submission.take"
    assert entry.user == moderator
    assert entry.message == "Prendre en charge"


def test_assign_to_another_moderator(client, moderator, lead, editor):
    submission = make_submission()
    client.force_login(lead)
    _post(client, submission, "assign", assignee=moderator.pk)
    submission.refresh_from_db()
    assert submission.assigned_to == moderator
    assert submission.status == Status.RECEIVED
    assert "Attribuée à" in _last_log(submission).message
    # Not to someone who cannot moderate.
    response = _post(client, submission, "assign", assignee=editor.pk)
    assert "ne peut pas modérer" in response.content.decode()
    submission.refresh_from_db()
    assert submission.assigned_to == moderator


def test_request_changes_needs_a_message_and_emails_the_link(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission(status=Status.IN_REVIEW)
    old_hash = submission.token_hash
    client.force_login(moderator)
    response = _post(client, submission, "request_changes", message="  ")
    assert "Un message est obligatoire" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, submission, "request_changes", message="Précisez les dates.")
    submission.refresh_from_db()
    assert submission.status == Status.CHANGES_REQUESTED
    assert submission.token_hash != old_hash
    assert submission.messages.get().body == "Précisez les dates."
    (email,) = mailoutbox
    assert email.to == [submission.email]
    assert "compléments" in email.subject
    assert "Précisez les dates." in email.body
    assert "/contribuer/suivi/" in email.body
    assert "/contribuer/suivi/" in email.alternatives[0].content
    assert _last_log(submission).message == (
        "Demander des compléments : Précisez les dates."
    )
    # The contributor's resubmission puts it back in the queue.
    apply(submission, "resubmit")
    assert submission.status == Status.IN_REVIEW


def test_decline_needs_a_reason_and_emails_it(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission(status=Status.IN_REVIEW)
    client.force_login(moderator)
    _post(client, submission, "decline", message="", note="Hors champ")
    submission.refresh_from_db()
    assert submission.status == Status.IN_REVIEW
    with django_capture_on_commit_callbacks(execute=True):
        _post(
            client,
            submission,
            "decline",
            message="Hors du champ de l'appel.",
            note="Hors champ",
        )
    submission.refresh_from_db()
    assert submission.status == Status.DECLINED
    assert submission.decided_at is not None
    (email,) = mailoutbox
    assert "n'est pas retenue" in email.subject
    assert "Hors du champ de l'appel." in email.body
    assert "Hors du champ de l&#x27;appel." in email.alternatives[0].content


def test_reopen_a_declined_one(client, lead):
    submission = make_submission(status=Status.DECLINED)
    client.force_login(lead)
    _post(client, submission, "reopen", message="Nouvel élément")
    submission.refresh_from_db()
    assert submission.status == Status.IN_REVIEW
    assert submission.assigned_to == lead


def test_mark_spam_sends_nothing(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, submission, "mark_spam", note="Publicité")
    submission.refresh_from_db()
    assert submission.status == Status.SPAM
    assert mailoutbox == []


def test_private_note_is_logged_and_not_sent(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, submission, "note", body="Appeler la déléguée")
    assert "Appeler la déléguée" in response.content.decode()
    assert submission.notes.get().author == moderator
    assert _last_log(submission).action == "recueil.submission.note"
    assert mailoutbox == []


def test_message_to_the_contributor(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission(status=Status.IN_REVIEW)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, submission, "message", body="Avez-vous des photos ?")
    message = submission.messages.get()
    assert message.direction == SubmissionMessage.Direction.TO_CONTRIBUTOR
    (email,) = mailoutbox
    assert "Avez-vous des photos ?" in email.body
    assert "/contribuer/suivi/" in email.body
    assert _last_log(submission).action == "recueil.submission.message"


def test_action_on_a_changed_submission_is_refused(client, moderator, lead):
    """Two moderators on the same page: the second action is refused."""
    submission = make_submission()
    seen = submission.status
    client.force_login(moderator)
    _post(client, submission, "take", expected_status=seen)
    client.force_login(lead)
    response = _post(
        client, submission, "mark_spam", expected_status=seen, note="Publicité"
    )
    assert "a changé d&#x27;état entre-temps" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.IN_REVIEW
    assert submission.assigned_to == moderator
    assert (
        ModelLogEntry.objects.filter(action="recueil.submission.mark_spam").count() == 0
    )


def test_stale_object_cannot_apply_twice(moderator, lead):
    submission = make_submission(status=Status.IN_REVIEW)
    stale = Submission.objects.get(pk=submission.pk)
    moderation.decline(submission, moderator, "Non", note="Hors champ")
    with pytest.raises(TransitionError):
        moderation.decline(stale, lead, "Non plus", note="Hors champ")
    assert submission.messages.count() == 1


def test_wrong_state_is_refused(client, moderator, rubrics):
    submission = make_submission()
    client.force_login(moderator)
    response = _post(client, submission, "accept")
    assert "pas possible depuis l&#x27;état « Reçue »" in response.content.decode()


def test_actions_need_post(client, moderator):
    submission = make_submission()
    client.force_login(moderator)
    assert client.get(_actions_url(submission, "take")).status_code == 405


def test_actions_need_csrf(moderator):
    from django.test import Client

    submission = make_submission()
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    response = client.post(
        _actions_url(submission, "take"), {"expected_status": "recue"}
    )
    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.status == Status.RECEIVED


def test_site_history_report_shows_and_filters_moderation(client, moderator, lead):
    submission = make_submission()
    moderation.take(submission, moderator)
    moderation.add_note(submission, moderator, "Vu")
    client.force_login(lead)
    response = client.get("/admin/reports/site-history/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Prendre en charge" in html
    response = client.get(
        "/admin/reports/site-history/", {"action": "recueil.submission.note"}
    )
    html = response.content.decode()
    assert "Note interne ajoutée" in html
    assert "Prendre en charge</" not in html.split("<tbody")[-1]
