"""Benchmark: the production settings on loopback, for `bench/public_pages.py`.

DEBUG off, the manifest static storage, persistent database connections and the
anonymous page cache as in production; only what needs a real deployment
differs: a fixed throwaway secret, plain HTTP on 127.0.0.1, tasks run at once
(no worker), and the cache in Redis database 15 (``BENCH_CACHE=locmem`` for
local memory instead). Never deploy with these settings.
"""

import os

# production.py refuses to load without these; fixed values for the bench only.
os.environ["SECRET_KEY"] = "bench-only-throwaway-secret-" + "x" * 40
os.environ["ALLOWED_HOSTS"] = "127.0.0.1"

from .production import *  # noqa: E402
from .production import env_str  # noqa: E402

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
ALLOWED_HOSTS = ["127.0.0.1"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

BENCH_CACHE = env_str("BENCH_CACHE", "redis")
if BENCH_CACHE == "locmem":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "recueil-bench",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "home.redis_cache.SharedClientRedisCache",
            "LOCATION": env_str("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
            "KEY_PREFIX": "recueil-bench",
        }
    }
LOGGING["root"]["level"] = "WARNING"
