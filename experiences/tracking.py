"""The contributor's private tracking link.

The token is derived from a random salt kept in the submission's row and the
secret key (``Submission.tracking_token``); only its SHA-256 is stored, for the
lookup. So the same link is rebuilt wherever it is needed (the send task, the
confirmation page) and never travels through the task queue or a session.
Rotating the link (a new salt) voids the previous one.

A session remembers a submission by its id and a short fingerprint of the
token's hash: the link is shown again only while it is still the same one.
"""

import logging

from core.urls import site_url
from experiences.models import CallForContributionsPage, Submission
from experiences.models.submissions import derive_token, hash_token, new_salt

logger = logging.getLogger(__name__)

FINGERPRINT_LENGTH = 12
# What the confirmation and draft-saved pages remember, in the session.
SESSION_CONFIRMATION = "recueil_contribution_confirmation"
SESSION_DRAFT = "recueil_contribution_draft"
SESSION_KEYS = (SESSION_CONFIRMATION, SESSION_DRAFT)


def tracking_path(token):
    call = CallForContributionsPage.objects.live().first()
    base = call.url if call else "/contribuer/"
    return f"{base}suivi/{token}/"


def rotate(submission):
    """Give ``submission`` a new link (saved at once); the old one stops working."""
    submission.token_salt = new_salt()
    submission.token_hash = hash_token(derive_token(submission.token_salt))
    type(submission).objects.filter(pk=submission.pk).update(
        token_salt=submission.token_salt, token_hash=submission.token_hash
    )


def current_token(submission):
    token = submission.tracking_token()
    if token is None:
        # The secret key changed (and the old one is not a fallback): the link
        # cannot be rebuilt, so a new one is made.
        logger.warning("Tracking link of submission %s renewed.", submission.pk)
        rotate(submission)
        token = submission.tracking_token()
    return token


def tracking_url(submission, base_url=None):
    """The absolute address of the submission's tracking page."""
    base = (base_url or site_url()).rstrip("/")
    return base + tracking_path(current_token(submission))


def fingerprint(submission):
    return submission.token_hash[:FINGERPRINT_LENGTH]


def remember(submission, *, link, **flags):
    """What a session keeps about a submission: ids and flags, never an
    address or a link. ``link``: whether the page may show the link."""
    return {
        "id": submission.pk,
        "link": fingerprint(submission) if link else "",
        **flags,
    }


def recall(stored, base_url=None):
    """The submission a session remembers, and its link if the session may
    still show it (same link, data not purged); (None, "") otherwise.
    ``base_url``: the origin the page is served on (the link is shown there)."""
    submission = Submission.objects.filter(pk=(stored or {}).get("id")).first()
    if submission is None:
        return None, ""
    link = stored.get("link")
    if (
        link
        and not submission.personal_data_purged_at
        and link == fingerprint(submission)
        and submission.tracking_token()
    ):
        return submission, tracking_url(submission, base_url)
    return submission, ""
