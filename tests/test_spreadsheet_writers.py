"""The fast paths of core.spreadsheets and core.xlsx (issue 11) give what the
slow ones gave: safe_column what safe_text gives cell by cell, csv_text what
csv.writer writes, and core.xlsx a workbook that openpyxl reads back with the
same values as the workbook openpyxl itself wrote."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from core import spreadsheets, xlsx
from core.spreadsheets import safe_column, safe_text

TRICKY = [
    "",
    "texte simple",
    "=SOMME(A1:A2)",
    "+33 1 23 45 67 89",
    "-5",
    "@cmd",
    "\tà gauche",
    "\rretour",
    '\x01=HYPERLINK("http://x")',
    "Forum\x1b[31m des quartiers\x0b",
    "Ligne 1\nLigne 2\tsuite\x08\x7f",
    'des "guillemets" ; un point-virgule',
    "  espaces autour  ",
    "fin de ligne\r\n",
    "é à ç œ — « »",
    "a & b < c > d",
]


@pytest.mark.parametrize("column", [TRICKY, TRICKY[:2] + TRICKY[12:15], ["", ""]])
def test_safe_column_is_safe_text_cell_by_cell(column):
    assert safe_column(column) == [safe_text(value) for value in column]


def test_safe_column_leaves_other_values_as_they_are():
    column = ["=1", 3, None, datetime.datetime(2026, 12, 1, 9, 30)]
    assert safe_column(column) == ["'=1", 3, None, column[3]]


def test_control_characters_are_those_of_the_regex():
    for code in range(0x300):
        character = chr(code)
        expected = (code < 0x20 and character not in "\t\n\r") or code == 0x7F
        assert (character in spreadsheets.CONTROL) == expected
        assert bool(spreadsheets.CONTROL_CHARACTERS.search(character)) == expected
        assert spreadsheets.has_control_character(f"a{character}b") == expected


def _csv_writer_text(rows):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=spreadsheets.DELIMITER).writerows(rows)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "rows",
    [
        [TRICKY, list(reversed(TRICKY))],
        [["a", "b"], ["", ""], ["sans", "rien"]],
        [["un;deux", "trois"], ['"', "\n"]],
    ],
)
def test_csv_text_writes_what_csv_writer_writes(rows):
    columns = [list(column) for column in zip(*rows, strict=True)]
    assert spreadsheets.csv_text(columns) == _csv_writer_text(rows)


def test_csv_text_refuses_rows_of_one_cell():
    with pytest.raises(ValueError):
        spreadsheets.csv_text([["seul"]])


ROWS = [
    ["Texte", "Nombre", "Décimal", "Oui", "Vide", "Date", "Date et heure"],
    [
        "a & b < c > d",
        42,
        3.25,
        True,
        None,
        datetime.date(2026, 3, 1),
        datetime.datetime(2026, 12, 1, 9, 30, 15),
    ],
    [
        "  espaces autour  ",
        -7,
        Decimal("1.5"),
        False,
        "",
        datetime.date(1999, 12, 31),
        datetime.datetime(2024, 2, 29, 23, 59, 59, 500000),
    ],
    ["Ligne 1\nLigne 2\tsuite", 0, 0.0, None, "x", None, None],
    ["retour\rchariot", "é à ç œ — « »", "'=1", "", "", "", ""],
    [f"colonne {n}" for n in range(30)],  # past Z: AA, AB…
]


def _read(content):
    book = load_workbook(io.BytesIO(content))
    sheet = book.active
    return sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]


def _openpyxl_bytes(title, rows):
    """The workbook as openpyxl's write-only mode wrote it before issue 11."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_reads_back_as_openpyxls_own_workbook():
    ours = io.BytesIO()
    xlsx.write(ours, "Contributions", ROWS)
    title, values = _read(ours.getvalue())
    assert (title, values) == _read(_openpyxl_bytes("Contributions", ROWS))
    assert values[1][5] == datetime.datetime(2026, 3, 1)
    assert values[1][6] == datetime.datetime(2026, 12, 1, 9, 30, 15)
    assert values[4][0] == "retour\rchariot"


def test_xlsx_drops_what_xml_cannot_hold():
    ours = io.BytesIO()
    xlsx.write(ours, "Feuille", [["Du\x0crand", "bip\x07", "ok"]])
    assert _read(ours.getvalue())[1] == [["Durand", "bip", "ok"]]


def test_xlsx_refuses_an_aware_datetime_and_unknown_values():
    aware = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
    for value in (aware, object()):
        with pytest.raises(TypeError):
            xlsx.write(io.BytesIO(), "Feuille", [[value]])


def test_xlsx_of_many_rows_is_written_as_it_comes():
    rows = ([f"ligne {n}", n] for n in range(3 * xlsx.ROWS_PER_WRITE + 7))
    ours = io.BytesIO()
    xlsx.write(ours, "Feuille", rows)
    values = _read(ours.getvalue())[1]
    assert len(values) == 3 * xlsx.ROWS_PER_WRITE + 7
    assert values[-1] == [f"ligne {len(values) - 1}", len(values) - 1]


def test_column_letters():
    assert [xlsx.column_letter(n) for n in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]
