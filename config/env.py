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
