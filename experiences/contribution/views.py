"""The contribution pages: the form, the receipt, the draft-saved page and the
contributor's private tracking page.

They are served by ``CallForContributionsPage``'s routes; what they change goes
through ``experiences.contribution.services``. A post is read from a copy of
its data (a replaced nonce included); the request is never rewritten.
"""

import logging
from dataclasses import dataclass

from django.contrib import messages
from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from core import page_views
from experiences import (
    antiabuse,
    change_requests,
    completeness,
    outage,
    staging,
    tracking,
    update_views,
    uploads,
)
from experiences.contribution import history, services
from experiences.form_building import (
    as_typed,
    build_form,
    form_choices,
    initial_from_query,
    initial_from_submission,
    offline_choices,
)
from experiences.forms import ContributionForm
from experiences.models import Submission
from experiences.signoff.views import tracking_context as signoff_context
from experiences.states import Status as S
from experiences.states import TransitionError
from experiences.tracking import SESSION_CONFIRMATION, SESSION_DRAFT

logger = logging.getLogger(__name__)

FORM_TEMPLATE = "experiences/call_for_contributions_page.html"
TRACKING_TEMPLATE = "experiences/contribution/tracking.html"
CONFIRMATION_TEMPLATE = "experiences/contribution/confirmation.html"
DRAFT_SAVED_TEMPLATE = "experiences/contribution/draft_saved.html"


# --- responses ------------------------------------------------------------------


def no_store(response):
    """Private pages: never kept by a shared cache, never indexed."""
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def private_link(response):
    """A page whose address holds the token: never sent to another site. Not
    "no-referrer": with it, browsers post this page's forms with "Origin: null",
    which Django's CSRF check refuses."""
    response["Referrer-Policy"] = "same-origin"
    return response


def submission_or_404(token):
    submission = Submission.for_token(token) if token else None
    if submission is None:
        raise Http404
    return submission


def tracking_address(call, token, route="tracking"):
    return call.url + call.reverse_subpage(route, args=[token])


# --- the form -------------------------------------------------------------------


@dataclass
class FormOutcome:
    form: ContributionForm
    submission: Submission | None
    refused: bool = False
    outage: bool = False


def form_completeness(form, submission):
    """The form's completeness summary: from the post as typed, or from what
    the form shows (a draft, a pre-fill link)."""
    values = form.data if form.is_bound else form.initial
    removed = form.data.getlist("remove_attachments") if form.is_bound else ()
    credits = completeness.photo_credits(submission, removed=removed)
    return completeness.for_values(values, credits)


def form_context(outcome, extra=None):
    form = outcome.form
    return {
        # Not while the database is out of reach (``_unavailable``).
        "completeness": None
        if outcome.outage
        else form_completeness(form, outcome.submission),
        "form": form,
        "submission": outcome.submission,
        "refused": outcome.refused,
        "outage": outcome.outage,
        "error_list": error_summary(form) if form.is_bound else [],
        "rendered_at": antiabuse.rendered_at_token(form["form_nonce"].value()),
        "honeypot_field": antiabuse.HONEYPOT_FIELD,
        "upload_limits": uploads.limits_text(),
        **(extra or {}),
    }


def _render_form(request, call, outcome, *, template=FORM_TEMPLATE, extra=None):
    context = form_context(outcome, extra)
    response = call.render(request, template=template, context_overrides=context)
    return no_store(response)


def error_summary(form):
    """(field id, label, message) for the summary at the top of the form."""
    summary = []
    for name, errors in form.errors.items():
        if name == "__all__":
            summary.extend(("", "", str(e)) for e in errors)
            continue
        field = form[name]
        label = field.label if not name.startswith("consent_") else _("Consentement")
        anchor = field.auto_id
        if name in ("rubric", "role", "themes"):
            anchor = f"{field.auto_id}_0"
        summary.extend((anchor, label, str(e)) for e in errors)
    return summary


