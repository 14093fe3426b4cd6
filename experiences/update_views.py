"""The contributor's answers to « Où en est votre expérience ? », under their
private link: propose an update, or say the experience is over."""

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse

from wagtail.models import ModelLogEntry

from experiences import notifications, tracking, updates
from experiences.constants import Closure
from experiences.models import Submission
from experiences.states import TransitionError


def tracking_context(submission, token):
    """What the tracking page offers about updates (its include)."""
    page = updates.page_of(submission) if submission.status == "publiee" else None
    if page is None or not updates.can_update(submission):
        return {"update": None}
    return {
        "update": {
            "start_url": reverse("recueil_update_start", args=[token]),
            "close_url": reverse("recueil_update_close", args=[token]),
            "closure": page.closure,
            "closure_label": page.get_closure_display(),
            "Closure": Closure,
        }
    }


def _submission_or_404(token):
    submission = Submission.for_token(token) if token else None
    if submission is None or submission.personal_data_purged_at:
        raise Http404
    return submission


def _back(token):
    response = redirect(tracking.tracking_path(token) + "#mise-a-jour")
    response["Referrer-Policy"] = "same-origin"
    return response


def start_view(request, token):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    submission = _submission_or_404(token)
    try:
        update, update_token = updates.start_update(submission)
    except TransitionError as error:
        messages.error(request, str(error))
        return _back(token)
    # The draft's own link, by email too, so that it can be resumed later.
    entry = ModelLogEntry.objects.for_instance(update).latest("pk")
    notifications.draft_saved(update, entry, previous_email="")
    messages.success(
        request,
        "Voici votre mise à jour, pré-remplie avec le texte publié : modifiez ce "
        "qui a changé, puis envoyez-la. Son lien vous a été envoyé par courriel.",
    )
    response = redirect(tracking.tracking_path(update_token))
    response["Referrer-Policy"] = "same-origin"
    return response


def close_view(request, token):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    submission = _submission_or_404(token)
    try:
        updates.close_experience(submission, request.POST.get("closure", ""))
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Merci : la fiche publiée l'indique désormais.")
    return _back(token)
