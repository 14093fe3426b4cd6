"""Read the configuration from the environment (12-factor), with typed helpers."""

import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=None, *, required=False):
    value = os.environ.get(name)
    if value in (None, ""):
        if required:
            raise ImproperlyConfigured(f"The environment variable {name} is required.")
        return default
    return value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_int(name, default):
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_list(name, default=()):
    value = os.environ.get(name)
    if value in (None, ""):
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


CACHE_BACKENDS = {
    "redis": "django.core.cache.backends.redis.RedisCache",
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "dummy": "django.core.cache.backends.dummy.DummyCache",
}


def cache_backend(name, redis_url):
    """The CACHE_BACKEND to use: the one named, else redis with a REDIS_URL."""
    name = (name or ("redis" if redis_url else "locmem")).strip().lower()
    if name not in CACHE_BACKENDS:
        raise ImproperlyConfigured(
            f"CACHE_BACKEND must be one of {', '.join(CACHE_BACKENDS)}, not {name!r}."
        )
    if name == "redis" and not redis_url:
        raise ImproperlyConfigured("CACHE_BACKEND=redis needs REDIS_URL.")
    return name


def cache_config(name, redis_url, prefix):
    """One entry of CACHES: Django's own backends, nothing overridden."""
    config = {"BACKEND": CACHE_BACKENDS[name], "LOCATION": prefix}
    if name == "redis":
        config.update(LOCATION=redis_url, KEY_PREFIX=prefix)
    return config


def postgresql_options(random_page_cost):
    """The startup options of the site's PostgreSQL connections (``-c …``).

    JIT compiles costly-looking plans for longer than they run: off. The data
    lives in memory, where a random read costs a sequential one: 1.1 is
    PostgreSQL's own advice for such storage (with the default 4, the planner
    hash-joins every page row for 150 related candidates). ``server`` keeps
    the server's value (behind a pooler that refuses startup options)."""
    options = "-c jit=off"
    value = (random_page_cost or "1.1").strip().lower()
    if value == "server":
        return options
    try:
        cost = float(value)
    except ValueError:
        cost = -1.0
    if not 0 < cost < 1000:
        raise ImproperlyConfigured(
            "DATABASE_RANDOM_PAGE_COST must be a positive number or 'server', "
            f"not {random_page_cost!r}."
        )
    return f"{options} -c random_page_cost={cost}"
