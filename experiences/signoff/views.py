"""The contributor's sign-off page, under their private link:
``/suivi/<token>/accord/``."""

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control

from experiences import tracking
from experiences.models import Submission
from experiences.models.signoff import tacit_delay
from experiences.signoff import comparison, service
from experiences.signoff.events import signoff_path

TEMPLATE = "experiences/signoff/signoff.html"


def _private(response):
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The token is in the address: never sent to another site.
    response["Referrer-Policy"] = "same-origin"
    return response


def _submission_or_404(token):
    submission = Submission.for_token(token) if token else None
    if submission is None or submission.personal_data_purged_at:
        raise Http404
    return submission


def tracking_context(submission):
    """What the tracking page says about the sign-off (its include)."""
    state = service.pending_state(submission)
    return {
        "signoff": {
            "pending": state is not None,
            "url": signoff_path(submission) if state is not None else "",
            "history": service.history(submission),
        }
    }


def signoff_view(request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    submission = _submission_or_404(token)
    state = service.pending_state(submission)
    error, message = "", ""
    if request.method == "POST":
        action = request.POST.get("action")
        message = request.POST.get("message", "")
        state_id = request.POST.get("task_state", "")
        try:
            if not state_id.isdigit():
                raise service.SignoffError("Formulaire incomplet : rechargez la page.")
            if action == "approve":
                service.approve(submission, int(state_id))
                messages.success(
                    request, "Merci ! Vous avez validé la fiche : elle va être publiée."
                )
            elif action == "reject":
                service.reject(submission, int(state_id), message)
                messages.success(
                    request,
                    "Votre demande de correction est transmise à l'équipe éditoriale. "
                    "Vous recevrez un courriel quand la fiche corrigée sera prête.",
                )
            else:
                raise service.SignoffError("Action inconnue : rechargez la page.")
        except service.SignoffError as refused:
            error = str(refused)
        else:
            return _private(redirect(request.path))
    context = {
        "submission": submission,
        "state": state,
        "error": error,
        "message": message,
        "history": service.history(submission),
        "tracking_path": tracking.tracking_path(token),
    }
    if state is not None:
        sheet = state.revision.as_object()
        context.update(
            rows=comparison.compare_sheet(submission, sheet),
            photos_and_documents=comparison.public_files(sheet),
            tacit_date=(state.started_at + tacit_delay()).date(),
        )
    status = 400 if error and request.method == "POST" else 200
    return _private(render(request, TEMPLATE, context, status=status))
