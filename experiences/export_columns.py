"""The columns of the moderation queue's exports (experiences.exports): the
fields read, and how a chunk of rows becomes cells, a column at a time.

Rows are read as tuples (no model instance, no translation per row, no
function call per cell): at 50 000 submissions the CSV task went from 10 s to
under 3 s (bench/RESULTS-queue.md)."""

from django.db.models import CharField, F, Func, Value
from django.utils import timezone

from core.spreadsheets import safe_column
from experiences.constants import (
    CONTRIBUTOR_FIELDS,
    NARRATIVE_FIELDS,
    ContributorRole,
    Rubric,
)
from experiences.states import Status


def _moderator(assigned_to, first_name, last_name, username):
    if not assigned_to:
        return ""
    return f"{first_name} {last_name}".strip() or username


def _links(text):
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


class Labels:
    """The choices' labels, translated once."""

    def __init__(self):
        self.status = {value: str(label) for value, label in Status.choices}
        self.rubric = {value: str(label) for value, label in Rubric.choices}
        self.role = {value: str(label) for value, label in ContributorRole.choices}


class Context:
    """What a chunk's cells need, looked up once per export: the labels, the
    current timezone, how a datetime is written (CSV: text, made by
    PostgreSQL when it is the database; XLSX: a naive local datetime) and
    the themes of the chunk's submissions."""

    def __init__(self, *, datetime_as_text, vendor):
        self.labels = Labels()
        self.timezone = timezone.get_current_timezone()
        self.datetime_as_text = datetime_as_text
        self.datetimes_in_sql = datetime_as_text and vendor == "postgresql"
        self.themes = {}


# The cells are built a column at a time, over a chunk of rows read as tuples
# (no model instance, no translation, no function call per cell): each column
# is (header, what turns the chunk's fields into its cells, whether its cells
# may hold text that must go through safe_text). ``fields`` maps each name of
# FIELDS to the tuple of its values in the chunk.


def _text(name):
    return lambda fields, _: fields[name]


def _text_or_empty(name):
    return lambda fields, _: [value or "" for value in fields[name]]


def _label(name):
    def cells(fields, context):
        labels = getattr(context.labels, name)
        return [labels.get(value, value) for value in fields[name]]

    return cells


def _month(name):
    return lambda fields, _: [
        value.strftime("%Y-%m") if value else "" for value in fields[name]
    ]


def _yes(name):
    return lambda fields, _: ["oui" if value else "non" for value in fields[name]]


def _datetime(name):
    def cells(fields, context):
        if context.datetimes_in_sql:  # already text (local_minute_texts)
            return [value or "" for value in fields[name]]
        zone = context.timezone
        if context.datetime_as_text:
            # "2026-12-01 09:30", the local time without its offset ("+01:00").
            return [
                value.astimezone(zone).isoformat(" ", "minutes")[:16] if value else ""
                for value in fields[name]
            ]
        return [
            value.astimezone(zone).replace(tzinfo=None) if value else ""
            for value in fields[name]
        ]

    return cells


def _themes(fields, context):
    return [", ".join(context.themes.get(pk, ())) for pk in fields["pk"]]


def _links_cells(fields, _):
    return [_links(text) for text in fields["links"]]


def _moderators(fields, _):
    return [
        _moderator(*names)
        for names in zip(
            fields["assigned_to"],
            fields["assigned_to__first_name"],
            fields["assigned_to__last_name"],
            fields["assigned_to__username"],
            strict=True,
        )
    ]


