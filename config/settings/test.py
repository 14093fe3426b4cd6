"""Test settings: pytest-django (`--ds=config.settings.test` through pyproject)."""

import tempfile

from .base import *
from .base import cache_config, env_str

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Django's own backend (not the backport's): tasks are then django.tasks Tasks, as
# in production with django_tasks_db, and a test may switch to that backend.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# CACHE_BACKEND=dummy runs the suite with nothing remembered between requests
# (`CACHE_BACKEND=dummy pytest`); tests that need a real cache say so with
# tests.conftest.real_cache. The abuse counters stay in local memory.
CACHES = {
    "default": cache_config(env_str("CACHE_BACKEND", "locmem"), None, "recueil"),
    "counters": cache_config("locmem", None, "recueil-counters"),
}
# The anonymous page cache is off in tests; tests/test_public_cache.py turns it on.
PUBLIC_CACHE_SECONDS = 0
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="recueil-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="recueil-private-"))
UPLOAD_STAGING_ROOT = Path(tempfile.mkdtemp(prefix="recueil-staging-"))
SUBMISSION_MIN_SECONDS = 0
AXES_ENABLED = True
DEMO_PASSWORD = "demo-test-password"  # noqa: S105
SITE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
