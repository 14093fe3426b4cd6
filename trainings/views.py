"""The public views of a session (its page with the registration form, its
.ics) and a registrant's private page."""

import secrets

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from core.antiabuse import HONEYPOT_FIELD, BotTrap
from trainings import ics, links
from trainings import registration as service
from trainings.constants import Status
from trainings.forms import ChangeForm, RegistrationForm
from trainings.models import Registration

TRAP = BotTrap("training-registration")
NONCE_FIELD = "form_nonce"


def _private(response):
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    # The token never leaves the site in a Referer; "no-referrer" would also
    # make the browser send "Origin: null" with the page's own forms (CSRF).
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _origin(request):
    return f"{request.scheme}://{request.get_host()}"


def _form_context(form, nonce):
    return {
        "form": form,
        "nonce": nonce,
        "rendered_at": TRAP.rendered_at_token(nonce),
        "honeypot_field": HONEYPOT_FIELD,
    }


def session_page(request, session):
    nonce = secrets.token_urlsafe(16)
    form = RegistrationForm()
    extra = {}
    if request.method == "POST":
        posted_nonce = request.POST.get(NONCE_FIELD, "")[:64]
        form = RegistrationForm(request.POST)
        if not session.accepts_registrations():
            extra["closed_now"] = True
        elif TRAP.is_refused(request, posted_nonce):
            extra["refused"] = True
        elif form.is_valid():
            try:
                outcome = service.register(session, form.registration_data())
            except service.RegistrationClosed:
                extra["closed_now"] = True
            else:
                if outcome.created:
                    target = links.registration_path(outcome.token)
                    return _private(redirect(target + "?nouvelle=1"))
                extra["already_registered"] = True
                form = RegistrationForm()
        if form.errors:
            form.mark_errors()
    context = {**_form_context(form, nonce), **extra}
    response = session.render(request, context_overrides=context)
    if request.method == "POST":
        _private(response)
    return response


def public_ics(request, session):
    response = HttpResponse(
        ics.session_calendar(session, base_url=_origin(request)),
        content_type=ics.CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{ics.filename(session)}"'
    return response


def _registration(token):
    registration = Registration.for_token(token)
    if registration is None or not registration.session.live:
        raise Http404
    return registration


def registration_page(request, index, token):
    registration = _registration(token)
    change_form = ChangeForm(instance=registration)
    notice = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "annuler":
            service.cancel(registration)
            notice = "cancelled"
        elif action == "confirmer":
            notice = "claimed" if service.claim(registration) else "claim_failed"
        elif action == "modifier":
            change_form = ChangeForm(request.POST, instance=registration)
            if change_form.is_valid():
                service.change(registration, change_form.cleaned_data)
                notice = "changed"
            else:
                change_form.mark_errors()
        if notice:
            return _private(redirect(f"{request.path}?fait={notice}"))
    registration.refresh_from_db()
    session = registration.session
    context = {
        "page": index,
        "registration": registration,
        "session": session,
        "position": registration.waiting_position(),
        "private_url": links.registration_url(token, _origin(request)),
        "ics_url": request.path + "ics/",
        "change_form": change_form,
        "is_new": request.GET.get("nouvelle") == "1",
        "done": request.GET.get("fait", ""),
        "Status": Status,
    }
    response = TemplateResponse(request, "trainings/registration_page.html", context)
    return _private(response)


def registration_ics(request, index, token):
    registration = _registration(token)
    private = registration.status == Status.CONFIRMED
    response = HttpResponse(
        ics.session_calendar(
            registration.session, base_url=_origin(request), private=private
        ),
        content_type=ics.CONTENT_TYPE,
    )
    filename = ics.filename(registration.session)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)
