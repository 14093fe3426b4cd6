"""Exports of the moderation queue, built by a task.

An editorial lead asks for one from the queue (``request_export``): the ids of
the submissions the queue shows with its current filters are stored, in its
order, on a ``QueueExport`` row, and ``build_queue_export`` is enqueued with
that row's id only. The task writes the CSV or XLSX file (chunks of rows, so
memory stays flat) into private storage, marks the export ready (or failed)
and emails the lead through the outbox with the link to the list of exports,
where editorial leads download it until it expires
(``QUEUE_EXPORT_KEEP_DAYS``). `purge_personal_data` erases expired exports.
"""

import datetime
import logging
import tempfile
from array import array

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from core import letters, outbox, retention
from core.letters import Letter, PermanentFailure
from experiences import exports
from experiences.models import QueueExport

logger = logging.getLogger(__name__)

TEMPLATE = "queue_export"
AUDIENCE = "editorial_lead"
# Parameters of the queue's address that are not filters.
NOT_FILTERS = ("q", "o", "ot", "p", "e", "export")
Status = QueueExport.Status


def describe_filters(params):
    """The queue's filters as a query string, without the search words."""
    kept = [
        (key, value)
        for key, values in params.lists()
        if key not in NOT_FILTERS
        for value in values
    ]
    return urlencode(kept)[:500]


def request_export(queryset, user, fmt, params):
    """Record an export of ``queryset`` (the queue as the lead sees it) and
    enqueue its task once the transaction commits."""
    ids = array("q")
    for pk in queryset.values_list("pk", flat=True).iterator(chunk_size=10_000):
        ids.append(pk)
    export = QueueExport(
        requested_by=user,
        format=fmt,
        filters=describe_filters(params),
        searched=bool(params.get("q", "").strip()),
    )
    export.set_ids(ids)
    with transaction.atomic():
        export.save()
        transaction.on_commit(lambda: build_queue_export.enqueue(export.pk))
    return export


@task()
def build_queue_export(export_id):
    """The task: its only argument is the export's id."""
    return build(export_id)


def write(export, fileobj):
    ids = export.ids()
    if export.format == QueueExport.Format.CSV:
        exports.write_csv_of_ids(ids, fileobj)
    else:
        exports.write_xlsx_of_ids(ids, fileobj)


def build(export_id):
    """Build export ``export_id`` if it is still waiting; return its state."""
    with transaction.atomic():
        export = (
            QueueExport.objects.select_for_update(skip_locked=True)
            .filter(pk=export_id)
            .first()
        )
        if export is None:
            return "locked-or-gone"
        if export.status != Status.PENDING:
            return export.status
        now = timezone.now()
        try:
            with transaction.atomic(), tempfile.TemporaryFile() as temporary:
                write(export, temporary)
                temporary.seek(0)
                export.file.save(
                    exports.filename(export.format), File(temporary), save=False
                )
        except Exception:
            logger.exception("Queue export %s failed", export.pk)
            if export.file:
                export.file.delete(save=False)
            export.status = Status.FAILED
        else:
            export.status = Status.READY
        export.finished_at = timezone.now()
        export.expires_at = now + datetime.timedelta(
            days=settings.QUEUE_EXPORT_KEEP_DAYS
        )
        export.save()
        outbox.queue(TEMPLATE, export, audience=AUDIENCE)
    return export.status


def build_letter(email):
    export = (
        QueueExport.objects.select_related("requested_by")
        .filter(pk=email.object_id)
        .first()
    )
    if export is None:
        raise PermanentFailure("L'export a été supprimé.")
    lead = export.requested_by
    if lead is None or not lead.is_active or not lead.email:
        raise PermanentFailure("La personne qui a demandé l'export n'a pas d'adresse.")
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return Letter(
        [lead.email],
        {
            "ready": export.status == Status.READY,
            "format": export.get_format_display(),
            "row_count": export.row_count,
            "expires_at": export.expires_at,
            "exports_url": base + reverse("recueil_queue_exports"),
        },
    )


letters.register_audience(AUDIENCE, gettext_lazy("Responsable éditorial·e"))
letters.register(
    TEMPLATE,
    gettext_lazy("Export de la file de modération"),
    build_letter,
    folder="experiences/emails",
)


def purge_expired(*, now=None):
    """Erase the exports past their date (file, row and emails about them),
    and those left waiting longer than that; return how many."""
    now = now or timezone.now()
    stale = now - datetime.timedelta(days=settings.QUEUE_EXPORT_KEEP_DAYS)
    expired = QueueExport.objects.filter(expires_at__lte=now) | (
        QueueExport.objects.filter(expires_at__isnull=True, created_at__lte=stale)
    )
    count = 0
    for export in expired.iterator():
        if export.file:
            export.file.delete(save=False)
        retention.forget_emails_about(export)
        export.delete()
        count += 1
    return count
