"""Every sheet of the booklet PDF fills its pages: one page, or a last page at
least a third full. Measured on the PDF itself with pypdf: each sheet's first
page from its named destination (`fiche-<pk>`), the fill of its last page from
the lowest line of text above the running footer."""

import io

import pytest
from pypdf import PdfReader

from booklets import fitting, pdf
from booklets.models import BookletPage
from experiences.constants import Rubric
from tests.booklet_data import make_booklet, make_experience

PT_PER_MM = 72 / 25.4
TOP = 24 * PT_PER_MM  # the page's text area (booklet-print.css, @page)
BOTTOM = 22 * PT_PER_MM

PARAGRAPH = (
    "<p>Étape {n} : les conseiller·ère·s citoyen·ne·s et les élu·e·s se "
    "retrouvent en soirée pour préparer ensemble les comités techniques, avec "
    "des documents simplifiés envoyés une semaine avant chaque réunion.</p>"
)
# Paragraphs of « La démarche »: from a short sheet to a long one, through
# lengths that run a few lines over one page (and over two).
LENGTHS = (1, 9, 11, 13, 15, 19, 27, 33, 36)


def approach(paragraphs):
    return "".join(PARAGRAPH.format(n=n) for n in range(1, paragraphs + 1))


def text_lines(page):
    """Baselines (in PDF points from the bottom) of the text in the page's
    text area: the running header and footer lie outside it."""
    height = float(page.mediabox.height)
    found = []

    def visit(text, cm, tm, font, size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and BOTTOM - 1 <= y <= height - TOP + 1:
            found.append(y)

    page.extract_text(visitor_text=visit)
    return found


def sheet_pages(reader, sheets):
    """{pk: [page indexes]} from each sheet's destination to the next
    top-level destination, blank pages (before a chapter opener) left out."""
    starts = {
        name: reader.get_destination_page_number(dest)
        for name, dest in reader.named_destinations.items()
    }
    top_level = sorted(
        number
        for name, number in starts.items()
        if name.count("-") == 1 or name == "mentions"
    )
    pages = {}
    for sheet in sheets:
        first = starts[f"fiche-{sheet.pk}"]
        end = next(n for n in top_level if n > first)
        pages[sheet.pk] = [i for i in range(first, end) if text_lines(reader.pages[i])]
    return pages


def last_page_fill(reader, indexes):
    page = reader.pages[indexes[-1]]
    height = float(page.mediabox.height)
    lowest = min(text_lines(page))
    return (height - TOP - lowest) / (height - TOP - BOTTOM)


@pytest.fixture
def sheets(site_tree):
    rubrics = list(Rubric)
    return [
        make_experience(
            rubrics[n % len(rubrics)],
            f"Une expérience de {length} étapes",
            photo=(n % 2 == 0),
            approach=approach(length),
        )
        for n, length in enumerate(LENGTHS)
    ]


def render(sheets):
    booklet = BookletPage.objects.get(pk=make_booklet(sheets).pk)
    return PdfReader(io.BytesIO(pdf.render_pdf(booklet)))


def fills(reader, sheets):
    return {
        pk: (len(indexes), last_page_fill(reader, indexes))
        for pk, indexes in sheet_pages(reader, sheets).items()
    }


def test_no_sheet_leaves_a_nearly_empty_last_page(sheets):
    reader = render(sheets)
    measured = fills(reader, sheets)

    assert len(measured) == len(LENGTHS)
    for sheet in sheets:
        pages, fill = measured[sheet.pk]
        assert pages in (1, 2, 3), sheet.title
        if pages > 1:
            assert fill >= 1 / 3, (sheet.title, pages, round(fill, 2))
    # Short, long and very long sheets are all there.
    counts = sorted(pages for pages, _fill in measured.values())
    assert counts[0] == 1 and counts[-1] >= 2

    # Nothing was cut: every step of every sheet is in the PDF.
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert text.count("Étape ") == sum(LENGTHS)


def test_without_fitting_some_sheets_would_spill(sheets, monkeypatch):
    """The lengths above do put the layout to work: laid out in the plain
    variant only, some sheets leave a few lines on a nearly empty page."""
    monkeypatch.setattr(fitting, "VARIANTS", ("",))
    measured = fills(render(sheets), sheets)
    spilling = [
        pk for pk, (pages, fill) in measured.items() if pages > 1 and fill < 1 / 3
    ]
    assert len(spilling) >= 2, measured
