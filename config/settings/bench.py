"""Benchmark: the production settings on loopback, for `bench/public_pages.py`.

DEBUG off, the manifest static storage, persistent database connections and the
anonymous page cache as in production; only what needs a real deployment
differs: a fixed throwaway secret, plain HTTP on 127.0.0.1, tasks run at once
(no worker), and the cache chosen by ``CACHE_BACKEND`` (Redis database 15 by
default, ``locmem`` or ``dummy``). Never deploy with these settings.
"""

import os

# production.py refuses to load without these; fixed values for the bench only.
os.environ["SECRET_KEY"] = "bench-only-throwaway-secret-" + "x" * 40
os.environ["ALLOWED_HOSTS"] = "127.0.0.1"

from .production import *  # noqa: E402
from .production import cache_backend, cache_config, env_str  # noqa: E402

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
ALLOWED_HOSTS = ["127.0.0.1"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

# CACHE_BACKEND as in production (`dummy`: the cold path), Redis database 15
# unless BENCH_REDIS_URL says otherwise.
BENCH_REDIS_URL = env_str("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
CACHE_BACKEND = cache_backend(env_str("CACHE_BACKEND", "redis"), BENCH_REDIS_URL)
CACHES = {
    "default": cache_config(CACHE_BACKEND, BENCH_REDIS_URL, "recueil-bench"),
    # Shared by the workers, as in production; never a dummy cache.
    "counters": cache_config("redis", BENCH_REDIS_URL, "recueil-bench-counters"),
}
LOGGING["root"]["level"] = "WARNING"
