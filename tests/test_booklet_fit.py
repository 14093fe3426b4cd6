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
from tests.factories import make_booklet
from tests.factories import make_booklet_experience as make_experience

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
    # Sheets, chapters, front matter, colophon; not the headings inside them.
    top_level = sorted(
        number
        for name, number in starts.items()
        if not name.endswith(("-titre", "-citer"))
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


class FakePage:
    height = 1000 + fitting.MARGIN_TOP + fitting.MARGIN_BOTTOM

    def __init__(self):
        self.anchors = {}


class FakeDocument:
    """Sheets one after the other, each `length` pages long (1.5: a page and
    a half), as WeasyPrint's `Document.pages[i].anchors` would show them."""

    def __init__(self, lengths):
        self.pages = []
        for pk, length in lengths.items():
            whole, rest = divmod(length, 1)
            count = int(whole) + (1 if rest else 0)
            for n in range(count):
                page = FakePage()
                fill = rest if (n == count - 1 and rest) else 1
                bottom = fitting.MARGIN_TOP + 1000 * fill
                page.anchors[fitting.anchor(pk)] = (0, 0, 100, bottom)
                self.pages.append(page)


class FakeSheet:
    def __init__(self, pk):
        self.pk = pk
        self.booklet_layout = None


def test_each_sheet_keeps_its_best_variant_in_two_full_layouts_at_most():
    compact, spread, airy = fitting.VARIANTS[1:]
    # Length of each sheet, in pages, in each variant.
    lengths = {
        1: {"": 1.0, compact: 0.8, spread: 1.2, airy: 1.5},  # fits as it is
        2: {"": 1.1, compact: 0.9, spread: 1.3, airy: 1.6},  # fits when compact
        3: {"": 1.2, compact: 1.1, spread: 1.5, airy: 1.8},  # fits when looser
        4: {"": 1.05, compact: 1.02, spread: 1.1, airy: 1.2},  # never: best is airy
    }
    sheets = [FakeSheet(pk) for pk in lengths]
    calls = []

    def render():
        calls.append("booklet")
        return FakeDocument({s.pk: lengths[s.pk][s.booklet_layout] for s in sheets})

    def render_trial(trial):
        calls.append(sorted(s.pk for s in trial))
        return FakeDocument({s.pk: lengths[s.pk][s.booklet_layout] for s in trial})

    document, spans = fitting.lay_out(render, render_trial, sheets)

    assert [s.booklet_layout for s in sheets] == ["", compact, spread, airy]
    assert calls == ["booklet", [2, 3, 4], [3, 4], [4], "booklet"]
    assert spans[2].pages == 1
    assert spans[3].pages == 2 and spans[3].last_fill == pytest.approx(0.5)
    assert not spans[4].fits


def test_a_booklet_that_fits_is_laid_out_once():
    sheets = [FakeSheet(1)]
    calls = []

    def render():
        calls.append("booklet")
        return FakeDocument({1: 1.6})

    fitting.lay_out(render, lambda trial: pytest.fail("no trial needed"), sheets)

    assert calls == ["booklet"]
    assert sheets[0].booklet_layout == ""
