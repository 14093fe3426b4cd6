"""The list of the queue's exports and their download, for editorial leads
only (the files hold every contributor's personal data)."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from experiences.admin_views import can_view, forbidden
from experiences.models import QueueExport
from experiences.permissions import EXPORT

CONTENT_TYPES = {
    QueueExport.Format.CSV: "text/csv; charset=utf-8",
    QueueExport.Format.XLSX: (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
}
LISTED = 100


def can_export(user):
    return can_view(user) and user.has_perm(EXPORT)


def export_list(request):
    if not can_export(request.user):
        return forbidden(request)
    exports = QueueExport.objects.select_related("requested_by").defer(
        "submission_ids"
    )[:LISTED]
    return TemplateResponse(
        request,
        "experiences/admin/exports.html",
        {
            "exports": [
                {
                    "object": export,
                    "requested_by": (
                        export.requested_by.get_full_name()
                        or export.requested_by.get_username()
                    )
                    if export.requested_by
                    else "—",
                    "download_url": reverse(
                        "recueil_queue_export_download", args=[export.pk]
                    )
                    if export.is_downloadable
                    else "",
                }
                for export in exports
            ],
            "Status": QueueExport.Status,
            "queue_url": reverse("contributions_modeladmin_index"),
        },
    )


def export_download(request, pk):
    if not can_export(request.user):
        return forbidden(request)
    export = get_object_or_404(QueueExport.objects.defer("submission_ids"), pk=pk)
    if not export.is_downloadable:
        raise Http404(_("Cet export n'est pas ou plus disponible."))
    try:
        handle = export.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("Fichier introuvable.")) from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=export.file.name.rpartition("/")[2],
        content_type=CONTENT_TYPES[export.format],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
