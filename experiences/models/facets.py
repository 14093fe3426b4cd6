from django.contrib.postgres.search import SearchVectorField
from django.db import models


class FacetCount(models.Model):
    """How many public experiences each facet option has, over every public
    experience (``scope`` empty) or over one rubric (``scope`` its code): the
    counts of the unfiltered listings, the rubric pages and the home page, read
    in one small query. Rebuilt on each publication, unpublication, move or
    deletion (experiences.facet_counts); never edited by hand."""

    scope = models.CharField(max_length=60, blank=True)
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=255)
    label = models.CharField(max_length=255, blank=True)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "facet", "value"], name="experiences_facet_unique"
            )
        ]

    def __str__(self):
        return f"{self.scope or '*'} {self.facet}={self.value}: {self.count}"


def column_indexes(prefix):
    """One index per filter on a column: the statement of a filtered listing
    first narrows the rows by a disjunction of them (a BitmapOr, or with the
    words' index a BitmapAnd), then flags the few thousand left
    (experiences.facet_counts)."""
    return [
        models.Index(fields=[field], name=f"{prefix}_{field}_idx")
        for field in ("rubric", "region", "department", "role", "year")
    ]


class ListingColumns(models.Model):
    """What a filtered listing counts and sorts on, per public experience."""

    page = models.OneToOneField(
        "experiences.ExperiencePage",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    rubric = models.CharField(max_length=60)
    region = models.CharField(max_length=100, null=True)
    region_name = models.CharField(max_length=100, null=True)
    department = models.CharField(max_length=3, null=True)
    department_name = models.CharField(max_length=100, null=True)
    role = models.CharField(max_length=30, blank=True)
    year = models.PositiveIntegerField(null=True)
    ongoing = models.BooleanField()
    over = models.BooleanField()
    published = models.DateTimeField(null=True)
    title = models.CharField(max_length=255)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.page_id} {self.title}"


class ListingRow(ListingColumns):
    """One narrow row per public experience: what the filtered listings count
    and sort on (its rubric, place, role, year, state, date and title), so that
    the one statement of a filtered listing reads one small table instead of
    joining the pages, departments and regions of every experience. Rebuilt
    with ``FacetCount`` (experiences.facet_counts); never edited by hand."""

    class Meta:
        indexes = column_indexes("listingrow")


class SearchedListingRow(ListingColumns):
    """The same rows with the experience's words (its search vector, without
    positions nor weights), for a filtered listing searched with ``q``: the
    word's GIN index and the filters' indexes meet in one bitmap (a
    BitmapAnd), where checking the word row by row cost more than the rest
    of the statement. Kept apart from ``ListingRow``: the words make the rows
    four to six times wider, and every other listing would read them.

    PostgreSQL only (empty on SQLite, where ``q`` asks Wagtail's backend).
    Written with ``ListingRow``; its words also by a trigger on
    ``core.SearchDocument`` (migration experiences/0014), since Wagtail's
    index is written by a task, after the publication."""

    words = SearchVectorField(null=True)

    class Meta:
        indexes = column_indexes("searchedrow")
