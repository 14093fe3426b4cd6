"""Response times of the public pages under gunicorn, cold and warm, against a
trivial view.

Prepares a PostgreSQL database of its own (created if missing; migrate,
setup_site, collectstatic, and `seed_bulk` only when fewer bulk experiences
exist than asked), then starts gunicorn on 127.0.0.1 with `config.settings.bench`
(the production settings, DEBUG off) twice:

- *à froid* (cold): ``CACHE_BACKEND=dummy``: every Django cache is a
  `DummyCache`, nothing is remembered between requests (no page, no Wagtail
  site paths); every request costs what the first visit after a publication
  costs;
- *cache chaud* (warm): ``CACHE_BACKEND=redis`` (database 15): the same address
  every time, after priming; every measured response must say
  ``X-Recueil-Cache: hit``.

In each, the health check `/sante/` (no database, no template) and every page
are timed in interleaved rounds (one request each per round), sequentially from
one client (`http.client`); gunicorn runs sync workers, as in production behind
nginx. Prints two Markdown tables: median, p95, their ratio to the trivial
view's of the same run, and the SQL queries of each page (counted in this
process with the Django test client, every cache a DummyCache).

    .venv/bin/python bench/public_pages.py --experiences 10000 --requests 100
"""

import argparse
import datetime
import http.client
import math
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/recueil_bench"
TRIVIAL = "/sante/"
TARGET_COLD_RATIO = 20
TARGET_WARM_RATIO = 1.5


def target_cold_p95(experiences):
    return 50 if experiences <= 10_000 else 150


def target_cold_ratio(experiences):
    """The median's target, cold: 20× the trivial view at 10 000
    experiences; at 100 000, only the p95 has one (the ratio is shown)."""
    return TARGET_COLD_RATIO if experiences <= 10_000 else None


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--experiences", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=100, help="par mesure")
    parser.add_argument("--warmup", type=int, default=5, help="par mesure")
    parser.add_argument("--workers", type=int, default=2, help="workers gunicorn")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--var-dir", default=str(ROOT / "var" / "bench"))
    return parser.parse_args()


OPTIONS = parse_args()
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
os.environ["DATABASE_URL"] = OPTIONS.database_url
os.environ["VAR_DIR"] = OPTIONS.var_dir
# This process counts the queries of a cold page: nothing cached here either.
os.environ["CACHE_BACKEND"] = "dummy"
Path(OPTIONS.var_dir).mkdir(parents=True, exist_ok=True)
sys.path.insert(0, str(ROOT))


