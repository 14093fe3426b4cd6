"""The bot trap of the contribution form (``core.antiabuse``): its own
timestamps and its own count of posts per client."""

from core.antiabuse import HONEYPOT_FIELD, BotTrap

__all__ = ["HONEYPOT_FIELD", "is_refused", "rendered_at_token"]

TRAP = BotTrap("contribution")
rendered_at_token = TRAP.rendered_at_token


def is_refused(request, nonce):
    """Whether the trap refuses this post of the form that carries ``nonce``."""
    return TRAP.is_refused(request, nonce)
