"""The admin beside an experience sheet: its readers' error reports, and the
message that says the sheet is online once the workflow's last task approves it.

- ``ErrorReportViewSet`` lists the reports (open ones first, filterable by
  sheet); editors and editorial leads mark them handled. Each sheet's header
  links to its open reports, and its edit view says how many are waiting.
- ``ExperiencePageViewSet`` is Wagtail's page viewset for ExperiencePage, with
  the two views through which a workflow task is approved (the edit view's
  action menu and the modal of the dashboard and listings) saying « La fiche
  est publiée » with its public address when the approval published it.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.widgets import Button
from wagtail.models import Page

from core.urls import page_url
from experiences.models import ErrorReport, ExperiencePage

VIEWSET_NAME = "signalements"


class ErrorReportFilterSet(WagtailFilterSet):
    class Meta:
        model = ErrorReport
        fields = ["handled", "page"]


class ErrorReportViewSet(ModelViewSet):
    model = ErrorReport
    icon = "warning"
    menu_label = gettext_lazy("Signalements d'erreur")
    menu_order = 250
    add_to_admin_menu = True
    filterset_class = ErrorReportFilterSet
    list_display = [
        "message",
        "page",
        "created",
        BooleanColumn("handled", label=gettext_lazy("Traité")),
    ]
    # The reader's message and address stay as they were sent: only the
    # "handled" box is editable.
    form_fields = ["handled"]
    inspect_view_enabled = True
    inspect_view_fields = ["page", "message", "email", "created", "handled"]

    def get_queryset(self, request):
        return ErrorReport.objects.select_related("page")


error_report_viewset = ErrorReportViewSet(VIEWSET_NAME)


@hooks.register("register_admin_viewset")
def register_error_reports():
    return error_report_viewset


def open_reports_url(page):
    return (
        reverse(error_report_viewset.get_url_name("index"))
        + f"?page={page.pk}&handled=false"
    )


def open_report_count(page):
    return ErrorReport.objects.filter(page_id=page.pk, handled=False).count()


@hooks.register("register_page_header_buttons")
def error_reports_button(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, ExperiencePage):
        return
    if not user.has_perm("experiences.view_errorreport"):
        return
    count = open_report_count(page)
    yield Button(
        _("Signalements à traiter (%(count)s)") % {"count": count},
        url=open_reports_url(page),
        icon_name="warning",
        priority=80,
    )


def say_if_published(request, page, live_revision_before):
    """After a workflow action: « … est publiée », with its address, when the
    action published the page."""
    page = Page.objects.filter(pk=page.pk).specific().first()
    if page is None or not page.live:
        return
    if page.live_revision_id == live_revision_before:
        return
    url = page_url(page)
    messages.success(
        request,
        _("La fiche « %(title)s » est publiée : %(url)s")
        % {"title": page.title, "url": url},
        buttons=[messages.button(url, _("Voir la fiche en ligne"), new_window=True)],
    )


class ExperienceWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        before = self.object.live_revision_id
        response = super().post(request, *args, **kwargs)
        say_if_published(request, self.object, before)
        return response


class ExperienceEditView(EditView):
    def get(self, request, *args, **kwargs):
        count = open_report_count(self.page)
        if count and request.user.has_perm("experiences.view_errorreport"):
            messages.warning(
                request,
                _("%(count)s signalement(s) d'erreur à traiter sur cette fiche.")
                % {"count": count},
                buttons=[messages.button(open_reports_url(self.page), _("Voir"))],
            )
        return super().get(request, *args, **kwargs)

    def perform_workflow_action(self):
        before = self.page.live_revision_id
        response = super().perform_workflow_action()
        say_if_published(self.request, self.page, before)
        return response


class ExperiencePageViewSet(PageViewSet):
    model = ExperiencePage
    edit_view_class = ExperienceEditView
    workflow_action_view_class = ExperienceWorkflowActionView


@hooks.register("register_admin_viewset")
def register_experience_pages():
    return ExperiencePageViewSet("experiencepage")
