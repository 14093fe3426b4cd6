"""What the contribution pages change: drafts, submissions, withdrawals.

Each function takes plain data (the form's cleaned data, the post's staged
files, a base URL), never a request, runs in one transaction and changes
states only through ``experiences.states``. A new submission's row is
inserted once, with its tracking token (``Submission.save``); the transition
then takes the reference in its own UPDATE.
"""

import re
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from experiences import change_requests, completeness, notifications, tracking
from experiences.constants import SubmissionKind
from experiences.form_building import TEXT_FIELDS
from experiences.models import (
    Department,
    ReferenceSequence,
    Submission,
    SubmissionAttachment,
    Theme,
)
from experiences.states import Status as S
from experiences.states import TransitionError, apply

NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
EDITABLE_STATES = (S.DRAFT, S.CHANGES_REQUESTED)
WITHDRAWABLE_STATES = (S.DRAFT, S.RECEIVED, S.IN_REVIEW, S.CHANGES_REQUESTED)


def new_nonce():
    return secrets.token_urlsafe(24)


def valid_nonce(nonce):
    """``nonce`` if it has the shape of one made by ``new_nonce``, else ""."""
    return nonce if NONCE_RE.match(nonce or "") else ""


def by_nonce(nonce):
    """The submission first stored from the form that carried ``nonce``."""
    if not valid_nonce(nonce):
        return None
    return Submission.objects.filter(form_nonce=nonce).first()


def is_editable(call, submission):
    """Whether the tracking page shows the contribution form again."""
    return submission.status == S.CHANGES_REQUESTED or (
        submission.status == S.DRAFT
        and (call.is_open or submission.kind == SubmissionKind.UPDATE)
    )


def _new_draft(nonce):
    # Not saved: its first save mints the tracking token, once.
    return Submission(status=S.DRAFT, form_nonce=nonce)


def _assign(submission, cleaned):
    for name in TEXT_FIELDS:
        value = cleaned.get(name)
        if name == "ongoing":
            value = bool(value)
        elif value is None and name not in ("start_date", "end_date"):
            value = ""
        setattr(submission, name, value)
    code = cleaned.get("departement")
    submission.department = (
        Department.objects.filter(code=code).first() if code else None
    )


def _score(submission, cleaned, files):
    """The completeness score of what is being stored, set before the row is
    written (so that a new submission is still inserted once)."""
    new_photos = sum(
        1 for staged in files.staged if staged.kind == SubmissionAttachment.Kind.IMAGE
    )
    credits = completeness.photo_credits(
        submission,
        removed=cleaned.get("remove_attachments") or [],
        new_photos=new_photos,
    )
    submission.completeness = completeness.for_values(cleaned, credits).score


def _sync_files(files, submission, cleaned):
    """Remove the files the person unticked (from the disk once committed) and
    attach the post's staged files."""
    removed = [int(pk) for pk in cleaned.get("remove_attachments") or []]
    for attachment in submission.attachments.filter(pk__in=removed):
        stored = attachment.file
        attachment.delete()
        transaction.on_commit(lambda stored=stored: stored.storage.delete(stored.name))
    files.attach(submission)


def hold_files(submission, nonce, files):
    """Keep the valid files of an invalid post on a draft, so none is lost."""
    with files.transaction():
        if submission is None:
            submission = _new_draft(nonce)
            submission.save()
        files.attach(submission)
    return submission


def save_draft(submission, cleaned, files):
    """Store a draft; email a private link when the address is new.

    Returns the submission and whether its link was (or would have been,
    under the rate limit) emailed."""
    with files.transaction():
        if submission is None:
            submission = _new_draft(cleaned["form_nonce"])
        previous_email = submission.email
        _assign(submission, cleaned)
        _score(submission, cleaned, files)
        submission.form_nonce = cleaned["form_nonce"]
        submission.save()
        submission.themes.set(Theme.objects.filter(slug__in=cleaned["themes"]))
        _sync_files(files, submission, cleaned)
        entry = log(instance=submission, action="recueil.submission.draft")
        link_sent = previous_email != submission.email
        if link_sent:
            notifications.draft_saved(submission, entry, previous_email=previous_email)
    return submission, link_sent


def _stamp_consents(submission, call, cleaned):
    now = timezone.now()
    submission.consent_data_at = now
    submission.consent_data_text = call.privacy_consent_text
    submission.consent_licence_at = now
    submission.consent_licence_text = call.licence_consent_text
    submission.consent_public_contact = bool(cleaned.get("consent_public_contact"))
    if submission.consent_public_contact:
        submission.consent_public_contact_at = now
        submission.consent_public_contact_text = call.public_contact_consent_text
    else:
        submission.consent_public_contact_at = None
        submission.consent_public_contact_text = ""


def submit(call, submission, cleaned, files):
    """Store everything, give a reference, log, queue the emails (through the
    transition): all or nothing.

    The files are already staged (photos re-encoded) before the transaction
    opens, and the reference is taken last, in the transition's own UPDATE, so
    the counter's row stays locked only for the few statements before the
    commit: submissions do not wait on each other.
    """
    with files.transaction():
        if submission is None:
            submission = _new_draft(cleaned["form_nonce"])
        else:
            submission = Submission.objects.select_for_update().get(pk=submission.pk)
        seen = submission.status
        if seen not in EDITABLE_STATES:
            raise TransitionError(_("Cette contribution a déjà été envoyée."))
        _assign(submission, cleaned)
        _score(submission, cleaned, files)
        _stamp_consents(submission, call, cleaned)
        submission.form_nonce = cleaned["form_nonce"]
        submission.save()
        submission.themes.set(Theme.objects.filter(slug__in=cleaned["themes"]))
        _sync_files(files, submission, cleaned)
        name = "submit" if seen == S.DRAFT else "resubmit"
        changes = {}
        if seen == S.DRAFT:
            changes["reference"] = ReferenceSequence.next_reference()
        apply(submission, name, expected_status=seen, **changes)
        if name == "resubmit":
            change_requests.mark_answered(submission)
    return submission


def withdraw(submission):
    return apply(submission, "withdraw", expected_status=submission.status)


def confirmation(stored, base_url):
    """What the confirmation page shows of the submission a session remembers
    (``tracking.remember``); its link on ``base_url``, if it may show it."""
    submission, url = tracking.recall(stored, base_url)
    if submission is None:
        return {}
    return {
        "reference": submission.reference,
        "email": submission.email if url else "",
        "tracking_url": url,
        "resubmitted": (stored or {}).get("resubmitted", False),
        "withheld": bool(url) and notifications.withheld(submission, "receipt"),
    }


def saved_draft(stored, base_url):
    """What the draft-saved page shows of the draft a session remembers."""
    submission, url = tracking.recall(stored, base_url)
    if submission is None or submission.personal_data_purged_at:
        return {}
    return {
        "email": submission.email,
        "url": url,
        "withheld": bool(url) and notifications.withheld(submission, "draft_saved"),
    }
