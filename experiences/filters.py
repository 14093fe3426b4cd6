"""Public filters of the experience listings (GET parameters of DESIGN.md).

Every filter is lenient: a value that does not validate (unknown slug, letters in
``annee``) is dropped from ``cleaned_data`` and so ignored, never a server error.
Multi-valued relations (themes, tags) filter through ``pk__in`` subqueries, so a
page is never counted twice.
"""

import re

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property

import django_filters

from core import visibility
from core.search import matching_keys
from experiences.constants import ContributorRole, Rubric
from experiences.models import ExperiencePage, ExperiencePageTag

MAX_QUERY_LENGTH = 200
SLUG_RE = r"^[-\w]{1,100}$"
ThemeLink = ExperiencePage.themes.through


def public_experiences(restricted_paths=None):
    """Live experiences outside any view restriction, as Wagtail's
    ``.live().public()``: the restricted paths (a handful of rows) are read
    first unless given, so that every query filters on plain paths."""
    return visibility.public(ExperiencePage.objects.live(), restricted_paths)


class Sort:
    RECENT = "recent"
    TITLE = "titre"
    CHOICES = [(RECENT, "Les plus récentes"), (TITLE, "Titre (A → Z)")]
    ORDERINGS = {
        RECENT: ("-first_published_at", "-pk"),
        TITLE: ("title", "pk"),
    }


# Over: an end date, or said over by its contributor (« terminée »).
ENDED = Q(ongoing=False) & (Q(end_date__isnull=False) | ~Q(closure=""))


def theme_keys(slug):
    """The keys of the experiences with the theme ``slug``, as a subquery."""
    return ThemeLink.objects.filter(theme__slug=slug).values("experiencepage_id")


def tag_keys(slug):
    """The keys of the experiences with the tag ``slug``, as a subquery."""
    return ExperiencePageTag.objects.filter(tag__slug=slug).values("content_object_id")


def clean_query(value):
    """Words only, at most 200 characters: nothing a search backend can choke on."""
    words = re.findall(r"\w+", (value or "")[: MAX_QUERY_LENGTH * 2])
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class ExperienceFilterSet(django_filters.FilterSet):
    rubrique = django_filters.MultipleChoiceFilter(
        field_name="rubric",
        choices=Rubric.choices,
        label="Rubriques",
        # A page has one rubric: no duplicate rows, so no costly SELECT DISTINCT.
        distinct=False,
    )
    region = django_filters.CharFilter(
        field_name="department__region__slug", label="Région", max_length=100
    )
    departement = django_filters.CharFilter(
        field_name="department__code", label="Département", max_length=3
    )
    role = django_filters.ChoiceFilter(
        field_name="contributor_role",
        choices=ContributorRole.choices,
        label="Qui témoigne",
    )
    theme = django_filters.CharFilter(
        method="filter_theme", label="Thématique", max_length=100
    )
    annee = YearFilter(
        field_name="start_date__year",
        label="Année de début",
        min_value=1900,
        max_value=2100,
    )
    tag = django_filters.CharFilter(
        method="filter_tag", label="Mot-clé", max_length=100
    )
    statut = django_filters.ChoiceFilter(
        choices=[("en-cours", "En cours"), ("terminee", "Terminée")],
        method="filter_status",
        label="Statut",
    )
    q = django_filters.CharFilter(method="filter_search", label="Mots recherchés")
    tri = django_filters.ChoiceFilter(
        choices=Sort.CHOICES, method="filter_noop", label="Trier par"
    )

    # Filters that a facet is counted over; ``q`` and ``tri`` are not facets.
    FACETS = ("rubrique", "region", "departement", "role", "theme", "annee", "tag")

    class Meta:
        model = ExperiencePage
        fields = []

    def __init__(self, data=None, *args, fixed_rubric=None, **kwargs):
        self.fixed_rubric = fixed_rubric
        super().__init__(data, *args, **kwargs)
        if fixed_rubric:
            self.filters.pop("rubrique")

    @cached_property
    def values(self):
        """The valid, non-empty values, by parameter name; Django's form drops
        from ``cleaned_data`` every value that does not validate."""
        self.form.is_valid()
        values = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if name in self.filters and value not in (None, "", [])
        }
        if "q" in values:
            values["q"] = clean_query(values["q"]) or None
            if not values["q"]:
                del values["q"]
        for name in ("theme", "tag", "region"):
            if name in values and not re.match(SLUG_RE, values[name]):
                del values[name]
        return values

    @property
    def sort(self):
        return self.values.get("tri") or Sort.RECENT

    def filter_queryset(self, queryset, exclude=None):
        for name, value in self.values.items():
            if name != exclude:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def base_queryset(self):
        queryset = self.queryset
        if self.fixed_rubric:
            queryset = queryset.filter(rubric=self.fixed_rubric)
        return queryset

    def queryset_except(self, facet):
        """Every active filter but ``facet``: what its options are counted over."""
        return self.filter_queryset(self.base_queryset(), exclude=facet)

    @cached_property
    def qs(self):
        return self.filter_queryset(self.base_queryset()).order_by(
            *Sort.ORDERINGS[self.sort]
        )

    def filter_theme(self, queryset, name, value):
        return queryset.filter(pk__in=theme_keys(value))

    def filter_tag(self, queryset, name, value):
        return queryset.filter(pk__in=tag_keys(value))

    def search(self, value):
        """The keys of the experiences matching every word of ``value``, as a
        subquery: wherever it goes (the listing's one statement, the CSV
        export), it runs once, filtered by the queryset it goes into."""
        return matching_keys(ExperiencePage, value)

    def filter_search(self, queryset, name, value):
        return queryset.filter(pk__in=self.search(value))

    def filter_status(self, queryset, name, value):
        """« En cours », or over: an end date, or said over by its contributor."""
        if value == "en-cours":
            return queryset.filter(ongoing=True)
        return queryset.filter(ENDED)

    def filter_noop(self, queryset, name, value):
        return queryset