TEXT, DATES = True, False
COLUMNS = [
    ("Référence", _text_or_empty("reference"), TEXT),
    ("État", _label("status"), TEXT),
    ("Titre", _text("title"), TEXT),
    ("Rubrique", _label("rubric"), TEXT),
    ("Résumé", _text("summary"), TEXT),
    ("Commune(s)", _text("communes"), TEXT),
    ("Département", _text_or_empty("department__code"), TEXT),
    ("Nom du département", _text_or_empty("department__name"), TEXT),
    ("Région", _text_or_empty("department__region__name"), TEXT),
    ("Quartier(s) prioritaire(s)", _text("quartiers"), TEXT),
    ("Début", _month("start_date"), TEXT),
    ("Fin", _month("end_date"), TEXT),
    ("En cours", _yes("ongoing"), TEXT),
    ("Signe particulier", _text("feature"), TEXT),
    ("Objectifs", _text("objectives"), TEXT),
    ("La démarche", _text("approach"), TEXT),
    ("Acteurs et partenaires", _text("actors"), TEXT),
    ("Résultats", _text("results"), TEXT),
    ("Difficultés", _text("difficulties"), TEXT),
    ("Conseils", _text("advice"), TEXT),
    ("Thématiques", _themes, TEXT),
    ("Mots-clés", _text("tags"), TEXT),
    ("Liens", _links_cells, TEXT),
    ("Prénom", _text("first_name"), TEXT),
    ("Nom", _text("last_name"), TEXT),
    ("Courriel", _text("email"), TEXT),
    ("Téléphone", _text("phone"), TEXT),
    ("Rôle", _label("role"), TEXT),
    ("Structure", _text("organisation"), TEXT),
    ("Conseil citoyen", _text("council"), TEXT),
    # Dates are written by this module only (a datetime, or its text in the
    # CSV, or ""): never a formula, no control character.
    ("Consentement traitement", _datetime("consent_data_at"), DATES),
    ("Consentement licence", _datetime("consent_licence_at"), DATES),
    ("Contact public", _yes("consent_public_contact"), TEXT),
    ("Modérateur·rice", _moderators, TEXT),
    ("Créée le", _datetime("created_at"), DATES),
    ("Reçue le", _datetime("submitted_at"), DATES),
    ("Décision le", _datetime("decided_at"), DATES),
    ("Publiée le", _datetime("published_at"), DATES),
    ("Modifiée le", _datetime("updated_at"), DATES),
]
HEADERS = [label for label, _, _ in COLUMNS]
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
    *NARRATIVE_FIELDS,
    "tags",
    "links",
    *CONTRIBUTOR_FIELDS,
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
PK = FIELDS.index("pk")
DATETIME_FIELDS = [
    "consent_data_at",
    "consent_licence_at",
    "created_at",
    "submitted_at",
    "decided_at",
    "published_at",
    "updated_at",
]


class LocalMinute(Func):
    """PostgreSQL: ``to_char(<timestamp> AT TIME ZONE <zone>, ...)``, the
    local time as ``_datetime`` writes it in Python: "2026-12-01 09:30"."""

    template = "to_char(%(expressions)s, 'YYYY-MM-DD HH24:MI')"
    arg_joiner = " AT TIME ZONE "
    output_field = CharField()


def values(queryset, context):
    """``queryset.values_list(*FIELDS)``, the datetimes as text when
    PostgreSQL writes them (half the CSV's time went into reading them into
    datetimes and formatting them again)."""
    if not context.datetimes_in_sql:
        return queryset.values_list(*FIELDS)
    zone = Value(timezone.get_current_timezone_name())
    texts = {f"{name}_text": LocalMinute(F(name), zone) for name in DATETIME_FIELDS}
    return queryset.annotate(**texts).values_list(
        *(f"{name}_text" if name in DATETIME_FIELDS else name for name in FIELDS)
    )


def chunk_columns(chunk, context):
    """The cells of a chunk of rows (tuples of FIELDS), as columns; every
    cell that may hold text has gone through safe_text (text stored before
    the form stripped control characters on input still reaches the export)."""
    fields = dict(zip(FIELDS, zip(*chunk, strict=True), strict=True))
    return [
        safe_column(cells(fields, context)) if text else cells(fields, context)
        for _, cells, text in COLUMNS
    ]
