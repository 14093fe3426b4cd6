"""Demo images and documents, drawn locally (Pillow, WeasyPrint): no download.

Each image is a simple abstract illustration in the DSFR palette with a French
caption band; each document a short PDF made from a small HTML string. Their
texts (titles, captions, table rows) come from `demo/data/media.toml`.
"""

import io
import math
import random
from html import escape

from PIL import Image, ImageDraw, ImageFont

BLUE_FRANCE = (0, 0, 145)
RED_MARIANNE = (225, 0, 15)
PALETTE = [
    (0, 0, 145),  # bleu France
    (225, 0, 15),  # rouge Marianne
    (0, 150, 120),  # menthe
    (254, 203, 47),  # tournesol
    (206, 97, 75),  # terre battue
    (106, 106, 244),  # bleu cumulus
    (169, 87, 140),  # glycine
    (24, 117, 59),  # émeraude
]
BACKGROUNDS = [
    (232, 237, 255),
    (254, 247, 218),
    (223, 246, 236),
    (254, 236, 228),
    (238, 238, 238),
]
WIDTH, HEIGHT = 1200, 800
BAND = 110
COVER_WIDTH, COVER_HEIGHT = 900, 1270


def _font(size, bold=False):
    names = (
        ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"]
        if bold
        else ["DejaVuSans.ttf", "LiberationSans-Regular.ttf"]
    )
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _person(draw, x, y, scale, colour):
    head = 16 * scale
    draw.ellipse((x - head, y - 3 * head, x + head, y - head), fill=colour)
    draw.rounded_rectangle(
        (x - 1.6 * head, y - 0.8 * head, x + 1.6 * head, y + 2.4 * head),
        radius=head,
        fill=colour,
    )


def _gathering(draw, rng, area):
    left, top, right, bottom = area
    tables = rng.randint(2, 3)
    spacing = (right - left) / tables
    cy = (top + bottom) / 2 + 10
    rx, ry = 140, 62
    for index in range(tables):
        ox = left + spacing * (index + 0.5) + rng.randint(-15, 15)
        seats = rng.randint(5, 7)
        places = []
        for seat in range(seats):
            angle = math.pi * 2 * seat / seats + rng.random() * 0.3
            places.append(
                (ox + math.cos(angle) * (rx + 35), cy + math.sin(angle) * (ry + 70))
            )
        behind = [p for p in places if p[1] < cy]
        in_front = [p for p in places if p[1] >= cy]
        for x, y in behind:
            _person(draw, x, y, 1.4, rng.choice(PALETTE))
        draw.ellipse(
            (ox - rx, cy - ry, ox + rx, cy + ry),
            fill=(255, 255, 255),
            outline=BLUE_FRANCE,
            width=4,
        )
        for x, y in in_front:
            _person(draw, x, y + 25, 1.4, rng.choice(PALETTE))


def _assembly(draw, rng, area):
    left, top, right, bottom = area
    cx, cy = (left + right) / 2, bottom - 30
    for row in range(4):
        radius = 200 + row * 95
        seats = 9 + row * 4
        for seat in range(seats):
            angle = math.pi + math.pi * (seat + 0.5) / seats
            _person(
                draw,
                cx + math.cos(angle) * radius,
                cy + math.sin(angle) * radius * 0.85,
                0.8,
                rng.choice(PALETTE),
            )
    draw.rounded_rectangle((cx - 90, cy - 70, cx + 90, cy), radius=10, fill=BLUE_FRANCE)


def _map(draw, rng, area):
    left, top, right, bottom = area
    cols, rows = 3, 3
    cell_w, cell_h = (right - left - 160) / cols, (bottom - top - 60) / rows
    points = {}
    for i in range(cols + 1):
        for j in range(rows + 1):
            jitter = 0 if i in (0, cols) or j in (0, rows) else 35
            points[i, j] = (
                left + 80 + i * cell_w + rng.randint(-jitter, jitter),
                top + 30 + j * cell_h + rng.randint(-jitter, jitter),
            )
    for i in range(cols):
        for j in range(rows):
            polygon = [points[i, j], points[i + 1, j], points[i + 1, j + 1]]
            polygon.append(points[i, j + 1])
            draw.polygon(polygon, fill=rng.choice(BACKGROUNDS[:4]), outline=BLUE_FRANCE)
            draw.line(polygon + [polygon[0]], fill=BLUE_FRANCE, width=3)
    for _ in range(20):
        x = rng.uniform(left + 110, right - 110)
        y = rng.uniform(top + 60, bottom - 40)
        draw.ellipse((x - 13, y - 13, x + 13, y + 13), fill=RED_MARIANNE)
        draw.ellipse((x - 5, y - 5, x + 5, y + 5), fill=(255, 255, 255))
    river = [
        (left + 40 + t * (right - left - 80) / 30, top + 90 + 40 * math.sin(t / 4))
        for t in range(31)
    ]
    draw.line(river, fill=(106, 106, 244), width=10, joint="curve")


def _paper(draw, rng, area):
    left, top, right, bottom = area
    for index in range(3):
        x0 = left + 250 + index * 70
        y0 = top + 40 + index * 30
        x1, y1 = x0 + 460, min(bottom - 10, y0 + 560)
        draw.rectangle((x0 + 8, y0 + 8, x1 + 8, y1 + 8), fill=(200, 200, 210))
        draw.rectangle((x0, y0, x1, y1), fill=(255, 255, 255), outline=(180, 180, 190))
        draw.rectangle((x0 + 30, y0 + 30, x1 - 30, y0 + 80), fill=PALETTE[index])
        y = y0 + 110
        while y < y1 - 30:
            width = rng.randint(200, 400)
            draw.rounded_rectangle(
                (x0 + 30, y, x0 + 30 + width, y + 12), radius=6, fill=(205, 205, 215)
            )
            y += 30


