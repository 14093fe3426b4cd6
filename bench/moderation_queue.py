"""Benchmark of the moderation queue at 50 000 submissions.

Fills the database (once) with submitted submissions, then prints the median
and p95 time of the queue's list view, unfiltered and filtered, and of a full
CSV and XLSX export, with Python's peak memory (tracemalloc) for each.

    VAR_DIR=/tmp/recueil-bench .venv/bin/python bench/moderation_queue.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/recueil_bench \\
        .venv/bin/python bench/moderation_queue.py --rows 50000
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("TASKS_BACKEND", "immediate")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from experiences.constants import GROUP_EDITORIAL_LEADS, ContributorRole, Rubric  # noqa: E402
from experiences.models import Department, Submission  # noqa: E402
from experiences.models.submissions import hash_token, new_token  # noqa: E402
from experiences.states import Status  # noqa: E402
from home.setup import setup_site  # noqa: E402

QUEUE = "/admin/contributions/"
STATES = [
    Status.RECEIVED,
    Status.IN_REVIEW,
    Status.CHANGES_REQUESTED,
    Status.ACCEPTED,
    Status.DECLINED,
    Status.PUBLISHED,
    Status.SPAM,
]
WORDS = [
    "conseil",
    "citoyen",
    "atelier",
    "quartier",
    "contrat",
    "ville",
    "mobilisation",
    "habitants",
    "co-construction",
    "bilan",
    "réunion",
    "partenaires",
    "formation",
    "jeunesse",
]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def fill(rows, lead):
    existing = Submission.objects.exclude(status=Status.DRAFT).count()
    if existing >= rows:
        return existing
    rng = random.Random(42)
    departments = list(Department.objects.values_list("pk", flat=True))
    now = timezone.now()
    year = now.year
    batch = []
    for number in range(existing + 1, rows + 1):
        submitted = now - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 365))
        batch.append(
            Submission(
                reference=f"REX-B{year}-{number:06d}",
                status=rng.choice(STATES),
                title=sentence(rng, 6)[:200],
                rubric=rng.choice(Rubric.values),
                summary=sentence(rng, 25)[:300],
                communes="Commune " + str(number % 500),
                department_id=rng.choice(departments),
                feature=sentence(rng, 8)[:200],
                objectives=sentence(rng, 60),
                approach=sentence(rng, 120),
                actors=sentence(rng, 20),
                results=sentence(rng, 60),
                difficulties=sentence(rng, 40),
                advice=sentence(rng, 40),
                first_name="Prénom",
                last_name=f"Nom{number}",
                email=f"personne{number}@example.org",
                role=rng.choice(ContributorRole.values),
                organisation="Structure",
                assigned_to_id=lead.pk if number % 4 == 0 else None,
                submitted_at=submitted,
                consent_data_at=submitted,
                consent_licence_at=submitted,
                token_hash=hash_token(new_token()),
            )
        )
        if len(batch) == 5000:
            Submission.objects.bulk_create(batch)
            batch = []
    if batch:
        Submission.objects.bulk_create(batch)
    return rows


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(label, function, runs):
    """Times without tracing, then one traced run for the peak memory."""
    durations, counter = [], QueryCounter()
    for _ in range(runs):
        counter.count = 0
        started = time.perf_counter()
        with connection.execute_wrapper(counter):
            function()
        durations.append(time.perf_counter() - started)
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    durations.sort()
    p95 = durations[min(len(durations) - 1, round(0.95 * (len(durations) - 1)))]
    return (
        label,
        statistics.median(durations) * 1000,
        p95 * 1000,
        peak / 1024 / 1024,
        counter.count,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--export-runs", type=int, default=3)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    setup_site()
    User = get_user_model()
    lead, _ = User.objects.get_or_create(
        username="bench-lead", defaults={"email": "bench@example.org"}
    )
    lead.groups.add(Group.objects.get(name=GROUP_EDITORIAL_LEADS))
    started = time.perf_counter()
    total = fill(options.rows, lead)
    print(
        f"{total} contributions ({time.perf_counter() - started:.1f} s de remplissage)"
    )

    client = Client(HTTP_HOST="localhost")
    client.force_login(lead)

    def get(query):
        def run():
            response = client.get(QUEUE, query)
            if response.status_code != 200:
                raise SystemExit(f"{QUEUE} {query}: HTTP {response.status_code}")
            if response.streaming:
                for _ in response.streaming_content:
                    pass
            else:
                response.content  # noqa: B018

        return run

    cases = [
        ("liste, sans filtre", get({}), options.runs),
        ("liste, page 500", get({"p": 500}), options.runs),
        ("liste, tri par attente", get({"o": "-8"}), options.runs),
        (
            "liste, filtrée (état + région + à moi)",
            get({"etat": "en-examen", "region": "ile-de-france", "attribution": "moi"}),
            options.runs,
        ),
        ("liste, recherche « atelier »", get({"q": "atelier"}), options.runs),
        ("export CSV complet", get({"export": "csv"}), options.export_runs),
        ("export XLSX complet", get({"export": "xlsx"}), options.export_runs),
    ]
    get({})()  # warm-up
    print(f"\n{connection.vendor}, {total} contributions, médiane et p95 de n essais\n")
    print(f"| {'mesure':40} | médiane (ms) | p95 (ms) | pic mémoire (Mo) | requêtes |")
    print(f"|{'-' * 42}|-------------:|---------:|-----------------:|---------:|")
    for label, function, runs in cases:
        row = measure(label, function, runs)
        print(
            f"| {row[0]:40} | {row[1]:12.0f} | {row[2]:8.0f} | {row[3]:16.1f} "
            f"| {row[4]:8d} |"
        )


if __name__ == "__main__":
    main()
