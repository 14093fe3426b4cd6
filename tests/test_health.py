"""The health check `/sante/`: what a load balancer polls, and the trivial view
that `bench/public_pages.py` compares the public pages with."""


def test_health_answers_without_database_or_cache(client, settings):
    # No django_db mark: pytest-django makes any database access an error.
    settings.PUBLIC_CACHE_SECONDS = 300
    first = client.get("/sante/")
    second = client.get("/sante/")
    assert first.status_code == 200
    assert first.content == b"ok\n"
    assert first["Content-Type"].startswith("text/plain")
    # Never stored by the anonymous page cache nor by a proxy.
    assert "X-Recueil-Cache" not in second
    assert "no-store" in second["Cache-Control"]
    # The security headers apply as on every page.
    assert second["X-Frame-Options"] == "DENY"
