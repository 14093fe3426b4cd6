"""What a purge erases beyond the submission's own fields: the messages and
labels of its audit-log entries, the public contact copied into the pages made
from it, and every outbox email, task row and session key that names it."""

from wagtail.models import ModelLogEntry

from core import retention
from experiences.models import ExperiencePage
from experiences.tracking import SESSION_KEYS

CONTACT_FIELDS = ("contact_name", "contact_email")


def neutral_label(submission):
    return submission.reference or f"Brouillon n° {submission.pk}"


def scrub_history(submission, *, keep=None):
    """Audit-log entries keep their action, actor and time; their message
    (what the moderator wrote, whom it was assigned to) and their label (the
    title at the time) are erased, except the message of ``keep`` (the purge's
    own trace)."""
    entries = ModelLogEntry.objects.for_instance(submission)
    to_scrub = entries.exclude(pk=keep.pk) if keep is not None else entries
    for entry in to_scrub.exclude(data={}).exclude(data__isnull=True):
        data = {**entry.data}
        if data.pop("message", None) is not None:
            data["message"] = ""
            ModelLogEntry.objects.filter(pk=entry.pk).update(data=data)
    entries.update(label=neutral_label(submission))


def _matches(values, contact):
    email = (values.get("contact_email") or "").strip().lower()
    name = (values.get("contact_name") or "").strip().lower()
    return bool(
        (email and email == contact["email"]) or (name and name in contact["names"])
    )


def scrub_pages(submission, contact):
    """Remove the contributor's contact from the pages made from the
    submission, in every revision (they were copied there without consent, or
    the consent goes with the purge)."""
    pages = ExperiencePage.objects.filter(submission=submission)
    for page in pages:
        for revision in page.revisions.all():
            if _matches(revision.content, contact):
                blank = dict.fromkeys(CONTACT_FIELDS, "")
                revision.content = {**revision.content, **blank}
                revision.save(update_fields=["content"])
        if _matches({f: getattr(page, f) for f in CONTACT_FIELDS}, contact):
            ExperiencePage.objects.filter(pk=page.pk).update(
                **dict.fromkeys(CONTACT_FIELDS, "")
            )


def contact_of(submission):
    names = {
        submission.contributor_name.strip().lower(),
        submission.last_name.strip().lower(),
    } - {""}
    return {"email": submission.email.strip().lower(), "names": names}


def forget_everywhere(submission, contact):
    """Outbox emails, their task rows and log entries, older task rows that
    carried the address, session keys that name the submission."""
    retention.forget_emails_about(submission, mentioning=[contact["email"]])
    retention.forget_in_sessions(SESSION_KEYS, submission.pk)