def create_database(url):
    """CREATE DATABASE when it does not exist yet (PostgreSQL only)."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        raise SystemExit("Ce banc mesure le site sur PostgreSQL (DATABASE_URL).")
    with psycopg.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        autocommit=True,
    ) as admin:
        name = config["NAME"]
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
            print(f"Base {name} créée.")


create_database(OPTIONS.database_url)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from gunicorn_server import free_port, start, stop  # noqa: E402

from experiences.management.commands.seed_bulk import PREFIX  # noqa: E402
from experiences.models import Department, ExperiencePage, RubricPage  # noqa: E402
from home.setup import setup_site  # noqa: E402


def prepare(experiences):
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    setup_site()
    existing = ExperiencePage.objects.filter(slug__startswith=PREFIX).count()
    if existing < experiences:
        call_command("seed_bulk", experiences=experiences)
    call_command("collectstatic", interactive=False, verbosity=0)
    # Fresh planner statistics, as autovacuum keeps them in production: a
    # database just seeded has none, and its plans would be a new install's.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    total = ExperiencePage.objects.live().count()
    print(
        f"{total} expériences publiées "
        f"(préparation : {time.perf_counter() - started:.0f} s)"
    )
    return total


def pick_pages():
    """The addresses measured: real values from the seeded data."""
    rubric = RubricPage.objects.live().order_by("path").first()
    experience = (
        ExperiencePage.objects.live()
        .filter(slug__startswith=PREFIX)
        .order_by("path")
        .first()
    )
    # Three filters that still leave results: the most common department's
    # region, a rubric and a theme of a seeded experience.
    sample = (
        ExperiencePage.objects.live()
        .filter(slug__startswith=PREFIX, department__code="93")
        .order_by("pk")
        .first()
    )
    region = Department.objects.select_related("region").get(code="93").region.slug
    theme = sample.themes.order_by("pk").first().slug
    three = urlencode({"rubrique": sample.rubric, "region": region, "theme": theme})
    search = urlencode({"q": "évaluations", "region": region, "annee": 2020})
    return [
        ("Liste sans filtre", "/experiences/"),
        ("Liste, 3 filtres", f"/experiences/?{three}"),
        ("Liste, q + 2 filtres", f"/experiences/?{search}"),
        ("Page de rubrique", rubric.url),
        ("Page d'expérience", experience.url),
        ("Accueil", "/"),
        ("Événements", "/evenements/"),
        ("Recherche `q=conseil`", "/recherche/?q=conseil"),
    ]


def count_queries(pages):
    """SQL queries per page, in this process (every cache a DummyCache)."""
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for label, path in pages:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} : HTTP {response.status_code}")
        counts[label] = len(queries)
    return counts


def start_gunicorn(port, workers, cache_backend):
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    env = {**os.environ, "CACHE_BACKEND": cache_backend}
    if cache_backend == "redis":
        env["REDIS_URL"] = settings.BENCH_REDIS_URL
    server = start(command, port, TRIVIAL, cwd=ROOT, env=env)
    return server, " ".join(command[1:])


class HttpClient:
    """One client, sequential requests; http.client reopens the connection when
    gunicorn (sync workers) closes it after each response."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def get(self, path, expect_cache=None):
        started = time.perf_counter()
        self.conn.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = self.conn.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        if response.status != 200 or not body:
            raise SystemExit(f"{path} : HTTP {response.status}")
        if expect_cache and response.getheader("X-Recueil-Cache") != expect_cache:
            raise SystemExit(
                f"{path} : X-Recueil-Cache={response.getheader('X-Recueil-Cache')}, "
                f"attendu {expect_cache}"
            )
        return elapsed

    def close(self):
        self.conn.close()


def p95(values):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def run_rounds(client, cases, requests, warmup):
    """Interleaved rounds: every measure gets one request per round, so a load
    spike from elsewhere on the machine hits them all alike."""
    times = {key: [] for key, _, _ in cases}
    for round_number in range(warmup + requests):
        for key, path, expect in cases:
            elapsed = client.get(path, expect_cache=expect)
            if round_number >= warmup:
                times[key].append(elapsed * 1000)
    return times


def measure(port, pages, requests, warmup, warm):
    client = HttpClient(port)
    cases = [("trivial", TRIVIAL, None)]
    cases += [(label, path, "hit" if warm else None) for label, path in pages]
    if warm:
        for _, path, _ in cases[1:]:
            # Each sync worker keeps nothing of its own: Redis serves both.
            client.get(path)
    times = run_rounds(client, cases, requests, warmup)
    client.close()
    return times


def machine():
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    load = os.getloadavg()
    return (
        f"{platform.node()}, {os.cpu_count()} cœurs ({cpu}), "
        f"Python {platform.python_version()}, PostgreSQL {pg.split()[0]}, "
        f"charge moyenne au départ {load[0]:.1f}"
    )


