"""HTTP caching: anonymous pages may be kept by a proxy (`public, s-maxage`),
nothing personal ever is; the proxy is purged on publication when
FRONTEND_CACHE_PURGE_URL configures it; CACHE_BACKEND chooses the cache."""

from django.core.exceptions import ImproperlyConfigured

from wagtail.contrib.frontend_cache.backends import BaseBackend

import pytest

from config.env import cache_backend, cache_config
from tests.factories import make_experience

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_anonymous_pages_may_be_kept_by_a_proxy(client, site_tree, settings):
    settings.PUBLIC_PROXY_SECONDS = 120
    page = make_experience()
    for url in ("/", "/experiences/", page.url, "/recherche/?q=conseil"):
        assert {"public", "max-age=0", "s-maxage=120"} <= directives(client.get(url))


def test_logged_in_users_get_private_no_store(client, site_tree, editor):
    client.force_login(editor)
    for url in ("/", "/experiences/"):
        found = directives(client.get(url))
        assert {"private", "no-store"} <= found
        assert "public" not in found


def test_the_contribution_form_and_tracking_pages_are_never_stored(client, site_tree):
    # A real tracking page says no-store too (tests/test_contribution_tracking.py).
    found = directives(client.get("/contribuer/"))
    assert "no-store" in found
    assert "public" not in found
    unknown = client.get("/contribuer/suivi/" + "A" * 43 + "/")
    assert "public" not in unknown.get("Cache-Control", "")


def test_publishing_purges_the_page_and_its_listings(site_tree, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": f"{__name__}.RecordingBackend"}
    }
    PURGED.clear()
    page = make_experience()
    assert any(url.endswith(page.url) for url in PURGED)
    assert any(url.endswith(page.get_parent().url) for url in PURGED)
    assert any(url.endswith("/experiences/") for url in PURGED)
    PURGED.clear()
    page.unpublish()
    assert any(url.endswith("/experiences/") for url in PURGED)


def test_no_purge_without_a_proxy(site_tree, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    PURGED.clear()
    make_experience()
    assert PURGED == []


@pytest.mark.parametrize(
    ("name", "redis_url", "expected"),
    [
        (None, None, "locmem"),
        (None, "redis://127.0.0.1:6379/1", "redis"),
        ("dummy", "redis://127.0.0.1:6379/1", "dummy"),
        ("LocMem", None, "locmem"),
    ],
)
def test_cache_backend_is_chosen_from_the_environment(name, redis_url, expected):
    assert cache_backend(name, redis_url) == expected


def test_cache_backend_refuses_what_it_cannot_run():
    with pytest.raises(ImproperlyConfigured):
        cache_backend("memcached", None)
    with pytest.raises(ImproperlyConfigured):
        cache_backend("redis", None)


def test_redis_uses_djangos_own_backend():
    config = cache_config("redis", "redis://127.0.0.1:6379/1", "recueil")
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["LOCATION"] == "redis://127.0.0.1:6379/1"
