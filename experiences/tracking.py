"""The contributor's private tracking link.

Only the SHA-256 of the token is stored, so a link can be shown only when it is
made: each email that carries the link issues a new token, which replaces the
previous one (the email says so)."""

from experiences.models import CallForContributionsPage


def tracking_path(token):
    call = CallForContributionsPage.objects.live().first()
    base = call.url if call else "/contribuer/"
    return f"{base}suivi/{token}/"


def new_tracking_url(submission, request=None):
    """Rotate the submission's token and return the absolute tracking URL."""
    from django.conf import settings

    token = submission.set_token()
    type(submission).objects.filter(pk=submission.pk).update(
        token_hash=submission.token_hash
    )
    path = tracking_path(token)
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
