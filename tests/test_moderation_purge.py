"""RGPD: the purge command and the export of one address's data."""

import datetime
import json
import os
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from wagtail.log_actions import registry as log_registry

import pytest

from experiences import moderation
from experiences.models import Submission, SubmissionAttachment
from experiences.states import Status
from tests.factories import add_attachment, make_submission

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def _age(submission, days, field="decided_at"):
    """Pretend the submission was decided/last changed ``days`` ago."""
    moment = timezone.now() - days * DAY
    Submission.objects.filter(pk=submission.pk).update(
        **{field: moment, "updated_at": moment}
    )


def _purge():
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    return out.getvalue()


def test_purges_closed_submissions_after_the_period(
    settings, db, django_capture_on_commit_callbacks
):
    settings.PURGE_AFTER_DAYS = 365
    old = {
        s: make_submission(status=s) for s in Status if s in moderation.CLOSED_STATES
    }
    for submission in old.values():
        add_attachment(submission, "image")
        _age(submission, 400)
    recent = make_submission(status=Status.DECLINED)
    _age(recent, 100)
    open_one = make_submission(status=Status.IN_REVIEW)
    _age(open_one, 400, field="submitted_at")
    files = [a.file.path for a in SubmissionAttachment.objects.all()]

    with django_capture_on_commit_callbacks(execute=True):
        output = _purge()

    assert "Contributions closes : 3 purgée(s)." in output
    for submission in old.values():
        submission.refresh_from_db()
        assert submission.personal_data_purged_at is not None
        assert submission.email == "" and submission.last_name == ""
        assert submission.phone == "" and submission.approach == ""
        assert submission.reference  # the trace
        assert not submission.attachments.exists()
        entry = log_registry.get_logs_for_instance(submission).order_by("-pk")[0]
        assert entry.action == "recueil.submission.purge"

    assert not any(os.path.exists(path) for path in files)
    for submission in (recent, open_one):
        submission.refresh_from_db()
        assert submission.personal_data_purged_at is None
        assert submission.email

    # Idempotent: a second run does nothing.
    assert "Contributions closes : 0 purgée(s)." in _purge()


def test_drafts_are_warned_a_month_before_then_purged(
    settings, call_page, mailoutbox, django_capture_on_commit_callbacks
):
    settings.PURGE_DRAFTS_AFTER_DAYS = 90
    draft = make_submission(status=Status.DRAFT)
    fresh = make_submission(status=Status.DRAFT)
    _age(draft, 65, field="created_at")
    _age(fresh, 10, field="created_at")

    with django_capture_on_commit_callbacks(execute=True):
        output = _purge()
    assert "Brouillons : 1 avertissement(s) envoyé(s)." in output
    (email,) = mailoutbox
    assert email.to == [draft.email]
    assert "supprimé" in email.subject
    assert "/contribuer/suivi/" in email.body
    draft.refresh_from_db()
    assert draft.draft_reminder_sent_at is not None
    assert draft.personal_data_purged_at is None

    # Running again the same day sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        output = _purge()
    assert "Brouillons : 0 avertissement(s) envoyé(s)." in output
    assert len(mailoutbox) == 1

    # 91 days after the last change and 31 after the warning: purged.
    moment = timezone.now() - 91 * DAY
    Submission.objects.filter(pk=draft.pk).update(
        updated_at=moment, draft_reminder_sent_at=timezone.now() - 31 * DAY
    )
    output = _purge()
    assert "Brouillons abandonnés : 1 purgée(s)." in output
    draft.refresh_from_db()
    assert draft.personal_data_purged_at is not None and draft.email == ""
    fresh.refresh_from_db()
    assert fresh.personal_data_purged_at is None


def test_draft_is_not_purged_without_a_month_of_warning(settings, call_page):
    settings.PURGE_DRAFTS_AFTER_DAYS = 90
    draft = make_submission(status=Status.DRAFT)
    _age(draft, 200, field="created_at")
    # Never warned (the command did not run): it is warned now, not purged.
    output = _purge()
    assert "Brouillons : 1 avertissement(s) envoyé(s)." in output
    assert "Brouillons abandonnés : 0 purgée(s)." in output


