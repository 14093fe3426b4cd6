"""The bot trap of the contribution form.

Three rules: a hidden field that people never see (so never fill), a minimum
delay between showing the form and posting it (a signed timestamp travels in
the form, tied to the form's nonce and accepted once), and a per-address limit
of posts, counted in the shared cache. A post caught by any rule is refused
with one neutral message that never says which.
"""

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from core.client_address import client_address as real_client_address

HONEYPOT_FIELD = "site_internet"
TIMESTAMP_SALT = "recueil.contribution.rendered_at"
# A form shown more than a week ago is simply shown again, everything kept.
TIMESTAMP_MAX_AGE = 7 * 24 * 3600


def _salt(nonce):
    # Signed for one form: a timestamp taken from another form does not verify.
    return f"{TIMESTAMP_SALT}:{nonce}"


def rendered_at_token(nonce, now=None):
    """The signed time at which the form with this nonce is shown."""
    return signing.dumps(
        time.time() if now is None else now, salt=_salt(nonce), compress=False
    )


def first_use(token):
    """True the first time this token is posted (counted in the shared cache
    for as long as the token is valid)."""
    key = f"contribution-form-shown:{hashlib.sha256(token.encode()).hexdigest()}"
    return cache.add(key, 1, timeout=TIMESTAMP_MAX_AGE)


def timestamp_refused(token, nonce):
    """True when the signed timestamp is missing, forged, stale, made for
    another form, already posted once, or too recent."""
    try:
        rendered_at = float(
            signing.loads(token or "", salt=_salt(nonce), max_age=TIMESTAMP_MAX_AGE)
        )
    except (signing.BadSignature, TypeError, ValueError):
        return True
    if not first_use(token):
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
    bad_timestamp = timestamp_refused(
        request.POST.get("rendered_at"), request.POST.get("form_nonce", "")
    )
    return over_limit or honeypot_filled or bad_timestamp
