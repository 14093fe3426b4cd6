"""Every sheet fills its pages: one full page, or two (or more) with the last
one at least a third full, by layout alone (never by cutting text).

Each sheet starts on a new page and left and right pages have the same text
width, so a sheet lays out alike in the booklet and on its own. The booklet is
laid out once; each sheet's last page is measured from WeasyPrint's public
layout (`Document.pages[i].anchors` gives, on each page, the rectangle of the
sheet's `<article id="fiche-<pk>">` there). The sheets that leave a nearly
empty page are then tried alone, together in one small document per variant
(tighter first: it may then fit on one page; then looser: its text then
reaches far enough down the next page), each keeps the best variant seen, and
the booklet is laid out a second time. At most two full layouts per build.
"""

from dataclasses import dataclass

MIN_FILL = 1 / 3

# CSS classes on the sheet's <article>, tried in this order (booklet-print.css).
VARIANTS = ("", "sheet--compact", "sheet--spread", "sheet--spread sheet--airy")

# The page's text area in CSS pixels (96 per inch), as in booklet-print.css.
MM = 96 / 25.4
MARGIN_TOP = 24 * MM
MARGIN_BOTTOM = 22 * MM


@dataclass(frozen=True)
class Span:
    """Where a sheet lies: its first page (0-based), page count, and how full
    its last page is (0 to 1)."""

    first_page: int
    pages: int
    last_fill: float

    @property
    def fits(self):
        return self.pages == 1 or self.last_fill >= MIN_FILL

    @property
    def score(self):
        # A sheet that fits beats one that does not; among those that do not,
        # the fuller last page wins; among those that fit, fewer pages win.
        return (self.fits, -self.pages if self.fits else self.last_fill)


def anchor(pk):
    return f"fiche-{pk}"


def measure(document, sheet_ids):
    """{pk: Span} for each sheet laid out in a WeasyPrint `Document`."""
    names = {anchor(pk): pk for pk in sheet_ids}
    first, last = {}, {}
    for index, page in enumerate(document.pages):
        for name, (_x1, _y1, _x2, bottom) in page.anchors.items():
            if name in names:
                first.setdefault(names[name], index)
                last[names[name]] = (index, bottom, page.height)
    spans = {}
    for pk, (index, bottom, height) in last.items():
        fill = (bottom - MARGIN_TOP) / (height - MARGIN_TOP - MARGIN_BOTTOM)
        spans[pk] = Span(
            first_page=first[pk],
            pages=index - first[pk] + 1,
            last_fill=max(0.0, min(1.0, fill)),
        )
    return spans


def lay_out(render, render_trial, sheets):
    """The booklet's final `Document`, and the {pk: Span} measured on it.

    `render()` lays out the whole booklet, `render_trial(sheets)` only those
    sheets; both as each sheet's `booklet_layout` (a VARIANTS item) says."""
    for sheet in sheets:
        sheet.booklet_layout = VARIANTS[0]
    document = render()
    spans = measure(document, [sheet.pk for sheet in sheets])
    best = {pk: (VARIANTS[0], span) for pk, span in spans.items()}
    pending = [
        sheet for sheet in sheets if sheet.pk in spans and not spans[sheet.pk].fits
    ]
    if not pending:
        return document, spans
    for variant in VARIANTS[1:]:
        for sheet in pending:
            sheet.booklet_layout = variant
        tried = measure(render_trial(pending), [sheet.pk for sheet in pending])
        for pk, span in tried.items():
            if span.score > best[pk][1].score:
                best[pk] = (variant, span)
        pending = [sheet for sheet in pending if not best[sheet.pk][1].fits]
        if not pending:
            break
    for sheet in sheets:
        if sheet.pk in best:
            sheet.booklet_layout = best[sheet.pk][0]
    document = render()
    return document, measure(document, [sheet.pk for sheet in sheets])
