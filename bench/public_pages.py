"""Response times of the public pages under gunicorn, against a trivial view.

Prepares a PostgreSQL database of its own (created if missing; migrate,
setup_site, collectstatic, and `seed_bulk` only when fewer bulk experiences
exist than asked), starts gunicorn on 127.0.0.1 with `config.settings.bench`
(the production settings with DEBUG off, the anonymous page cache in Redis
database 15 or in local memory), and times, in one run and in interleaved
rounds, the health check `/sante/` (no database, no template) and each public
page twice:

- *sans cache*: every request carries a different, ignored parameter
  (``?bench=<n>``), so the anonymous page cache never has the page: each request
  costs exactly what a cache miss costs in production (lookup, full render,
  store), on the same server and code path, with no switch added to the site;
- *cache chaud*: the same address every time, after one priming request; every
  measured response must say ``X-Recueil-Cache: hit``.

Requests are sequential from one client (`http.client`); gunicorn runs sync
workers, as in production behind nginx, so each request opens a loopback
connection (the trivial view pays it too). Prints a Markdown table: median,
p95 and their ratio to the trivial view's, and the SQL queries of each page
(counted in this process with the Django test client, cache bypassed).

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
TARGET_UNCACHED_RATIO = 10
TARGET_UNCACHED_P95_MS = 100
TARGET_WARM_RATIO = 2
# What X-Recueil-Cache must say, per kind of measure.
EXPECTED_HEADER = {None: None, "miss": "miss", "cold": "miss", "hit": "hit"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--experiences", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=100, help="par mesure")
    parser.add_argument("--warmup", type=int, default=5, help="par mesure")
    parser.add_argument(
        "--cold-requests",
        type=int,
        default=30,
        help="par page, juste après une publication (Redis seulement ; 0 : aucune)",
    )
    parser.add_argument("--workers", type=int, default=2, help="workers gunicorn")
    parser.add_argument("--cache", choices=["redis", "locmem"], default="redis")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--var-dir", default=str(ROOT / "var" / "bench"))
    return parser.parse_args()


OPTIONS = parse_args()
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
os.environ["DATABASE_URL"] = OPTIONS.database_url
os.environ["VAR_DIR"] = OPTIONS.var_dir
os.environ["BENCH_CACHE"] = OPTIONS.cache
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

from core.cache import invalidate  # noqa: E402
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
    ]


def count_queries(pages):
    """SQL queries per page, in this process: right after a publication (every
    cache cold), then for another address of the same page (page cache missed,
    the data kept under the generation reused), as in the measurements."""
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for number, (label, path) in enumerate(pages):
        counts[label] = []
        for step in ("cold", "data"):
            if step == "cold":
                invalidate()
            address = with_bench_param(path, f"{step}{number}")
            with CaptureQueriesContext(connection) as queries:
                response = client.get(address)
            if response.status_code != 200:
                raise SystemExit(f"{address} : HTTP {response.status_code}")
            counts[label].append(len(queries))
    return counts


def with_bench_param(path, value):
    return f"{path}{'&' if '?' in path else '?'}bench={value}"


def start_gunicorn(port, workers):
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
    server = start(command, port, TRIVIAL, cwd=ROOT, env=os.environ.copy())
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


def run_rounds(client, cases, requests, warmup, before=None):
    """Interleaved rounds: every measure gets one request per round, so a load
    spike from elsewhere on the machine hits them all alike."""
    times = {key: [] for key, _, _ in cases}
    serial = 0
    for round_number in range(warmup + requests):
        for key, path, mode in cases:
            address = path
            if mode in ("miss", "cold"):
                serial += 1
                address = with_bench_param(path, serial)
            if mode == "cold":
                invalidate()  # as a publication does; not timed
            elapsed = client.get(address, expect_cache=EXPECTED_HEADER[mode])
            if round_number >= warmup:
                times[key].append(elapsed * 1000)
    return times


def measure(port, pages, requests, warmup, cold_requests):
    client = HttpClient(port)
    cases = [("trivial", TRIVIAL, None)]
    for label, path in pages:
        cases.append((("sans cache", label), path, "miss"))
        cases.append((("cache chaud", label), path, "hit"))
    for _, path, mode in cases:
        if mode == "hit":
            client.get(path)  # primes the cache
    times = run_rounds(client, cases, requests, warmup)
    cold = {}
    if cold_requests:
        cases = [("trivial", TRIVIAL, None)]
        cases += [(("froid", label), path, "cold") for label, path in pages]
        cold = run_rounds(client, cases, cold_requests, 1)
    client.close()
    return times, cold


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


def report(times, cold, query_counts, pages, header):
    trivial_median = statistics.median(times["trivial"])
    trivial_p95 = p95(times["trivial"])
    lines = [
        *header,
        "",
        "| page | requêtes SQL | sans cache : médiane (ms) | p95 (ms) | × trivial "
        "| cache chaud : médiane (ms) | p95 (ms) | × trivial | objectifs |",
        "|---|--:|--:|--:|--:|--:|--:|--:|---|",
        f"| vue triviale `{TRIVIAL}` | 0 | {fr(trivial_median)} | {fr(trivial_p95)} "
        f"| 1,0 | — | — | — | — |",
    ]
    misses = []
    for label, _path in pages:
        uncached = times[("sans cache", label)]
        warm = times[("cache chaud", label)]
        u_median, u_p95 = statistics.median(uncached), p95(uncached)
        w_median, w_p95 = statistics.median(warm), p95(warm)
        u_ratio, w_ratio = u_median / trivial_median, w_median / trivial_median
        verdicts = []
        if u_ratio > TARGET_UNCACHED_RATIO:
            verdicts.append(f"sans cache > {TARGET_UNCACHED_RATIO}×")
        if u_p95 > TARGET_UNCACHED_P95_MS:
            verdicts.append(f"p95 > {TARGET_UNCACHED_P95_MS} ms")
        if w_ratio > TARGET_WARM_RATIO:
            verdicts.append(f"cache chaud > {TARGET_WARM_RATIO}×")
        misses += [f"{label} ({verdict})" for verdict in verdicts]
        queries = query_counts[label]
        verdict = "**manqué** : " + ", ".join(verdicts) if verdicts else "atteints"
        lines.append(
            f"| {label} | {queries[1]} ({queries[0]} à froid) | {fr(u_median)} "
            f"| {fr(u_p95)} | {fr(u_ratio)} | {fr(w_median)} | {fr(w_p95)} "
            f"| {fr(w_ratio)} | {verdict} |"
        )
    lines += [
        "",
        f"Objectifs : sans cache, médiane ≤ {TARGET_UNCACHED_RATIO}× celle de la vue "
        f"triviale et p95 ≤ {TARGET_UNCACHED_P95_MS} ms ; cache chaud, médiane ≤ "
        f"{TARGET_WARM_RATIO}× celle de la vue triviale. "
        + (
            "Manqués : " + " ; ".join(misses) + "." if misses else "Tous sont atteints."
        ),
        "",
        "Adresses : " + " ; ".join(f"{label} `{path}`" for label, path in pages) + ".",
    ]
    if cold:
        trivial_cold = statistics.median(cold["trivial"])
        lines += [
            "",
            "Juste après une publication (génération du cache incrémentée avant "
            "chaque requête : ni page, ni comptes, ni voisines en cache ; "
            f"vue triviale dans les mêmes tours : {fr(trivial_cold)} ms) :",
            "",
            "| page | requêtes SQL | médiane (ms) | p95 (ms) | × trivial |",
            "|---|--:|--:|--:|--:|",
        ]
        for label, _path in pages:
            values = cold[("froid", label)]
            median = statistics.median(values)
            lines.append(
                f"| {label} | {query_counts[label][0]} | {fr(median)} "
                f"| {fr(p95(values))} | {fr(median / trivial_cold)} |"
            )
    return "\n".join(lines)


def fr(number):
    return f"{number:.1f}".replace(".", ",")


def main():
    total = prepare(OPTIONS.experiences)
    pages = pick_pages()
    query_counts = count_queries(pages)
    invalidate()  # every page starts cold
    header = [
        f"Date : {datetime.datetime.now():%Y-%m-%d %H:%M} (heure de Paris)",
        f"Machine : {machine()}",
        f"Données : {total} expériences publiées (`seed_bulk`), six rubriques",
    ]
    connections.close_all()
    cache_label = (
        f"Redis `{settings.CACHES['default']['LOCATION']}`"
        if OPTIONS.cache == "redis"
        else "mémoire locale (par worker)"
    )
    # Another process's local memory cannot be made stale from here.
    cold_requests = OPTIONS.cold_requests if OPTIONS.cache == "redis" else 0
    port = free_port()
    server, command = start_gunicorn(port, OPTIONS.workers)
    try:
        header += [
            f"Serveur : `gunicorn {command}` (workers sync), réglages "
            "`config.settings.bench` (production, DEBUG désactivé, "
            f"`PUBLIC_CACHE_SECONDS={settings.PUBLIC_CACHE_SECONDS}`)",
            f"Cache : {cache_label}",
            f"Mesures : {OPTIONS.requests} requêtes séquentielles par ligne "
            f"(après {OPTIONS.warmup} d'échauffement), en tours entrelacés, "
            "un client `http.client` sur la boucle locale",
            "Commande : `.venv/bin/python bench/public_pages.py "
            f"--experiences {OPTIONS.experiences} --requests {OPTIONS.requests} "
            f"--cold-requests {cold_requests} --workers {OPTIONS.workers} "
            f"--cache {OPTIONS.cache}`",
        ]
        times, cold = measure(
            port, pages, OPTIONS.requests, OPTIONS.warmup, cold_requests
        )
    finally:
        stop(server)
        if OPTIONS.cache == "redis":
            clear_bench_keys()
    print()
    print(report(times, cold, query_counts, pages, header))


def clear_bench_keys():
    """Remove this bench's entries from Redis database 15 (the uncached rounds
    stored one page per request); they all carry the bench's key prefix."""
    import redis

    client = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    for key in client.scan_iter(f"{prefix}:*", count=1000):
        client.delete(key)


if __name__ == "__main__":
    main()
