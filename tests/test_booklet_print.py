"""The booklet PDF as a printed guide: front matter before the sheets (in the
table of contents and the bookmarks), the running title and page number on
every page but the cover, and the machine-checkable part of PDF/UA-1."""

import re

import pikepdf
import pytest
from pdfua import Severity, validate
from pypdf import PdfReader
from weasyprint import HTML

from booklets import pdf
from booklets.models import BookletPage
from experiences.constants import Rubric
from tests.factories import make_booklet, make_image
from tests.factories import make_booklet_experience as make_experience

PT_PER_MM = 72 / 25.4
FOOTER_TOP = 22 * PT_PER_MM  # the bottom margin, where the running footer is
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


def flat(text):
    return " ".join(text.split())


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


@pytest.fixture
def booklet(site_tree):
    figure = {
        "image": make_image("Atelier du conseil citoyen"),
        "alt": "Des habitant·e·s autour d'une table, un plan du quartier devant eux",
        "caption": "Un atelier de quartier",
        "credit": "Recueil",
    }
    # A figure left « décorative » on screen still gets a text alternative
    # in the PDF (its caption), as PDF/UA asks of every figure.
    plain_figure = {
        "image": make_image("Forum 2019", colour=(200, 30, 30)),
        "alt": "",
        "caption": "Le forum de 2019",
        "credit": "",
    }
    front_matter = [
        ("foreword", {"title": "", "body": [paragraph("Un livret pour agir.")]}),
        (
            "thanks",
            {
                "title": "Merci à toutes et tous",
                "body": [paragraph("Merci aux conseils citoyens."), ("figure", figure)],
            },
        ),
        (
            "framework",
            {
                "title": "",
                "body": [
                    paragraph("Six rubriques, une trame commune."),
                    ("heading", {"text": "La trame d'une fiche", "level": "h2"}),
                    ("heading", {"text": "Les rubriques", "level": "h3"}),
                    ("figure", plain_figure),
                    ("quote", {"text": "Co-construire, c'est partager.", "author": ""}),
                    ("callout", {"title": "À retenir", "text": "Rien d'imposé."}),
                ],
            },
        ),
    ]
    sheets = [
        make_experience(Rubric.COLLECTIVE_DYNAMIC, "Un forum des conseils", photo=True),
        make_experience(Rubric.EVALUATION, "Une réunion bilan annuelle"),
    ]
    page = make_booklet(
        sheets, front_matter=front_matter, cover_image=make_image("Couverture")
    )
    return BookletPage.objects.get(pk=page.pk)


@pytest.fixture
def booklet_pdf(booklet, tmp_path):
    path = tmp_path / "livret.pdf"
    path.write_bytes(pdf.render_pdf(booklet))
    return path


def footer_text(page):
    found = []

    def visit(text, cm, tm, font, size):
        if tm[4] * cm[1] + tm[5] * cm[3] + cm[5] < FOOTER_TOP and text.strip():
            found.append(text)

    page.extract_text(visitor_text=visit)
    return flat(" ".join(found))


def test_front_matter_comes_before_the_sheets_in_toc_and_bookmarks(
    booklet, booklet_pdf, client
):
    reader = PdfReader(booklet_pdf)
    texts = [flat(page.extract_text()) for page in reader.pages]
    top_level = [
        (item.title, reader.get_destination_page_number(item) + 1)
        for item in reader.outline[0 if isinstance(reader.outline[0], list) else 1 :]
        if not isinstance(item, list)
    ]
    titles = [title for title, _page in top_level]
    assert titles[:3] == ["Avant-propos", "Merci à toutes et tous", "Le cadre"], titles
    assert titles[3:5] == [
        "Faire émerger une dynamique collective",
        "Évaluer le travail partenarial",
    ]
    pages = dict(top_level)
    assert pages["Avant-propos"] < pages["Le cadre"] < pages[titles[3]]
    assert "Un livret pour agir." in texts[pages["Avant-propos"] - 1]
    assert "Merci aux conseils citoyens." in texts[pages["Merci à toutes et tous"] - 1]
    assert "Les rubriques" in texts[pages["Le cadre"] - 1]

    toc = next(text for text in texts if text.startswith("Sommaire"))
    for title in titles[:3]:
        match = re.search(re.escape(title) + r"[\s.]*?(\d+)", toc)
        assert match and int(match.group(1)) == pages[title], (title, toc)

    # The screen version shows the same pages, in the same order, in its summary.
    html = client.get(booklet.url).content.decode()
    positions = [
        html.index(f'href="#{anchor}"')
        for anchor in ("avant-propos", "remerciements", "le-cadre")
    ]
    assert positions == sorted(positions)
    assert html.index('id="le-cadre"') < html.index('id="chapitre-1"')
    assert "Merci à toutes et tous" in html


