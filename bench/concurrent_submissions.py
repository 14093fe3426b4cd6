"""Concurrent submissions under gunicorn: do workers wait on each other?

For each code tree measured (by default the commit before the change,
extracted with ``git archive``, then this working tree), the script prepares a
fresh PostgreSQL database of its own (dropped and created again, `migrate`,
`setup_site`, `collectstatic`), starts gunicorn on 127.0.0.1 with
`config.settings.bench` (the production settings, DEBUG off, Redis cache in a
database of its own) and sends ``--submissions`` complete contributions at
once from as many client threads: each thread shows the form (GET, for its
CSRF cookie, nonce and signed timestamp), waits for all the others, then posts
it with a photo (re-encoded by the server) and a PDF.

The figures are server-side: gunicorn's access log gives each request's time
inside the worker (``%(D)s``), from its first byte read to its last byte
written, so the time a request spends queued in the listen backlog is not
counted, only the time a worker spends on it, waiting for locks included.
Every post must answer 302, every submission be stored once, and the
references be distinct and gapless.

    .venv/bin/python bench/concurrent_submissions.py --submissions 200
"""

import argparse
import datetime
import http.client
import io
import math
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from gunicorn_server import free_port, start, stop

ROOT = Path(__file__).resolve().parent.parent
BEFORE_COMMIT = "be69978"  # main before the contribution path was reworked
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432"
FORM = "/contribuer/"
LOG_FORMAT = "%(m)s %(U)s %(s)s %(D)s"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--workers", type=int, default=3, help="workers gunicorn")
    parser.add_argument(
        "--rounds", type=int, default=3, help="envois groupés par arbre, entrelacés"
    )
    parser.add_argument(
        "--before",
        default=BEFORE_COMMIT,
        help="commit mesuré « avant » ('' : ne mesurer que l'arbre de travail)",
    )
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--photo", default="2400x1600", help="pixels de la photo")
    parser.add_argument("--var-dir", default=str(ROOT / "var" / "bench-submissions"))
    return parser.parse_args()


# --- preparing a code tree and its database -------------------------------------