def _cards(draw, rng, area):
    left, top, right, bottom = area
    colours = [(24, 117, 59), (254, 203, 47), (225, 0, 15), (106, 106, 244)]
    for index in range(14):
        x = rng.uniform(left + 60, right - 260)
        y = rng.uniform(top + 20, bottom - 200)
        colour = colours[index % len(colours)]
        draw.rounded_rectangle(
            (x + 6, y + 6, x + 196, y + 186), radius=14, fill=(190, 190, 200)
        )
        draw.rounded_rectangle((x, y, x + 190, y + 180), radius=14, fill=colour)
        for line in range(3):
            draw.rounded_rectangle(
                (x + 24, y + 40 + line * 34, x + 160, y + 52 + line * 34),
                radius=6,
                fill=(255, 255, 255),
            )


def _street(draw, rng, area):
    left, top, right, bottom = area
    for index in range(9):
        x = left + 30 + index * 125
        height = rng.randint(180, 420)
        draw.rectangle(
            (x, bottom - height, x + 95, bottom),
            fill=rng.choice([(205, 210, 235), (230, 225, 215), (215, 235, 225)]),
        )
        for wy in range(bottom - height + 20, bottom - 30, 45):
            for wx in (x + 15, x + 55):
                draw.rectangle((wx, wy, wx + 24, wy + 24), fill=(255, 255, 255))
    path = [
        (left + 20 + t * (right - left - 40) / 40, bottom - 120 + 70 * math.sin(t / 5))
        for t in range(41)
    ]
    draw.line(path, fill=BLUE_FRANCE, width=16, joint="curve")
    for x, y in path[4::8]:
        draw.ellipse((x - 22, y - 22, x + 22, y + 22), fill=RED_MARIANNE)
        draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=(255, 255, 255))


def _cover(draw, rng, area, spec):
    left, top, right, bottom = area
    band = top + 420
    draw.rectangle((left, top, right, band), fill=BLUE_FRANCE)
    draw.rectangle((left, band, left + 220, band + 14), fill=RED_MARIANNE)
    for _ in range(26):
        x = rng.uniform(left + 60, right - 60)
        y = rng.uniform(band + 80, bottom - 60)
        radius = rng.randint(20, 80)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=rng.choice(PALETTE[2:]),
        )
    draw.text(
        (left + 60, top + 60), spec["kicker"], font=_font(30), fill=(255, 255, 255)
    )
    font = _font(50, bold=True)
    y = top + 130
    for line in _wrap(draw, spec["caption"], font, right - 140):
        draw.text((left + 60, y), line, font=font, fill=(255, 255, 255))
        y += 64


COVER = "cover"  # the booklet's portrait cover, with its kicker and title
MOTIFS = {
    "gathering": _gathering,
    "assembly": _assembly,
    "map": _map,
    "paper": _paper,
    "cards": _cards,
    "street": _street,
}


def _wrap(draw, text, font, width):
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    return [*lines, current]


def render_image(key, spec):
    """The JPEG bytes of demo image ``key`` (``spec``: its entry of media.toml);
    the same key always draws the same."""
    rng = random.Random(key)  # noqa: S311 (drawing, not security)
    if spec["motif"] == COVER:
        # A portrait A4-like cover, its title drawn in the blue band.
        image = Image.new("RGB", (COVER_WIDTH, COVER_HEIGHT), (245, 245, 254))
        _cover(ImageDraw.Draw(image), rng, (0, 0, COVER_WIDTH, COVER_HEIGHT), spec)
        return _jpeg(image)
    image = Image.new("RGB", (WIDTH, HEIGHT), rng.choice(BACKGROUNDS))
    draw = ImageDraw.Draw(image)
    MOTIFS[spec["motif"]](draw, rng, (0, 0, WIDTH, HEIGHT - BAND))
    draw.rectangle((0, HEIGHT - BAND, WIDTH, HEIGHT), fill=(255, 255, 255))
    draw.rectangle((0, HEIGHT - BAND, 12, HEIGHT), fill=BLUE_FRANCE)
    font = _font(30, bold=True)
    lines = _wrap(draw, spec["caption"], font, WIDTH - 80)[:2]
    y = HEIGHT - BAND + (BAND - 40 * len(lines)) / 2
    for line in lines:
        draw.text((40, y), line, font=font, fill=(22, 22, 22))
        y += 40
    return _jpeg(image)


def _jpeg(image):
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=85, optimize=True)
    return output.getvalue()


PDF_CSS = """
@page { size: A4; margin: 2cm; }
body { font-family: sans-serif; font-size: 11pt; color: #161616; }
h1 { color: #000091; font-size: 18pt; border-bottom: 3px solid #e1000f; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; }
th, td { border: 1px solid #929292; padding: 6pt; text-align: left; }
th { background: #e8edff; }
p.note { color: #666; font-size: 9pt; margin-top: 2em; }
"""


def render_pdf(spec):
    """The PDF bytes of a demo document (``spec``: its entry of media.toml)."""
    from weasyprint import HTML

    title, heading, header = spec["title"], spec["heading"], spec["header"]
    cells = "".join(
        f"<tr><td>{escape(left)}</td><td>{escape(right)}</td></tr>"
        for left, right in spec["rows"]
    )
    document = f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>{PDF_CSS}</style></head><body>
<h1>{escape(heading)}</h1>
<table><thead><tr><th>{escape(header[0])}</th><th>{escape(header[1])}</th></tr>
</thead><tbody>{cells}</tbody></table>
<p class="note">Document de démonstration du site Recueil.</p>
</body></html>"""
    return HTML(string=document).write_pdf()
