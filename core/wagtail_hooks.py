from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.admin_views import (
    RESEND_LOG_ACTION,
    OutboxPermissionPolicy,
    OutboxViewSet,
)
from core.models import OutboxEmail

register_permission_policy(OutboxEmail, OutboxPermissionPolicy(OutboxEmail))


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutboxViewSet("outbox", url_prefix="courriels")


@hooks.register("register_log_actions")
def register_outbox_log_actions(actions):
    actions.register_action(RESEND_LOG_ACTION, _("Courriel renvoyé"), _("Renvoyé"))
