"""The public side of contributions: the form, drafts, the receipt and the
contributor's private tracking page.

Views are served by ``CallForContributionsPage``'s routes; the functions that
change data (``save_draft``, ``submit``, ``hold_files``, ``withdraw``) each run
in one transaction and change states only through ``experiences.states``.
"""

import logging
import re
import secrets
from dataclasses import dataclass

from django.contrib import messages
from django.db import (
    DatabaseError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    transaction,
)
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from experiences import (
    antiabuse,
    change_requests,
    notifications,
    outage,
    staging,
    tracking,
    update_views,
    uploads,
)
from experiences.constants import SubmissionKind
from experiences.form_building import (
    TEXT_FIELDS,
    as_typed,
    build_form,
    form_choices,
    initial_from_query,
    initial_from_submission,
    offline_choices,
)
from experiences.forms import ContributionForm
from experiences.models import (
    Department,
    ReferenceSequence,
    Submission,
    SubmissionMessage,
    Theme,
)
from experiences.signoff.views import tracking_context as signoff_context
from experiences.states import Status as S
from experiences.states import TransitionError, apply
from experiences.tracking import SESSION_CONFIRMATION, SESSION_DRAFT

logger = logging.getLogger(__name__)

FORM_TEMPLATE = "experiences/call_for_contributions_page.html"
TRACKING_TEMPLATE = "experiences/contribution/tracking.html"
CONFIRMATION_TEMPLATE = "experiences/contribution/confirmation.html"
DRAFT_SAVED_TEMPLATE = "experiences/contribution/draft_saved.html"
NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
EDITABLE_STATES = (S.DRAFT, S.CHANGES_REQUESTED)
WITHDRAWABLE_STATES = (S.DRAFT, S.RECEIVED, S.IN_REVIEW, S.CHANGES_REQUESTED)

STATUS_EXPLANATIONS = {
    S.DRAFT: (
        "Votre contribution n'est pas encore envoyée. Complétez le formulaire "
        "ci-dessous, puis envoyez-la quand vous êtes prêt·e."
    ),
    S.RECEIVED: (
        "Nous avons bien reçu votre contribution. Elle attend d'être lue par "
        "l'équipe éditoriale."
    ),
    S.IN_REVIEW: "L'équipe éditoriale est en train d'examiner votre contribution.",
    S.CHANGES_REQUESTED: (
        "L'équipe éditoriale vous demande des compléments. Lisez son message, "
        "corrigez le formulaire ci-dessous et renvoyez-le."
    ),
    S.ACCEPTED: (
        "Votre contribution est retenue. L'équipe éditoriale la met en forme "
        "pour la publier."
    ),
    S.DECLINED: (
        "Votre contribution n'a pas été retenue. La raison est indiquée dans "
        "l'historique ci-dessous."
    ),
    S.PUBLISHED: "Votre expérience est publiée sur le site. Merci !",
    S.WITHDRAWN: "Vous avez retiré votre contribution. Elle ne sera pas publiée.",
    S.SPAM: "Cette contribution a été classée sans suite.",
}

PUBLIC_EVENTS = {
    "recueil.submission.submit": "Contribution reçue",
    "recueil.submission.take": "Prise en charge par l'équipe éditoriale",
    "recueil.submission.request_changes": "Compléments demandés",
    "recueil.submission.resubmit": "Compléments envoyés",
    "recueil.submission.accept": "Contribution retenue",
    "recueil.submission.decline": "Contribution non retenue",
    "recueil.submission.reopen": "Contribution réexaminée",
    "recueil.submission.publish": "Expérience publiée",
    "recueil.submission.withdraw": "Contribution retirée",
}
EVENTS_WITH_MESSAGE = {
    "recueil.submission.request_changes",
    "recueil.submission.decline",
}


# --- helpers -----------------------------------------------------------------


def no_store(response):
    """Private pages: never kept by a shared cache, never indexed."""
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def new_nonce():
    return secrets.token_urlsafe(24)


# --- services (each in one transaction) ---------------------------------------


def _assign(submission, cleaned):
    for name in TEXT_FIELDS:
        value = cleaned.get(name)
        if name == "ongoing":
            value = bool(value)
        elif value is None and name not in ("start_date", "end_date"):
            value = ""
        setattr(submission, name, value)
    code = cleaned.get("departement")
    submission.department = (
        Department.objects.filter(code=code).first() if code else None
    )


