"""The registrations of one session as CSV or XLSX (through core.spreadsheets:
no cell is ever run as a formula), and its sign-in sheet as a PDF
(« feuille d'émargement », WeasyPrint)."""

import datetime
import io

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from weasyprint import HTML

from core import spreadsheets
from core.models import SiteIdentity
from core.spreadsheets import safe_text
from trainings.constants import Status

# Lines left empty on the sign-in sheet for people who come unannounced.
BLANK_LINES = 5
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _local(value):
    return timezone.localtime(value).replace(tzinfo=None) if value else ""


def _presence(registration):
    return {True: "présent·e", False: "absent·e"}.get(registration.attended, "")


COLUMNS = [
    ("Ordre d'arrivée", lambda r: r.number),
    ("Statut", lambda r: r.get_status_display()),
    ("Prénom", lambda r: r.first_name),
    ("Nom", lambda r: r.last_name),
    ("Courriel", lambda r: r.email),
    ("Téléphone", lambda r: r.phone),
    ("Rôle", lambda r: r.get_role_display()),
    ("Structure", lambda r: r.organisation),
    ("Commune ou EPCI", lambda r: r.territory),
    ("Besoins particuliers", lambda r: r.needs),
    ("Transport", lambda r: r.get_transport_display() if r.transport else ""),
    ("Présence", _presence),
    ("Inscrit·e le", lambda r: _local(r.created_at)),
    ("Annulée le", lambda r: _local(r.cancelled_at)),
]


def rows(session):
    yield [label for label, _getter in COLUMNS]
    for registration in session.registrations.order_by("number"):
        yield [safe_text(getter(registration)) for _label, getter in COLUMNS]


def filename(session, extension):
    return f"inscriptions-{session.slug}-{timezone.localdate():%Y-%m-%d}.{extension}"


def _csv_rows(session):
    for row in rows(session):
        yield [
            value.strftime("%Y-%m-%d %H:%M")
            if isinstance(value, datetime.datetime)
            else value
            for value in row
        ]


def csv_response(session):
    response = StreamingHttpResponse(
        spreadsheets.csv_lines(_csv_rows(session), byte_order_mark=True),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(session, "csv")}"'
    )
    return response


def xlsx_response(session):
    buffer = io.BytesIO()
    spreadsheets.write_xlsx(buffer, "Inscriptions", rows(session))
    buffer.seek(0)
    return FileResponse(
        buffer,
        as_attachment=True,
        filename=filename(session, "xlsx"),
        content_type=XLSX_TYPE,
    )


def signin_sheet_pdf(session):
    """The PDF bytes: one line per confirmed participant, a column to sign."""
    participants = session.registrations.filter(status=Status.CONFIRMED).order_by(
        "last_name", "first_name", "number"
    )
    html = render_to_string(
        "trainings/admin/signin_sheet.html",
        {
            "session": session,
            "participants": participants,
            "identity": SiteIdentity.load(),
            "blank_lines": range(BLANK_LINES),
        },
    )
    return HTML(string=html).write_pdf()


def signin_sheet_response(session):
    response = HttpResponse(signin_sheet_pdf(session), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="emargement-{session.slug}.pdf"'
    )
    return response
