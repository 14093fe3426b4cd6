"""The booklet PDF read back with pypdf: sheets in rubric order, a table of
contents that points at the right pages, and what PDF/UA needs (title,
language, structure tree, embedded fonts)."""

import io
import re

import pytest
from pypdf import PdfReader

from booklets.composition import compose
from booklets.models import BookletPage
from booklets.tasks import build_booklet_pdf
from experiences.constants import Rubric
from tests.factories import make_booklet, make_booklet_experience, make_image

LONG_APPROACH = "".join(
    f"<p>Étape {n} : les conseiller·ère·s citoyen·ne·s et les élu·e·s se "
    "retrouvent en soirée pour préparer ensemble les comités techniques, avec "
    "des documents simplifiés envoyés une semaine avant chaque réunion.</p>"
    for n in range(1, 25)
)

# Chosen in this order; expected in the order of the six rubrics.
CHOSEN = [
    (Rubric.EVALUATION, "Une réunion bilan qui réunit tout le monde"),
    (Rubric.COLLECTIVE_DYNAMIC, "Un forum pour que les conseils fassent groupe"),
    (Rubric.REPORTING, "Des comptes rendus validés à plusieurs mains"),
    (Rubric.COLLECTIVE_DYNAMIC, "Une lettre d'information du conseil citoyen"),
    (Rubric.PRACTICES, "Des réunions tenues après dix-huit heures"),
]
EXPECTED_ORDER = [CHOSEN[i][1] for i in (1, 3, 4, 2, 0)]


def flat(text):
    return " ".join(text.split())


def booklet_pdf_sheets(booklet):
    return {sheet.title: sheet for sheet in compose(booklet).sheets}


@pytest.fixture
def booklet_pdf(rubrics, booklet_index):
    pages = [
        make_booklet_experience(
            rubric,
            title,
            photo=(n % 2 == 0),
            approach=LONG_APPROACH if n == 2 else "<p>Une démarche courte.</p>",
        )
        for n, (rubric, title) in enumerate(CHOSEN)
    ]
    pages.append(
        make_booklet_experience(
            Rubric.RULES, "Une charte restée en brouillon", publish=False
        )
    )
    booklet = make_booklet(pages, cover_image=make_image("Couverture du livret"))
    build_booklet_pdf.enqueue(booklet.pk)
    booklet = BookletPage.objects.get(pk=booklet.pk)
    assert booklet.pdf_document is not None
    with booklet.pdf_document.open_file() as f:
        return booklet, PdfReader(io.BytesIO(f.read()))


def test_sheets_appear_once_in_rubric_order_and_toc_points_at_them(booklet_pdf):
    booklet, reader = booklet_pdf
    texts = [flat(page.extract_text()) for page in reader.pages]
    toc_index = next(i for i, text in enumerate(texts) if text.startswith("Sommaire"))
    toc = texts[toc_index]
    body = texts[toc_index + 1 :]

    sheet_pages = []
    for title in EXPECTED_ORDER:
        found = [
            i
            for i, text in enumerate(body)
            if text.count(title) > text.count(f"« {title} »")
        ]
        assert len(found) == 1, (title, found)
        # Once as the sheet's title, once in its « Pour citer » line.
        assert sum(text.count(title) for text in body) == 2, title
        assert sum(text.count(f"« {title} »") for text in body) == 1, title
        sheet_pages.append(toc_index + 1 + found[0] + 1)  # 1-based page number
    assert sheet_pages == sorted(sheet_pages)
    assert "Une charte restée en brouillon" not in " ".join(texts)

    for title, page_number in zip(EXPECTED_ORDER, sheet_pages, strict=True):
        match = re.search(re.escape(title) + r"[\s.]*?(\d+)", toc)
        assert match, (title, toc)
        assert int(match.group(1)) == page_number, title

    # Chapter openers: the TOC number is the page carrying the rubric title
    # and its "expériences attendues".
    match = re.search(r"5\. Rendre compte des travaux[\s.]*?(\d+)", toc)
    opener = texts[int(match.group(1)) - 1]
    assert "Rendre compte des travaux" in opener
    assert "Expériences attendues" in opener

    # The long sheet runs over two pages; the running header names its rubric.
    long_start = sheet_pages[EXPECTED_ORDER.index(CHOSEN[2][1])]
    assert "Rendre compte des travaux" in texts[long_start]  # next page's header
    assert texts[long_start].count("Étape") > 0
    assert str(long_start + 1) in texts[long_start].split()

    # Sheet contents in the shape of seed 001, and a colophon.
    with_photo = texts[sheet_pages[EXPECTED_ORDER.index(CHOSEN[0][1])] - 1]
    for label in ("Où ?", "Quand ?", "Signe particulier", "Contact", "Objectifs"):
        assert label in with_photo, label
    assert "D'octobre 2016 à juin 2017" in with_photo
    assert "camille.martin@example.org" in with_photo
    assert "Crédit photo : Extracité" in with_photo
    # « Pour citer »: title, structure, rubric, date, absolute address, licence.
    photo_sheet = booklet_pdf_sheets(booklet)[CHOSEN[0][1]]
    citation = flat(with_photo.split("Pour citer cette fiche :")[1])
    assert citation.startswith(f"« {CHOSEN[0][1]} »")
    assert "rubrique « Évaluer le travail partenarial »" in citation
    assert "publiée le " in citation
    assert photo_sheet.full_url.startswith("http")
    assert photo_sheet.full_url in citation.replace(" ", "")
    assert "Licence Ouverte 2.0." in citation
    assert "Licence Ouverte" in texts[-1]


def test_pdf_is_tagged_with_title_language_and_embedded_fonts(booklet_pdf):
    booklet, reader = booklet_pdf
    root = reader.trailer["/Root"]

    assert reader.metadata.title.startswith(booklet.title)
    assert root["/Lang"] == "fr"
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert len(root["/StructTreeRoot"]["/K"]) > 0

    # Headings and figures are tagged; every figure has a text alternative.
    tags = {}
    figures = []

    def walk(node):
        node = node.get_object()
        if not hasattr(node, "get"):
            return
        if node.get("/S"):
            tags[node["/S"]] = tags.get(node["/S"], 0) + 1
            if node["/S"] == "/Figure":
                figures.append(node.get("/Alt"))
        children = node.get("/K")
        if children is None:
            return
        for child in children if isinstance(children, list) else [children]:
            walk(child)

    walk(root["/StructTreeRoot"])
    assert tags["/H1"] == 1
    assert tags["/H2"] >= 4 + 1  # four chapters, the table of contents, …
    assert tags["/H3"] == len(CHOSEN)
    assert len(figures) == 1 + 3  # the cover and three photos
    assert all(figures), figures

    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[font["/BaseFont"]] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert any("Marianne" in name for name in fonts)
    assert all(fonts.values()), fonts

    assert booklet.pdf_document.filename == "co-construction-edition-1.pdf"
    assert booklet.pdf_document.collection.name == "Livrets"
