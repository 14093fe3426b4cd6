"""Bulk sent submissions for the moderation queue's benchmark:
`manage.py seed_bulk --submissions 50000`.

Rows are written with bulk inserts in chunks (about a minute for 50 000 on
PostgreSQL), with a reference ``REX-B<year>-<n>`` that the contribution flow
never gives, so that `seed_bulk --delete` can remove them. The texts are drawn
from a small vocabulary, as in the measurements before issue 11 (so « atelier »
is in almost every row: the worst case for a search)."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from experiences.constants import ContributorRole, Rubric
from experiences.models import Department, Submission, Theme
from experiences.models.submissions import hash_token, new_token
from experiences.states import Status

CHUNK = 2000
REFERENCE_PREFIX = "REX-B"
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


def bulk_submissions():
    return Submission.objects.filter(reference__startswith=REFERENCE_PREFIX)


def _submission(rng, number, year, now, departments, assignees):
    submitted = now - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 365))
    return Submission(
        reference=f"{REFERENCE_PREFIX}{year}-{number:06d}",
        status=rng.choice(STATES),
        title=sentence(rng, 6)[:200],
        rubric=rng.choice(Rubric.values),
        summary=sentence(rng, 25)[:300],
        communes=f"Commune {number % 500}",
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
        assigned_to_id=(
            assignees[number // 4 % len(assignees)]
            if assignees and number % 4 == 0
            else None
        ),
        submitted_at=submitted,
        consent_data_at=submitted,
        consent_licence_at=submitted,
        token_hash=hash_token(new_token()),
    )


def create(total, *, seed=2016, assignee_ids=(), progress=None):
    """Bring the bulk submissions up to ``total``; return how many were made.
    One in four is assigned, in turn, to ``assignee_ids``."""
    existing = bulk_submissions().count()
    rng = random.Random(seed + existing)  # noqa: S311 - test data
    departments = list(Department.objects.values_list("pk", flat=True))
    themes = list(Theme.objects.values_list("pk", flat=True))
    assignees = list(assignee_ids)
    through = Submission.themes.through
    now = timezone.now()
    number = existing
    while number < total:
        batch = [
            _submission(rng, n, now.year, now, departments, assignees)
            for n in range(number + 1, min(total, number + CHUNK) + 1)
        ]
        with transaction.atomic():
            created = Submission.objects.bulk_create(batch)
            if created[0].pk is None:  # databases that return no keys
                created = list(
                    Submission.objects.filter(
                        reference__in=[s.reference for s in batch]
                    )
                )
            through.objects.bulk_create(
                through(submission_id=submission.pk, theme_id=theme)
                for submission in created
                for theme in rng.sample(themes, min(len(themes), rng.randint(1, 3)))
            )
        number += len(batch)
        if progress:
            progress(number)
    return max(0, total - existing)
