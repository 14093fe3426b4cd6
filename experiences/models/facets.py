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


class ListingRow(models.Model):
    """One narrow row per public experience: what the filtered listings count
    and sort on (its rubric, place, role, year, state, date and title), so that
    the one statement of a filtered listing reads one small table instead of
    joining the pages, departments and regions of every experience. Rebuilt
    with ``FacetCount`` (experiences.facet_counts); never edited by hand."""

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
        # One per filter on a column: the statement of a filtered listing
        # first narrows the rows by a disjunction of them (a BitmapOr), then
        # flags the few thousand left (experiences.facet_counts).
        indexes = [
            models.Index(fields=["rubric"], name="listingrow_rubric_idx"),
            models.Index(fields=["region"], name="listingrow_region_idx"),
            models.Index(fields=["department"], name="listingrow_department_idx"),
            models.Index(fields=["role"], name="listingrow_role_idx"),
            models.Index(fields=["year"], name="listingrow_year_idx"),
        ]

    def __str__(self):
        return f"{self.page_id} {self.title}"
