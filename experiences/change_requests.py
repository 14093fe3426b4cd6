"""Requests for changes that say what to change.

The moderator ticks fields from the form's own list (``FIELDSETS``) and writes
a message; the contributor's form opens with those fields highlighted and the
message above. Resubmitting marks the request answered, and the moderator sees
which fields changed since (the sign-off's word diff).
"""

from django.db import transaction
from django.utils import timezone

from experiences import moderation
from experiences.form_building import initial_from_submission
from experiences.form_rendering import FIELDSETS
from experiences.forms import ContributionForm
from experiences.models import ChangeRequest
from experiences.signoff import diff
from experiences.states import Status

# The contributor's own identity and consents are not "content" to revise.
NOT_REQUESTABLE = {"consent_data", "consent_licence", "consent_public_contact"}


def requestable_fields():
    """[(name, label)…] in the form's order."""
    fields = ContributionForm.base_fields
    return [
        (name, str(fields[name].label))
        for _slug, _legend, names in FIELDSETS
        for name in names
        if name in fields and name not in NOT_REQUESTABLE
    ]


def _as_text(value):
    if value is None or value is False:
        return ""
    if value is True:
        return "oui"
    if isinstance(value, list | tuple):
        return ", ".join(sorted(str(v) for v in value))
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m")
    return str(value)


# Never copied into a request's snapshot (it outlives no purge, but keeps
# personal data to the minimum all the same).
PERSONAL_FIELDS = {"first_name", "last_name", "email", "phone", "council"}


def form_values(submission):
    """The submission as the form shows it: one text per field name, personal
    data left out."""
    values = {
        name: _as_text(value)
        for name, value in initial_from_submission(submission).items()
        if name not in PERSONAL_FIELDS
    }
    values["attachments"] = ", ".join(
        sorted(a.original_name for a in submission.attachments.all())
    )
    return values


@transaction.atomic
def request_changes(submission, user, message, fields, *, expected_status=None):
    known = dict(requestable_fields())
    chosen = [name for name in dict.fromkeys(fields or []) if name in known]
    submission = moderation.request_changes(
        submission, user, message, expected_status=expected_status
    )
    ChangeRequest.objects.create(
        submission=submission,
        fields=chosen,
        message=message.strip(),
        snapshot=form_values(submission),
        requested_by=user,
    )
    return submission


def open_request(submission):
    if submission.status != Status.CHANGES_REQUESTED:
        return None
    return submission.change_requests.filter(answered_at__isnull=True).first()


def mark_answered(submission):
    """Called on resubmission: the open requests are answered."""
    return ChangeRequest.objects.filter(
        submission=submission, answered_at__isnull=True
    ).update(answered_at=timezone.now())


def tracking_context(submission):
    """For the contributor's form: which fields to highlight, and why."""
    request = open_request(submission)
    if request is None:
        return {"requested_fields": [], "change_request": None}
    labels = dict(requestable_fields())
    return {
        "requested_fields": request.fields,
        "change_request": {
            "message": request.message,
            "fields": [
                (name, labels[name]) for name in request.fields if name in labels
            ],
        },
    }


def changes_since(request, submission):
    """[(label, marked diff, requested?)…] of the fields changed since
    ``request``."""
    now = form_values(submission)
    rows = []
    for name, label in requestable_fields():
        before, after = request.snapshot.get(name, ""), now.get(name, "")
        if before != after:
            rows.append(
                {
                    "label": label,
                    "marked": diff.render(before, after),
                    "requested": name in request.fields,
                }
            )
    return rows


def inspect_context(submission):
    """For the moderators' inspect view: the latest request, whether it was
    answered, and what changed since."""
    request = submission.change_requests.first()
    if request is None:
        return {"change_request": None, "requestable_fields": requestable_fields()}
    labels = dict(requestable_fields())
    changes, untouched = [], []
    if request.answered_at:
        changes = changes_since(request, submission)
        now = form_values(submission)
        untouched = [
            labels.get(name, name)
            for name in request.fields
            if request.snapshot.get(name, "") == now.get(name, "")
        ]
    return {
        "requestable_fields": requestable_fields(),
        "change_request": {
            "object": request,
            "fields": [labels.get(name, name) for name in request.fields],
            "changes": changes,
            "untouched": untouched,
        },
    }
