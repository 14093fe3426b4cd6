"""The bot trap of the contribution form.

Three rules: a hidden field that people never see (so never fill), a minimum
delay between showing the form and posting it (a signed timestamp travels in
the form), and a per-address limit of posts, counted in the shared cache. A post
caught by any rule is refused with one neutral message that never says which.
"""

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from core.client_address import client_address as real_client_address

HONEYPOT_FIELD = "site_internet"
TIMESTAMP_SALT = "recueil.contribution.rendered_at"
# A form shown more than a week ago is simply shown again, everything kept.
TIMESTAMP_MAX_AGE = 7 * 24 * 3600


def rendered_at_token():
    return signing.dumps(time.time(), salt=TIMESTAMP_SALT, compress=False)


def posted_too_fast(token):
    """True when the signed timestamp is missing, forged, stale or too recent."""
    try:
        rendered_at = float(
            signing.loads(token or "", salt=TIMESTAMP_SALT, max_age=TIMESTAMP_MAX_AGE)
        )
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - rendered_at < settings.SUBMISSION_MIN_SECONDS


def client_address(request):
    # The real client behind the proxies of TRUSTED_PROXIES (IPv6 per /64).
    return real_client_address(request) or "inconnue"


def rate_limited(request):
    """Count this post; True once the address exceeds the allowed number."""
    window = settings.SUBMISSION_RATE_WINDOW_SECONDS
    bucket = int(time.time() // window)
    key = f"contribution-posts:{client_address(request)}:{bucket}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
        count = 1
    return count > settings.SUBMISSION_RATE_LIMIT


def is_refused(request):
    """Apply the three rules to a POST; every rule is checked (and counted)."""
    over_limit = rate_limited(request)
    honeypot_filled = bool(request.POST.get(HONEYPOT_FIELD, "").strip())
    too_fast = posted_too_fast(request.POST.get("rendered_at"))
    return over_limit or honeypot_filled or too_fast
