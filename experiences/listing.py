"""The public listing of experiences: filters, facet counts, active filters and
pagination, shared by /experiences/, the rubric pages and the CSV export.

The number of queries does not depend on the number of experiences: one count
query per facet (each over every active filter but its own), the ordered keys of
the results, and the page of results read by key. Counts and keys depend only on
the filters and on what is published: they are kept under the page cache's
generation (`core.cache.cached_data`), so another page or query string of the
same filters reads only its twelve experiences.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.safestring import mark_safe

from core.cache import cached_data
from core.pagination import pagination_links, requested_page
from experiences.constants import RUBRIC_ORDER, ContributorRole, Rubric
from experiences.filters import ExperienceFilterSet, ThemeLink
from experiences.models import Department, ExperiencePage, ExperiencePageTag, Theme

PAGE_SIZE = 12
EMPTY_LABELS = {
    "region": "Toutes les régions",
    "departement": "Tous les départements",
    "role": "Toutes les personnes",
    "theme": "Toutes les thématiques",
    "annee": "Toutes les années",
    "tag": "Tous les mots-clés",
}
MAX_TAG_OPTIONS = 30


class DepartmentRow(NamedTuple):
    code: str
    name: str
    region_slug: str
    region_name: str


class ThemeRow(NamedTuple):
    pk: int
    slug: str
    label: str


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


@dataclass
class ActiveFilter:
    label: str
    remove_url: str


def public_experiences():
    """Live experiences outside any view restriction, as Wagtail's
    ``.live().public()``, with the restricted paths kept under the generation
    (a new restriction bumps it)."""
    from wagtail.models import PageViewRestriction

    restricted = cached_data(
        "restricted-paths",
        None,
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
    queryset = ExperiencePage.objects.live()
    for path in restricted:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


class ExperienceListing:
    def __init__(self, request, fixed_rubric=None, queryset=None):
        self.request = request
        self.fixed_rubric = fixed_rubric
        self.filterset = ExperienceFilterSet(
            request.GET,
            queryset=queryset if queryset is not None else public_experiences(),
            fixed_rubric=fixed_rubric,
        )
        self.values = self.filterset.values

    # Results -----------------------------------------------------------------

    @cached_property
    def results(self):
        return self.filterset.qs.select_related("department")

    def _values_key(self, *, sort):
        return (
            self.fixed_rubric,
            sorted(
                (name, sorted(value) if isinstance(value, list) else value)
                for name, value in self.values.items()
                if sort or name != "tri"
            ),
        )

    @cached_property
    def result_keys(self):
        """The keys of every result, in order, kept per filters and sort under the
        page cache's generation: another page of the same list reads its twelve
        experiences by key, without counting or searching again."""
        return cached_data(
            "results",
            self._values_key(sort=True),
            lambda: list(self.results.values_list("pk", flat=True)),
        )

    @cached_property
    def paginator(self):
        return Paginator(self.result_keys, PAGE_SIZE)

    @cached_property
    def key_page(self):
        """The requested page of result keys; None when it is out of range."""
        return requested_page(self.paginator, self.request.GET.get("page"))

    @cached_property
    def page(self):
        """The requested page of results, read by key; None when out of range."""
        if self.key_page is None:
            return None
        keys = list(self.key_page.object_list)
        found = ExperiencePage.objects.select_related("department").in_bulk(keys)
        return Page(
            [found[key] for key in keys if key in found],
            self.key_page.number,
            self.paginator,
        )

    @cached_property
    def cards_html(self):
        """The result cards of this page, kept per list of keys under the
        generation: another sort or filter giving the same page reuses them."""
        if self.key_page is None:
            return ""
        return mark_safe(  # noqa: S308 - rendered by the template engine
            cached_data(
                "cards",
                tuple(self.key_page.object_list),
                lambda: render_to_string(
                    "experiences/includes/result_cards.html",
                    {"results_page": self.page, "request": self.request},
                ),
            )
        )

    @property
    def count(self):
        return self.paginator.count

    # Facets ------------------------------------------------------------------

    def _counts(self, facet, values_expression):
        queryset = self.filterset.queryset_except(facet).order_by()
        return dict(
            queryset.values_list(values_expression)
            .annotate(n=Count("pk"))
            .values_list(values_expression, "n")
        )

    def _link_counts(self, facet, link_model, page_field, value_field):
        pages = self.filterset.queryset_except(facet).order_by().values("pk")
        return dict(
            link_model.objects.filter(**{f"{page_field}__in": pages})
            .order_by()
            .values_list(value_field)
            .annotate(n=Count(page_field))
            .values_list(value_field, "n")
        )

    # Reference data as plain tuples: cheap to read back from the cache.
    @cached_property
    def _departments(self):
        return cached_data(
            "departments",
            None,
            lambda: [
                DepartmentRow(*row)
                for row in Department.objects.order_by("code").values_list(
                    "code", "name", "region__slug", "region__name"
                )
            ],
        )

    @cached_property
    def _themes(self):
        return cached_data(
            "themes",
            None,
            lambda: [
                ThemeRow(*row)
                for row in Theme.objects.values_list("pk", "slug", "label")
            ],
        )

    def rubric_counts(self):
        return self._counts("rubrique", "rubric")

    def region_counts(self):
        return self._counts("region", "department__region__slug")

    def department_counts(self):
        return self._counts("departement", "department__code")

    def role_counts(self):
        return self._counts("role", "contributor_role")

    def year_counts(self):
        queryset = self.filterset.queryset_except("annee").order_by()
        return dict(
            queryset.exclude(start_date=None)
            .annotate(year=ExtractYear("start_date"))
            .values_list("year")
            .annotate(n=Count("pk"))
            .values_list("year", "n")
        )

    def theme_counts(self):
        return self._link_counts("theme", ThemeLink, "experiencepage_id", "theme_id")

    def tag_rows(self):
        pages = self.filterset.queryset_except("tag").order_by().values("pk")
        return list(
            ExperiencePageTag.objects.filter(content_object_id__in=pages)
            .values("tag__slug", "tag__name")
            .annotate(n=Count("content_object_id"))
            .order_by("-n", "tag__name")[:MAX_TAG_OPTIONS]
        )

    def _compute_counts(self):
        return {
            "rubrique": {} if self.fixed_rubric else self.rubric_counts(),
            "region": self.region_counts(),
            "departement": self.department_counts(),
            "role": self.role_counts(),
            "theme": self.theme_counts(),
            "annee": self.year_counts(),
            "tag": self.tag_rows(),
        }

    @cached_property
    def counts(self):
        """Every facet's counts, cached per filters (the sort changes nothing)."""
        return cached_data("facets", self._values_key(sort=False), self._compute_counts)

    @cached_property
    def facets(self):
        values = self.values
        counts_by_facet = self.counts
        facets = []
        if not self.fixed_rubric:
            counts = counts_by_facet["rubrique"]
            selected = set(values.get("rubrique", []))
            facets.append(
                Facet(
                    "rubrique",
                    "Rubriques",
                    [
                        Option(
                            value, str(label), counts.get(value, 0), value in selected
                        )
                        for value, label in Rubric.choices
                    ],
                    multiple=True,
                )
            )

        counts = counts_by_facet["region"]
        regions = {d.region_slug: d.region_name for d in self._departments}
        facets.append(
            Facet(
                "region",
                "Région",
                [
                    Option(
                        slug, name, counts.get(slug, 0), values.get("region") == slug
                    )
                    for slug, name in sorted(regions.items(), key=lambda i: i[1])
                    if counts.get(slug) or values.get("region") == slug
                ],
            )
        )

        counts = counts_by_facet["departement"]
        facets.append(
            Facet(
                "departement",
                "Département",
                [
                    Option(
                        d.code,
                        f"{d.code} – {d.name}",
                        counts.get(d.code, 0),
                        values.get("departement") == d.code,
                    )
                    for d in self._departments
                    if counts.get(d.code) or values.get("departement") == d.code
                ],
            )
        )

        counts = counts_by_facet["role"]
        facets.append(
            Facet(
                "role",
                "Qui témoigne",
                [
                    Option(
                        value,
                        str(label),
                        counts.get(value, 0),
                        values.get("role") == value,
                    )
                    for value, label in ContributorRole.choices
                ],
            )
        )

        counts = counts_by_facet["theme"]
        facets.append(
            Facet(
                "theme",
                "Thématique",
                [
                    Option(
                        theme.slug,
                        theme.label,
                        counts.get(theme.pk, 0),
                        values.get("theme") == theme.slug,
                    )
                    for theme in self._themes
                ],
            )
        )

        counts = counts_by_facet["annee"]
        year = values.get("annee")
        years = sorted(set(counts) | ({year} if year else set()), reverse=True)
        facets.append(
            Facet(
                "annee",
                "Année de début",
                [Option(str(y), str(y), counts.get(y, 0), y == year) for y in years],
            )
        )

        rows = counts_by_facet["tag"]
        tag = values.get("tag")
        options = [
            Option(
                row["tag__slug"], row["tag__name"], row["n"], row["tag__slug"] == tag
            )
            for row in rows
        ]
        if tag and not any(option.selected for option in options):
            options.insert(0, Option(tag, tag, 0, True))
        facets.append(Facet("tag", "Mot-clé", options))
        for facet in facets:
            facet.empty_label = EMPTY_LABELS.get(facet.name, "")
        return facets

    # Active filters and links ------------------------------------------------

    def _params(self):
        """The valid parameters only: links never carry an ignored value along."""
        params = QueryDict(mutable=True)
        for name, value in self.values.items():
            if name == "rubrique" and self.fixed_rubric:
                continue
            params.setlist(
                name,
                [str(v) for v in value] if isinstance(value, list) else [str(value)],
            )
        return params

    def url_without(self, name, value=None):
        params = self._params()
        if value is None:
            params.pop(name, None)
        else:
            params.setlist(name, [v for v in params.getlist(name) if v != value])
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else "?"

    @cached_property
    def active_filters(self):
        if not self.values.keys() - {"tri"}:
            return []
        labels = {
            facet.name: {option.value: option.label for option in facet.options}
            for facet in self.facets
        }
        active = []
        for name in ExperienceFilterSet.FACETS:
            value = self.values.get(name)
            if value in (None, "", []):
                continue
            items = value if isinstance(value, list) else [value]
            for item in sorted(items, key=lambda v: RUBRIC_ORDER.get(v, 0)):
                label = labels.get(name, {}).get(str(item), str(item))
                remove = self.url_without(
                    name, str(item) if name == "rubrique" else None
                )
                active.append(ActiveFilter(label, remove))
        if self.values.get("q"):
            active.append(
                ActiveFilter(f"« {self.values['q']} »", self.url_without("q"))
            )
        return active

    @cached_property
    def filters_html(self):
        """The filter form with its two hundred options: most of a listing's
        rendering time, and the same for every page of the same filters."""
        return mark_safe(  # noqa: S308 - rendered by the template engine
            cached_data(
                "filters-form",
                self._values_key(sort=True),
                lambda: render_to_string(
                    "experiences/includes/listing_filters.html", self.context()
                ),
            )
        )

    @property
    def first_page_url(self):
        return self.page_url(1)

    def page_url(self, number):
        params = self._params()
        params["page"] = number
        return f"?{params.urlencode()}"

    @cached_property
    def pagination(self):
        return pagination_links(self.key_page, self.page_url)

    @property
    def csv_url(self):
        params = self._params()
        if self.fixed_rubric:
            params.setlist("rubrique", [self.fixed_rubric])
        encoded = params.urlencode()
        return "/experiences/export.csv" + (f"?{encoded}" if encoded else "")

    @property
    def feed_url(self):
        if self.fixed_rubric:
            return f"/flux/experiences/{self.fixed_rubric}/"
        return "/flux/experiences/"

    def context(self):
        return {
            "listing": self,
            # Read only if used: the listing shows the cached cards_html.
            "results_page": SimpleLazyObject(lambda: self.page),
            # Built only when the filter form is rendered (not when it is cached).
            "facets": SimpleLazyObject(lambda: self.facets),
            "active_filters": self.active_filters,
            "filter_values": self.values,
        }
