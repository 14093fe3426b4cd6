"""Benchmark of the moderation queue at 50 000 submissions.

Fills the database (once: `seed_bulk --submissions`, through
experiences.bulk_submissions), then prints, server-side (Django's test client
in this process, production settings `config.settings.bench`, DEBUG off), the
median and p95 time and the query count of the queue's page as an editorial
lead (unfiltered, deep page, sorted, filtered, searched), the time of the
counts per state, and the export task: CSV and XLSX of the whole queue, with
Python's peak memory (tracemalloc) at 5 000 and at 50 000 rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/recueil_bench \\
        .venv/bin/python bench/moderation_queue.py --rows 50000
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
os.environ.setdefault("BENCH_CACHE", "locmem")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import F  # noqa: E402
from django.db.models.functions import Mod  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from experiences import bulk_submissions, queue_exports  # noqa: E402
from experiences.admin_queue import status_counts  # noqa: E402
from experiences.constants import GROUP_EDITORIAL_LEADS  # noqa: E402
from experiences.models import QueueExport, Submission  # noqa: E402
from experiences.states import Status  # noqa: E402
from home.setup import setup_site  # noqa: E402

QUEUE = "/admin/contributions/"
HOST = "127.0.0.1"


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def timed(function, runs):
    """Durations (ms) of ``runs`` calls, and the queries of the last one."""
    durations, counter = [], QueryCounter()
    for _ in range(runs):
        counter.count = 0
        started = time.perf_counter()
        with connection.execute_wrapper(counter):
            function()
        durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    p95 = durations[min(len(durations) - 1, round(0.95 * (len(durations) - 1)))]
    return statistics.median(durations), p95, counter.count


def peak_mib(function):
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()


def prepare(rows):
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    setup_site()
    lead, _ = get_user_model().objects.get_or_create(
        username="bench-lead", defaults={"email": "bench@example.org"}
    )
    lead.groups.add(Group.objects.get(name=GROUP_EDITORIAL_LEADS))
    started = time.perf_counter()
    bulk_submissions.create(rows)
    # One in four, assigned to the lead (« à moi »), if nobody is yet.
    if not Submission.objects.filter(assigned_to=lead).exists():
        bulk_submissions.bulk_submissions().annotate(four=Mod(F("id"), 4)).filter(
            four=0
        ).update(assigned_to=lead)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE experiences_submission")
    total = Submission.objects.exclude(status=Status.DRAFT).count()
    elapsed = time.perf_counter() - started
    print(f"{total} contributions ({elapsed:.1f} s de préparation)")
    return lead, total


def page(client, query):
    def run():
        response = client.get(QUEUE, query)
        if response.status_code != 200:
            raise SystemExit(f"{QUEUE} {query}: HTTP {response.status_code}")
        response.content  # noqa: B018

    return run


DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def requested(lead, fmt, limit=None):
    """An export as the lead's request records it (the task not run)."""
    queryset = Submission.objects.filter(submitted_at__isnull=False).order_by(
        "-submitted_at", "-id"
    )
    if limit:
        queryset = queryset[:limit]
    with override_settings(TASKS=DUMMY_TASKS):
        return queue_exports.request_export(queryset, lead, fmt, QueryDict(""))


def built(export):
    """What the task does; then the file and the row are deleted."""
    queue_exports.build(export.pk)
    export.refresh_from_db()
    if export.status != QueueExport.Status.READY:
        raise SystemExit(f"export {export.format}: {export.status}")
    size = export.file.size
    export.file.delete(save=False)
    export.delete()
    return size


def bench_exports(client, lead, total, options):
    def ask():
        with override_settings(TASKS=DUMMY_TASKS):
            response = client.post(QUEUE + "?export=csv")
        if response.status_code != 302:
            raise SystemExit(f"demande d'export : HTTP {response.status_code}")

    median, p95, queries = timed(ask, options.runs)
    QueueExport.objects.all().delete()
    print(
        f"| {'demande d’export (POST, sans la tâche)':42} | {median:12.0f} "
        f"| {p95:8.0f} | {queries:8d} |"
    )
    print(
        "\n| export (la tâche) | durée (s) | CPU du processus (s) | pic mémoire "
        f"à {options.small} (Mio) | pic mémoire à {total} (Mio) | fichier (Mo) |"
    )
    print("|---|--:|--:|--:|--:|--:|")
    for fmt in ("csv", "xlsx"):
        durations, cpu = [], []
        for _ in range(options.export_runs):
            export = requested(lead, fmt)
            started, started_cpu = time.perf_counter(), time.process_time()
            size = built(export)
            durations.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        peaks = []
        for limit in (options.small, None):
            export = requested(lead, fmt, limit)
            peaks.append(peak_mib(lambda export=export: built(export)))
        print(
            f"| {fmt.upper()}, toute la file | {statistics.median(durations):.1f} | "
            f"{statistics.median(cpu):.1f} | {peaks[0]:.1f} | {peaks[1]:.1f} "
            f"| {size / 1e6:.1f} |",
            flush=True,
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--export-runs", type=int, default=3)
    parser.add_argument("--small", type=int, default=5_000)
    options = parser.parse_args()

    lead, total = prepare(options.rows)
    client = Client(HTTP_HOST=HOST)
    client.force_login(lead)
    cases = [
        ("liste, sans filtre", {}),
        ("liste, page 500", {"p": 500}),
        ("liste, tri par attente", {"o": "-8"}),
        ("liste, filtre état", {"etat": "en-examen"}),
        (
            "liste, filtrée (état + région + à moi)",
            {"etat": "en-examen", "region": "ile-de-france", "attribution": "moi"},
        ),
        ("liste, recherche « atelier »", {"q": "atelier"}),
        ("liste, recherche « REX-B2026-0004 »", {"q": "REX-B2026-0004"}),
        ("liste, recherche « réunion bilan »", {"q": "reunion bilan"}),
    ]
    page(client, {})()  # warm-up
    print(f"charge de la machine (1 min) : {os.getloadavg()[0]:.1f}")
    print(f"\n{connection.vendor}, {total} contributions, {options.runs} essais\n")
    print(f"| {'mesure':42} | médiane (ms) | p95 (ms) | requêtes |")
    print(f"|{'-' * 44}|-------------:|---------:|---------:|")
    for label, query in cases:
        median, p95, queries = timed(page(client, query), options.runs)
        print(f"| {label:42} | {median:12.0f} | {p95:8.0f} | {queries:8d} |")
    median, p95, queries = timed(status_counts, options.runs)
    label = "comptes par état (la requête seule)"
    print(f"| {label:42} | {median:12.1f} | {p95:8.1f} | {queries:8d} |")

    bench_exports(client, lead, total, options)


if __name__ == "__main__":
    main()