def extract(commit, target):
    """The tree of ``commit``, with this tree's virtualenv."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    archive = subprocess.run(  # noqa: S603 - fixed command
        ["git", "-C", str(ROOT), "archive", commit],  # noqa: S607
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(  # noqa: S603
        ["tar", "-x", "-C", str(target)],  # noqa: S607
        input=archive,
        check=True,
    )
    (target / ".venv").symlink_to((ROOT / ".venv").resolve())
    return target


def recreate_database(server_url, name):
    import psycopg

    parts = urlsplit(server_url)
    with psycopg.connect(
        dbname="postgres",
        user=parts.username,
        password=parts.password,
        host=parts.hostname,
        port=parts.port,
        autocommit=True,
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url.rstrip('/')}/{name}"


def environment(database_url, var_dir, redis_url):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        DATABASE_URL=database_url,
        VAR_DIR=str(var_dir),
        CACHE_BACKEND="redis",
        BENCH_REDIS_URL=redis_url,
        # Every post comes from 127.0.0.1 and is sent at once: the bot trap's
        # per-address limit and minimum delay are lifted for the bench only.
        SUBMISSION_RATE_LIMIT="1000000",
        SUBMISSION_MIN_SECONDS="0",
    )
    return env


def manage(tree, env, *args):
    subprocess.run(  # noqa: S603
        [str(tree / ".venv/bin/python"), "manage.py", *args],
        cwd=tree,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def prepare(tree, env):
    started = time.perf_counter()
    manage(tree, env, "migrate", "--no-input")
    manage(tree, env, "setup_site")
    manage(tree, env, "collectstatic", "--no-input")
    return time.perf_counter() - started


def clear_redis(url):
    import redis

    client = redis.Redis.from_url(url)
    for key in client.scan_iter("recueil-bench:*", count=1000):
        client.delete(key)


# --- gunicorn ---------------------------------------------------------------------


def start_gunicorn(tree, env, port, workers, access_log):
    command = [
        str(tree / ".venv/bin/gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--timeout",
        "300",
        "--log-level",
        "warning",
        "--access-logfile",
        str(access_log),
        "--access-logformat",
        LOG_FORMAT,
    ]
    server = start(command, port, "/sante/", cwd=tree, env=env)
    return server, f"config.wsgi:application --workers {workers}"


# --- one contributor ----------------------------------------------------------------


def sample_files(size):
    from PIL import Image

    width, height = (int(n) for n in size.split("x"))
    # Smooth like a photo (a noise image would weigh megabytes); decoding and
    # re-encoding cost the same for every pixel anyway.
    small = Image.effect_noise((width // 10, height // 10), 60).convert("RGB")
    photo = io.BytesIO()
    small.resize((width, height), Image.Resampling.BICUBIC).save(
        photo, format="JPEG", quality=85
    )
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"0" * 200_000
    return [
        ("attachments", "atelier.jpg", "image/jpeg", photo.getvalue()),
        ("attachments", "compte-rendu.pdf", "application/pdf", pdf),
    ]


def fields(number, page):
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    nonce = re.search(r'name="form_nonce" value="([^"]+)"', page)[1]
    rendered_at = re.search(r'name="rendered_at" value="([^"]+)"', page)[1]
    return [
        ("csrfmiddlewaretoken", csrf),
        ("form_nonce", nonce),
        ("rendered_at", rendered_at),
        ("title", f"Une charte co-écrite n° {number}"),
        ("rubric", "etablir-les-regles-de-la-co-construction"),
        ("summary", "Élu·e·s, services et habitant·e·s ont écrit une charte."),
        ("communes", "Saint-Denis"),
        ("departement", "93"),
        ("start_date", "2023-09"),
        ("end_date", "2024-06"),
        ("objectives", "Donner au conseil citoyen une vraie place. " * 20),
        ("approach", "Trois ateliers, puis une séance de signature. " * 40),
        ("themes", "citoyennete-participation"),
        ("themes", "cohesion-sociale"),
        ("tags", "charte, ateliers"),
        ("first_name", "Awa"),
        ("last_name", "Diallo"),
        ("email", f"contributrice-{number}@example.org"),
        ("role", "professionnel"),
        ("organisation", "Ville de Saint-Denis"),
        ("consent_data", "on"),
        ("consent_licence", "on"),
        ("submit_form", "1"),
    ]


def multipart(values, files):
    boundary = secrets.token_hex(16)
    body = io.BytesIO()
    for name, value in values:
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for name, filename, content_type, content in files:
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
        )
        body.write(content + b"\r\n")
    body.write(f"--{boundary}--\r\n".encode())
    return body.getvalue(), f"multipart/form-data; boundary={boundary}"


def contributor(port, number, files, barrier, results):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    try:
        try:
            conn.request("GET", FORM)
            response = conn.getresponse()
            page = response.read().decode()
            cookie = response.getheader("Set-Cookie", "")
            csrf_cookie = re.search(r"csrftoken=([^;]+)", cookie)[1]
            body, content_type = multipart(fields(number, page), files)
            conn.close()
        except Exception:
            barrier.abort()  # the others must not wait for this one
            raise
        barrier.wait()
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        conn.request(
            "POST",
            FORM,
            body=body,
            headers={
                "Content-Type": content_type,
                "Cookie": f"csrftoken={csrf_cookie}",
                "Referer": f"http://127.0.0.1:{port}{FORM}",
            },
        )
        response = conn.getresponse()
        response.read()
        results[number] = (response.status, time.perf_counter() - started)
    finally:
        conn.close()


class LockWaits(threading.Thread):
    """Samples, every 10 ms, how many of the database's sessions are waiting
    for a lock (``pg_stat_activity.wait_event_type = 'Lock'``): how often
    workers wait on each other, without taking any lock itself."""

    def __init__(self, database_url):
        super().__init__(daemon=True)
        self.database_url = database_url
        self.samples = []
        self.done = threading.Event()

    def run(self):
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as conn:
            while not self.done.is_set():
                waiting = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                    "current_database() AND wait_event_type = 'Lock'"
                ).fetchone()[0]
                self.samples.append(waiting)
                time.sleep(0.01)

    def stop(self):
        self.done.set()
        self.join(10)
        return self.samples


def run_clients(port, count, files, database_url):
    barrier = threading.Barrier(count + 1)
    results = {}
    threads = [
        threading.Thread(
            target=contributor, args=(port, n, files, barrier, results), daemon=True
        )
        for n in range(count)
    ]
    for thread in threads:
        thread.start()
    barrier.wait(timeout=600)
    started = time.perf_counter()
    waits = LockWaits(database_url)
    waits.start()
    for thread in threads:
        thread.join(timeout=900)
    return results, time.perf_counter() - started, waits.stop()


# --- figures ---------------------------------------------------------------------


def p95(values):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def server_times(access_log):
    """Milliseconds each POST spent in its worker, from gunicorn's log."""
    times = []
    for line in Path(access_log).read_text().splitlines():
        method, path, status, micros = line.split()
        if method == "POST" and path == FORM:
            times.append(int(micros) / 1000)
    return times


