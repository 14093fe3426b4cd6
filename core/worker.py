"""The task worker that survives: stale tasks are reclaimed, a lost database is
waited for.

django-tasks-db's worker marks a task RUNNING when it claims it and never looks
at it again: a worker killed mid-task (``kill -9``, out of memory, a host that
reboots) leaves it RUNNING for ever. And its loop ends the process on the first
``OperationalError``, so that a PostgreSQL restart stops every email until
something restarts the worker. ``ResilientWorker`` keeps its task handling and
signals, and runs its own loop: every minute it puts back to READY the tasks
RUNNING for longer than ``TASKS_RECLAIM_AFTER_SECONDS`` (and re-enqueues the
outbox emails whose task was lost); when the database goes away it waits, 1 s,
2 s, 4 s… up to a minute between tries, and goes on where it was.
"""

import datetime
import logging
import random
import time

from django.conf import settings
from django.db import (
    InterfaceError,
    OperationalError,
    close_old_connections,
    transaction,
)
from django.tasks import TaskResultStatus
from django.utils import timezone

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from core import outbox

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
MAX_BACKOFF_SECONDS = 60
MAINTENANCE_EVERY_SECONDS = 60


def reclaim_stale_tasks(older_than=None, *, now=None):
    """Put back to READY the tasks RUNNING for more than ``older_than`` seconds
    (their worker died); return how many."""
    if older_than is None:
        older_than = settings.TASKS_RECLAIM_AFTER_SECONDS
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=older_than)
    return (
        DBTaskResult.objects.running()
        .filter(started_at__lte=cutoff)
        .update(status=TaskResultStatus.READY)
    )


def reclaim(older_than=None):
    """Stale tasks back to READY, overdue emails enqueued again."""
    if older_than is None:
        older_than = settings.TASKS_RECLAIM_AFTER_SECONDS
    tasks = reclaim_stale_tasks(older_than)
    emails = outbox.requeue_stalled(older_than)
    return tasks, emails


class ResilientWorker(Worker):
    def __init__(self, *, reclaim_after, pause=time.sleep, **options):
        super().__init__(**options)
        self.reclaim_after = reclaim_after
        self.pause = pause
        self.tasks_done = 0
        self.next_maintenance = 0.0

    def run_task(self, db_task_result):
        try:
            super().run_task(db_task_result)
        finally:
            self.tasks_done += 1

    def run(self):
        logger.info(
            "Worker %s started (queues %s, stale tasks reclaimed after %s s).",
            self.worker_id,
            ",".join(self.queue_names),
            self.reclaim_after,
        )
        if self.startup_delay and self.interval:
            self.pause(random.random())  # noqa: S311 - no thundering herd
        failures = 0
        while self.running:
            try:
                polled, task_result = self.step()
            except DATABASE_ERRORS as error:
                failures += 1
                delay = min(2 ** (failures - 1), MAX_BACKOFF_SECONDS)
                logger.warning(
                    "Database unreachable (%s): next try in %s s.",
                    str(error).strip().splitlines()[0] if str(error) else error,
                    delay,
                )
                self.pause(delay)
                continue
            if failures:
                logger.warning("Database reachable again after %s tries.", failures)
                failures = 0
            if self.batch and polled and task_result is None:
                return
            if self.max_tasks is not None and self.tasks_done >= self.max_tasks:
                return
            if self.running and task_result is None:
                self.pause(self.interval)

    def step(self):
        """One turn of the loop: maintenance when due, then claim and run one
        ready task. Returns (whether the queue was read, the task or None)."""
        # Drops a connection broken by an outage: the next query opens one
        # (never in the middle of a transaction: a test runs inside one).
        if not transaction.get_connection().in_atomic_block:
            close_old_connections()
        self.maintain()
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
        except OperationalError as error:
            if not is_locked_database_exception(error):
                raise
            return False, None  # SQLite busy: try again
        if task_result is not None:
            self.run_task(task_result)
        return True, task_result

    def maintain(self):
        if time.monotonic() < self.next_maintenance:
            return
        tasks, emails = reclaim(self.reclaim_after)
        if tasks or emails:
            logger.warning(
                "Reclaimed %s stale task(s), re-enqueued %s overdue email(s).",
                tasks,
                emails,
            )
        self.next_maintenance = time.monotonic() + min(
            MAINTENANCE_EVERY_SECONDS, max(self.reclaim_after, 1)
        )
