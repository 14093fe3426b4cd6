"""A control character in any field (typed before the form stripped them, or
imported) no longer breaks the queue's XLSX export: it is stripped on export,
in CSV too, and the formula guard still applies after it."""

import csv
import io

import pytest
from openpyxl import load_workbook

from experiences import exports
from experiences.states import Status
from tests.factories import make_submission

pytestmark = pytest.mark.django_db

DIRTY = {
    "title": "Forum\x1b[31m des quartiers\x0b",
    "summary": "Ligne 1\nLigne 2\tsuite\x08\x7f",
    "communes": '\x01=HYPERLINK("http://x")',
    "last_name": "Du\x0crand",
}
CLEAN = {
    "Titre": "Forum[31m des quartiers",
    "Résumé": "Ligne 1\nLigne 2\tsuite",
    "Commune(s)": '\'=HYPERLINK("http://x")',
    "Nom": "Durand",
}


@pytest.fixture
def dirty(lead, client):
    make_submission(status=Status.IN_REVIEW, **DIRTY)
    client.force_login(lead)
    return client


def test_xlsx_export_strips_control_characters(dirty):
    response = dirty.get("/admin/contributions/", {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    header, row = list(sheet.iter_rows(values_only=True))
    values = dict(zip(header, row, strict=True))
    for column, expected in CLEAN.items():
        assert values[column] == expected


def test_csv_export_strips_them_too(dirty):
    response = dirty.get("/admin/contributions/", {"export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    header, row = list(csv.reader(io.StringIO(body), delimiter=";"))
    values = dict(zip(header, row, strict=True))
    assert header == exports.HEADERS
    for column, expected in CLEAN.items():
        assert values[column] == expected
