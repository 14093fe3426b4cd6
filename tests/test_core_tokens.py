"""Private links derived from a salt (core.tokens): one mechanism for the
contributor's tracking link and a registrant's link."""

from core import tokens


def test_a_token_is_recalled_from_its_salt_and_hash_only():
    salt = tokens.new_salt()
    token = tokens.derive("a", salt)
    assert tokens.recall("a", salt, tokens.hash_token(token)) == token
    assert len(token) == 43


def test_namespaces_never_share_a_token():
    salt = tokens.new_salt()
    assert tokens.derive("a", salt) != tokens.derive("b", salt)
    stored = tokens.hash_token(tokens.derive("a", salt))
    assert tokens.recall("b", salt, stored) is None


def test_a_rotated_key_keeps_links_only_through_its_fallback(settings):
    salt = tokens.new_salt()
    token = tokens.derive("a", salt)
    stored = tokens.hash_token(token)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "another-secret-key-for-this-test-only"
    settings.SECRET_KEY_FALLBACKS = []
    assert tokens.recall("a", salt, stored) is None
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert tokens.recall("a", salt, stored) == token


def test_a_purged_salt_opens_nothing():
    assert tokens.recall("a", "", tokens.hash_token("x")) is None
