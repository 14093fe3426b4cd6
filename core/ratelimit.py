"""Fixed-window counters in the shared cache (Redis in production)."""

import time

from django.core.cache import caches
from django.utils.connection import ConnectionProxy
from django.utils.crypto import salted_hmac

# Never a dummy cache, whatever CACHE_BACKEND says (config/settings/base.py).
cache = ConnectionProxy(caches, "counters")


def over_limit(name, value, *, limit, window):
    """Count one hit for ``value`` under ``name``; True once there were more
    than ``limit`` hits in the current window of ``window`` seconds. The cache
    key holds an HMAC of ``value``, never the value (an address…) itself."""
    digest = salted_hmac(
        f"recueil.ratelimit.{name}", value, algorithm="sha256"
    ).hexdigest()[:32]
    key = f"ratelimit:{name}:{digest}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
