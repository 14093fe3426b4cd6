"""Every sheet fills its pages: one full page, or two (or more) with the last
one at least a third full, by layout alone (never by cutting text).

Each sheet starts on a new page, so its layout does not move any other sheet's
text: the booklet is laid out once, each sheet's last page is measured from
WeasyPrint's public layout (`Document.pages[i].anchors` gives, on each page,
the rectangle of the sheet's `<article id="fiche-<pk>">` there), and a sheet that
leaves a nearly empty page is laid out again with the next variant — tighter
first (it may then fit on one page), then looser (its text then reaches far
enough down the next page). The best variant seen is kept."""

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


def lay_out(render, sheets):
    """Render until every sheet fits or has tried every variant.

    `render()` lays the booklet out as the sheets' `booklet_layout` says and
    returns WeasyPrint's `Document`. Returns the final `Document` and the
    {pk: Span} it measured."""
    tried = {sheet.pk: 0 for sheet in sheets}
    best = {}
    for sheet in sheets:
        sheet.booklet_layout = VARIANTS[0]
    document = render()
    while True:
        spans = measure(document, tried)
        for pk, span in spans.items():
            if pk not in best or span.score > best[pk][1].score:
                best[pk] = (tried[pk], span)
        changed = False
        for sheet in sheets:
            span = spans.get(sheet.pk)
            if span is None or span.fits or tried[sheet.pk] + 1 >= len(VARIANTS):
                continue
            tried[sheet.pk] += 1
            sheet.booklet_layout = VARIANTS[tried[sheet.pk]]
            changed = True
        if not changed:
            break
        document = render()
    # Every variant tried and none fits: settle on the best one seen.
    settle = False
    for sheet in sheets:
        if sheet.pk in best and best[sheet.pk][0] != tried[sheet.pk]:
            sheet.booklet_layout = VARIANTS[best[sheet.pk][0]]
            settle = True
    if settle:
        document = render()
        spans = measure(document, tried)
    return document, spans
