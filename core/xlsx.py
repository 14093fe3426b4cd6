"""A minimal XLSX writer: one sheet of values, written row by row into the zip
as they come (memory stays flat whatever the number of rows).

openpyxl, even in its write-only mode with lxml, builds a cell object and an
XML element per cell: about 15 µs a cell, 30 s for the moderation queue's
50 000 rows of 39 columns (bench/moderation_queue.py). Here a row is one
string: text as inline strings, numbers as numbers, dates and datetimes as
spreadsheet serial numbers with the date formats openpyxl gives them
(``yyyy-mm-dd`` and ``yyyy-mm-dd h:mm:ss``), so that a reader (spreadsheet
software, openpyxl) reads the same values back as from openpyxl's files.
Characters that XML cannot hold (control characters other than tab and line
breaks) are dropped.
"""

import datetime
import re
import zipfile
from decimal import Decimal

from openpyxl.utils.datetime import to_excel

# Level 1: the sheet's XML compresses almost as well (text repeats) in a third
# of the time of zlib's default level.
COMPRESS_LEVEL = 1
# Rows joined before each write into the zip.
ROWS_PER_WRITE = 500
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
DATETIME_STYLE = 1
DATE_STYLE = 2

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
OFFICE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = (
    f'{HEAD}<Types xmlns="{PACKAGE}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    f'ContentType="{OFFICE_TYPE}.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    f'ContentType="{OFFICE_TYPE}.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    f'ContentType="{OFFICE_TYPE}.styles+xml"/>'
    "</Types>"
)
PACKAGE_RELATIONSHIPS = (
    f'{HEAD}<Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELATIONSHIPS = (
    f'{HEAD}<Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Cell styles: 0 plain, 1 a datetime, 2 a date (DATETIME_STYLE, DATE_STYLE).
STYLES = (
    f'{HEAD}<styleSheet xmlns="{MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd h:mm:ss"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/>'
    "</border></borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    "</cellStyleXfs>"
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
    'applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" '
    'applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
SHEET_START = f'{HEAD}<worksheet xmlns="{MAIN}"><sheetData>'
SHEET_END = "</sheetData></worksheet>"


def escape(text):
    """``text`` as XML character data (a carriage return kept as one)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#13;")
    )


def column_letter(index):
    """The letters of column ``index`` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def workbook_xml(title):
    name = escape(title[:31]).replace('"', "&quot;")
    return (
        f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>'
        f'<sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def cell_xml(reference, value):
    """One cell; None for an empty one. Text is the usual case, tested first."""
    kind = value.__class__
    if kind is str:
        if not value:
            return None
        return (
            f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">'
            f"{escape(value)}</t></is></c>"
        )
    if value is None:
        return None
    if kind is bool:
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if kind is datetime.datetime:
        if value.tzinfo is not None:
            raise TypeError("XLSX cannot hold a timezone: give a naive datetime")
        return f'<c r="{reference}" s="{DATETIME_STYLE}"><v>{to_excel(value)}</v></c>'
    if kind is datetime.date:
        return f'<c r="{reference}" s="{DATE_STYLE}"><v>{to_excel(value)}</v></c>'
    if isinstance(value, int | float | Decimal):
        return f'<c r="{reference}"><v>{value}</v></c>'
    if isinstance(value, str):  # a str subclass (a SafeString, a lazy string)
        return cell_xml(reference, str(value))
    raise TypeError(f"No XLSX cell for {kind.__name__}")


def row_xml(number, row, letters):
    """Row ``number`` (from 1) of ``row``'s values; ``letters`` grows with the
    widest row."""
    while len(letters) < len(row):
        letters.append(column_letter(len(letters)))
    suffix = str(number)
    cells = [
        cell
        for letter, value in zip(letters, row, strict=False)
        if (cell := cell_xml(letter + suffix, value)) is not None
    ]
    return f'<row r="{suffix}">{"".join(cells)}</row>'


def write(fileobj, title, rows):
    """A workbook of one sheet named ``title`` holding ``rows`` (iterables of
    values: text, numbers, booleans, dates, naive datetimes, None) into the
    binary ``fileobj``."""
    with zipfile.ZipFile(
        fileobj, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
    ) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELATIONSHIPS)
        archive.writestr("xl/workbook.xml", workbook_xml(title))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONSHIPS)
        archive.writestr("xl/styles.xml", STYLES)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(SHEET_START.encode())
            letters, pending = [], []
            for number, row in enumerate(rows, start=1):
                pending.append(row_xml(number, row, letters))
                if len(pending) == ROWS_PER_WRITE:
                    sheet.write(NOT_XML.sub("", "".join(pending)).encode())
                    pending.clear()
            sheet.write((NOT_XML.sub("", "".join(pending)) + SHEET_END).encode())
