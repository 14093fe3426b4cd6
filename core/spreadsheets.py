"""Writing rows for spreadsheet software: CSV streamed to the response, XLSX in
openpyxl's write-only mode, and text that a spreadsheet shows as text.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
a formula for spreadsheet software: it gets a leading apostrophe. Control
characters other than tab and line breaks are dropped where asked: XML (so
XLSX) cannot hold them, and no reader of a CSV wants them.
"""

import csv
import re

from openpyxl import Workbook

DELIMITER = ";"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Tells spreadsheet software that the CSV is UTF-8.
BYTE_ORDER_MARK = "\ufeff"


def without_formula(text):
    """``text`` as a spreadsheet shows it: never run as a formula."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def safe_text(value):
    """Text without control characters, never a formula; other values as they
    are (numbers, dates)."""
    if not isinstance(value, str):
        return value
    return without_formula(CONTROL_CHARACTERS.sub("", value))


class _Echo:
    """A file whose ``write`` returns what it is given: ``csv.writer`` then
    yields each line instead of storing it."""

    def write(self, value):
        return value


def csv_lines(rows, *, byte_order_mark=False):
    """Each row of ``rows`` as one line of CSV text, as they come."""
    writer = csv.writer(_Echo(), delimiter=DELIMITER)
    for number, row in enumerate(rows):
        line = writer.writerow(row)
        yield BYTE_ORDER_MARK + line if byte_order_mark and number == 0 else line


def write_xlsx(fileobj, title, rows):
    """One sheet named ``title`` holding ``rows``, written as they come."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    for row in rows:
        sheet.append(row)
    workbook.save(fileobj)
