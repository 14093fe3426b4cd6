"""CSV and XLSX exports of the moderation queue, as filtered.

Both stream: rows are read from the database in chunks and written as they
come, so memory stays flat whether the queue holds 10 or 50 000 submissions.
CSV goes straight to the response; XLSX is written by openpyxl's write-only
mode to a temporary file that is then streamed and deleted.
"""

import csv
import datetime
import re
import tempfile
from collections import defaultdict
from itertools import batched

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

from openpyxl import Workbook

from experiences.models import Submission

CHUNK_SIZE = 2000
# A cell starting with one of these is a formula for spreadsheet software.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Control characters other than tab and line breaks: XML (so XLSX) cannot
# hold them, and no reader of a CSV wants them. Text stored before the form
# stripped them on input still reaches the export.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _date(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


COLUMNS = [
    ("Référence", lambda s: s.reference or ""),
    ("État", lambda s: s.get_status_display()),
    ("Titre", lambda s: s.title),
    ("Rubrique", lambda s: s.get_rubric_display()),
    ("Résumé", lambda s: s.summary),
    ("Commune(s)", lambda s: s.communes),
    ("Département", lambda s: s.department.code if s.department_id else ""),
    ("Nom du département", lambda s: s.department.name if s.department_id else ""),
    ("Région", lambda s: s.department.region.name if s.department_id else ""),
    ("Quartier(s) prioritaire(s)", lambda s: s.quartiers),
    ("Début", lambda s: s.start_date.strftime("%Y-%m") if s.start_date else ""),
    ("Fin", lambda s: s.end_date.strftime("%Y-%m") if s.end_date else ""),
    ("En cours", lambda s: "oui" if s.ongoing else "non"),
    ("Signe particulier", lambda s: s.feature),
    ("Objectifs", lambda s: s.objectives),
    ("La démarche", lambda s: s.approach),
    ("Acteurs et partenaires", lambda s: s.actors),
    ("Résultats", lambda s: s.results),
    ("Difficultés", lambda s: s.difficulties),
    ("Conseils", lambda s: s.advice),
    ("Thématiques", lambda s: ", ".join(s.export_themes)),
    ("Mots-clés", lambda s: s.tags),
    ("Liens", lambda s: " ".join(s.link_list)),
    ("Prénom", lambda s: s.first_name),
    ("Nom", lambda s: s.last_name),
    ("Courriel", lambda s: s.email),
    ("Téléphone", lambda s: s.phone),
    ("Rôle", lambda s: s.get_role_display()),
    ("Structure", lambda s: s.organisation),
    ("Conseil citoyen", lambda s: s.council),
    ("Consentement traitement", lambda s: _date(s.consent_data_at)),
    ("Consentement licence", lambda s: _date(s.consent_licence_at)),
    ("Contact public", lambda s: "oui" if s.consent_public_contact else "non"),
    (
        "Modérateur·rice",
        lambda s: (
            (s.assigned_to.get_full_name() or s.assigned_to.get_username())
            if s.assigned_to_id
            else ""
        ),
    ),
    ("Créée le", lambda s: _date(s.created_at)),
    ("Reçue le", lambda s: _date(s.submitted_at)),
    ("Décision le", lambda s: _date(s.decided_at)),
    ("Publiée le", lambda s: _date(s.published_at)),
    ("Modifiée le", lambda s: _date(s.updated_at)),
]
HEADERS = [label for label, _ in COLUMNS]


def export_queryset(queryset):
    # defer(None): the queue's list defers the long texts, the export needs them.
    return (
        queryset.defer(None)
        .select_related("department__region", "assigned_to")
        .iterator(chunk_size=CHUNK_SIZE)
    )


def _themes_by_submission(ids):
    """{submission id: [theme labels]} for one chunk, in one query.

    (prefetch_related() with iterator() keeps memory growing with the rows,
    as measured by the benchmark; one query per chunk keeps it flat.)"""
    through = Submission.themes.through
    labels = defaultdict(list)
    for submission_id, label in (
        through.objects.filter(submission_id__in=ids)
        .order_by("theme__sort_order", "theme__label")
        .values_list("submission_id", "theme__label")
    ):
        labels[submission_id].append(label)
    return labels


def rows(queryset):
    for chunk in batched(export_queryset(queryset), CHUNK_SIZE):
        themes = _themes_by_submission([submission.pk for submission in chunk])
        for submission in chunk:
            submission.export_themes = themes.get(submission.pk, [])
            yield [getter(submission) for _, getter in COLUMNS]


def _safe_text(value):
    """Text a spreadsheet shows as text: no control character, no formula."""
    if not isinstance(value, str):
        return value
    value = CONTROL_CHARACTERS.sub("", value)
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def _csv_lines(queryset):
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(HEADERS)
    for row in rows(queryset):
        yield writer.writerow(
            [
                value.strftime("%Y-%m-%d %H:%M")
                if isinstance(value, datetime.datetime)
                else _safe_text(value)
                for value in row
            ]
        )


def filename(extension):
    return f"contributions-{timezone.localdate():%Y-%m-%d}.{extension}"


def csv_response(queryset):
    response = StreamingHttpResponse(
        _csv_lines(queryset), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename("csv")}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def write_xlsx(queryset, fileobj):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Contributions")
    sheet.append(HEADERS)
    for row in rows(queryset):
        sheet.append([_safe_text(value) for value in row])
    workbook.save(fileobj)


def xlsx_response(queryset):
    temporary = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    write_xlsx(queryset, temporary)
    temporary.seek(0)
    return FileResponse(
        temporary,
        as_attachment=True,
        filename=filename("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
