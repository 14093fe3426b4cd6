"""Filters of the recap and resource listings: kind, year, tag (GET parameters).

Invalid values are ignored, as on the experience listings."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import QueryDict

import django_filters

from core.pagination import pagination_links, requested_page

PAGE_SIZE = 12


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class ResourceFilterSet(django_filters.FilterSet):
    type = django_filters.ChoiceFilter(field_name="kind", label="Type")
    annee = IntegerFilter(
        field_name="date__year", label="Année", min_value=1900, max_value=2100
    )
    tag = django_filters.CharFilter(
        method="filter_tag", label="Mot-clé", max_length=100
    )

    class Meta:
        fields = []

    def __init__(self, data, *, queryset, tag_model):
        """``queryset``: the pages listed (their model has ``Kind``);
        ``tag_model``: their tags' through model."""
        super().__init__(data, queryset=queryset)
        self.tag_model = tag_model
        self.form.fields["type"].choices = queryset.model.Kind.choices

    def filter_tag(self, queryset, name, value):
        return queryset.filter(
            pk__in=self.tag_model.objects.filter(tag__slug=value).values(
                "content_object_id"
            )
        )

    @property
    def values(self):
        self.form.is_valid()
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "")
        }

    @property
    def qs(self):
        queryset = self.queryset
        for name, value in self.values.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset


def resource_listing(request, index, model, tag_model):
    """Context for a recap or resource index (its ``model`` children, tagged
    through ``tag_model``): filters, counted options, a page."""
    base = model.objects.live().public().child_of(index)
    filterset = ResourceFilterSet(request.GET, queryset=base, tag_model=tag_model)
    values = filterset.values
    results = filterset.qs.order_by("-date", "-pk")
    paginator = Paginator(results, PAGE_SIZE)
    page = requested_page(paginator, request.GET.get("page"))

    def others(name):
        queryset = base
        for other, value in values.items():
            if other != name:
                queryset = filterset.filters[other].filter(queryset, value)
        return queryset.order_by()

    kind_counts = dict(
        others("type")
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    year_counts = dict(
        others("annee")
        .annotate(year=ExtractYear("date"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    tag_rows = list(
        filterset.tag_model.objects.filter(
            content_object_id__in=others("tag").values("pk")
        )
        .values("tag__slug", "tag__name")
        .annotate(n=Count("content_object_id"))
        .order_by("-n", "tag__name")[:30]
    )
    params = QueryDict(mutable=True)
    for name, value in values.items():
        params[name] = str(value)

    def without(name):
        copy = params.copy()
        copy.pop(name, None)
        return f"?{copy.urlencode()}" if copy else "?"

    kind_labels = dict(model.Kind.choices)
    tag_labels = {row["tag__slug"]: row["tag__name"] for row in tag_rows}
    active = []
    if "type" in values:
        active.append(
            (str(kind_labels.get(values["type"], values["type"])), without("type"))
        )
    if "annee" in values:
        active.append((str(values["annee"]), without("annee")))
    if "tag" in values:
        active.append((tag_labels.get(values["tag"], values["tag"]), without("tag")))

    def url(number):
        copy = params.copy()
        copy["page"] = number
        return f"?{copy.urlencode()}"

    pagination = pagination_links(page, url)
    return {
        "results_page": page,
        "result_count": paginator.count,
        "filter_values": values,
        "kind_options": [
            (value, str(label), kind_counts.get(value, 0), values.get("type") == value)
            for value, label in model.Kind.choices
        ],
        "year_options": [
            (year, year_counts[year], values.get("annee") == year)
            for year in sorted(year_counts, reverse=True)
        ],
        "tag_options": [
            (
                row["tag__slug"],
                row["tag__name"],
                row["n"],
                values.get("tag") == row["tag__slug"],
            )
            for row in tag_rows
        ],
        "active_filters": [
            {"label": label, "remove_url": url} for label, url in active
        ],
        "pagination": pagination,
    }
