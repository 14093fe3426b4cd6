from experiences.models.call import CallForContributionsPage
from experiences.models.change_requests import ChangeRequest
from experiences.models.checklist import RubricChecklistItem
from experiences.models.error_reports import ErrorReport
from experiences.models.exports import QueueExport
from experiences.models.facets import FacetCount, ListingRow, SearchedListingRow
from experiences.models.page_items import (
    ExperienceDocument,
    ExperienceLink,
    ExperiencePhoto,
)
from experiences.models.pages import (
    ExperienceIndexPage,
    ExperiencePage,
    ExperiencePageTag,
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
    "ErrorReport",
    "ExperienceDocument",
    "ExperienceIndexPage",
    "ExperienceLink",
    "ExperiencePage",
    "ExperiencePageTag",
    "ExperiencePhoto",
    "FacetCount",
    "ListingRow",
    "SearchedListingRow",
    "QueueExport",
    "ReferenceSequence",
    "Region",
    "RubricChecklistItem",
    "RubricPage",
    "SignoffTaskState",
    "Submission",
    "SubmissionAttachment",
    "SubmissionMessage",
    "SubmissionNote",
    "Theme",
]
