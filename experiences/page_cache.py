"""What publishing makes stale outside the page itself.

- The themes show in public pages (filters, cards, experience pages): saving or
  deleting one makes the cached pages stale (``core.cache``).
- Behind a proxy cache (``FRONTEND_CACHE_PURGE_URL``), Wagtail purges the page
  published or unpublished; an experience also shows in its rubric, in the
  index of experiences and on the home page: they are purged with it. Filtered
  variants (query strings) cannot be purged by address: they last at most
  ``PUBLIC_PROXY_SECONDS`` in the proxy.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.signals import page_published, page_unpublished

from core.cache import invalidate
from experiences.models import ExperiencePage, Theme

post_save.connect(invalidate, sender=Theme, dispatch_uid="recueil_cache_theme_saved")
post_delete.connect(
    invalidate, sender=Theme, dispatch_uid="recueil_cache_theme_deleted"
)


def purge_listings(instance, **kwargs):
    """The pages that list an experience, purged from the proxy with it."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    purge_pages_from_cache(instance.get_ancestors().live().filter(depth__gt=1))


page_published.connect(
    purge_listings, sender=ExperiencePage, dispatch_uid="recueil_purge_published"
)
page_unpublished.connect(
    purge_listings, sender=ExperiencePage, dispatch_uid="recueil_purge_unpublished"
)
