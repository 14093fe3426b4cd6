"""Building the contribution form: its lists (from the database, or from the
lists shipped with the project when the database cannot be read) and its
initial values (a draft, a pre-fill link, a post shown again as typed)."""

from experiences.constants import (
    CONTRIBUTOR_FIELDS,
    DEFAULT_THEMES,
    EXPERIENCE_FIELDS,
    RUBRIC_EXPECTED,
    Rubric,
)
from experiences.forms import ContributionForm
from experiences.models import Department, RubricPage, Theme
from experiences.reference_data import read_rows

TEXT_FIELDS = [*EXPERIENCE_FIELDS, *CONTRIBUTOR_FIELDS]


def departement_choices():
    groups = {}
    departments = Department.objects.select_related("region").order_by(
        "region__name", "code"
    )
    for department in departments:
        groups.setdefault(department.region.name, []).append(
            (department.code, f"{department.code} – {department.name}")
        )
    return list(groups.items())


def rubric_choices_and_help():
    pages = {
        p.rubric: p
        for p in RubricPage.objects.live().only(
            "rubric", "title", "expected_experiences"
        )
    }
    choices, help_texts = [], {}
    for value, label in Rubric.choices:
        page = pages.get(value)
        choices.append((value, page.title if page else label))
        help_texts[value] = (
            page.expected_experiences if page else str(RUBRIC_EXPECTED[value])
        )
    return choices, help_texts


def form_choices():
    """The form's lists, read from the database (``offline_choices`` otherwise)."""
    rubrics, rubric_help = rubric_choices_and_help()
    return {
        "departements": departement_choices(),
        "themes": list(Theme.objects.values_list("slug", "label")),
        "rubrics": rubrics,
        "rubric_help": rubric_help,
    }


def offline_choices():
    """The same lists as ``form_choices``, from the files the reference data
    was loaded from: the form can be shown again while the database is down."""
    regions = {row["code"]: row["nom"] for row in read_rows("regions.csv")}
    groups = {}
    rows = read_rows("departements.csv")
    for row in sorted(rows, key=lambda row: (regions[row["region"]], row["code"])):
        groups.setdefault(regions[row["region"]], []).append(
            (row["code"], f"{row['code']} – {row['nom']}")
        )
    return {
        "departements": list(groups.items()),
        "themes": list(DEFAULT_THEMES),
        "rubrics": list(Rubric.choices),
        "rubric_help": {value: str(RUBRIC_EXPECTED[value]) for value in Rubric},
    }


def build_form(
    call,
    data=None,
    files=None,
    *,
    submission=None,
    draft=False,
    choices=None,
    attachments=None,
    **extra,
):
    choices = choices or form_choices()
    if attachments is None:
        attachments = list(submission.attachments.all()) if submission else []
    form = ContributionForm(
        data,
        files,
        draft=draft,
        call=call,
        departements=choices["departements"],
        themes=choices["themes"],
        rubric_help=choices["rubric_help"],
        existing_attachments=attachments,
        **extra,
    )
    form.fields["rubric"].choices = choices["rubrics"]
    return form


def initial_from_submission(submission):
    initial = {name: getattr(submission, name) for name in TEXT_FIELDS}
    initial["departement"] = submission.department.code if submission.department else ""
    initial["themes"] = list(submission.themes.values_list("slug", flat=True))
    initial["consent_public_contact"] = submission.consent_public_contact
    return initial


def initial_from_query(query):
    """Pre-fill from a link (the field names are the public contract). Never
    the email address: a link must not send someone's tracking link elsewhere."""
    initial = {}
    for name in [*TEXT_FIELDS, "departement"]:
        if name in query and name not in ("ongoing", "email"):
            initial[name] = query.get(name, "")[:5000]
    if "themes" in query:
        initial["themes"] = query.getlist("themes")[:20]
    return initial


def as_typed(call, data, submission, **kwargs):
    """An unbound form showing what was posted: nothing is validated (no file
    read), so no error is shown either."""
    initial = ContributionForm.initial_from_data(data)
    return build_form(call, initial=initial, submission=submission, **kwargs)
