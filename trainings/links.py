"""The addresses of a registrant's private page
(``/formations/inscription/<jeton>/``)."""

from django.conf import settings

from trainings.models import TrainingIndexPage


def registration_path(token):
    index = TrainingIndexPage.objects.live().first()
    base = index.url if index else "/formations/"
    suffix = (
        index.reverse_subpage("registration", args=[token])
        if index
        else (f"inscription/{token}/")
    )
    return base + suffix


def registration_url(token, base_url=None):
    """Absolute: on ``base_url`` (the origin the page is served on) or the site's."""
    base = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    return base + registration_path(token)
