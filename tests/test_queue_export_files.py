"""The files of the queue's export task (issue 11, made faster): rows in the
order the lead saw, read a chunk at a time, each with its own themes; the
XLSX read back with openpyxl holds what openpyxl's own writer held before
(same headers, values and dates); datetimes written by PostgreSQL as Python
wrote them; no cell ever a live formula."""

import csv
import datetime
import io

from django.db import connection
from django.utils import timezone

import pytest
from openpyxl import Workbook, load_workbook

from experiences import export_columns, exports
from experiences.models import Submission
from experiences.states import Status
from tests.factories import make_submission

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the datetimes' text is PostgreSQL's"
)
HOSTILE = {
    "title": '=HYPERLINK("http://x")',
    "summary": "+33 1 23 45 67 89",
    "communes": "\x01@cmd",
    "last_name": "-Du\x0crand",
}


@pytest.fixture
def queue(lead):
    """Five submissions, the ids in an order that is not theirs, one deleted
    after the export was asked for; small chunks, so that rows span several."""
    received = timezone.now() - datetime.timedelta(days=3)
    made = [
        make_submission(status=Status.IN_REVIEW, themes=["sante"]),
        make_submission(status=Status.RECEIVED, themes=[], **HOSTILE),
        make_submission(status=Status.SPAM, themes=["jeunesse", "sante"]),
        make_submission(status=Status.PUBLISHED, assigned_to=lead),
        make_submission(status=Status.DECLINED),
    ]
    Submission.objects.filter(pk=made[3].pk).update(
        submitted_at=received, decided_at=received + datetime.timedelta(hours=5)
    )
    ids = [made[n].pk for n in (3, 0, 4, 1, 2)]
    made[4].delete()
    return ids, made


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)


def _csv_rows(ids):
    buffer = io.BytesIO()
    exports.write_csv_of_ids(ids, buffer)
    body = buffer.getvalue().decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))


def _local_minute(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def test_csv_of_ids_keeps_the_order_the_themes_and_the_guard(queue, lead):
    ids, made = queue
    header, *rows = _csv_rows(ids)
    assert header == exports.HEADERS
    cells = [dict(zip(header, row, strict=True)) for row in rows]
    expected = [made[n] for n in (3, 0, 1, 2)]
    assert [row["Référence"] for row in cells] == [s.reference for s in expected]
    assert [row["Thématiques"] for row in cells] == [
        ", ".join(
            s.themes.order_by("sort_order", "label").values_list("label", flat=True)
        )
        for s in expected
    ]
    assert cells[3]["Thématiques"].count(", ") == 1
    assert cells[0]["État"] == "Publiée"
    assert cells[0]["Modérateur·rice"] == (lead.get_full_name() or lead.username)
    hostile = cells[2]
    assert hostile["Titre"] == "'" + HOSTILE["title"]
    assert hostile["Résumé"] == "'" + HOSTILE["summary"]
    assert hostile["Commune(s)"] == "'@cmd"
    assert hostile["Nom"] == "'-Durand"
    for row, submission in zip(cells, expected, strict=True):
        submission.refresh_from_db()
        assert row["Reçue le"] == _local_minute(submission.submitted_at)
        assert row["Décision le"] == _local_minute(submission.decided_at)
        assert row["Créée le"] == _local_minute(submission.created_at)


def _chunk_columns(vendor, datetime_as_text, ids):
    context = export_columns.Context(datetime_as_text=datetime_as_text, vendor=vendor)
    context.themes = {}
    queryset = Submission.objects.filter(pk__in=ids).order_by("pk")
    chunk = list(export_columns.values(queryset, context))
    return export_columns.chunk_columns(chunk, context)


@postgresql_only
def test_postgresql_writes_the_datetimes_as_python_does(queue):
    ids, _ = queue
    assert _chunk_columns("postgresql", True, ids) == _chunk_columns("other", True, ids)


def _openpyxl_workbook(rows):
    """The workbook as the export wrote it before issue 11."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Contributions")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _read(content):
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_xlsx_of_ids_reads_back_as_openpyxls_workbook(queue):
    ids, made = queue
    buffer = io.BytesIO()
    exports.write_xlsx_of_ids(ids, buffer)
    ours = _read(buffer.getvalue())
    before = _read(_openpyxl_workbook(exports.rows_of_ids(ids, datetime_as_text=False)))
    assert ours == before
    header, *rows = ours
    assert header == exports.HEADERS
    assert len(rows) == 4
    received = rows[0][header.index("Reçue le")]
    made[3].refresh_from_db()
    local = timezone.localtime(made[3].submitted_at).replace(tzinfo=None)
    assert isinstance(received, datetime.datetime)
    assert abs(received - local) < datetime.timedelta(milliseconds=1)
    hostile = dict(zip(header, rows[2], strict=True))
    assert hostile["Titre"] == "'" + HOSTILE["title"]
    assert hostile["Commune(s)"] == "'@cmd"
    assert hostile["Nom"] == "'-Durand"
