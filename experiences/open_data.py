"""CSV download of the experience listing, as filtered (same GET parameters).

Published under Licence Ouverte 2.0; only what the pages show publicly, never a
submission or a contributor's personal data (the public contact appears only
where the person consented to it, as on the page)."""

from django.http import StreamingHttpResponse

from core.spreadsheets import csv_lines, without_formula
from experiences.constants import NARRATIVE_FIELDS
from experiences.listing import ExperienceListing

LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
CHUNK_SIZE = 500
COLUMNS = [
    "titre",
    "adresse",
    "rubrique",
    "chapo",
    "communes",
    "departement_code",
    "departement",
    "region",
    "quartiers",
    "debut",
    "fin",
    "en_cours",
    "signe_particulier",
    "thematiques",
    "mots_cles",
    "qui_temoigne",
    "structure",
    "contact_nom",
    "contact_courriel",
    "publie_le",
]


def safe(value):
    """Neutralise what a spreadsheet would read as a formula."""
    return without_formula("" if value is None else str(value))


def _rows(request, experiences):
    yield COLUMNS
    for page in experiences.iterator(chunk_size=CHUNK_SIZE):
        department = page.department
        yield [
            safe(value)
            for value in (
                page.title,
                request.build_absolute_uri(page.get_url(request=request)),
                page.get_rubric_display(),
                page.summary,
                page.communes,
                department.code if department else "",
                department.name if department else "",
                department.region.name if department else "",
                page.quartiers,
                page.start_date.strftime("%Y-%m") if page.start_date else "",
                page.end_date.strftime("%Y-%m") if page.end_date else "",
                "oui" if page.ongoing else "non",
                page.feature,
                " | ".join(theme.label for theme in page.themes.all()),
                " | ".join(tag.name for tag in page.tags.all()),
                page.get_contributor_role_display(),
                page.organisation,
                page.contact_name,
                page.contact_email,
                page.first_published_at.date().isoformat()
                if page.first_published_at
                else "",
            )
        ]


def experiences_csv(request):
    listing = ExperienceListing(request)
    experiences = (
        listing.results.select_related("department__region")
        .prefetch_related("themes", "tags")
        .defer(*NARRATIVE_FIELDS)
    )
    response = StreamingHttpResponse(
        csv_lines(_rows(request, experiences)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="experiences-recueil.csv"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response
