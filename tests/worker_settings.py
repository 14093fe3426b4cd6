"""Settings of the `db_worker` subprocesses started by tests/test_worker.py:
the test settings, with the database task backend and the recording mailer."""

from config.settings.test import *  # noqa: F403

TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}
MAILERS = {"default": {"BACKEND": "tests.blocking_mailer.EmailBackend"}}