def test_purge_from_the_admin_keeps_a_trace(client, lead):
    submission = make_submission(status=Status.SPAM)
    client.force_login(lead)
    client.post(
        f"/admin/contributions/actions/{submission.pk}/purge/",
        {"expected_status": "indesirable"},
    )
    submission.refresh_from_db()
    assert submission.personal_data_purged_at is not None
    html = client.get(f"/admin/contributions/inspect/{submission.pk}/").content
    assert "Données personnelles purgées".encode() in html


def test_open_submissions_cannot_be_purged(lead):
    submission = make_submission(status=Status.IN_REVIEW)
    with pytest.raises(moderation.TransitionError):
        moderation.purge_personal_data(submission, lead)


def test_export_personal_data(db, moderator, tmp_path):
    submission = make_submission(email="Camille@Example.org", themes=["sante"])
    add_attachment(submission, "document")
    moderation.take(submission, moderator)
    moderation.add_note(submission, moderator, "Relancer")
    make_submission(email="autre@example.org")
    out = StringIO()
    call_command("export_personal_data", "camille@example.org", stdout=out)
    data = json.loads(out.getvalue())
    assert data["email"] == "camille@example.org"
    (item,) = data["submissions"]
    assert item["reference"] == submission.reference
    assert item["email"] == "Camille@Example.org"
    assert item["phone"] == "01 23 45 67 89"
    assert item["themes"] == ["Santé"]
    assert item["attachments"][0]["name"] == "compte-rendu.pdf"
    assert item["internal_notes"][0]["body"] == "Relancer"
    assert [h["action"] for h in item["history"]][-1] == "Note interne ajoutée"
    assert item["emails"] == []
    target = tmp_path / "export.json"
    call_command(
        "export_personal_data", "camille@example.org", output=str(target), stderr=out
    )
    assert json.loads(target.read_text())["submissions"][0]["title"] == (
        submission.title
    )


def test_export_personal_data_refuses_a_bad_address(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("export_personal_data", "pas-une-adresse")


def test_export_lists_the_emails_sent_to_the_address(
    db, moderator, django_capture_on_commit_callbacks
):
    submission = make_submission(status=Status.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.decline(submission, moderator, "Hors du champ.", note="Hors champ")
    out = StringIO()
    call_command("export_personal_data", submission.email, stdout=out)
    (item,) = json.loads(out.getvalue())["submissions"]
    (email,) = item["emails"]
    assert email["email"] == "Contribution non retenue"
    assert email["state"] == "Envoyé" and email["sent_at"]


def test_the_purge_command_prunes_old_task_rows_and_expired_sessions(settings, db):
    from django.contrib.sessions.models import Session

    from django_tasks_db.models import DBTaskResult

    settings.TASKS_KEEP_FINISHED_DAYS = 7
    now = timezone.now()

    def task_row(status, finished_days_ago):
        finished = now - finished_days_ago * DAY if finished_days_ago else None
        return DBTaskResult.objects.create(
            task_path="core.outbox.send_outbox_email",
            args_kwargs={"args": [1], "kwargs": {}},
            backend_name="default",
            run_after=now,
            status=status,
            finished_at=finished,
            exception_class_path="",
            traceback="",
        )

    old_done, old_failed = task_row("SUCCESSFUL", 8), task_row("FAILED", 9)
    recent, waiting = task_row("SUCCESSFUL", 1), task_row("READY", None)
    Session.objects.create(
        session_key="expiree", session_data="x", expire_date=now - DAY
    )
    Session.objects.create(
        session_key="vivante", session_data="x", expire_date=now + DAY
    )

    output = _purge()
    assert "Tâches terminées supprimées : 2" in output
    remaining = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, waiting.pk}
    assert old_done.pk not in remaining and old_failed.pk not in remaining
    assert set(Session.objects.values_list("session_key", flat=True)) == {"vivante"}