def report(title, times, query_counts, pages, warm):
    trivial_median = statistics.median(times["trivial"])
    cold_p95 = target_cold_p95(OPTIONS.experiences)
    cold_ratio = target_cold_ratio(OPTIONS.experiences)
    lines = [
        f"### {title}",
        "",
        "| page | requêtes SQL | médiane (ms) | p95 (ms) | × trivial | objectifs |",
        "|---|--:|--:|--:|--:|---|",
        f"| vue triviale `{TRIVIAL}` | 0 | {fr(trivial_median)} "
        f"| {fr(p95(times['trivial']))} | 1,0 | — |",
    ]
    misses = []
    for label, _path in pages:
        values = times[label]
        median, high = statistics.median(values), p95(values)
        ratio = median / trivial_median
        verdicts = []
        if warm and ratio > TARGET_WARM_RATIO:
            verdicts.append(f"> {fr(TARGET_WARM_RATIO)}× trivial")
        if not warm and cold_ratio is not None and ratio > cold_ratio:
            verdicts.append(f"médiane > {cold_ratio}× trivial")
        if not warm and high > cold_p95:
            verdicts.append(f"p95 > {cold_p95} ms")
        misses += [f"{label} ({verdict})" for verdict in verdicts]
        verdict = "**manqué** : " + ", ".join(verdicts) if verdicts else "atteints"
        queries = "0 (cache)" if warm else str(query_counts[label])
        lines.append(
            f"| {label} | {queries} | {fr(median)} | {fr(high)} | {fr(ratio)} "
            f"| {verdict} |"
        )
    if warm:
        target = f"médiane ≤ {fr(TARGET_WARM_RATIO)}× la vue triviale"
    elif cold_ratio is not None:
        target = f"médiane ≤ {cold_ratio}× la vue triviale, p95 ≤ {cold_p95} ms"
    else:
        target = (
            f"p95 ≤ {cold_p95} ms (à cette taille, la médiane n'a pas d'objectif : "
            "son rapport à la vue triviale est donné pour information)"
        )
    lines += [
        "",
        f"Objectifs : {target}. "
        + ("Manqués : " + " ; ".join(misses) + "." if misses else "Tous atteints."),
    ]
    return "\n".join(lines)


def fr(number):
    return f"{number:.1f}".replace(".", ",")


def main():
    total = prepare(OPTIONS.experiences)
    pages = pick_pages()
    query_counts = count_queries(pages)
    header = [
        f"Date : {datetime.datetime.now():%Y-%m-%d %H:%M} (heure de Paris)",
        f"Machine : {machine()}",
        f"Données : {total} expériences publiées (`seed_bulk`), six rubriques",
    ]
    connections.close_all()
    tables = []
    for warm in (False, True):
        port = free_port()
        backend = "redis" if warm else "dummy"
        server, command = start_gunicorn(port, OPTIONS.workers, backend)
        try:
            if not warm:
                header += [
                    f"Serveur : `gunicorn {command}` (workers sync), réglages "
                    "`config.settings.bench` (production, DEBUG désactivé)",
                    f"Mesures : {OPTIONS.requests} requêtes séquentielles par ligne "
                    f"(après {OPTIONS.warmup} d'échauffement), en tours entrelacés, "
                    "un client `http.client` sur la boucle locale",
                    "Commande : `.venv/bin/python bench/public_pages.py "
                    f"--experiences {OPTIONS.experiences} "
                    f"--requests {OPTIONS.requests} --workers {OPTIONS.workers}`",
                ]
            times = measure(port, pages, OPTIONS.requests, OPTIONS.warmup, warm)
        finally:
            stop(server)
            if warm:
                clear_bench_keys()
        title = (
            "Cache chaud (`CACHE_BACKEND=redis`, page servie par le cache)"
            if warm
            else "À froid (`CACHE_BACKEND=dummy` : aucun cache)"
        )
        tables.append(report(title, times, query_counts, pages, warm))
        print(tables[-1], flush=True)  # kept even if the next run fails
    print()
    print("\n".join(header))
    print()
    print(
        "Adresses : " + " ; ".join(f"{label} `{path}`" for label, path in pages) + "."
    )
    for table in tables:
        print()
        print(table)


def clear_bench_keys():
    """Remove this bench's entries from Redis database 15 (the uncached rounds
    stored one page per request); they all carry the bench's key prefix."""
    import redis

    client = redis.Redis.from_url(settings.BENCH_REDIS_URL)
    prefix = "recueil-bench"
    for key in client.scan_iter(f"{prefix}:*", count=1000):
        client.delete(key)


if __name__ == "__main__":
    main()
