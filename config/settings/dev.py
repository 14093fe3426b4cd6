"""Local development: `make run`. Never used in production."""

from .base import *
from .base import env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-recueil-dev-only-do-not-use")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
TASKS["default"]["BACKEND"] = (
    "django_tasks.backends.immediate.ImmediateBackend"
    if TASKS_BACKEND == "immediate"
    else "django_tasks_db.DatabaseBackend"
)
# Shown in the terminal by `load_demo`, which creates the demo accounts only
# with DEBUG on and the embedded SQLite database (or --force).
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "demo-recueil-2026")