def _sync_files(files, submission, cleaned):
    """Remove the files the person unticked (from the disk once committed) and
    attach the post's staged files."""
    removed = [int(pk) for pk in cleaned.get("remove_attachments") or []]
    for attachment in submission.attachments.filter(pk__in=removed):
        stored = attachment.file
        attachment.delete()
        transaction.on_commit(lambda stored=stored: stored.storage.delete(stored.name))
    files.attach(submission)


def _new_draft(nonce):
    submission = Submission(status=S.DRAFT, form_nonce=nonce)
    submission.set_token()
    return submission


def hold_files(submission, nonce, files):
    """Keep the valid files of an invalid post on a draft, so none is lost."""
    with files.transaction():
        if submission is None:
            submission = _new_draft(nonce)
            submission.save()
        files.attach(submission)
    return submission


def save_draft(request, submission, form, files):
    """Store a draft; email a private link when the address is new.

    Returns the submission and whether its link was (or would have been,
    under the rate limit) emailed."""
    cleaned = form.cleaned_data
    with files.transaction():
        if submission is None:
            submission = _new_draft(cleaned["form_nonce"])
        previous_email = submission.email
        _assign(submission, cleaned)
        submission.form_nonce = cleaned["form_nonce"]
        submission.save()
        submission.themes.set(Theme.objects.filter(slug__in=cleaned["themes"]))
        _sync_files(files, submission, cleaned)
        entry = log(instance=submission, action="recueil.submission.draft")
        link_sent = previous_email != submission.email
        if link_sent:
            notifications.draft_saved(submission, entry, previous_email=previous_email)
    return submission, link_sent


def _stamp_consents(submission, call, cleaned):
    now = timezone.now()
    submission.consent_data_at = now
    submission.consent_data_text = call.privacy_consent_text
    submission.consent_licence_at = now
    submission.consent_licence_text = call.licence_consent_text
    submission.consent_public_contact = bool(cleaned.get("consent_public_contact"))
    if submission.consent_public_contact:
        submission.consent_public_contact_at = now
        submission.consent_public_contact_text = call.public_contact_consent_text
    else:
        submission.consent_public_contact_at = None
        submission.consent_public_contact_text = ""


def submit(request, call, submission, form, files):
    """Store everything, give a reference, log, queue the emails (through the
    transition): all or nothing.

    The files are already staged (photos re-encoded) before the transaction
    opens, and the reference is taken last, in the transition's own UPDATE, so
    the counter's row stays locked only for the few statements before the
    commit: submissions do not wait on each other.
    """
    cleaned = form.cleaned_data
    with files.transaction():
        if submission is None:
            submission = _new_draft(cleaned["form_nonce"])
        else:
            submission = Submission.objects.select_for_update().get(pk=submission.pk)
        seen = submission.status
        if seen not in EDITABLE_STATES:
            raise TransitionError(_("Cette contribution a déjà été envoyée."))
        _assign(submission, cleaned)
        _stamp_consents(submission, call, cleaned)
        submission.form_nonce = cleaned["form_nonce"]
        submission.save()
        submission.themes.set(Theme.objects.filter(slug__in=cleaned["themes"]))
        _sync_files(files, submission, cleaned)
        name = "submit" if seen == S.DRAFT else "resubmit"
        changes = {}
        if seen == S.DRAFT:
            changes["reference"] = ReferenceSequence.next_reference()
        apply(submission, name, expected_status=seen, **changes)
        if name == "resubmit":
            change_requests.mark_answered(submission)
    return submission


def withdraw(submission):
    return apply(submission, "withdraw", expected_status=submission.status)


# --- views --------------------------------------------------------------------


@dataclass
class FormOutcome:
    form: ContributionForm
    submission: Submission | None
    refused: bool = False
    outage: bool = False