def test_every_page_but_the_cover_carries_the_title_and_its_number(
    booklet, booklet_pdf
):
    reader = PdfReader(booklet_pdf)
    assert len(reader.pages) >= 8
    assert booklet.title not in footer_text(reader.pages[0])
    for number, page in enumerate(reader.pages[1:], start=2):
        footer = footer_text(page)
        assert booklet.title in footer, (number, footer)
        assert str(number) in footer.replace(booklet.title, "").split(), (
            number,
            footer,
        )


def tagged(path):
    """Heading levels and figure alternatives, in the structure tree's order."""
    levels, figures = [], []

    def walk(node):
        if isinstance(node, pikepdf.Array):
            for child in node:
                walk(child)
            return
        if not isinstance(node, pikepdf.Dictionary):
            return  # a marked-content id
        tag = str(node.get("/S", ""))
        if re.fullmatch(r"/H[1-6]", tag):
            levels.append(int(tag[2]))
        if tag == "/Figure":
            figures.append(str(node.get("/Alt", "")).strip())
        if "/K" in node:
            walk(node.K)

    with pikepdf.open(path) as document:
        root = document.Root
        if "/StructTreeRoot" in root:
            walk(root.StructTreeRoot.get("/K", pikepdf.Array()))
    return levels, figures


def structure_problems(path):
    """What the machine can check of PDF/UA-1 beyond `pdfua`'s rules: headings
    in order, every figure described, title shown, all content marked."""
    problems = []
    with pikepdf.open(path) as document:
        root = document.Root
        if str(root.get("/Lang", "")) != "fr":
            problems.append("langue absente")
        if not root.get("/MarkInfo", {}).get("/Marked", False):
            problems.append("document non marqué")
        preferences = root.get("/ViewerPreferences", {})
        if not preferences.get("/DisplayDocTitle", False):
            problems.append("titre non affiché")
        with document.open_metadata() as meta:
            if not meta.get("dc:title"):
                problems.append("titre absent des métadonnées")
        if "/StructTreeRoot" not in root:
            problems.append("arbre de structure absent")

    levels, figures = tagged(path)
    with pikepdf.open(path) as document:
        if not levels or levels[0] != 1:
            problems.append(f"le premier titre n'est pas un H1 : {levels[:1]}")
        for before, after in zip(levels, levels[1:], strict=False):
            if after > before + 1:
                problems.append(f"niveau de titre sauté : H{before} puis H{after}")
        if not figures:
            problems.append("aucune figure balisée")
        problems += ["figure sans alternative" for alt in figures if not alt]

        for number, page in enumerate(document.pages, start=1):
            depth = 0
            for _operands, operator in pikepdf.parse_content_stream(page):
                name = str(operator)
                if name in ("BDC", "BMC"):
                    depth += 1
                elif name == "EMC":
                    depth -= 1
                elif (name in TEXT_SHOWING or name == "Do") and depth <= 0:
                    problems.append(f"contenu non balisé page {number}")
                    break
    return problems


def test_pdf_passes_the_machine_checkable_part_of_pdf_ua(booklet, booklet_pdf):
    report = validate(str(booklet_pdf))
    findings = [
        (finding.rule_id, finding.message)
        for finding in report.findings
        if finding.severity in (Severity.ERROR, Severity.WARNING)
    ]
    assert findings == []
    assert structure_problems(booklet_pdf) == []

    reader = PdfReader(booklet_pdf)
    assert reader.metadata.title.startswith(booklet.title)
    levels, figures = tagged(booklet_pdf)
    assert levels.count(1) == 1  # the cover's title
    assert 4 in levels  # the framework's sub-heading, and the sheets' sections
    # The cover, the sheet's photo and both front-matter figures, the one left
    # « décorative » on screen described by its caption.
    assert len(figures) == 4
    assert (
        "Des habitant·e·s autour d'une table, un plan du quartier devant eux" in figures
    )
    assert "Le forum de 2019" in figures


def test_the_checks_catch_an_untagged_pdf(booklet, tmp_path):
    """The same booklet written without the PDF/UA variant fails them: the
    checks above can fail."""
    composition_html = pdf.render_print_html(booklet, pdf.compose(booklet))
    root = pdf.root_url_for(booklet)
    path = tmp_path / "non-balise.pdf"
    HTML(
        string=composition_html.replace('<html lang="fr">', "<html>"),
        base_url=root,
        url_fetcher=pdf.LocalFetcher(root),
    ).write_pdf(path)
    assert validate(str(path)).findings
    problems = structure_problems(path)
    assert "arbre de structure absent" in problems
    assert "langue absente" in problems
    assert "contenu non balisé page 1" in problems