def stored(database_url):
    import psycopg

    with psycopg.connect(database_url) as conn:
        count, distinct, references = conn.execute(
            "SELECT count(*), count(DISTINCT reference), "
            "array_agg(reference ORDER BY reference) "
            "FROM experiences_submission WHERE reference IS NOT NULL"
        ).fetchone()
        attachments = conn.execute(
            "SELECT count(*) FROM experiences_submissionattachment"
        ).fetchone()[0]
    numbers = [int(ref.rsplit("-", 1)[1]) for ref in references or []]
    gapless = numbers == list(range(1, len(numbers) + 1))
    return count, distinct, gapless, attachments


@dataclass
class Target:
    """One code tree, served by its own gunicorn, database and Redis database."""

    title: str
    label: str
    tree: Path
    redis_url: str
    database_url: str = ""
    env: dict = field(default_factory=dict)
    server: object = None
    port: int = 0
    command: str = ""
    statuses: list = field(default_factory=list)
    client_times: list = field(default_factory=list)
    walls: list = field(default_factory=list)
    waits: list = field(default_factory=list)

    @property
    def var_dir(self):
        return Path(OPTIONS.var_dir) / self.label

    @property
    def access_log(self):
        return self.var_dir / "access.log"

    def prepare(self):
        if self.var_dir.exists():
            shutil.rmtree(self.var_dir)
        self.var_dir.mkdir(parents=True)
        self.database_url = recreate_database(
            OPTIONS.database_url, f"recueil_bench_submissions_{self.label}"
        )
        self.env = environment(self.database_url, self.var_dir, self.redis_url)
        clear_redis(self.redis_url)
        prepare(self.tree, self.env)

    def start(self):
        self.port = free_port()
        self.server, self.command = start_gunicorn(
            self.tree, self.env, self.port, OPTIONS.workers, self.access_log
        )

    def stop(self):
        if self.server is not None:
            stop(self.server)
        clear_redis(self.redis_url)

    def burst(self, files):
        results, wall, waits = run_clients(
            self.port, OPTIONS.submissions, files, self.database_url
        )
        self.statuses += [status for status, _ in results.values()]
        self.client_times += [elapsed * 1000 for _, elapsed in results.values()]
        self.walls.append(wall)
        self.waits += waits

    def figures(self):
        expected = OPTIONS.submissions * OPTIONS.rounds
        times = server_times(self.access_log)
        count, distinct, gapless, attachments = stored(self.database_url)
        problems = []
        if len(self.statuses) != expected or set(self.statuses) != {302}:
            problems.append(f"réponses : {sorted(set(self.statuses))}")
        if not count == distinct == expected or not gapless:
            problems.append(f"{count} contributions, {distinct} références distinctes")
        if attachments != 2 * expected:
            problems.append(f"{attachments} pièces jointes")
        return {
            "label": self.title,
            "command": self.command,
            "median": statistics.median(times),
            "p95": p95(times),
            "max": max(times),
            "client_p95": p95(self.client_times),
            "wall": statistics.median(self.walls),
            "rate": OPTIONS.submissions / statistics.median(self.walls),
            "waiting": statistics.mean(self.waits),
            "waiting_share": sum(1 for n in self.waits if n) / len(self.waits),
            "stored": count,
            "gapless": gapless,
            "problems": problems,
        }


