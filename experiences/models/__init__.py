from experiences.models.change_requests import ChangeRequest
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
from experiences.models.signoff import ContributorSignoffTask, SignoffTaskState
from experiences.models.submissions import (
    ReferenceSequence,
    Submission,
    SubmissionAttachment,
    SubmissionMessage,
    SubmissionNote,
)

__all__ = [
    "CallForContributionsPage",
    "ChangeRequest",
    "ContributorSignoffTask",
    "Department",
    "ExperienceDocument",
    "ExperienceIndexPage",
    "ExperienceLink",
    "ExperiencePage",
    "ExperiencePageTag",
    "ExperiencePhoto",
    "ReferenceSequence",
    "Region",
    "RubricPage",
    "SignoffTaskState",
    "Submission",
    "SubmissionAttachment",
    "SubmissionMessage",
    "SubmissionNote",
    "Theme",
]
