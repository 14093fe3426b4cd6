from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

from trainings.admin_views import TrainingAdminViewSet, report_url
from trainings.constants import MANAGE_REGISTRATIONS
from trainings.models import TrainingSessionPage


@hooks.register("register_admin_viewset")
def register_training_admin():
    return TrainingAdminViewSet()


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name=None, next_url=None):
    if issubclass(page.specific_class or object, TrainingSessionPage) and user.has_perm(
        MANAGE_REGISTRATIONS
    ):
        yield Button(_("Inscriptions"), url=report_url(page), icon_name="group")