def fr(number, digits=0):
    return f"{number:,.{digits}f}".replace(",", "\u202f").replace(".", ",")


def machine():
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    load = os.getloadavg()[0]
    return (
        f"{os.cpu_count()} cœurs ({cpu}), Python {platform.python_version()}, "
        f"charge moyenne au départ {fr(load, 1)}"
    )


def report(rows):
    lines = [
        f"Date : {datetime.datetime.now():%Y-%m-%d %H:%M} (heure de Paris)",
        f"Machine : {machine()}",
        f"Serveur : `gunicorn {rows[0]['command']}` (workers sync), "
        "réglages `config.settings.bench`, cache Redis",
        f"Charge : {OPTIONS.rounds} fois {OPTIONS.submissions} contributions "
        "envoyées en même temps par arbre, en tours entrelacés (une photo JPEG "
        f"de {OPTIONS.photo} pixels et un PDF de 200 Ko chacune)",
        f"Commande : `.venv/bin/python bench/concurrent_submissions.py "
        f"--submissions {OPTIONS.submissions} --rounds {OPTIONS.rounds} "
        f"--workers {OPTIONS.workers}`",
        "",
        "| code | POST, temps serveur : médiane (ms) | p95 (ms) | max (ms) "
        "| workers en attente d'un verrou (moyenne ; part du temps) "
        "| p95 côté client (ms) | durée d'un envoi groupé (s) | contributions/s "
        "| enregistrées, sans trou |",
        "|---|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for row in rows:
        check = "oui" if row["stored"] and row["gapless"] else "**non**"
        lines.append(
            f"| {row['label']} | {fr(row['median'])} | {fr(row['p95'])} "
            f"| {fr(row['max'])} | {fr(row['waiting'], 2)} ; "
            f"{fr(100 * row['waiting_share'])} % "
            f"| {fr(row['client_p95'])} | {fr(row['wall'], 1)} "
            f"| {fr(row['rate'], 1)} | {row['stored']}, {check} |"
        )
        for problem in row["problems"]:
            lines.append(f"\n**{row['label']} : {problem}**")
    return "\n".join(lines)


def redis_database(url, offset):
    base, number = url.rsplit("/", 1)
    return f"{base}/{int(number) + offset}"


def main():
    files = sample_files(OPTIONS.photo)
    targets = []
    if OPTIONS.before:
        before = extract(OPTIONS.before, Path(OPTIONS.var_dir) / "before-src")
        targets.append(
            Target(f"avant ({OPTIONS.before})", "before", before, OPTIONS.redis_url)
        )
    targets.append(
        Target("après (cet arbre)", "after", ROOT, redis_database(OPTIONS.redis_url, 1))
    )
    for target in targets:
        target.prepare()
    try:
        for target in targets:
            target.start()
        # Interleaved, in alternating order: a load spike from elsewhere on
        # the machine hits both trees alike.
        for number in range(OPTIONS.rounds):
            order = targets if number % 2 == 0 else targets[::-1]
            for target in order:
                target.burst(files)
                print(f"tour {number + 1} : {target.title}", file=sys.stderr)
    finally:
        for target in targets:
            target.stop()
    rows = [target.figures() for target in targets]
    print(report(rows))
    if any(row["problems"] for row in rows):
        raise SystemExit(1)


if __name__ == "__main__":
    OPTIONS = parse_args()
    main()
