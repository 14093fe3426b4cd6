"""The facets of the public listing's filter form, from the counts of
``experiences.facet_counts``."""

from dataclasses import dataclass, field
from html import escape
from typing import NamedTuple

from django.db import connection
from django.utils.safestring import mark_safe

from experiences.constants import ContributorRole, Rubric
from experiences.models import Department, Region, Theme

MAX_TAG_OPTIONS = 30
EMPTY_LABELS = {
    "region": "Toutes les régions",
    "departement": "Tous les départements",
    "role": "Toutes les personnes",
    "theme": "Toutes les thématiques",
    "annee": "Toutes les années",
    "tag": "Tous les mots-clés",
}


class DepartmentRow(NamedTuple):
    code: str
    name: str
    region_slug: str
    region_name: str


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)
    multiple: bool = False
    empty_label: str = ""

    @property
    def selected(self):
        return [option for option in self.options if option.selected]

    @property
    def options_html(self):
        """The <option>s of a single-choice facet: built here with the
        standard library's escape (what Django's ``escape`` calls), two hundred
        of them cost a fraction of a template loop or of ``format_html``."""
        return mark_safe(  # noqa: S308 - every value and label is escaped
            "".join(
                f'<option value="{escape(str(o.value))}"'
                f"{' selected' if o.selected else ''}>"
                f"{escape(str(o.label))} ({int(o.count)})</option>"
                for o in self.options
            )
        )


def reference_selects():
    """The SELECTs of the filter form's reference rows, for a UNION ALL of
    six columns (kind, value, label, position, extra, extra): departments
    with their regions, by code; themes in their order (``Theme.Meta
    .ordering``: sort order, label), each numbered by the database's own
    ordering. Read alone by ``reference_rows``, or within the facet
    statement (experiences.facet_counts)."""
    quote = connection.ops.quote_name
    department, region, theme = (
        quote(model._meta.db_table) for model in (Department, Region, Theme)
    )
    region_id = quote(Department._meta.get_field("region").column)
    return [
        "SELECT 'ref_departement', d.code, d.name, "  # noqa: S608 - names from the models
        "ROW_NUMBER() OVER (ORDER BY d.code), r.slug, r.name "
        f"FROM {department} d JOIN {region} r ON r.id = d.{region_id}",
        "SELECT 'ref_theme', CAST(t.id AS TEXT), t.label, "  # noqa: S608 - names from the models
        "ROW_NUMBER() OVER (ORDER BY t.sort_order, t.label, t.id), t.slug, '' "
        f"FROM {theme} t",
    ]


def reference_from_rows(rows):
    """(departments, themes) from the rows of ``reference_selects`` (any
    other row is left out)."""
    departments, themes = [], []
    for kind, value, label, position, extra, other in rows:
        if kind == "ref_departement":
            departments.append((position, DepartmentRow(value, label, extra, other)))
        elif kind == "ref_theme":
            themes.append((position, (int(value), extra, label)))
    return (
        [row for _position, row in sorted(departments)],
        [row for _position, row in sorted(themes)],
    )


def reference_rows():
    """Departments with their regions, and themes: one small query."""
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(reference_selects()))
        return reference_from_rows(cursor.fetchall())


def build_facets(values, counts, fixed_rubric=None):
    """The facets shown by the filter form, from ``count_facets`` (with the
    reference rows when its statement read them)."""
    departments, themes = counts.get("reference") or reference_rows()
    facets = []
    if not fixed_rubric:
        rubric_counts = counts["rubrique"]
        selected = set(values.get("rubrique", []))
        options = [
            Option(value, str(label), rubric_counts.get(value, 0), value in selected)
            for value, label in Rubric.choices
        ]
        facets.append(Facet("rubrique", "Rubriques", options, multiple=True))

    def single(name, label, choices):
        """choices: (value, label) pairs; shown when counted or selected."""
        chosen, by_value = values.get(name), counts[name]
        options = [
            Option(str(value), text, by_value.get(value, 0), value == chosen)
            for value, text in choices
        ]
        facets.append(Facet(name, label, options))

    regions = sorted(
        {(d.region_slug, d.region_name) for d in departments}, key=lambda r: r[1]
    )
    single(
        "region",
        "Région",
        [
            r
            for r in regions
            if counts["region"].get(r[0]) or values.get("region") == r[0]
        ],
    )
    single(
        "departement",
        "Département",
        [
            (d.code, f"{d.code} – {d.name}")
            for d in departments
            if counts["departement"].get(d.code) or values.get("departement") == d.code
        ],
    )
    single(
        "role",
        "Qui témoigne",
        [(v, str(label)) for v, label in ContributorRole.choices],
    )
    theme_counts, chosen_theme = counts["theme"], values.get("theme")
    facets.append(
        Facet(
            "theme",
            "Thématique",
            [
                Option(slug, label, theme_counts.get(pk, 0), slug == chosen_theme)
                for pk, slug, label in themes
            ],
        )
    )
    year = values.get("annee")
    years = sorted(set(counts["annee"]) | ({year} if year else set()), reverse=True)
    single("annee", "Année de début", [(y, str(y)) for y in years])

    tag = values.get("tag")
    rows = sorted(counts["tag"].items(), key=lambda item: (-item[1][1], item[1][0]))
    options = [
        Option(slug, name, n, slug == tag) for slug, (name, n) in rows[:MAX_TAG_OPTIONS]
    ]
    if tag and not any(option.selected for option in options):
        options.insert(0, Option(tag, tag, 0, True))
    facets.append(Facet("tag", "Mot-clé", options))
    for facet in facets:
        facet.empty_label = EMPTY_LABELS.get(facet.name, "")
    return facets
