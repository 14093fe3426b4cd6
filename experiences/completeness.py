"""How complete a sheet is, after its rubric's checklist: a score and the
points still missing. Computed here, on the server (the form's script only
mirrors it while the person types); a guide, never a gate: nothing here
refuses a submission.

The inputs are plain data (``Sheet``), built from a stored submission, from a
form's cleaned data or from a post as typed, so that the score of a draft, of
a submission and of a form shown again are computed the same way.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from experiences.checklist_defaults import default_items
from experiences.models import RubricPage, SubmissionAttachment
from experiences.models.checklist import ChecklistKind, ChecklistPart

TEXT_PARTS = tuple(ChecklistPart.values)


@dataclass(frozen=True)
class Item:
    kind: str
    label: str
    part: str = ""
    minimum: int = 0
    hint: str = ""


@dataclass
class Sheet:
    """What the checklist looks at in a sheet."""

    texts: dict = field(default_factory=dict)
    start_date: object = None
    end_date: object = None
    ongoing: bool = False
    themes: int = 0
    communes: str = ""
    department: bool = False
    photo_credits: list = field(default_factory=list)


@dataclass(frozen=True)
class Check:
    item: Item
    met: bool
    detail: str = ""


@dataclass(frozen=True)
class Result:
    checks: list

    @property
    def score(self):
        if not self.checks:
            return 100
        # Half up, as the form's script rounds (Math.round).
        return int(100 * sum(c.met for c in self.checks) / len(self.checks) + 0.5)

    @property
    def missing(self):
        return [c for c in self.checks if not c.met]

    @property
    def met(self):
        return [c for c in self.checks if c.met]


def checklist(rubric):
    """The checklist of ``rubric`` (its rubric page's, or the defaults when
    the page has none or there is no rubric yet)."""
    page = RubricPage.objects.filter(rubric=rubric).first() if rubric else None
    rows = list(page.checklist_items.all()) if page else []
    if rows:
        return [
            Item(r.kind, r.label, r.part, r.minimum, r.hint)
            for r in rows
            if r.kind != ChecklistKind.TEXT or r.part in TEXT_PARTS
        ]
    return [Item(**values) for values in default_items(rubric)]


def _length(text):
    return len(" ".join((text or "").split()))


def check(item, sheet):
    kind = item.kind
    if kind == ChecklistKind.TEXT:
        length = _length(sheet.texts.get(item.part))
        if length >= max(item.minimum, 1):
            return Check(item, True)
        if not length:
            return Check(item, False, _("pas encore rédigé"))
        return Check(
            item,
            False,
            _("%(length)s caractères, environ %(minimum)s sont utiles")
            % {"length": length, "minimum": item.minimum},
        )
    if kind == ChecklistKind.PERIOD:
        if sheet.start_date and (sheet.end_date or sheet.ongoing):
            return Check(item, True)
        if sheet.start_date:
            return Check(item, False, _("la fin, ou « en cours », manque"))
        return Check(item, False, _("le début manque"))
    if kind == ChecklistKind.THEMES:
        wanted = max(item.minimum, 1)
        if sheet.themes >= wanted:
            return Check(item, True)
        # French: 0 and 1 take the singular.
        if sheet.themes > 1:
            detail = _("%(count)s thématiques choisies sur %(wanted)s")
        else:
            detail = _("%(count)s thématique choisie sur %(wanted)s")
        return Check(item, False, detail % {"count": sheet.themes, "wanted": wanted})
    if kind == ChecklistKind.PLACE:
        met = bool(sheet.communes.strip() or sheet.department)
        return Check(item, met, "" if met else _("ni commune ni département"))
    if kind == ChecklistKind.PHOTO:
        if any(credit.strip() for credit in sheet.photo_credits):
            return Check(item, True)
        if sheet.photo_credits:
            return Check(item, False, _("photo jointe, son crédit manque"))
        return Check(item, False, _("aucune photo jointe"))
    return Check(item, True)


def evaluate(sheet, items):
    return Result([check(item, sheet) for item in items])


def _texts(values):
    return {part: str(values.get(part) or "") for part in TEXT_PARTS}


def photo_credits(submission, *, removed=(), new_photos=0):
    """The credits of the photos a submission keeps, and "" for each new one."""
    credits = []
    if submission is not None and submission.pk:
        photos = submission.attachments.filter(kind=SubmissionAttachment.Kind.IMAGE)
        removed_ids = [int(pk) for pk in removed if str(pk).isdigit()]
        credits = list(
            photos.exclude(pk__in=removed_ids).values_list("credit", flat=True)
        )
    return credits + [""] * new_photos


def sheet_from_submission(submission):
    return Sheet(
        texts=_texts(vars(submission)),
        start_date=submission.start_date,
        end_date=submission.end_date,
        ongoing=submission.ongoing,
        themes=submission.themes.count() if submission.pk else 0,
        communes=submission.communes,
        department=submission.department_id is not None,
        photo_credits=photo_credits(submission),
    )


def sheet_from_values(values, credits):
    """From a form's cleaned data, or a post as typed (a QueryDict)."""
    getlist = getattr(values, "getlist", None)
    themes = getlist("themes") if getlist else values.get("themes") or []
    return Sheet(
        texts=_texts(values),
        start_date=values.get("start_date") or None,
        end_date=values.get("end_date") or None,
        ongoing=bool(values.get("ongoing")),
        themes=len(themes),
        communes=str(values.get("communes") or ""),
        department=bool(values.get("departement")),
        photo_credits=list(credits),
    )


def for_submission(submission):
    return evaluate(sheet_from_submission(submission), checklist(submission.rubric))


def for_values(values, credits, rubric=None):
    rubric = rubric if rubric is not None else values.get("rubric") or ""
    return evaluate(sheet_from_values(values, credits), checklist(rubric))


def refresh(submission):
    """Store the submission's score again (after its photos' credits changed)."""
    score = for_submission(submission).score
    type(submission).objects.filter(pk=submission.pk).update(completeness=score)
    submission.completeness = score
    return score
