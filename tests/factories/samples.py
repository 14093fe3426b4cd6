"""Sample data for the tests: the contribution form's post, uploaded files."""

import io
import re
import secrets
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

from PIL import Image

from experiences import antiabuse

FORM_URL = "/contribuer/"
FAKE_PDF = b"%PDF-1.7\n% stub\n%%EOF\n"


def valid_post(**overrides):
    """A complete post; its bot-trap timestamp is signed for its nonce (pass
    ``rendered_at`` to post another one)."""
    nonce = overrides.get("form_nonce") or secrets.token_urlsafe(24)
    data = {
        "title": "Une charte co-écrite avec le conseil citoyen",
        "rubric": "etablir-les-regles-de-la-co-construction",
        "summary": "Élu·e·s, services et habitant·e·s ont écrit ensemble une charte.",
        "communes": "Saint-Denis",
        "departement": "93",
        "quartiers": "Franc-Moisin",
        "start_date": "2023-09",
        "end_date": "2024-06",
        "feature": "Une charte signée par tous les partenaires",
        "objectives": "Donner au conseil citoyen une vraie place.",
        "approach": "Trois ateliers, puis une séance de signature.",
        "actors": "Ville, État, bailleurs, centre social.",
        "results": "La charte est appliquée.",
        "difficulties": "Trouver des horaires communs.",
        "advice": "Commencer petit.",
        "themes": ["citoyennete-participation", "cohesion-sociale"],
        "tags": "charte, ateliers",
        "links": "https://example.org/charte",
        "first_name": "Awa",
        "last_name": "Diallo",
        "email": "awa.diallo@example.org",
        "phone": "01 23 45 67 89",
        "role": "professionnel",
        "organisation": "Ville de Saint-Denis",
        "council": "Conseil citoyen Franc-Moisin",
        "consent_data": "on",
        "consent_licence": "on",
        "form_nonce": nonce,
        "rendered_at": antiabuse.rendered_at_token(nonce),
        "submit_form": "1",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def form_tokens(html):
    """The nonce and signed timestamp of the form in ``html``: what a browser
    posts when the person sends the form shown again."""
    nonce = re.search(r'name="form_nonce" value="([^"]+)"', html)[1]
    rendered_at = re.search(r'name="rendered_at" value="([^"]+)"', html)[1]
    return {"form_nonce": nonce, "rendered_at": rendered_at}


def png_bytes(size=(40, 30), color=(200, 30, 30)):
    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, format="PNG")
    return output.getvalue()


def pdf_file(name="compte-rendu.pdf", size=None):
    content = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    if size:
        content = content + b"0" * (size - len(content))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def jpeg_with_gps(name="photo.jpg"):
    image = Image.new("RGB", (40, 30), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Appareil"  # Make
    exif[0x8825] = {1: "N", 2: (48.0, 56.0, 10.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def png_file(name="schema.png"):
    buffer = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 255, 128)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def webp_file(name="affiche.webp"):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10), (0, 128, 0)).save(buffer, format="WEBP")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/webp")


def zip_file(name, entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry, content in entries.items():
            archive.writestr(entry, content)
    return SimpleUploadedFile(name, buffer.getvalue())


def odt_file(name="bilan.odt"):
    return zip_file(
        name,
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": "<office:document-content/>",
        },
    )


def ods_file(name="budget.ods"):
    return zip_file(
        name,
        {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": "<office:document-content/>",
        },
    )


def docx_file(name="bilan.docx"):
    return zip_file(
        name,
        {
            "[Content_Types].xml": (
                '<Types><Override PartName="/word/document.xml" ContentType="'
                "application/vnd.openxmlformats-officedocument."
                'wordprocessingml.document.main+xml"/></Types>'
            ),
            "word/document.xml": "<w:document/>",
        },
    )


def xlsx_file(name="budget.xlsx"):
    return zip_file(
        name,
        {
            "[Content_Types].xml": (
                '<Types><Override PartName="/xl/workbook.xml" ContentType="'
                "application/vnd.openxmlformats-officedocument."
                'spreadsheetml.sheet.main+xml"/></Types>'
            ),
            "xl/workbook.xml": "<workbook/>",
        },
    )


def _png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data))
    )


def huge_png(name="plan.png", side=13_000):
    """A black 1-bit PNG of ``side`` × ``side`` pixels, written without Pillow:
    a few dozen KiB on disk, 169 MB (one byte a pixel) once Pillow decodes it."""
    row = b"\x00" * (1 + (side + 7) // 8)  # filter byte, then the pixels
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(side))
    pixels += compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    content = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", pixels)
        + _png_chunk(b"IEND", b"")
    )
    return SimpleUploadedFile(name, content, content_type="image/png")


def truncated_png(name="coupee.png"):
    """A PNG whose header is sound but whose pixels stop half-way."""
    buffer = io.BytesIO()
    Image.effect_noise((200, 200), 60).convert("RGB").save(buffer, format="PNG")
    content = buffer.getvalue()
    return SimpleUploadedFile(name, content[: len(content) // 2])
