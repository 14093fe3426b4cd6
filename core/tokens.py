"""Private links derived from a random salt kept on the row and the secret key.

Only the token's SHA-256 is stored, so a database dump opens no link; the link
itself is rebuilt from the salt when an email is sent. Each kind of link has its
own namespace (the contributor's tracking link, a registrant's link…). Rotating
SECRET_KEY keeps the links of SECRET_KEY_FALLBACKS working.
"""

import base64
import hashlib
import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac


def new_salt():
    return secrets.token_urlsafe(24)


def derive(namespace, salt, secret=None):
    """The token of ``salt``: an HMAC-SHA256 keyed by SECRET_KEY (or ``secret``),
    URL-safe base64, 43 characters (256 bits)."""
    digest = salted_hmac(namespace, salt, secret=secret, algorithm="sha256")
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def recall(namespace, salt, token_hash):
    """The token of ``salt`` if it still matches ``token_hash`` (the key may have
    rotated: SECRET_KEY_FALLBACKS are tried), else None (voided or purged)."""
    if not salt:
        return None
    for secret in (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS):
        token = derive(namespace, salt, secret)
        if hash_token(token) == token_hash:
            return token
    return None
