"""The filters of the moderation queue (modeladmin's admin-style list filters)."""

from django.contrib.admin import DateFieldListFilter, SimpleListFilter
from django.utils.translation import gettext_lazy as _

from experiences.models import Region
from experiences.states import Status

QUEUE_STATES = [s for s in Status if s != Status.DRAFT]


class StatusFilter(SimpleListFilter):
    title = _("état")
    parameter_name = "etat"

    def lookups(self, request, model_admin):
        return [(s.value, s.label) for s in QUEUE_STATES]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(status=self.value())
        return queryset


class RegionFilter(SimpleListFilter):
    title = _("région")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return list(Region.objects.order_by("name").values_list("slug", "name"))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(department__region__slug=self.value())
        return queryset


class AssignedFilter(SimpleListFilter):
    title = _("attribution")
    parameter_name = "attribution"

    def lookups(self, request, model_admin):
        return [
            ("moi", _("Attribuées à moi")),
            ("personne", _("Non attribuées")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "moi":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "personne":
            return queryset.filter(assigned_to__isnull=True)
        return queryset


class CompletenessFilter(SimpleListFilter):
    """The completeness score stored with each submission
    (``experiences.completeness``): a guide to sort the work, never a verdict."""

    title = _("complétude")
    parameter_name = "completude"
    BANDS = {
        "faible": (0, 49),
        "moyenne": (50, 79),
        "bonne": (80, 100),
    }

    def lookups(self, request, model_admin):
        return [
            ("faible", _("Moins de 50 %")),
            ("moyenne", _("De 50 à 79 %")),
            ("bonne", _("80 % et plus")),
        ]

    def queryset(self, request, queryset):
        band = self.BANDS.get(self.value())
        if band:
            return queryset.filter(completeness__range=band)
        return queryset


class ReceivedFilter(DateFieldListFilter):
    title = _("reçue")
