"""Writing rows for spreadsheet software: CSV streamed to the response, XLSX
(core.xlsx, row by row), and text that a spreadsheet shows as text.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
a formula for spreadsheet software: it gets a leading apostrophe. Control
characters other than tab and line breaks are dropped where asked: XML (so
XLSX) cannot hold them, and no reader of a CSV wants them.
"""

import csv
import re

from core import xlsx

DELIMITER = ";"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Control characters other than tab, line feed and carriage return.
CONTROL = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]))
CONTROL_CHARACTERS = re.compile(f"[{re.escape(CONTROL)}]")
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


def has_control_character(text):
    # One substring search per character: ten times faster than the regex's
    # search over a column of 50 000 cells.
    return any(character in text for character in CONTROL)


def safe_column(values):
    """``[safe_text(value) for value in values]``, faster for a column of
    text: one search for control characters over the whole column, then only
    the formula guard per cell when there is none (the usual case)."""
    try:
        joined = "\n".join(values)
    except TypeError:  # not only text
        return [safe_text(value) for value in values]
    if has_control_character(joined):
        return [safe_text(value) for value in values]
    return [
        "'" + value if value.startswith(FORMULA_PREFIXES) else value for value in values
    ]


# What makes csv.writer quote a field (QUOTE_MINIMAL, this delimiter).
NEEDS_QUOTES = (DELIMITER, '"', "\r", "\n")


def _needs_quotes(text):
    return any(character in text for character in NEEDS_QUOTES)


def _quoted_column(values):
    if not _needs_quotes("".join(values)):
        return values
    return [
        '"' + value.replace('"', '""') + '"' if _needs_quotes(value) else value
        for value in values
    ]


def csv_text(columns):
    """The CSV lines of rows given as ``columns`` (lists of text of the same
    length), as ``csv.writer(delimiter=DELIMITER)`` writes them, in one
    string; about twice as fast: the quoting is decided a column at a time.
    For rows of two cells or more (a row of one empty cell is written ``""``
    by csv.writer)."""
    if len(columns) < 2:
        raise ValueError("csv_text writes rows of two cells or more")
    quoted = [_quoted_column(column) for column in columns]
    return "".join([DELIMITER.join(row) + "\r\n" for row in zip(*quoted, strict=True)])


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
    xlsx.write(fileobj, title, rows)
