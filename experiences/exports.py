"""CSV and XLSX exports of the moderation queue.

Rows are read from the database in chunks and written as they come, so memory
stays flat whether the queue holds 10 or 50 000 submissions. The queue's
exports are built by a task (experiences.queue_exports) from the submissions'
ids, into a file; a small selection can still be downloaded at once (CSV
streamed to the response, XLSX through a temporary file).
"""

import datetime
import tempfile
from collections import defaultdict
from itertools import batched

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

from core import spreadsheets
from core.spreadsheets import safe_text
from experiences.models import Submission

CHUNK_SIZE = 2000


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


def _rows_of_chunks(chunks):
    for chunk in chunks:
        themes = _themes_by_submission([submission.pk for submission in chunk])
        for submission in chunk:
            submission.export_themes = themes.get(submission.pk, [])
            yield [getter(submission) for _, getter in COLUMNS]


def rows(queryset):
    return _rows_of_chunks(batched(export_queryset(queryset), CHUNK_SIZE))


def _chunks_of_ids(ids):
    """The submissions of ``ids``, in that order, a chunk at a time (those
    deleted since are skipped; only what was sent is ever read)."""
    for chunk_ids in batched(ids, CHUNK_SIZE):
        found = (
            Submission.objects.filter(pk__in=chunk_ids, submitted_at__isnull=False)
            .select_related("department__region", "assigned_to")
            .in_bulk()
        )
        yield [found[pk] for pk in chunk_ids if pk in found]


def rows_of_ids(ids):
    return _rows_of_chunks(_chunks_of_ids(ids))


def _csv_rows(queryset=None, *, row_source=None):
    # Text stored before the form stripped control characters on input still
    # reaches the export: every cell goes through safe_text.
    yield HEADERS
    for row in row_source if row_source is not None else rows(queryset):
        yield [
            value.strftime("%Y-%m-%d %H:%M")
            if isinstance(value, datetime.datetime)
            else safe_text(value)
            for value in row
        ]


def _csv_lines(queryset):
    return spreadsheets.csv_lines(_csv_rows(queryset), byte_order_mark=True)


def filename(extension):
    return f"contributions-{timezone.localdate():%Y-%m-%d}.{extension}"


def csv_response(queryset):
    response = StreamingHttpResponse(
        _csv_lines(queryset), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename("csv")}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _xlsx_rows(queryset=None, *, row_source=None):
    yield HEADERS
    for row in row_source if row_source is not None else rows(queryset):
        yield [safe_text(value) for value in row]


def write_xlsx(queryset, fileobj):
    spreadsheets.write_xlsx(fileobj, "Contributions", _xlsx_rows(queryset))


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


def write_csv_of_ids(ids, fileobj):
    """The CSV of submissions ``ids`` into binary ``fileobj``."""
    lines = spreadsheets.csv_lines(
        _csv_rows(row_source=rows_of_ids(ids)), byte_order_mark=True
    )
    for chunk in batched(lines, CHUNK_SIZE):
        fileobj.write("".join(chunk).encode("utf-8"))


def write_xlsx_of_ids(ids, fileobj):
    spreadsheets.write_xlsx(
        fileobj, "Contributions", _xlsx_rows(row_source=rows_of_ids(ids))
    )