def show_form(request, call, submission=None, template=FORM_TEMPLATE, extra=None):
    """The form as a visit shows it: the draft's values, or a pre-fill link's."""
    if submission is not None:
        initial = initial_from_submission(submission)
    else:
        initial = initial_from_query(request.GET)
    initial["form_nonce"] = services.new_nonce()
    form = build_form(call, initial=initial, submission=submission)
    outcome = FormOutcome(form, submission)
    return _render_form(request, call, outcome, template=template, extra=extra)


def _replay(request, call, submission):
    """A second post of an already sent form shows its confirmation again."""
    stored = request.session.get(SESSION_CONFIRMATION) or {}
    if stored.get("id") != submission.pk:
        request.session[SESSION_CONFIRMATION] = tracking.remember(
            submission, link=False
        )
    return redirect(call.url + call.reverse_subpage("confirmation"))


def handle_form(request, call, submission=None, template=FORM_TEMPLATE, extra=None):
    """GET shows the form; POST saves a draft or submits it."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method != "POST":
        return show_form(request, call, submission, template, extra)
    data = request.POST.copy()
    try:
        return _handle_post(request, call, submission, data, template, extra)
    except (OperationalError, InterfaceError):
        logger.exception("Database unavailable during a contribution post.")
        return _unavailable(request, call, submission, data, template, extra)


def _unavailable(request, call, submission, data, template, extra):
    """503: the form again, as typed (files excepted), to send once the
    database is back; the nonce is kept, so a post that did commit after all
    shows its confirmation instead of making a second submission."""
    try:
        choices = form_choices()
        attachments = list(submission.attachments.all()) if submission else []
    except DatabaseError:
        choices, attachments = offline_choices(), []
    form = as_typed(call, data, submission, choices=choices, attachments=attachments)
    context = form_context(FormOutcome(form, submission, outage=True), extra)
    return no_store(outage.render(request, call, template, context))


def _check_nonce(data, submission):
    """Give ``data`` (a copy of the post) its nonce or a new one; return (the
    submission it continues, the submission it already sent or None)."""
    nonce = services.valid_nonce(data.get("form_nonce", ""))
    known = services.by_nonce(nonce)
    if known is not None:
        if known.status not in services.EDITABLE_STATES:
            return submission, known
        if submission is None and known.status == S.DRAFT:
            submission = known
        elif submission is not None and known.pk != submission.pk:
            nonce = ""
    if not nonce:
        data["form_nonce"] = services.new_nonce()
    return submission, None


def _handle_post(request, call, submission, data, template, extra):
    submission, sent = _check_nonce(data, submission)
    if sent is not None:
        return _replay(request, call, sent)
    draft = "save_draft" in data and (
        submission is None or submission.status == S.DRAFT
    )
    if antiabuse.is_refused(request, data["form_nonce"]):
        # Never validated: no file is opened; the typing is shown again.
        form = as_typed(call, data, submission)
        outcome = FormOutcome(form, submission, refused=True)
        return _render_form(request, call, outcome, template=template, extra=extra)

    form = build_form(call, data, request.FILES, submission=submission, draft=draft)
    with staging.PostFiles() as files:
        form.is_valid()
        # One file at a time: each photo is decoded, re-encoded and freed.
        for error in files.stage(form.valid_uploads()):
            form.add_error("attachments", error)
        hold = True
        if form.is_valid():
            try:
                return _store(request, call, submission, form, files, template)
            except staging.TooManyFiles as error:
                form.add_error("attachments", error)
                hold = False
        if hold and files.staged:
            try:
                submission = services.hold_files(submission, data["form_nonce"], files)
            except staging.TooManyFiles as error:
                form.add_error("attachments", error)
        if submission is not None and files.taken:
            form.show_attachments(submission.attachments.all())
    return _render_form(
        request, call, FormOutcome(form, submission), template=template, extra=extra
    )


def _store(request, call, submission, form, files, template):
    """Save the draft or send the submission; redirect to what comes next."""
    cleaned = form.cleaned_data
    try:
        if form.draft:
            return _after_draft(
                request, call, submission, cleaned, files, template == TRACKING_TEMPLATE
            )
        submission = services.submit(call, submission, cleaned, files)
    except IntegrityError:
        known = services.by_nonce(cleaned["form_nonce"])
        if known is None:
            raise
        return _replay(request, call, known)
    except TransitionError:
        return _replay(request, call, submission)
    request.session[SESSION_CONFIRMATION] = tracking.remember(
        submission, link=True, resubmitted=submission.status == S.IN_REVIEW
    )
    return redirect(call.url + call.reverse_subpage("confirmation"))


def _after_draft(request, call, submission, cleaned, files, on_tracking_page):
    submission, link_sent = services.save_draft(submission, cleaned, files)
    if link_sent or not on_tracking_page:
        request.session[SESSION_DRAFT] = tracking.remember(submission, link=link_sent)
        return redirect(call.url + call.reverse_subpage("draft_saved"))
    messages.success(
        request,
        _("Brouillon enregistré. Vous pouvez revenir à cette page plus tard."),
    )
    return redirect(request.path)


# --- the pages ------------------------------------------------------------------


@page_views.register("experiences.form")
def form_view(request, call):
    if not call.is_open:
        response = call.render(request, template=FORM_TEMPLATE)
        return no_store(response)
    return handle_form(request, call)


@page_views.register("experiences.confirmation")
def confirmation_view(request, call):
    stored = request.session.get(SESSION_CONFIRMATION) or {}
    context = {
        "confirmation": services.confirmation(stored, request.build_absolute_uri("/"))
    }
    return no_store(
        call.render(request, template=CONFIRMATION_TEMPLATE, context_overrides=context)
    )


@page_views.register("experiences.draft_saved")
def draft_saved_view(request, call):
    stored = request.session.get(SESSION_DRAFT)
    context = {"draft": services.saved_draft(stored, request.build_absolute_uri("/"))}
    return no_store(
        call.render(request, template=DRAFT_SAVED_TEMPLATE, context_overrides=context)
    )


def _tracking_context(call, submission, token):
    return {
        "tracking": True,
        "token": token,
        "status_text": history.status_text(submission),
        "history": history.public_history(submission),
        "published_url": history.published_url(submission),
        "can_withdraw": submission.status in services.WITHDRAWABLE_STATES,
        "withdraw_url": tracking_address(call, token, "withdraw"),
        **signoff_context(submission),
        **change_requests.tracking_context(submission),
        **update_views.tracking_context(submission, token),
    }


def tracking_page(request, call, submission, token, *, captions_form=None):
    """The tracking page as a visit shows it. ``captions_form``: the captions
    form posted with errors (``experiences.captions``), shown with them."""
    extra = _tracking_context(call, submission, token)
    if captions_form is not None:
        extra["captions_form"] = captions_form
    if services.is_editable(call, submission):
        response = show_form(request, call, submission, TRACKING_TEMPLATE, extra)
    else:
        extra["submission"] = submission
        extra["completeness"] = completeness.for_submission(submission)
        response = no_store(
            call.render(request, template=TRACKING_TEMPLATE, context_overrides=extra)
        )
    return private_link(response)


@page_views.register("experiences.tracking")
def tracking_view(request, call, token):
    if request.method == "POST":
        known = services.by_nonce(request.POST.get("form_nonce", ""))
        if known is not None and known.status not in services.EDITABLE_STATES:
            return _replay(request, call, known)
    submission = submission_or_404(token)
    editable = services.is_editable(call, submission)
    if request.method in ("GET", "HEAD") or (not editable and request.method != "POST"):
        return tracking_page(request, call, submission, token)
    if not editable:
        return redirect(request.path)
    extra = _tracking_context(call, submission, token)
    response = handle_form(request, call, submission, TRACKING_TEMPLATE, extra)
    return private_link(no_store(response))


@page_views.register("experiences.withdraw")
def withdraw_view(request, call, token):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    submission = submission_or_404(token)
    try:
        services.withdraw(submission)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Votre contribution est retirée."))
    return private_link(redirect(tracking_address(call, token)))
