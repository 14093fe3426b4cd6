"""What publishing makes stale outside the page itself.

- The stored facet counts (``experiences.facet_counts.refresh_stored_counts``): rebuilt
  at once when an experience is published, unpublished or moved, or when a view
  restriction changes; after the transaction when experiences are deleted (a
  rubric deleted with its hundred experiences rebuilds them once), or when a
  theme or a tag is deleted or renamed.
- The themes show in public pages (filters, cards, experience pages): saving or
  deleting one makes the cached pages stale (``core.cache``).
- Behind a proxy cache (``FRONTEND_CACHE_PURGE_URL``), Wagtail purges the page
  published or unpublished; an experience also shows in its rubric, in the
  index of experiences and on the home page: they are purged with it. Filtered
  variants (query strings) cannot be purged by address: they last at most
  ``PUBLIC_PROXY_SECONDS`` in the proxy.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from taggit.models import Tag

from core.cache import invalidate

# rubric_sync's receiver fixes a moved experience's rubric: connected first, so
# that the counts rebuilt on a move see the new rubric.
from experiences import (
    listing_rows,
    rubric_sync,  # noqa: F401
)
from experiences.facet_counts import refresh_stored_counts
from experiences.models import ExperiencePage, Theme

post_save.connect(invalidate, sender=Theme, dispatch_uid="recueil_cache_theme_saved")
post_delete.connect(
    invalidate, sender=Theme, dispatch_uid="recueil_cache_theme_deleted"
)


def refresh_now(**kwargs):
    refresh_stored_counts()


def refresh_page(instance, **kwargs):
    """A page published, unpublished or moved: the stored counts rebuilt, the
    listing rows of that page's experiences only (a moved rubric: all of
    its own)."""
    refresh_stored_counts(rows=False)
    # Wagtail sends a moved page as read again after the move: its new path.
    listing_rows.refresh(
        ExperiencePage.objects.descendant_of(instance, inclusive=True).values("pk")
    )


# Requests and rebuilds, numbered: a transaction that deletes a hundred
# experiences queues a hundred callbacks, the first rebuilds, the others see
# that a rebuild after their request already ran. A rolled-back transaction
# drops its callbacks and leaves nothing behind.
_refreshes = {"requested": 0, "done": 0}


def refresh_after_commit(**kwargs):
    """Once per transaction, however many rows it deletes."""
    if kwargs.get("created"):
        return  # a new tag counts nothing yet
    _refreshes["requested"] += 1
    number = _refreshes["requested"]

    def run():
        if _refreshes["done"] >= number:
            return
        _refreshes["done"] = _refreshes["requested"]
        refresh_stored_counts()

    transaction.on_commit(run)


page_published.connect(
    refresh_page, sender=ExperiencePage, dispatch_uid="recueil_counts_published"
)
page_unpublished.connect(
    refresh_page, sender=ExperiencePage, dispatch_uid="recueil_counts_unpublished"
)
post_page_move.connect(refresh_page, dispatch_uid="recueil_counts_moved")
for signal in (post_save, post_delete):
    signal.connect(
        refresh_now,
        sender=PageViewRestriction,
        dispatch_uid=f"recueil_counts_restriction_{signal is post_save}",
    )
for sender in (ExperiencePage, Theme, Tag):
    post_delete.connect(
        refresh_after_commit,
        sender=sender,
        dispatch_uid=f"recueil_counts_deleted_{sender.__name__}",
    )
post_save.connect(refresh_after_commit, sender=Tag, dispatch_uid="recueil_counts_tag")


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
