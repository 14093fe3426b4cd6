"""Submissions and pages at the sign-off step, for the sign-off tests."""

import datetime
import itertools

from django.utils import timezone

from wagtail.models import WorkflowState

from experiences import moderation
from experiences.models import Department, ReferenceSequence, Submission
from experiences.states import Status

_counter = itertools.count(1)


def make_submission(**fields):
    """A received submission; returns (submission, its tracking token)."""
    number = next(_counter)
    now = timezone.now()
    values = {
        "reference": ReferenceSequence.next_reference(),
        "status": Status.RECEIVED,
        "title": f"Des ateliers au pied des immeubles {number}",
        "rubric": "faire-emerger-une-dynamique-collective",
        "summary": "Le conseil citoyen anime des ateliers ouverts à tous.",
        "communes": "Saint-Denis",
        "department": Department.objects.get(code="93"),
        "start_date": datetime.date(2016, 10, 1),
        "ongoing": True,
        "feature": "Des ateliers le mardi",
        "objectives": "Faire connaître le conseil.\n\nAttirer de nouveaux membres.",
        "approach": "Des réunions mensuelles, l'été au square.",
        "first_name": "Camille",
        "last_name": "Durand",
        "email": f"camille{number}@example.org",
        "role": "conseiller-citoyen",
        "organisation": "Conseil citoyen Franc-Moisin",
        "consent_data_at": now,
        "consent_licence_at": now,
        "submitted_at": now,
    }
    values.update(fields)
    submission = Submission(**values)
    token = submission.set_token()
    submission.save()
    return submission, token


def workflow_state(page):
    return WorkflowState.objects.get(
        object_id=str(page.pk), status__in=["in_progress", "needs_changes"]
    )


def accept(submission, moderator):
    moderation.take(submission, moderator)
    return moderation.accept(submission, moderator)


def approve_current(page, user, comment=""):
    task_state = workflow_state(page).current_task_state
    task_state.task.specific.on_action(task_state, user, "approve", comment=comment)


def edit(page, user, **changes):
    """A new revision of ``page`` by ``user`` (as an editor saving a draft)."""
    latest = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(latest, name, value)
    return latest.save_revision(user=user)


def at_signoff(moderator, editor, **changes):
    """A page made from a submission, edited, past the editorial review:
    waiting for its contributor. Returns (submission, token, page)."""
    submission, token = make_submission()
    page = accept(submission, moderator)
    if changes:
        edit(page, editor, **changes)
    approve_current(page, editor)
    page.refresh_from_db()
    return submission, token, page
