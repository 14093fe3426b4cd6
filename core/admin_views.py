"""The outbox in the Wagtail admin: failed and waiting emails, for editorial
leads, with « renvoyer » (POST only, permission-checked, logged)."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, ListingButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from core import outbox
from core.models import OutboxEmail
from core.permissions import RESEND_EMAILS

RESEND_LOG_ACTION = "recueil.email.resend"


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """The outbox is written by the application only: nobody adds, edits or
    deletes a row by hand, superusers included."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


def can_resend(user):
    return user.is_active and user.has_perm(RESEND_EMAILS)


def resend_url(email):
    return reverse("outbox:resend", args=[email.pk])


def when(value):
    if not value:
        return ""
    return formats.date_format(timezone.localtime(value), "j F Y, H:i")


class OutboxIndexView(IndexView):
    page_title = gettext_lazy("Courriels en attente ou en échec")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .exclude(status=OutboxEmail.Status.SENT)
            .prefetch_related("about")
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_resend(self.request.user):
            buttons.append(
                ListingButton(
                    _("Renvoyer"),
                    url=resend_url(instance),
                    icon_name="mail",
                    priority=5,
                )
            )
        return buttons


LABELS = {
    "template_label": gettext_lazy("Courriel"),
    "about": gettext_lazy("À propos de"),
    "audience_label": gettext_lazy("Destinataires"),
    "status": gettext_lazy("État"),
    "attempts": gettext_lazy("Essais"),
    "last_error": gettext_lazy("Dernière erreur"),
    "next_attempt_at": gettext_lazy("Prochain essai"),
    "sent_at": gettext_lazy("Envoyé le"),
    "created_at": gettext_lazy("Créé le"),
}


class OutboxInspectView(InspectView):
    def get_field_label(self, field_name, field):
        return LABELS.get(field_name) or super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if field_name.endswith("_at"):
            return when(value) or "—"
        return value if value not in ("", None) else "—"

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.status != OutboxEmail.Status.SENT and can_resend(
            self.request.user
        ):
            buttons.append(
                Button(
                    _("Renvoyer"),
                    url=resend_url(self.object),
                    icon_name="mail",
                    priority=5,
                )
            )
        return buttons


def resend_view(request, pk):
    """GET asks for confirmation; POST sends the email again, now."""
    if not can_resend(request.user):
        return TemplateResponse(request, "core/admin/403.html", status=403)
    email = get_object_or_404(OutboxEmail, pk=pk)
    index_url = reverse("outbox:index")
    if email.status == OutboxEmail.Status.SENT:
        messages.error(request, _("Ce courriel est déjà envoyé."))
        return redirect(index_url)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "core/admin/resend_confirm.html",
            {"email": email, "index_url": index_url},
        )
    if outbox.resend(email):
        log(instance=email, action=RESEND_LOG_ACTION, user=request.user)
        messages.success(
            request,
            _("Le courriel « %(email)s » est remis en file d'envoi.")
            % {"email": email},
        )
    else:
        messages.error(request, _("Ce courriel est déjà envoyé."))
    return redirect(index_url)


class OutboxViewSet(ModelViewSet):
    model = OutboxEmail
    icon = "mail"
    menu_label = gettext_lazy("Courriels")
    menu_order = 900
    add_to_settings_menu = True
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False  # the rows point at nothing Wagtail tracks
    form_fields = []  # no create or edit form: see OutboxPermissionPolicy
    list_filter = ["status", "template"]
    list_display = [
        "template_label",  # the title column, with the buttons
        Column("about", label=LABELS["about"]),
        Column("audience_label", label=LABELS["audience_label"]),
        Column("get_status_display", label=LABELS["status"]),
        Column("attempts", label=LABELS["attempts"]),
        Column(
            "next_attempt_at",
            label=LABELS["next_attempt_at"],
            accessor=lambda email: when(email.next_attempt_at),
        ),
        Column(
            "last_error",
            label=LABELS["last_error"],
            accessor=lambda email: email.last_error[:120],
        ),
    ]
    inspect_view_fields = list(LABELS)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("renvoyer/<int:pk>/", resend_view, name="resend"),
        ]
