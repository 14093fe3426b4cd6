"""The organisers' screens: the sessions and, for each, its registrations with
counts and spreads, the exports, the sign-in sheet and the attendance. Every
view needs ``trainings.manage_registrations`` (group « Organisateurs » and the
editorial leads)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from trainings import exports, reports
from trainings import registration as service
from trainings.constants import MANAGE_REGISTRATIONS
from trainings.models import Registration, TrainingSessionPage, with_seats


def _check(request):
    if not request.user.has_perm(MANAGE_REGISTRATIONS):
        raise PermissionDenied


def _session(pk):
    return get_object_or_404(TrainingSessionPage, pk=pk)


def session_list(request):
    _check(request)
    sessions = with_seats(
        TrainingSessionPage.objects.select_related("synthesis").order_by(
            "-starts_at", "pk"
        )
    )
    return TemplateResponse(
        request, "trainings/admin/sessions.html", {"sessions": sessions}
    )


def session_report(request, pk):
    _check(request)
    session = _session(pk)
    context = {"session": session, **reports.session_report(session)}
    return TemplateResponse(request, "trainings/admin/session_report.html", context)


def export(request, pk, fmt):
    _check(request)
    session = _session(pk)
    if fmt == "xlsx":
        return exports.xlsx_response(session)
    return exports.csv_response(session)


def signin_sheet(request, pk):
    _check(request)
    return exports.signin_sheet_response(_session(pk))


@require_POST
def attendance(request, pk):
    _check(request)
    session = _session(pk)
    posted = request.POST.getlist("present")
    present = [int(value) for value in posted if value.isdigit()]
    service.mark_attendance(session, present)
    messages.success(request, "Présences enregistrées.")
    return redirect("formations:session", pk=session.pk)


@require_POST
def cancel_registration(request, pk, registration_pk):
    _check(request)
    registration = get_object_or_404(Registration, pk=registration_pk, session_id=pk)
    service.cancel(registration)
    messages.success(
        request,
        f"Inscription de {registration.full_name} annulée ; la place est proposée "
        "à la personne suivante en liste d'attente.",
    )
    return redirect("formations:session", pk=pk)


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(MANAGE_REGISTRATIONS)


class TrainingAdminViewSet(ViewSet):
    name = "formations"
    icon = "date"
    menu_label = "Inscriptions aux formations"
    add_to_admin_menu = True
    menu_order = 250

    @property
    def menu_item_class(self):
        return OrganiserMenuItem

    def get_urlpatterns(self):
        return [
            path("", session_list, name="index"),
            path("seance/<int:pk>/", session_report, name="session"),
            path("seance/<int:pk>/export/<str:fmt>/", export, name="export"),
            path("seance/<int:pk>/emargement.pdf", signin_sheet, name="signin_sheet"),
            path("seance/<int:pk>/presences/", attendance, name="attendance"),
            path(
                "seance/<int:pk>/annuler/<int:registration_pk>/",
                cancel_registration,
                name="cancel_registration",
            ),
        ]


def report_url(session):
    return reverse("formations:session", args=[session.pk])