def form_context(request, outcome, extra=None):
    form = outcome.form
    return {
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
    context = form_context(request, outcome, extra)
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
        if submission is not None:
            initial = initial_from_submission(submission)
        else:
            initial = initial_from_query(request.GET)
        initial["form_nonce"] = new_nonce()
        form = build_form(call, initial=initial, submission=submission)
        return _render_form(
            request, call, FormOutcome(form, submission), template=template, extra=extra
        )
    try:
        return _handle_post(request, call, submission, template, extra)
    except (OperationalError, InterfaceError):
        logger.exception("Database unavailable during a contribution post.")
        return _unavailable(request, call, submission, template, extra)


def _unavailable(request, call, submission, template, extra):
    """503: the form again, as typed (files excepted), to send once the
    database is back; the nonce is kept, so a post that did commit after all
    shows its confirmation instead of making a second submission."""
    try:
        choices = form_choices()
        attachments = list(submission.attachments.all()) if submission else []
    except DatabaseError:
        choices, attachments = offline_choices(), []
    form = as_typed(
        call, request.POST, submission, choices=choices, attachments=attachments
    )
    context = form_context(request, FormOutcome(form, submission, outage=True), extra)
    return no_store(outage.render(request, call, template, context))


def _checked_nonce(request, submission):
    """The post's nonce, or a new one; returns (known submission, replay)."""
    nonce = request.POST.get("form_nonce", "")
    if not NONCE_RE.match(nonce):
        nonce = ""
    if nonce:
        known = Submission.objects.filter(form_nonce=nonce).first()
        if known is not None:
            if known.status not in EDITABLE_STATES:
                return submission, known
            if submission is None and known.status == S.DRAFT:
                submission = known
            elif submission is not None and known.pk != submission.pk:
                nonce = ""
    if not nonce:
        post = request.POST.copy()
        post["form_nonce"] = new_nonce()
        request.POST = post
    return submission, None


def _handle_post(request, call, submission, template, extra):
    submission, sent = _checked_nonce(request, submission)
    if sent is not None:
        return _replay(request, call, sent)
    draft = "save_draft" in request.POST and (
        submission is None or submission.status == S.DRAFT
    )
    if antiabuse.is_refused(request, request.POST.get("form_nonce", "")):
        # Never validated: no file is opened; the typing is shown again.
        form = as_typed(call, request.POST, submission)
        outcome = FormOutcome(form, submission, refused=True)
        return _render_form(request, call, outcome, template=template, extra=extra)

    form = build_form(
        call, request.POST, request.FILES, submission=submission, draft=draft
    )
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
                submission = hold_files(submission, request.POST["form_nonce"], files)
            except staging.TooManyFiles as error:
                form.add_error("attachments", error)
        if submission is not None and files.taken:
            attachments = list(submission.attachments.all())
            form.existing_attachments = attachments
            form.fields["remove_attachments"].choices = [
                (str(a.pk), a.original_name) for a in attachments
            ]
    return _render_form(
        request, call, FormOutcome(form, submission), template=template, extra=extra
    )


def _store(request, call, submission, form, files, template):
    """Save the draft or send the submission; redirect to what comes next."""
    try:
        if form.draft:
            return _after_draft(
                request, call, submission, form, files, template == TRACKING_TEMPLATE
            )
        submission = submit(request, call, submission, form, files)
    except IntegrityError:
        known = Submission.objects.filter(form_nonce=request.POST["form_nonce"]).first()
        if known is None:
            raise
        return _replay(request, call, known)
    except TransitionError:
        return _replay(request, call, submission)
    request.session[SESSION_CONFIRMATION] = tracking.remember(
        submission, link=True, resubmitted=submission.status == S.IN_REVIEW
    )
    return redirect(call.url + call.reverse_subpage("confirmation"))


def _after_draft(request, call, submission, form, files, on_tracking_page):
    submission, link_sent = save_draft(request, submission, form, files)
    if link_sent or not on_tracking_page:
        request.session[SESSION_DRAFT] = tracking.remember(submission, link=link_sent)
        return redirect(call.url + call.reverse_subpage("draft_saved"))
    messages.success(
        request,
        _("Brouillon enregistré. Vous pouvez revenir à cette page plus tard."),
    )
    return redirect(request.path)


def form_view(request, call):
    if not call.is_open:
        response = call.render(request, template=FORM_TEMPLATE)
        return no_store(response)
    return handle_form(request, call)


def confirmation_view(request, call):
    stored = request.session.get(SESSION_CONFIRMATION) or {}
    submission, url = tracking.recall(stored, request.build_absolute_uri("/"))
    confirmation = {}
    if submission is not None:
        confirmation = {
            "reference": submission.reference,
            "email": submission.email if url else "",
            "tracking_url": url,
            "resubmitted": stored.get("resubmitted", False),
            "withheld": bool(url) and notifications.withheld(submission, "receipt"),
        }
    context = {"confirmation": confirmation}
    return no_store(
        call.render(request, template=CONFIRMATION_TEMPLATE, context_overrides=context)
    )


def draft_saved_view(request, call):
    submission, url = tracking.recall(
        request.session.get(SESSION_DRAFT), request.build_absolute_uri("/")
    )
    draft = {}
    if submission is not None and not submission.personal_data_purged_at:
        draft = {
            "email": submission.email,
            "url": url,
            "withheld": bool(url) and notifications.withheld(submission, "draft_saved"),
        }
    context = {"draft": draft}
    return no_store(
        call.render(request, template=DRAFT_SAVED_TEMPLATE, context_overrides=context)
    )


def _submission_or_404(token):
    submission = Submission.for_token(token) if token else None
    if submission is None:
        raise Http404
    return submission


def public_history(submission):
    entries = ModelLogEntry.objects.for_instance(submission).filter(
        action__in=PUBLIC_EVENTS
    )
    events = []
    for entry in entries.order_by("timestamp", "pk"):
        data = entry.data or {}
        events.append(
            {
                "when": entry.timestamp,
                "label": PUBLIC_EVENTS[entry.action],
                "message": data.get("message", "")
                if entry.action in EVENTS_WITH_MESSAGE
                else "",
                "published": entry.action == "recueil.submission.publish",
            }
        )
    # A moderator's message that came with a transition is shown once, there.
    shown = {event["message"].strip() for event in events if event["message"]}
    for message in submission.messages.filter(
        direction=SubmissionMessage.Direction.TO_CONTRIBUTOR
    ):
        if message.body.strip() in shown:
            continue
        events.append(
            {
                "when": message.created_at,
                "label": "Message de l'équipe éditoriale",
                "message": message.body,
                "published": False,
            }
        )
    events.sort(key=lambda event: event["when"])
    return events


def published_url(submission):
    page = getattr(submission, "experience_page", None)
    if page is not None and page.live:
        return page.full_url
    return ""


def tracking_view(request, call, token):
    if request.method == "POST":
        nonce = request.POST.get("form_nonce", "")
        if NONCE_RE.match(nonce):
            known = Submission.objects.filter(form_nonce=nonce).first()
            if known is not None and known.status not in EDITABLE_STATES:
                return _replay(request, call, known)
    submission = _submission_or_404(token)
    extra = {
        "tracking": True,
        "token": token,
        "status_text": STATUS_EXPLANATIONS.get(submission.status, ""),
        "history": public_history(submission),
        "published_url": published_url(submission),
        "can_withdraw": submission.status in WITHDRAWABLE_STATES,
        "withdraw_url": call.url + call.reverse_subpage("withdraw", args=[token]),
        **signoff_context(submission),
        **change_requests.tracking_context(submission),
        **update_views.tracking_context(submission, token),
    }
    editable = submission.status == S.CHANGES_REQUESTED or (
        submission.status == S.DRAFT
        and (call.is_open or submission.kind == SubmissionKind.UPDATE)
    )
    if editable:
        response = handle_form(
            request, call, submission, template=TRACKING_TEMPLATE, extra=extra
        )
    elif request.method == "POST":
        return redirect(request.path)
    else:
        extra["submission"] = submission
        response = call.render(
            request, template=TRACKING_TEMPLATE, context_overrides=extra
        )
    return _private_link(no_store(response))


def _private_link(response):
    # The token is in the address: never send it to another site. Not
    # "no-referrer": with it, browsers post this page's forms with "Origin: null",
    # which Django's CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


def withdraw_view(request, call, token):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    submission = _submission_or_404(token)
    try:
        withdraw(submission)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Votre contribution est retirée."))
    return _private_link(
        redirect(call.url + call.reverse_subpage("tracking", args=[token]))
    )
