"""One PDF build at a time per booklet, across processes, through the database.

Each claim is a conditional UPDATE of a column of the booklet's row: the
process whose UPDATE changed the row holds it. A claim older than its timeout
is a dead process's and may be taken again.

- ``pdf_build_started_at``: the build under way (``claim_build`` before
  rendering, ``release_build`` after, whatever happened).
- ``pdf_build_requested_at``: a visitor asked for a PDF that was never built;
  the first such request queues a build, the next ones (until the build or
  the timeout) only ask to come back later, so that hammering the address
  queues nothing more.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from booklets.models import BookletPage

# A build of 60 sheets takes about 12 s (bench/RESULTS-booklet.md).
BUILD_TIMEOUT = datetime.timedelta(minutes=15)
REQUEST_TIMEOUT = datetime.timedelta(minutes=5)


def _free(field, now, timeout):
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lt": now - timeout})


def claim_build(booklet_id):
    """The claim's timestamp when this process may build now, else None."""
    now = timezone.now()
    claimed = (
        BookletPage.objects.filter(pk=booklet_id)
        .filter(_free("pdf_build_started_at", now, BUILD_TIMEOUT))
        .update(pdf_build_started_at=now)
    )
    return now if claimed else None


def release_build(booklet_id, claimed_at):
    """End our claim (never another process's) and any visitor's request."""
    BookletPage.objects.filter(pk=booklet_id, pdf_build_started_at=claimed_at).update(
        pdf_build_started_at=None, pdf_build_requested_at=None
    )


def request_build(booklet_id):
    """True for the one request that should queue a first build."""
    now = timezone.now()
    return bool(
        BookletPage.objects.filter(pk=booklet_id)
        .filter(_free("pdf_build_requested_at", now, REQUEST_TIMEOUT))
        .update(pdf_build_requested_at=now)
    )
