"""Background builds of the booklet PDF (Django's tasks framework: the database
backend and `db_worker` in production, immediate in tests)."""

import logging

from django.db import transaction
from django.tasks import task

from booklets.models import BookletPage
from booklets.pdf import build

logger = logging.getLogger(__name__)


@task()
def build_booklet_pdf(booklet_id, force=False):
    """Build the PDF of a published booklet unless the stored build is current.

    Builds queued in a burst (twelve sheets republished in a row) cost one
    rendering: the first brings the fingerprint up to date, the others find
    nothing to do."""
    booklet = BookletPage.objects.live().filter(pk=booklet_id).first()
    if booklet is None:
        return None
    document = build(booklet, force=force)
    return document.pk if document else None


def enqueue_build(booklet_id, force=False):
    """Queue a build once the current transaction has committed, so the worker
    reads what was just published."""
    transaction.on_commit(
        lambda: build_booklet_pdf.enqueue(booklet_id, force=force), robust=True
    )


def enqueue_all_live():
    for booklet_id in BookletPage.objects.live().values_list("pk", flat=True):
        enqueue_build(booklet_id)
