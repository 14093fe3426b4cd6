"""What the home page shows: the call, the six rubrics with their counts and the
latest experiences, recaps and resources, in a fixed number of queries."""

from core import visibility
from experiences.constants import RUBRIC_ORDER
from experiences.facet_counts import TOTAL, stored_counts
from experiences.filters import public_experiences
from experiences.models import CallForContributionsPage, ExperiencePage, RubricPage
from resources.models import ArticlePage, EventRecapPage

LATEST_EXPERIENCES = 6
LATEST_RECAPS = 3
LATEST_ARTICLES = 3


def home_context(home):
    # Kept up to date on each publication (experiences.facet_counts): one small query.
    stored = stored_counts({""})[""]
    counts = stored["rubrique"]
    restricted = visibility.restricted_paths()
    rubrics = sorted(
        visibility.public(RubricPage.objects.live().descendant_of(home), restricted),
        key=lambda rubric: RUBRIC_ORDER.get(rubric.rubric, 99),
    )
    for rubric in rubrics:
        rubric.experience_count = counts.get(rubric.rubric, 0)
    return {
        "call": CallForContributionsPage.objects.live().descendant_of(home).first(),
        "rubrics": rubrics,
        "experience_total": stored[TOTAL],
        "latest_experiences": list(
            public_experiences(restricted)
            .select_related("department")
            .only(*ExperiencePage.CARD_FIELDS)
            .order_by("-first_published_at", "-pk")[:LATEST_EXPERIENCES]
        ),
        "latest_recaps": list(
            visibility.public(EventRecapPage.objects.live(), restricted).order_by(
                "-date", "-pk"
            )[:LATEST_RECAPS]
        ),
        "latest_articles": list(
            visibility.public(ArticlePage.objects.live(), restricted).order_by(
                "-date", "-pk"
            )[:LATEST_ARTICLES]
        ),
    }
