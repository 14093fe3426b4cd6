"""The themes show in public pages (filters, cards, experience pages): saving or
deleting one makes the cached pages stale (``core.cache``)."""

from django.db.models.signals import post_delete, post_save

from core.cache import invalidate
from experiences.models import Theme

post_save.connect(invalidate, sender=Theme, dispatch_uid="recueil_cache_theme_saved")
post_delete.connect(
    invalidate, sender=Theme, dispatch_uid="recueil_cache_theme_deleted"
)
