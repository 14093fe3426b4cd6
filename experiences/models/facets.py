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
