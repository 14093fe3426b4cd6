"""After a purge, nothing personal is left anywhere: a dump of the whole
database and the media folders hold neither the address, the names, the
phone nor the original file names."""

import datetime
import json
import re
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
from django_tasks_db.models import DBTaskResult

from core.models import OutboxEmail
from core.worker import ResilientWorker
from experiences import moderation
from experiences.models import ExperiencePage, RubricPage, Submission
from experiences.tracking import SESSION_KEYS
from tests.factories import FORM_URL, pdf_file, valid_post

pytestmark = pytest.mark.django_db

EMAIL = "zephyrine.quintalbert@example.org"
FIRST, LAST = "Zéphyrine", "Quintalbert"
PHONE = "06 98 76 54 32"
FILE_NAME = "rapport-quintalbert-2025.pdf"
SECRETS = [EMAIL, FIRST, LAST, PHONE, FILE_NAME]


def run_worker():
    ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
        reclaim_after=600,
        pause=lambda seconds: None,
    ).run()


def found(text):
    lowered = text.lower()
    return [s for s in SECRETS if s.lower() in lowered]


def database_dump():
    out = StringIO()
    call_command("dumpdata", "--format=json", stdout=out)
    data = json.loads(out.getvalue())
    # Both the escaped and the plain forms of every string.
    return out.getvalue() + json.dumps(data, ensure_ascii=False)


def media_traces():
    traces = []
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        for path in Path(root).rglob("*"):
            traces += [f"{path}: {s}" for s in found(path.name)]
            if path.is_file():
                content = path.read_bytes().decode("utf-8", "ignore")
                traces += [f"{path} (contenu) : {s}" for s in found(content)]
    return traces


@pytest.fixture
def lived(
    client, call_page, rubrics, moderator, settings, django_capture_on_commit_callbacks
):
    """A contribution that went through the whole site before it was declined:
    emails (sent by a worker, task rows kept), messages, notes, a session, a
    page draft holding the contact without consent, an old task row from
    before the outbox."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    data = valid_post(first_name=FIRST, last_name=LAST, email=EMAIL, phone=PHONE)
    data["attachments"] = [pdf_file(FILE_NAME)]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(FORM_URL, data).status_code == 302
    submission = Submission.objects.get()
    assert submission.phone and submission.attachments.get().original_name == FILE_NAME

    with django_capture_on_commit_callbacks(execute=True):
        moderation.take(submission, moderator)
        moderation.send_message(submission, moderator, f"Bonjour {FIRST} {LAST} !")
        moderation.add_note(submission, moderator, f"Rappeler au {PHONE}.")
        moderation.decline(
            submission, moderator, f"Désolé {FIRST}, hors champ.", note="Hors champ"
        )
    rubric = RubricPage.objects.first()
    page = ExperiencePage(
        title="Une fiche commencée",
        slug="fiche-commencee",
        summary="Résumé",
        department=submission.department,
        start_date=submission.start_date,
        submission=submission,
        contact_name=f"{FIRST} {LAST}",
        contact_email=EMAIL,
        live=False,
    )
    rubric.add_child(instance=page)
    page.save_revision()
    DBTaskResult.objects.create(
        task_path="experiences.emails.send_email",
        args_kwargs={
            "args": ["receipt", [EMAIL], {"first_name": FIRST}],
            "kwargs": {},
        },
        backend_name="default",
        run_after=timezone.now(),
        status="SUCCESSFUL",
        finished_at=timezone.now(),
        exception_class_path="",
        traceback="",
    )
    run_worker()
    assert OutboxEmail.objects.filter(status=OutboxEmail.Status.SENT).count() >= 3
    Submission.objects.filter(pk=submission.pk).update(
        decided_at=timezone.now() - datetime.timedelta(days=400)
    )
    return submission


def test_the_whole_site_forgets_a_purged_contribution(
    client, lived, django_capture_on_commit_callbacks
):
    assert set(found(database_dump())) == set(SECRETS)  # all there before

    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_personal_data", stdout=StringIO())

    lived.refresh_from_db()
    assert lived.personal_data_purged_at is not None
    assert found(database_dump()) == []
    assert media_traces() == []
    assert not OutboxEmail.objects.filter(object_id=str(lived.pk)).exists()
    for session in Session.objects.all():
        data = session.get_decoded()
        assert all(data.get(key, {}).get("id") != lived.pk for key in SESSION_KEYS)
    messages = [
        e.data.get("message") for e in ModelLogEntry.objects.for_instance(lived)
    ]
    assert [m for m in messages if m] == ["état : Non retenue"]
    assert {e.label for e in ModelLogEntry.objects.for_instance(lived)} == {
        lived.reference
    }
    # The record stays, as a trace.
    assert re.match(r"REX-\d{4}-\d{5}", lived.reference)
