"""The task worker: stale tasks are reclaimed, a database outage is waited
out, and a worker killed in the middle of a send never loses nor doubles the
email."""

import datetime
import json
import os
import signal
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command, get_commands
from django.db import OperationalError, connection
from django.tasks import TaskResultStatus
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from core import outbox
from core.models import OutboxEmail
from core.worker import ResilientWorker, reclaim_stale_tasks
from experiences import notifications
from experiences.states import Status
from tests.factories import make_submission

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}
BASE_DIR = Path(settings.BASE_DIR)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


def send_tasks():
    return DBTaskResult.objects.filter(
        task_path=outbox.send_outbox_email.module_path
    ).order_by("enqueued_at")


def queue_accepted(submission):
    return outbox.queue("accepted", submission, audience=notifications.CONTRIBUTOR)


def worker(**options):
    defaults = {
        "queue_names": ["default"],
        "interval": 0,
        "batch": True,
        "backend_name": "default",
        "startup_delay": False,
        "max_tasks": None,
        "worker_id": "test-worker",
        "excluded_queue_names": [],
        "reclaim_after": 600,
    }
    return ResilientWorker(**{**defaults, **options})


def test_db_worker_is_the_resilient_one():
    assert get_commands()["db_worker"] == "core"


@pytest.mark.django_db
def test_a_task_running_for_too_long_is_put_back_in_the_queue(database_tasks):
    email = queue_accepted(make_submission(status=Status.ACCEPTED))
    outbox.enqueue(email.pk)
    outbox.enqueue(email.pk)
    stale, fresh = send_tasks()
    stale.claim("dead-worker")
    fresh.claim("live-worker")
    DBTaskResult.objects.filter(pk=stale.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=11)
    )

    assert reclaim_stale_tasks(600) == 1
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == TaskResultStatus.READY
    assert fresh.status == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_reclaim_tasks_command(database_tasks):
    email = queue_accepted(make_submission(status=Status.ACCEPTED))
    outbox.enqueue(email.pk)
    task = send_tasks().get()
    task.claim("dead-worker")
    out = StringIO()
    call_command("reclaim_tasks", "--older-than", "0", stdout=out)
    assert "1 tâche(s) remise(s) en file" in out.getvalue()
    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY


@pytest.mark.django_db
def test_the_worker_survives_a_database_error_and_runs_the_task_after(
    database_tasks, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission(status=Status.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_accepted(submission)
    real_get_locked = DBTaskResultQuerySet.get_locked
    failures = iter([OperationalError("server closed the connection unexpectedly")])

    def flaky_get_locked(self):
        error = next(failures, None)
        if error is not None:
            raise error
        return real_get_locked(self)

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", flaky_get_locked)
    pauses = []
    worker(pause=pauses.append).run()

    assert pauses == [1]  # waited once, then went on
    assert send_tasks().get().status == TaskResultStatus.SUCCESSFUL
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT
    assert [m.to for m in mailoutbox] == [[submission.email]]


@pytest.mark.django_db
def test_the_wait_grows_while_the_database_stays_away(database_tasks, monkeypatch):
    errors = [OperationalError("connection refused")] * 8

    def down(self):
        if errors:
            raise errors.pop()
        return None

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", down)
    pauses = []
    worker(pause=pauses.append).run()
    assert pauses == [1, 2, 4, 8, 16, 32, 60, 60]


# A real worker process, killed in the middle of a send --------------------------
#
# The worker processes share the test database. The test itself stays inside
# its usual transaction (a transactional test would flush the data of the
# migrations for the next runs of a reused database): the rows the workers
# need are written, committed and removed again by `manage.py shell`, and the
# test reads them, committed, through its own connection.

SETUP = """
from core import outbox
from experiences import notifications
from experiences.models import Submission
submission = Submission.objects.create(
    status="retenue", title="Un worker arrêté net", first_name="Ana",
    email="ana.worker@example.org",
)
email = outbox.queue("accepted", submission, audience=notifications.CONTRIBUTOR)
print(submission.pk, email.pk)
"""
CLEANUP = """
from django_tasks_db.models import DBTaskResult
from core.models import OutboxEmail
from experiences.models import Submission
DBTaskResult.objects.filter(enqueued_at__gte="{since}").delete()
OutboxEmail.objects.filter(pk={email_id}).delete()
Submission.objects.filter(pk={submission_id}).delete()
"""


def worker_env(mail_dir, *, block=False, reclaim_after=600):
    database = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
        "RECUEIL_MAIL_DIR": str(mail_dir),
        "RECUEIL_MAIL_BLOCK": "1" if block else "0",
        "TASKS_RECLAIM_AFTER_SECONDS": str(reclaim_after),
    }


def manage(*args, env, **kwargs):
    return subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        **kwargs,
    )


def run(*args, env):
    process = manage(*args, env=env)
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 0, output.decode()
    return output.decode()


def start_worker(mail_dir, *, block=False, reclaim_after=600, batch=False):
    options = ["--no-startup-delay", "--no-reload", "--interval", "0.2"]
    return manage(
        "db_worker",
        *options,
        *(["--batch"] if batch else []),
        env=worker_env(mail_dir, block=block, reclaim_after=reclaim_after),
    )


def wait_for(predicate, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def delivered(mail_dir):
    path = mail_dir / "delivered.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture
def committed_email(tmp_path):
    """An outbox email and its task, committed for the worker processes."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker processes need a database shared with the test")
    env = worker_env(tmp_path)
    since = timezone.now().isoformat()
    submission_id, email_id = run("shell", "-c", SETUP, env=env).split()[-2:]
    yield OutboxEmail.objects.get(pk=email_id)
    cleanup = CLEANUP.format(
        since=since, email_id=int(email_id), submission_id=int(submission_id)
    )
    run("shell", "-c", cleanup, env=env)


@pytest.mark.django_db
def test_a_worker_killed_mid_send_is_reclaimed_and_the_email_goes_out_once(
    committed_email, tmp_path
):
    email = committed_email
    task = send_tasks().get()
    assert task.args_kwargs == {"args": [email.pk], "kwargs": {}}

    first = start_worker(tmp_path, block=True)
    try:
        assert wait_for(lambda: (tmp_path / "entered").exists()), "send not entered"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING  # what a dead worker leaves
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.PENDING
    assert delivered(tmp_path) == []

    time.sleep(1.2)
    second = start_worker(tmp_path, reclaim_after=1, batch=True)
    output, _ = second.communicate(timeout=120)
    assert second.returncode == 0, output.decode()
    assert "Reclaimed 1 stale task(s)" in output.decode()

    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT
    (message,) = delivered(tmp_path)
    assert message["to"] == ["ana.worker@example.org"]
    assert message["message_id"] == outbox.message_id(email.key)

    # The same task enqueued again (a duplicate, a late reclaim) sends nothing.
    run(
        "shell",
        "-c",
        f"from core import outbox; outbox.enqueue({email.pk})",
        env=worker_env(tmp_path),
    )
    third = start_worker(tmp_path, batch=True)
    third.communicate(timeout=120)
    assert third.returncode == 0
    assert len(delivered(tmp_path)) == 1
