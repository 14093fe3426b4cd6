"""The client address behind the documented proxy (TRUSTED_PROXIES): the
contribution rate limit and the login lockout count real clients, and a forged
X-Forwarded-For from anyone else changes nothing."""

from django.core import checks
from django.test import RequestFactory

import pytest

from core.client_address import client_address
from experiences.models import Submission
from tests.factories import FORM_URL, valid_post

NEUTRAL = "Votre envoi n'a pas pu être traité"


def _address(remote_addr, forwarded=None):
    meta = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_peer_is_the_client(settings):
    settings.TRUSTED_PROXIES = []
    assert _address("203.0.113.7", "198.51.100.1") == "203.0.113.7"
    assert _address("") is None


def test_behind_a_trusted_proxy_the_right_most_untrusted_address_is_the_client(
    settings,
):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    # nginx appended the client; whatever the client sent stays on the left.
    assert _address("127.0.0.1", "198.51.100.7") == "198.51.100.7"
    assert _address("127.0.0.1", "6.6.6.6, 198.51.100.7") == "198.51.100.7"
    # Two proxies of ours (a load balancer in 10/8, then nginx).
    assert _address("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3") == "198.51.100.7"
    # Ports and IPv6 brackets, as some proxies write them.
    assert _address("127.0.0.1", "198.51.100.7:51234") == "198.51.100.7"
    # No header, or a hop our proxy could not have written: the proxy itself.
    assert _address("127.0.0.1") == "127.0.0.1"
    assert _address("127.0.0.1", "198.51.100.7, unknown") == "127.0.0.1"
    # An untrusted peer is the client, whatever it says.
    assert _address("203.0.113.7", "198.51.100.7") == "203.0.113.7"


def test_ipv6_clients_are_counted_per_64(settings):
    settings.TRUSTED_PROXIES = ["::1"]
    one = _address("::1", "2001:db8:1:2:aaaa::1")
    other_address_same_64 = _address("::1", "[2001:db8:1:2:ffff:ffff:ffff:ffff]:443")
    next_64 = _address("::1", "2001:db8:1:3::1")
    assert one == other_address_same_64 == "2001:db8:1:2::"
    assert next_64 == "2001:db8:1:3::"
    assert _address("::ffff:198.51.100.7") == "198.51.100.7"


def test_an_invalid_trusted_proxy_is_a_system_check_error(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "nginx.local"]
    errors = [e for e in checks.run_checks() if e.id == "core.E001"]
    assert errors and "nginx.local" in errors[0].msg


# The contribution rate limit ----------------------------------------------------


@pytest.fixture
def call(call_page, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.SUBMISSION_RATE_LIMIT = 10


def _post(client, **meta):
    return client.post(FORM_URL, valid_post(), **meta)


def test_eleven_posts_from_one_forwarded_address_are_limited(client, call):
    """The test client's peer is 127.0.0.1, the trusted proxy."""
    for _ in range(10):
        assert _post(client, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 302
    refused = _post(client, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert refused.status_code == 200
    assert NEUTRAL in refused.content.decode()
    # Another client behind the same proxy is not affected...
    assert _post(client, HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 302
    # ...nor is a client that puts a different address on the left.
    assert (
        _post(client, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7").status_code == 200
    )
    assert Submission.objects.count() == 11


def test_a_forged_forwarded_address_from_an_untrusted_peer_changes_nothing(
    client, call
):
    for number in range(10):
        response = _post(
            client,
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
        )
        assert response.status_code == 302
    refused = _post(
        client, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.200"
    )
    assert NEUTRAL in refused.content.decode()
    assert Submission.objects.count() == 10


# The login lockout (django-axes) ------------------------------------------------


def _login(client, password, **meta):
    return client.post(
        "/admin/login/", {"username": "admin", "password": password}, **meta
    )


def test_the_login_lockout_counts_the_real_client(client, superuser, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    attacker = {"HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "mauvais", **attacker)
    locked = _login(client, "motdepasse-de-test", **attacker)
    assert locked.status_code == 429
    assert "bloquée" in locked.content.decode()
    # The real moderator, elsewhere behind the same proxy, still logs in.
    response = _login(
        client, "motdepasse-de-test", HTTP_X_FORWARDED_FOR="198.51.100.10"
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(superuser.pk)


def test_a_forged_forwarded_address_does_not_escape_the_lockout(
    client, superuser, settings
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login(
            client,
            "mauvais",
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
        )
    locked = _login(
        client,
        "motdepasse-de-test",
        REMOTE_ADDR="203.0.113.7",
        HTTP_X_FORWARDED_FOR="198.51.100.99",
    )
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
