from experiences.models.checklist import RubricChecklistItem
from experiences.models.error_reports import ErrorReport
from experiences.models.pages import (
    CallForContributionsPage,
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
    "ErrorReport",
    "ExperienceDocument",
    "ExperienceIndexPage",
    "ExperienceLink",
    "ExperiencePage",
    "ExperiencePageTag",
    "ExperiencePhoto",
    "ReferenceSequence",
    "Region",
    "RubricChecklistItem",
    "RubricPage",
    "Submission",
    "SubmissionAttachment",
    "SubmissionMessage",
    "SubmissionNote",
    "Theme",
]
