"""CSV and XLSX exports of the moderation queue.

Rows are read from the database in chunks and written as they come, so memory
stays flat whether the queue holds 10 or 50 000 submissions; the columns and
their cells are experiences.export_columns'. The queue's exports are built by
a task (experiences.queue_exports) from the submissions' ids, into a file; a
small selection can still be downloaded at once (CSV streamed to the
response, XLSX through a temporary file).
"""

import csv
import io
import tempfile
from collections import defaultdict
from itertools import batched

from django.contrib.postgres.fields import ArrayField
from django.db import connections
from django.db.models import BigIntegerField, BooleanField, F, Func, Value
from django.db.models.functions import Cast
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

from core import spreadsheets
from experiences.export_columns import (
    HEADERS,
    PK,
    Context,
    chunk_columns,
    values,
)
from experiences.models import Submission

CHUNK_SIZE = 2000


class AnyOf(Func):
    """``expression = ANY(array)`` (PostgreSQL), as a condition."""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()


def with_ids(queryset, field, ids):
    """``queryset.filter(<field>__in=ids)``; on PostgreSQL as ``field =
    ANY(array)``: one parameter instead of one per id (with 2 000 ids, the
    placeholders cost more to build and parse than the query takes to run)."""
    if connections[queryset.db].vendor != "postgresql":
        return queryset.filter(**{f"{field}__in": ids})
    # The array as one literal: an ArrayField value would prepare each id.
    literal = "{" + ",".join(str(int(pk)) for pk in ids) + "}"
    array = Cast(Value(literal), ArrayField(BigIntegerField()))
    return queryset.filter(AnyOf(F(field), array))


def _themes_by_submission(ids):
    """{submission id: [theme labels]} for one chunk, in one query.

    (prefetch_related() with iterator() keeps memory growing with the rows,
    as measured by the benchmark; one query per chunk keeps it flat.)"""
    through = Submission.themes.through
    labels = defaultdict(list)
    for submission_id, label in (
        with_ids(through.objects.all(), "submission_id", ids)
        .order_by("theme__sort_order", "theme__label")
        .values_list("submission_id", "theme__label")
    ):
        labels[submission_id].append(label)
    return labels


def _columns_of_chunks(chunks, context):
    for chunk in chunks:
        if chunk:
            context.themes = _themes_by_submission([row[PK] for row in chunk])
            yield chunk_columns(chunk, context)


def _rows_of_chunks(chunks, context):
    """The header, then the rows of ``chunks`` (lists of tuples of FIELDS)."""
    yield HEADERS
    for columns in _columns_of_chunks(chunks, context):
        yield from zip(*columns, strict=True)


def _context(queryset, *, datetime_as_text):
    vendor = connections[queryset.db].vendor
    return Context(datetime_as_text=datetime_as_text, vendor=vendor)


def _chunks(queryset, context):
    rows = values(queryset, context).iterator(chunk_size=CHUNK_SIZE)
    return (list(chunk) for chunk in batched(rows, CHUNK_SIZE))


def _chunks_of_ids(ids, context):
    """The submissions of ``ids``, in that order, a chunk at a time (those
    deleted since are skipped; only what was sent is ever read)."""
    sent = Submission.objects.filter(submitted_at__isnull=False).order_by()
    for chunk_ids in batched(ids, CHUNK_SIZE):
        found = {
            row[PK]: row for row in values(with_ids(sent, "pk", chunk_ids), context)
        }
        yield [found[pk] for pk in chunk_ids if pk in found]


def _rows(queryset, *, datetime_as_text):
    context = _context(queryset, datetime_as_text=datetime_as_text)
    return _rows_of_chunks(_chunks(queryset, context), context)


def _csv_lines(queryset):
    rows = _rows(queryset, datetime_as_text=True)
    return spreadsheets.csv_lines(rows, byte_order_mark=True)


def filename(extension):
    return f"contributions-{timezone.localdate():%Y-%m-%d}.{extension}"


def csv_response(queryset):
    response = StreamingHttpResponse(
        _csv_lines(queryset), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename("csv")}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def write_xlsx(queryset, fileobj):
    rows = _rows(queryset, datetime_as_text=False)
    spreadsheets.write_xlsx(fileobj, "Contributions", rows)


def xlsx_response(queryset):
    temporary = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    write_xlsx(queryset, temporary)
    temporary.seek(0)
    return FileResponse(
        temporary,
        as_attachment=True,
        filename=filename("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def write_csv_of_ids(ids, fileobj):
    """The CSV of submissions ``ids`` into binary ``fileobj``: a chunk of
    rows at a time, as one string (core.spreadsheets.csv_text)."""
    context = _context(Submission.objects.all(), datetime_as_text=True)
    text = io.TextIOWrapper(fileobj, encoding="utf-8", newline="")
    text.write(spreadsheets.BYTE_ORDER_MARK)
    csv.writer(text, delimiter=spreadsheets.DELIMITER).writerow(HEADERS)
    for columns in _columns_of_chunks(_chunks_of_ids(ids, context), context):
        text.write(spreadsheets.csv_text(columns))
    text.flush()
    text.detach()  # the caller keeps its file open


def rows_of_ids(ids, *, datetime_as_text):
    """The header, then the rows of submissions ``ids``, in that order."""
    context = _context(Submission.objects.all(), datetime_as_text=datetime_as_text)
    return _rows_of_chunks(_chunks_of_ids(ids, context), context)


def write_xlsx_of_ids(ids, fileobj):
    rows = rows_of_ids(ids, datetime_as_text=False)
    spreadsheets.write_xlsx(fileobj, "Contributions", rows)
