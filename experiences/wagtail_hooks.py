"""The moderation queue in the Wagtail admin (menu "Contributions"), its action
URLs, its log actions and its panel on the admin home."""

from django.db.models import Q
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from experiences import (
    admin_bulk,
    admin_exports,
    admin_views,
    sheet_admin,  # noqa: F401  (imported for its hooks: error reports, sheets)
)
from experiences.admin_filters import (
    QUEUE_STATES,
    AssignedFilter,
    CompletenessFilter,
    ReceivedFilter,
    RegionFilter,
    StatusFilter,
)
from experiences.admin_queue import (
    SubmissionIndexView,
    SubmissionInspectView,
    status_counts,
)
from experiences.constants import NARRATIVE_FIELDS
from experiences.models import Submission, Theme
from experiences.permissions import MODERATE
from experiences.queue_search import QueueSearchHandler
from experiences.states import LOG_ACTIONS, Status

WAITING_STATES = (Status.RECEIVED, Status.IN_REVIEW)


# A plain 403 in the admin's frame (Wagtail would redirect to the dashboard).
forbidden = admin_views.forbidden
can_view_queue = admin_views.can_view


class SubmissionPermissionHelper(PermissionHelper):
    """Moderators and editorial leads see the queue; nobody creates, edits or
    deletes a submission here: it keeps what the contributor wrote."""

    def user_can_list(self, user):
        return can_view_queue(user)

    def user_can_inspect_obj(self, user, obj):
        return can_view_queue(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class SubmissionButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, **kwargs):
        buttons = super().get_buttons_for_obj(obj, exclude, **kwargs)
        for button in buttons:
            if button["url"].endswith(f"/inspect/{obj.pk}/"):
                button["label"] = _("Examiner")
                button["title"] = _("Examiner la contribution %(ref)s") % {
                    "ref": obj.reference or obj.pk
                }
        return buttons


# Views -----------------------------------------------------------------------


# Registration ----------------------------------------------------------------


def admin_display(description, order_field):
    def decorate(method):
        method.short_description = description
        method.admin_order_field = order_field
        return method

    return decorate


class SubmissionAdmin(ModelAdmin):
    model = Submission
    base_url_path = "contributions"
    menu_label = _("Contributions")
    menu_icon = "tasks"
    menu_order = 150
    add_to_settings_menu = False
    exclude_from_explorer = True
    inspect_view_enabled = True
    history_view_enabled = False
    list_per_page = 50
    permission_helper_class = SubmissionPermissionHelper
    button_helper_class = SubmissionButtonHelper
    index_view_class = SubmissionIndexView
    inspect_view_class = SubmissionInspectView
    index_template_name = "experiences/admin/queue.html"
    inspect_template_name = "experiences/admin/inspect.html"
    list_display = (
        "reference",
        "title_link",
        "rubric",
        "department_code",
        "role",
        "status_tag",
        "moderator",
        "received",
        "waiting",
        "completeness_score",
    )
    list_display_add_buttons = "title_link"
    list_filter = (
        StatusFilter,
        "rubric",
        RegionFilter,
        "role",
        AssignedFilter,
        CompletenessFilter,
        ("submitted_at", ReceivedFilter),
    )
    list_select_related = ("department", "assigned_to")
    search_handler_class = QueueSearchHandler
    ordering = ("-submitted_at",)
    search_fields = (
        "reference",
        "title",
        "summary",
        "objectives",
        "approach",
        "results",
        "first_name",
        "last_name",
        "email",
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(admin_views.SENT)
            .defer(
                *NARRATIVE_FIELDS,
                "consent_data_text",
                "consent_licence_text",
                "consent_public_contact_text",
            )
        )

    @admin_display(_("titre"), "title")
    def title_link(self, obj):
        return obj.title or _("(sans titre)")

    @admin_display(_("département"), "department__code")
    def department_code(self, obj):
        return obj.department.code if obj.department_id else ""

    @admin_display(_("état"), "status")
    def status_tag(self, obj, label=None):
        """The state as a tag; ``label``: the state's label when the caller
        has it already (the queue's rows)."""
        return format_html(
            '<span class="w-status recueil-status recueil-status--{}">{}</span>',
            obj.status,
            obj.get_status_display() if label is None else label,
        )

    @admin_display(_("modérateur·rice"), "assigned_to__first_name")
    def moderator(self, obj):
        if not obj.assigned_to_id:
            return "—"
        return obj.assigned_to.get_full_name() or obj.assigned_to.get_username()

    @admin_display(_("reçue le"), "submitted_at")
    def received(self, obj):
        if not obj.submitted_at:
            return "—"
        return formats.date_format(timezone.localtime(obj.submitted_at), "d/m/Y")

    @admin_display(_("jours d'attente"), "-submitted_at")
    def waiting(self, obj):
        days = obj.days_waiting
        return "—" if days is None else days

    @admin_display(_("complétude"), "completeness")
    def completeness_score(self, obj):
        return "—" if obj.completeness is None else f"{obj.completeness} %"


