"""``manage.py db_worker``: django-tasks-db's worker, with the same options,
plus stale tasks reclaimed and database outages survived (``core.worker``).

``core`` comes before ``django_tasks_db`` in INSTALLED_APPS, so this command
replaces the library's one under the same name."""

import os

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader

from django_tasks_db.management.commands import db_worker

from core.worker import ResilientWorker


class Command(db_worker.Command):
    help = (
        "Exécute les tâches en file (courriels, PDF) ; reprend les tâches d'un "
        "worker mort et attend la base de données quand elle est injoignable."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--reclaim-after",
            type=int,
            default=settings.TASKS_RECLAIM_AFTER_SECONDS,
            help=(
                "Secondes après lesquelles une tâche encore « en cours » est "
                "reprise (défaut : TASKS_RECLAIM_AFTER_SECONDS)."
            ),
        )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        reclaim_after,
        **options,
    ):
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
            reclaim_after=reclaim_after,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
