from experiences.models.call import CallForContributionsPage
from experiences.models.facets import FacetCount
from experiences.models.pages import (
    ExperienceDocument,
    ExperienceIndexPage,
    ExperienceLink,
    ExperiencePage,
    ExperiencePageTag,
    ExperiencePhoto,
    RubricPage,
)
from experiences.models.reference import Department, Region, Theme
from experiences.models.submissions import (
    ReferenceSequence,
    Submission,
    SubmissionAttachment,
    SubmissionMessage,
    SubmissionNote,
)

__all__ = [
    "CallForContributionsPage",
    "Department",
    "ExperienceDocument",
    "ExperienceIndexPage",
    "ExperienceLink",
    "ExperiencePage",
    "ExperiencePageTag",
    "ExperiencePhoto",
    "FacetCount",
    "ReferenceSequence",
    "Region",
    "RubricPage",
    "Submission",
    "SubmissionAttachment",
    "SubmissionMessage",
    "SubmissionNote",
    "Theme",
]
