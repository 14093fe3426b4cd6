"""The permissions of the experiences domain, one constant each, and the one
definition of who moderates."""

from django.contrib.auth import get_user_model
from django.db.models import Q

VIEW = "experiences.view_submission"
MODERATE = "experiences.moderate_submission"
VIEW_PERSONAL_DATA = "experiences.view_personal_data"
EXPORT = "experiences.export_submission"
PURGE = "experiences.purge_submission"


def moderators():
    """Active users who may moderate: through a group (moderators, editorial
    leads), a permission of their own, or as superusers."""
    app_label, codename = MODERATE.split(".")
    granted = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(granted | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
