"""The bot trap of the public forms.

Three rules: a hidden field that people never see (so never fill), a minimum
delay between showing a form and posting it (a signed timestamp travels in the
form, tied to the form's nonce and accepted once), and a per-client limit of
posts, counted in the shared cache. A post caught by any rule is refused with
one neutral message that never says which.

Each form has its own trap (``BotTrap(scope)``): its timestamps do not verify
on another form, and its posts are counted apart. The delay and the limit are
the same for every form: ``SUBMISSION_MIN_SECONDS``, ``SUBMISSION_RATE_LIMIT``
posts per ``SUBMISSION_RATE_WINDOW_SECONDS``.
"""

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.utils.connection import ConnectionProxy

from core.client_address import client_address

# Never a dummy cache, whatever CACHE_BACKEND says (config/settings/base.py).
cache = ConnectionProxy(caches, "counters")

HONEYPOT_FIELD = "site_internet"
# A form shown more than a week ago is simply shown again, everything kept.
TIMESTAMP_MAX_AGE = 7 * 24 * 3600


class BotTrap:
    honeypot_field = HONEYPOT_FIELD

    def __init__(self, scope):
        self.scope = scope

    def _salt(self, nonce):
        # Signed for one form: a timestamp taken from another form does not verify.
        return f"recueil.{self.scope}.rendered_at:{nonce}"

    def rendered_at_token(self, nonce, now=None):
        """The signed time at which the form with this nonce is shown."""
        return signing.dumps(
            time.time() if now is None else now,
            salt=self._salt(nonce),
            compress=False,
        )

    def first_use(self, token):
        """True the first time this token is posted (counted in the shared cache
        for as long as the token is valid)."""
        digest = hashlib.sha256(token.encode()).hexdigest()
        key = f"{self.scope}-form-shown:{digest}"
        return cache.add(key, 1, timeout=TIMESTAMP_MAX_AGE)

    def timestamp_refused(self, token, nonce):
        """True when the signed timestamp is missing, forged, stale, made for
        another form, already posted once, or too recent."""
        try:
            rendered_at = float(
                signing.loads(
                    token or "", salt=self._salt(nonce), max_age=TIMESTAMP_MAX_AGE
                )
            )
        except (signing.BadSignature, TypeError, ValueError):
            return True
        if not self.first_use(token):
            return True
        return time.time() - rendered_at < settings.SUBMISSION_MIN_SECONDS

    def rate_limited(self, request):
        """Count this post; True once the client exceeds the allowed number."""
        window = settings.SUBMISSION_RATE_WINDOW_SECONDS
        bucket = int(time.time() // window)
        # The real client behind the proxies of TRUSTED_PROXIES (IPv6 per /64).
        client = client_address(request) or "inconnue"
        key = f"{self.scope}-posts:{client}:{bucket}"
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=window)
            count = 1
        return count > settings.SUBMISSION_RATE_LIMIT

    def is_refused(self, request, nonce):
        """Apply the three rules to a POST whose form carries ``nonce``; every
        rule is checked (and counted)."""
        over_limit = self.rate_limited(request)
        honeypot_filled = bool(request.POST.get(self.honeypot_field, "").strip())
        bad_timestamp = self.timestamp_refused(request.POST.get("rendered_at"), nonce)
        return over_limit or honeypot_filled or bad_timestamp
