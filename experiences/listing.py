"""The public listing of experiences: filters, facet counts, active filters and
pagination, shared by /experiences/, the rubric pages and the CSV export.

The number of queries does not depend on the number of experiences nor on the
filters: every facet's counts, the number of results, the departments and
themes of the filter form and (when filtered) the cards of the requested page
in one statement (``experiences.facet_counts``, where ``q`` is searched once);
unfiltered, the stored counts and the page's twelve experiences.
"""

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.functional import cached_property

from core import visibility
from core.pagination import pagination_links, requested_page
from experiences.constants import RUBRIC_ORDER
from experiences.facet_counts import TOTAL, count_facets
from experiences.facets import build_facets
from experiences.filters import ExperienceFilterSet
from experiences.models import ExperiencePage

PAGE_SIZE = 12
CARDS = ExperiencePage.CARD_FIELDS


class ActiveFilter:
    def __init__(self, label, remove_url):
        self.label = label
        self.remove_url = remove_url


class CountedPaginator(Paginator):
    """A paginator told its count (counted with the facets, in the same query)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @property
    def count(self):
        return self.known_count


class KeyedResults:
    """The results as the paginator slices them: the requested page is the
    cards the facet statement returned (no second search, no other query),
    any other slice read from the filtered queryset (``cards()``, built only
    then)."""

    def __init__(self, cards, page, offset):
        self.cards, self.page, self.offset = cards, page, offset

    def __getitem__(self, window):
        if self.page is None or window.start != self.offset:
            return self.cards()[window]
        return self.page


class ExperienceListing:
    def __init__(self, request, fixed_rubric=None, queryset=None):
        self.request = request
        self.fixed_rubric = fixed_rubric
        self.public_only = queryset is None
        # The public experiences by default; the view restrictions are read
        # only if the filtered queryset is (the requested page's cards are
        # read by the keys of the facet statement, which counts public rows).
        if queryset is None:
            queryset = ExperiencePage.objects.live()
        self.filterset = ExperienceFilterSet(
            request.GET,
            queryset=queryset,
            fixed_rubric=fixed_rubric,
        )
        self.values = self.filterset.values

    # Results -----------------------------------------------------------------

    @cached_property
    def results(self):
        """Every matching experience, whole (the CSV export reads them all)."""
        results = self.filterset.qs
        if self.public_only:
            results = visibility.public(results)
        return results.select_related("department")

    @cached_property
    def cards(self):
        """The same, with the columns a card shows only."""
        return self.results.only(*CARDS)

    @cached_property
    def offset(self):
        """Where the requested page starts (a wrong number: the first page's)."""
        try:
            number = int(self.request.GET.get("page") or 1)
        except ValueError:
            number = 1
        return (max(number, 1) - 1) * PAGE_SIZE

    @cached_property
    def counts(self):
        """Every facet's counts and the number of results (one query)."""
        return count_facets(self.filterset, self.fixed_rubric, self.offset, PAGE_SIZE)

    @cached_property
    def paginator(self):
        results = KeyedResults(lambda: self.cards, self.counts["page"], self.offset)
        return CountedPaginator(results, PAGE_SIZE, self.counts[TOTAL])

    @cached_property
    def page(self):
        """The requested page of results; None when it is out of range."""
        return requested_page(self.paginator, self.request.GET.get("page"))

    @property
    def count(self):
        return self.paginator.count

    @cached_property
    def facets(self):
        return build_facets(self.values, self.counts, self.fixed_rubric)

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

    @property
    def first_page_url(self):
        return self.page_url(1)

    def page_url(self, number):
        params = self._params()
        params["page"] = number
        return f"?{params.urlencode()}"

    @cached_property
    def pagination(self):
        return pagination_links(self.page, self.page_url)

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
            "results_page": self.page,
            "facets": self.facets,
            "active_filters": self.active_filters,
            "filter_values": self.values,
        }
