"""The facets of the public listing: every option's count in one SQL statement.

Each facet is counted over every active filter but its own (choosing a region
still shows how many experiences each other region has). The counts of the
seven facets and the number of results are one ``UNION ALL`` of eight grouped
queries: one round trip, whatever the filters, and their number of rows (a few
hundred at most) does not grow with the number of experiences. The search of
``q``, when given, has run once before (``ExperienceFilterSet.search_keys``):
each part filters on its result.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import transaction
from django.db.models import CharField, Count, F, Value
from django.db.models.functions import Cast, ExtractYear
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from experiences.constants import ContributorRole, Rubric
from experiences.filters import ThemeLink, public_experiences
from experiences.models import Department, ExperiencePageTag, FacetCount, Theme

MAX_TAG_OPTIONS = 30
EMPTY_LABELS = {
    "region": "Toutes les régions",
    "departement": "Tous les départements",
    "role": "Toutes les personnes",
    "theme": "Toutes les thématiques",
    "annee": "Toutes les années",
    "tag": "Tous les mots-clés",
}
TOTAL = "total"
COUNTED = ("rubrique", "region", "departement", "role", "annee", "theme", "tag")


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
        """The <option>s of a single-choice facet: built here, two hundred of
        them cost a tenth of what the template loop did."""
        return format_html_join(
            "",
            '<option value="{}"{}>{} ({})</option>',
            (
                (
                    o.value,
                    mark_safe(" selected") if o.selected else "",
                    o.label,
                    o.count,
                )
                for o in self.options
            ),
        )


def _text(expression):
    return Cast(expression, output_field=CharField())


def _grouped(queryset, name, value, label=None, count="pk", scope=None):
    """One part of the union: (scope, facet, value, label, count) per value
    (and per rubric when ``scope`` is given)."""
    empty = Value("", output_field=CharField())
    return (
        queryset.order_by()
        .values(value_=_text(value), scope_=_text(scope) if scope else empty)
        .annotate(
            facet_=Value(name, output_field=CharField()),
            label_=_text(label) if label else empty,
            n_=Count(count),
        )
        .values_list("scope_", "facet_", "value_", "label_", "n_")
    )


def _parts(except_, total, by_rubric=False):
    """The grouped queries of every facet; ``except_(name)``: the experiences
    that facet is counted over; ``total``: the results."""

    def scope(prefix=""):
        return F(f"{prefix}rubric") if by_rubric else None

    pages = {name: except_(name) for name in ("theme", "tag")}
    return [
        _grouped(total, TOTAL, Value(1), scope=scope()),
        _grouped(
            except_("region"), "region", F("department__region__slug"), scope=scope()
        ),
        _grouped(
            except_("departement"), "departement", F("department__code"), scope=scope()
        ),
        _grouped(except_("role"), "role", F("contributor_role"), scope=scope()),
        _grouped(
            except_("annee").exclude(start_date=None),
            "annee",
            ExtractYear("start_date"),
            scope=scope(),
        ),
        _grouped(
            ThemeLink.objects.filter(
                experiencepage_id__in=pages["theme"].order_by().values("pk")
            ),
            "theme",
            F("theme_id"),
            count="experiencepage_id",
            scope=scope("experiencepage__"),
        ),
        _grouped(
            ExperiencePageTag.objects.filter(
                content_object_id__in=pages["tag"].order_by().values("pk")
            ),
            "tag",
            F("tag__slug"),
            F("tag__name"),
            count="content_object_id",
            scope=scope("content_object__"),
        ),
    ]


def _empty_counts():
    return {name: {} for name in (*COUNTED, TOTAL)}


def _add(counts, name, value, label, n):
    if value is None:
        return
    if name == "tag":
        counts["tag"][value] = (label, n)
    elif name in ("annee", "theme"):
        counts[name][int(value)] = n
    elif name == TOTAL:
        counts[TOTAL] = n
    else:
        counts[name][value] = n


def _finish(counts):
    if isinstance(counts[TOTAL], dict):
        counts[TOTAL] = 0
    return counts


def _live_counts(filterset, fixed_rubric):
    except_ = filterset.queryset_except
    parts = _parts(except_, filterset.filter_queryset(filterset.base_queryset()))
    if not fixed_rubric:
        parts.append(_grouped(except_("rubrique"), "rubrique", F("rubric")))
    counts = _empty_counts()
    for _scope, name, value, label, n in parts[0].union(*parts[1:], all=True):
        _add(counts, name, value, label, n)
    return _finish(counts)


def _stored_scope(values, fixed_rubric, excluded):
    """The FacetCount scope holding the counts over every active filter but
    ``excluded``; None when no stored scope does."""
    remaining = {name for name in values if name != "tri"} - {excluded}
    if fixed_rubric:
        return fixed_rubric if not remaining else None
    if not remaining:
        return ""
    if remaining == {"rubrique"} and len(values["rubrique"]) == 1:
        return values["rubrique"][0]
    return None


def count_facets(filterset, fixed_rubric=None):
    """{facet: {value: count}} for every facet (tags: {slug: (name, count)}),
    plus ``TOTAL``: the number of results. One query: the stored counts when
    no filter (or a rubric only) applies, else the live union."""
    values = filterset.values
    wanted = {
        name: _stored_scope(values, fixed_rubric, name)
        for name in (*COUNTED, TOTAL)
        if not (fixed_rubric and name == "rubrique")
    }
    if None in wanted.values():
        return _live_counts(filterset, fixed_rubric)
    stored = stored_counts(set(wanted.values()))
    counts = _empty_counts()
    for name, scope in wanted.items():
        counts[name] = stored[scope][name]
    return _finish(counts)


def stored_counts(scopes):
    """{scope: counts} from FacetCount, in one query."""
    result = {scope: _empty_counts() for scope in scopes}
    rows = FacetCount.objects.filter(scope__in=scopes).values_list(
        "scope", "facet", "value", "label", "count"
    )
    for scope, name, value, label, n in rows:
        _add(result[scope], name, value, label, n)
    return {scope: _finish(counts) for scope, counts in result.items()}


@transaction.atomic
def refresh_stored_counts():
    """Rebuild FacetCount from the public experiences: one grouped query per
    rubric and facet (one statement), then one insert of a few hundred rows."""
    base = public_experiences()
    parts = _parts(lambda name: base, base, by_rubric=True)
    totals, rows = {}, []
    for scope, name, value, label, n in parts[0].union(*parts[1:], all=True):
        if value is None:
            continue
        rows.append(
            FacetCount(scope=scope, facet=name, value=value, label=label, count=n)
        )
        key = (name, value)
        totals[key] = (label, totals.get(key, ("", 0))[1] + n)
        if name == TOTAL:
            rows.append(FacetCount(scope="", facet="rubrique", value=scope, count=n))
    rows += [
        FacetCount(scope="", facet=name, value=value, label=label, count=n)
        for (name, value), (label, n) in totals.items()
    ]
    FacetCount.objects.all().delete()
    FacetCount.objects.bulk_create(rows, batch_size=1000)


def reference_rows():
    """Departments with their regions, and themes: two small queries."""
    departments = [
        DepartmentRow(*row)
        for row in Department.objects.order_by("code").values_list(
            "code", "name", "region__slug", "region__name"
        )
    ]
    themes = list(Theme.objects.values_list("pk", "slug", "label"))
    return departments, themes


def build_facets(values, counts, fixed_rubric=None):
    """The facets shown by the filter form, from ``count_facets``."""
    departments, themes = reference_rows()
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
