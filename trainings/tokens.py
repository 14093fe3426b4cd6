"""A registrant's private link: a token derived from a random salt kept on the
registration and the secret key; only its SHA-256 is stored (like the
contributor's tracking link, experiences.tracking)."""

import base64
import hashlib
import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac

KEY_SALT = "recueil.trainings.registration-token"


def new_salt():
    return secrets.token_urlsafe(24)


def derive(salt, secret=None):
    digest = salted_hmac(KEY_SALT, salt, secret=secret, algorithm="sha256")
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def token_of(salt, token_hash):
    """The token of ``salt`` if it still matches ``token_hash`` (the key may
    have rotated: SECRET_KEY_FALLBACKS are tried), else None."""
    if not salt:
        return None
    for secret in (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS):
        token = derive(salt, secret)
        if hash_token(token) == token_hash:
            return token
    return None