modeladmin_register(SubmissionAdmin)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "contributions/actions/<int:pk>/<slug:action>/",
            admin_views.submission_action,
            name="recueil_submission_action",
        ),
        path(
            "contributions/exports/",
            admin_exports.export_list,
            name="recueil_queue_exports",
        ),
        path(
            "contributions/exports/<int:pk>/telecharger/",
            admin_exports.export_download,
            name="recueil_queue_export_download",
        ),
        path(
            "contributions/pieces-jointes/<int:pk>/",
            admin_views.download_attachment,
            name="recueil_attachment_download",
        ),
        path(
            "contributions/pieces-jointes/<int:pk>/apercu/",
            admin_views.attachment_thumbnail,
            name="recueil_attachment_thumbnail",
        ),
    ]


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    for action, label in LOG_ACTIONS.items():
        actions.register_action(action)(
            type(
                "SubmissionLogFormatter",
                (SubmissionLogFormatter,),
                {"label": label},
            )
        )


class SubmissionLogFormatter(LogFormatter):
    """The action's label, followed by the moderator's message when there is one."""

    def format_message(self, log_entry):
        message = (log_entry.data or {}).get("message")
        if message:
            return f"{self.label} : {message}"
        return str(self.label)


class ModerationPanel(Component):
    name = "recueil_moderation"
    template_name = "experiences/admin/home_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        counts = status_counts()
        queue_url = reverse("contributions_modeladmin_index")
        mine = (
            Submission.objects.filter(assigned_to=self.user, status__in=WAITING_STATES)
            .order_by("submitted_at")
            .only("pk", "reference", "title", "status", "submitted_at")
        )
        unassigned = Submission.objects.filter(
            Q(assigned_to__isnull=True), status=Status.RECEIVED
        ).count()
        return {
            "counts": [
                {
                    "status": s,
                    "count": counts.get(s.value, 0),
                    "url": f"{queue_url}?etat={s.value}",
                }
                for s in QUEUE_STATES
            ],
            "mine": list(mine[:10]),
            "mine_count": mine.count(),
            "unassigned": unassigned,
            "queue_url": queue_url,
            "mine_url": f"{queue_url}?attribution=moi",
            "inspect_url": "contributions_modeladmin_inspect",
        }


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if request.user.has_perm(MODERATE) and can_view_queue(request.user):
        panels.append(ModerationPanel(request.user))


class ThemeViewSet(SnippetViewSet):
    """The themes of the contrat de ville, managed by the editorial leads."""

    model = Theme
    icon = "tag"
    menu_label = _("Thématiques")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["label", "slug", "sort_order"]
    search_fields = ["label"]
    ordering = ["sort_order", "label"]


register_snippet(ThemeViewSet)


@hooks.register("register_admin_urls")
def register_bulk_moderation_urls():
    return [
        path(
            "contributions/actions-groupees/",
            admin_bulk.bulk_action,
            name="recueil_queue_bulk",
        ),
    ]
