"""Demo submissions, made the way real ones are, then backdated.

Each is written as the form writes a draft; a sent one gets its reference and
goes through `submit`, then through the transitions of its history, every
change of state by `experiences.states.apply` (which logs it). Only then are the
row's and the log entries' timestamps moved back by queryset `update()`, so
that the queue looks weeks old: the submission `days_ago` days before now, each
step of its history one day after the previous one.
"""

import datetime

from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from demo.content import DemoError, month, pick
from experiences.models import (
    CallForContributionsPage,
    ReferenceSequence,
    Submission,
    SubmissionMessage,
)
from experiences.publication import accept_submission
from experiences.states import Status, apply

# The moments a transition stamps on the row; each is backdated to its step.
STAMPS = ("submitted_at", "decided_at", "published_at")
# How long the form was open before the first save.
TYPING = datetime.timedelta(minutes=20)


def load(loader, data_list, moderator):
    """Create the missing demo submissions; return those skipped.

    Without a moderator (no demo accounts), the submissions that a moderator
    moved are skipped rather than moved by nobody: a later run with the
    accounts creates them.
    """
    emails = [data["email"] for data in data_list]
    existing = set(
        Submission.objects.filter(email__in=emails).values_list("email", flat=True)
    )
    missing = [data for data in data_list if data["email"] not in existing]
    skipped = [data for data in missing if data.get("history") and moderator is None]
    missing = [data for data in missing if data not in skipped]
    if missing:
        call = CallForContributionsPage.objects.get()
        now = timezone.now()
        for data in missing:
            create(loader, data, call=call, now=now, moderator=moderator)
            loader.created["submissions"] += 1
    return skipped


def _new_row(loader, data, call, moment):
    """The row as the contribution form stores it, consents included."""
    submission = Submission(
        status=Status.DRAFT,
        **pick(
            data,
            "title rubric summary communes quartiers objectives approach tags "
            "first_name last_name email role organisation",
            optional="ongoing feature results council",
        ),
        department=loader.department(data["department"]),
        start_date=month(data["start"]),
        end_date=month(data.get("end")),
        consent_data_at=moment,
        consent_data_text=call.privacy_consent_text,
        consent_licence_at=moment,
        consent_licence_text=call.licence_consent_text,
    )
    if data["public_contact"]:
        submission.consent_public_contact = True
        submission.consent_public_contact_at = moment
        submission.consent_public_contact_text = call.public_contact_consent_text
    if data["status"] != Status.DRAFT:
        submission.reference = ReferenceSequence.next_reference(year=moment.year)
    submission.set_token()
    submission.save()
    submission.themes.set(loader.theme_list(data["themes"]))
    return submission


def create(loader, data, *, call, now, moderator):
    moment = now - datetime.timedelta(days=data["days_ago"])
    submission = _new_row(loader, data, call, moment)
    # One moment per log entry, in the order they are written.
    timeline = [moment]
    stamps = {}
    messages = []
    if data["status"] == Status.DRAFT:
        log(instance=submission, action="recueil.submission.draft")
    else:
        submission = apply(submission, "submit")
        stamps["submitted_at"] = moment
    for step, item in enumerate(data.get("history", []), start=1):
        when = moment + datetime.timedelta(days=step)
        message = item.get("message", "")
        changes = {}
        if item["transition"] == "take" and data.get("assigned"):
            changes["assigned_to"] = moderator
        before = {name: getattr(submission, name) for name in STAMPS}
        submission = apply(
            submission, item["transition"], user=moderator, message=message, **changes
        )
        stamps.update(
            {name: when for name in STAMPS if getattr(submission, name) != before[name]}
        )
        timeline.append(when)
        if message:
            messages.append(
                (_message_to_contributor(submission, moderator, message), when)
            )
    if data.get("signoff"):
        when = moment + datetime.timedelta(days=len(timeline))
        submission = _to_signoff(submission, moderator)
        stamps["decided_at"] = when
        timeline.append(when)
    if submission.status != data["status"]:
        raise DemoError(
            f"La contribution de démonstration {data['email']} finit dans l'état "
            f"« {submission.status} » et non « {data['status']} » : corrigez son "
            "historique dans demo/data/submissions.toml."
        )
    _backdate(submission, moment, timeline, stamps, messages)
    return submission


def _to_signoff(submission, moderator):
    """Accepted into a page whose review is approved: it waits for its
    contributor's agreement (« Accord de la personne contributrice »)."""
    page = accept_submission(submission, moderator)
    review = page.current_workflow_task_state
    if review is not None:
        review.approve(user=moderator, comment="Relu pour la démonstration.")
    submission.refresh_from_db()
    return submission


def _message_to_contributor(submission, moderator, body):
    """Kept in the submission's thread, as moderation does for its answers."""
    return SubmissionMessage.objects.create(
        submission=submission,
        author=moderator,
        direction=SubmissionMessage.Direction.TO_CONTRIBUTOR,
        body=body,
    )


def _backdate(submission, moment, timeline, stamps, messages):
    entries = ModelLogEntry.objects.for_instance(submission).order_by("pk")
    # Entries written by the sign-off's start have the last step's moment.
    timeline = timeline + [timeline[-1]] * (entries.count() - len(timeline))
    for pk, when in zip(entries.values_list("pk", flat=True), timeline, strict=True):
        ModelLogEntry.objects.filter(pk=pk).update(timestamp=when)
    for message, when in messages:
        SubmissionMessage.objects.filter(pk=message.pk).update(created_at=when)
    Submission.objects.filter(pk=submission.pk).update(
        created_at=moment - TYPING, updated_at=timeline[-1], **stamps
    )
