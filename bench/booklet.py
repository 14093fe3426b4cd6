"""Time and memory of one booklet PDF build from bulk data.

    .venv/bin/python bench/booklet.py [--sheets 60] [--photos-every 2]

Builds a throw-away SQLite site in a temporary folder (migrate, setup_site,
seed_bulk), gives every other sheet a 1600×1067 photo, creates a booklet of
`--sheets` hand-picked experiences spread over the six rubrics, then builds
its PDF in a fresh child process so that the peak memory reported is the
build's own (Django + WeasyPrint), not the set-up's. Prints a table and writes
it to bench/RESULTS-booklet.md. Target: ≤ 30 s on the 2-core CI machine.
"""

import argparse
import datetime
import io
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "RESULTS-booklet.md"
TARGET_SECONDS = 30

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--sheets", type=int, default=60)
parser.add_argument("--photos-every", type=int, default=2)
parser.add_argument("--build", type=int, help=argparse.SUPPRESS)
parser.add_argument("--var-dir", help=argparse.SUPPRESS)
ARGS = parser.parse_args()
# The child process that builds the PDF reads the parent's throw-away site.
VAR_DIR = Path(ARGS.var_dir or tempfile.mkdtemp(prefix="recueil-bench-booklet-"))

os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
os.environ["VAR_DIR"] = str(VAR_DIR)
os.environ["DATABASE_URL"] = f"sqlite:///{VAR_DIR / 'bench.sqlite3'}"
os.environ["TASKS_BACKEND"] = "immediate"
os.environ.setdefault("LOG_LEVEL", "WARNING")
sys.path.insert(0, str(BASE_DIR))

import django  # noqa: E402

django.setup()

from django.core.files.images import ImageFile  # noqa: E402
from django.core.management import call_command  # noqa: E402

from wagtail.images import get_image_model  # noqa: E402
from wagtail.signals import page_published  # noqa: E402

from PIL import Image, ImageDraw  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from booklets import pdf, signals  # noqa: E402
from booklets.composition import compose, fingerprint  # noqa: E402
from booklets.models import BookletIndexPage, BookletPage, BookletSheet  # noqa: E402
from experiences.constants import Rubric  # noqa: E402
from experiences.models import ExperiencePage, ExperiencePhoto  # noqa: E402


def photo(rng_seed):
    width, height = 1600, 1067
    picture = Image.effect_noise((width, height), 40).convert("RGB")
    tint = Image.new("RGB", (width, height), (0, 0, 145 + rng_seed % 100))
    picture = Image.blend(picture, tint, 0.6)
    draw = ImageDraw.Draw(picture)
    for n in range(12):
        x = (rng_seed * 97 + n * 131) % width
        draw.ellipse((x, n * 80, x + 300, n * 80 + 300), fill=(225, 0, 15 + n * 10))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88)
    return buffer


def set_up(sheets, photos_every):
    """Bulk pages, photos and a booklet; returns the booklet's id."""
    call_command("migrate", verbosity=0)
    call_command("setup_site", verbosity=0)
    call_command("seed_bulk", experiences=sheets * 2, verbosity=0)
    page_published.disconnect(signals.rebuild_on_publish)

    per_rubric = -(-sheets // len(Rubric))
    chosen = []
    for rubric in Rubric.values:
        chosen += list(
            ExperiencePage.objects.live()
            .filter(rubric=rubric)
            .order_by("path")
            .values_list("pk", flat=True)[:per_rubric]
        )
    chosen = chosen[:sheets]
    image_model = get_image_model()
    for position, pk in enumerate(chosen):
        if position % photos_every == 0:
            image = image_model.objects.create(
                title=f"Photo {pk}",
                file=ImageFile(photo(pk), name=f"bench-{pk}.jpg"),
            )
            ExperiencePhoto.objects.create(
                page_id=pk, image=image, caption="Un temps d'échange", credit="Bench"
            )
    booklet = BookletPage(
        title="Les conseils citoyens, levier pour la co-construction",
        slug="bench",
        subtitle="Livret de mesure",
        edition_date=datetime.date(2020, 10, 1),
        publisher="Agence nationale de la cohésion des territoires",
        front_matter=[
            (
                "foreword",
                {
                    "title": "",
                    "body": [
                        ("paragraph", "<p>Livret construit pour mesurer le PDF.</p>")
                    ],
                },
            )
        ],
        live=False,
    )
    booklet.sheets = [BookletSheet(experience_id=pk) for pk in reversed(chosen)]
    BookletIndexPage.objects.get().add_child(instance=booklet)
    booklet.save_revision().publish()
    return booklet.pk


def build_in_this_process(booklet_id):
    booklet = BookletPage.objects.get(pk=booklet_id)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    composition = compose(booklet)
    composed = time.perf_counter()
    data = pdf.render_pdf(booklet, composition)
    rendered = time.perf_counter()
    pdf.store_pdf(booklet, data, fingerprint(booklet, composition))
    stored = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    pages = len(PdfReader(io.BytesIO(data)).pages)
    return {
        "sheets": len(composition),
        "chapters": len(composition.chapters),
        "pages": pages,
        "bytes": len(data),
        "compose_s": composed - started,
        "render_s": rendered - composed,
        "store_s": stored - rendered,
        "total_s": stored - started,
        "cpu_s": cpu,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main():
    args = ARGS
    if args.build:
        print(json.dumps(build_in_this_process(args.build)))
        return

    var_dir = VAR_DIR
    started = time.perf_counter()
    booklet_id = set_up(args.sheets, args.photos_every)
    set_up_s = time.perf_counter() - started

    child = subprocess.run(
        [
            sys.executable,
            __file__,
            "--build",
            str(booklet_id),
            "--var-dir",
            str(var_dir),
        ],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ.copy(),
    )
    result = json.loads(child.stdout.strip().splitlines()[-1])
    shutil.rmtree(var_dir, ignore_errors=True)

    verdict = "OK" if result["total_s"] <= TARGET_SECONDS else "TOO SLOW"
    rows = [
        ("sheets / chapters", f"{result['sheets']} / {result['chapters']}"),
        ("photos", f"1 every {args.photos_every} sheets, 1600×1067 JPEG"),
        ("PDF pages", str(result["pages"])),
        ("PDF size", f"{result['bytes'] / 1_000_000:.1f} MB"),
        ("compose (queries)", f"{result['compose_s']:.2f} s"),
        ("render (WeasyPrint, PDF/UA-1)", f"{result['render_s']:.1f} s"),
        ("store (Wagtail document)", f"{result['store_s']:.2f} s"),
        (
            "**total build**",
            f"**{result['total_s']:.1f} s** ({verdict}, target ≤ {TARGET_SECONDS} s)",
        ),
        (
            "CPU time of the build",
            f"{result['cpu_s']:.1f} s (the rest is waiting "
            "for a core shared with other processes)",
        ),
        ("peak RSS of the build process", f"{result['peak_rss_mb']:.0f} MB"),
        ("set-up (not timed in the build)", f"{set_up_s:.0f} s"),
    ]
    table = "\n".join(
        ["| measure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows]
    )
    header = (
        f"# Booklet PDF build\n\n`.venv/bin/python bench/booklet.py --sheets "
        f"{args.sheets}` on {platform.node()} ({os.cpu_count()} cores, Python "
        f"{platform.python_version()}, SQLite), {time.strftime('%Y-%m-%d %H:%M')}.\n"
        "The build runs in a fresh process; renditions are made during the build "
        "(cold).\n\n"
    )
    RESULTS.write_text(header + table + "\n")
    print(header + table)


if __name__ == "__main__":
    main()
