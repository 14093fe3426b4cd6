"""The client's address, the same for every rate limit and for the login lockout.

Behind nginx, gunicorn sees the proxy's address in ``REMOTE_ADDR`` for every
request. When the peer is one of ``TRUSTED_PROXIES`` (addresses or CIDR ranges),
the client is the right-most address of ``X-Forwarded-For`` that is not itself
a trusted proxy: every address to its right was written by a proxy of ours,
everything to its left is whatever the client chose to send. A peer that is not
trusted is the client, whatever headers it sends.

An IPv6 client is counted per /64 (the prefix a home or a phone receives): one
subscriber can pick any of 2^64 addresses, never more than one bucket.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Proxies in front of us write at most a few hops; a longer header is read no
# further than this from its right end.
MAX_HOPS = 20
IPV6_CLIENT_PREFIX = 64


@lru_cache(maxsize=8)
def parse_networks(values):
    """``("127.0.0.1", "10.0.0.0/8")`` as ``ip_network`` objects."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {value!r} is neither an IP address nor a CIDR range."
            ) from error
    return tuple(networks)


def trusted_networks():
    return parse_networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))


def parse_address(value):
    """An ``ip_address`` from a header item ("192.0.2.1", "192.0.2.1:443",
    "[2001:db8::1]:443"), or None when it is not one."""
    value = (value or "").strip()
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def is_trusted(address, networks):
    return any(address in network for network in networks)


def client_ip(request):
    """The client's ``ip_address`` (see the module's docstring), or None when
    the request carries no usable peer address."""
    peer = parse_address(request.META.get("REMOTE_ADDR"))
    networks = trusted_networks()
    if peer is None or not networks or not is_trusted(peer, networks):
        return peer
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-MAX_HOPS:]
    client = peer
    for item in reversed(hops):
        address = parse_address(item)
        if address is None:
            # Our own proxies write addresses: past a hop they did not write,
            # nothing can be trusted; the last proxy seen stands for the client.
            break
        client = address
        if not is_trusted(address, networks):
            break
    return client


def client_key(address):
    """The address as the limits count it: IPv4 as it is, IPv6 as its /64
    network address ("2001:db8:1:2::"), itself a valid IP address."""
    if address is None:
        return None
    if address.version == 6:
        network = ipaddress.ip_network(f"{address}/{IPV6_CLIENT_PREFIX}", strict=False)
        return str(network.network_address)
    return str(address)


def client_address(request):
    """The client, as a string, for rate limits and ``AXES_CLIENT_IP_CALLABLE``
    (None when unknown, as django-axes expects)."""
    return client_key(client_ip(request))
