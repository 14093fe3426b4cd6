"""CSV and XLSX exports of the moderation queue.

Rows are read from the database in chunks and written as they come, so memory
stays flat whether the queue holds 10 or 50 000 submissions. The queue's
exports are built by a task (experiences.queue_exports) from the submissions'
ids, into a file; a small selection can still be downloaded at once (CSV
streamed to the response, XLSX through a temporary file).
"""

import csv
import datetime
import io
import tempfile
from collections import defaultdict
from itertools import batched

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

from core import spreadsheets
from core.spreadsheets import safe_text
from experiences.constants import ContributorRole, Rubric
from experiences.models import Submission
from experiences.states import Status

CHUNK_SIZE = 2000


def _date(value):
    if value is None:
        return ""
    return value.astimezone(timezone.get_current_timezone()).replace(tzinfo=None)


def _month(value):
    return value.strftime("%Y-%m") if value else ""


def _yes(value):
    return "oui" if value else "non"


def _moderator(row):
    if not row["assigned_to"]:
        return ""
    name = f"{row['assigned_to__first_name']} {row['assigned_to__last_name']}"
    return name.strip() or row["assigned_to__username"]


def _links(text):
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


# Rows are read as values (no model instance, no translation per row): the
# labels of the choices are looked up once per export, in ``Labels``.
COLUMNS = [
    ("Référence", lambda r, _: r["reference"] or ""),
    ("État", lambda r, labels: labels.status.get(r["status"], r["status"])),
    ("Titre", lambda r, _: r["title"]),
    ("Rubrique", lambda r, labels: labels.rubric.get(r["rubric"], r["rubric"])),
    ("Résumé", lambda r, _: r["summary"]),
    ("Commune(s)", lambda r, _: r["communes"]),
    ("Département", lambda r, _: r["department__code"] or ""),
    ("Nom du département", lambda r, _: r["department__name"] or ""),
    ("Région", lambda r, _: r["department__region__name"] or ""),
    ("Quartier(s) prioritaire(s)", lambda r, _: r["quartiers"]),
    ("Début", lambda r, _: _month(r["start_date"])),
    ("Fin", lambda r, _: _month(r["end_date"])),
    ("En cours", lambda r, _: _yes(r["ongoing"])),
    ("Signe particulier", lambda r, _: r["feature"]),
    ("Objectifs", lambda r, _: r["objectives"]),
    ("La démarche", lambda r, _: r["approach"]),
    ("Acteurs et partenaires", lambda r, _: r["actors"]),
    ("Résultats", lambda r, _: r["results"]),
    ("Difficultés", lambda r, _: r["difficulties"]),
    ("Conseils", lambda r, _: r["advice"]),
    ("Thématiques", lambda r, _: ", ".join(r["themes"])),
    ("Mots-clés", lambda r, _: r["tags"]),
    ("Liens", lambda r, _: _links(r["links"])),
    ("Prénom", lambda r, _: r["first_name"]),
    ("Nom", lambda r, _: r["last_name"]),
    ("Courriel", lambda r, _: r["email"]),
    ("Téléphone", lambda r, _: r["phone"]),
    ("Rôle", lambda r, labels: labels.role.get(r["role"], r["role"])),
    ("Structure", lambda r, _: r["organisation"]),
    ("Conseil citoyen", lambda r, _: r["council"]),
    ("Consentement traitement", lambda r, _: _date(r["consent_data_at"])),
    ("Consentement licence", lambda r, _: _date(r["consent_licence_at"])),
    ("Contact public", lambda r, _: _yes(r["consent_public_contact"])),
    ("Modérateur·rice", lambda r, _: _moderator(r)),
    ("Créée le", lambda r, _: _date(r["created_at"])),
    ("Reçue le", lambda r, _: _date(r["submitted_at"])),
    ("Décision le", lambda r, _: _date(r["decided_at"])),
    ("Publiée le", lambda r, _: _date(r["published_at"])),
    ("Modifiée le", lambda r, _: _date(r["updated_at"])),
]
HEADERS = [label for label, _ in COLUMNS]
FIELDS = [
    "pk",
    "reference",
    "status",
    "title",
    "rubric",
    "summary",
    "communes",
    "department__code",
    "department__name",
    "department__region__name",
    "quartiers",
    "start_date",
    "end_date",
    "ongoing",
    "feature",
    "objectives",
    "approach",
    "actors",
    "results",
    "difficulties",
    "advice",
    "tags",
    "links",
    "first_name",
    "last_name",
    "email",
    "phone",
    "role",
    "organisation",
    "council",
    "consent_data_at",
    "consent_licence_at",
    "consent_public_contact",
    "assigned_to",
    "assigned_to__first_name",
    "assigned_to__last_name",
    "assigned_to__username",
    "created_at",
    "submitted_at",
    "decided_at",
    "published_at",
    "updated_at",
]


class Labels:
    """The choices' labels, translated once."""

    def __init__(self):
        self.status = {value: str(label) for value, label in Status.choices}
        self.rubric = {value: str(label) for value, label in Rubric.choices}
        self.role = {value: str(label) for value, label in ContributorRole.choices}


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
    labels = Labels()
    for chunk in chunks:
        themes = _themes_by_submission([row["pk"] for row in chunk])
        for row in chunk:
            row["themes"] = themes.get(row["pk"], [])
            yield [getter(row, labels) for _, getter in COLUMNS]


def rows(queryset):
    values = queryset.values(*FIELDS).iterator(chunk_size=CHUNK_SIZE)
    return _rows_of_chunks(batched(values, CHUNK_SIZE))


def _chunks_of_ids(ids):
    """The submissions of ``ids``, in that order, a chunk at a time (those
    deleted since are skipped; only what was sent is ever read)."""
    for chunk_ids in batched(ids, CHUNK_SIZE):
        found = {
            row["pk"]: row
            for row in Submission.objects.filter(
                pk__in=chunk_ids, submitted_at__isnull=False
            )
            .order_by()
            .values(*FIELDS)
        }
        yield [found[pk] for pk in chunk_ids if pk in found]


def rows_of_ids(ids):
    return _rows_of_chunks(_chunks_of_ids(ids))


def _csv_rows(queryset=None, *, row_source=None):
    # Text stored before the form stripped control characters on input still
    # reaches the export: every cell goes through safe_text.
    yield HEADERS
    for row in row_source if row_source is not None else rows(queryset):
        yield [
            value.isoformat(" ", "minutes")
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
    text = io.TextIOWrapper(fileobj, encoding="utf-8", newline="")
    text.write(spreadsheets.BYTE_ORDER_MARK)
    writer = csv.writer(text, delimiter=spreadsheets.DELIMITER)
    for chunk in batched(_csv_rows(row_source=rows_of_ids(ids)), CHUNK_SIZE):
        writer.writerows(chunk)
    text.flush()
    text.detach()  # the caller keeps its file open


def write_xlsx_of_ids(ids, fileobj):
    spreadsheets.write_xlsx(
        fileobj, "Contributions", _xlsx_rows(row_source=rows_of_ids(ids))
    )
