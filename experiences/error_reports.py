"""« Signaler une erreur »: a reader's short message about a published sheet.

The form sits at the end of the sheet, which anonymous visitors get from the
page cache: it therefore carries no CSRF token (one would make every sheet
uncacheable) and its view is CSRF-exempt. A report changes nothing for anyone's
session; what guards it is the contribution form's bot trap (a hidden field, a
signed timestamp accepted once, a per-client limit of posts, see
``core.antiabuse``) under a scope of its own. A timestamp served from the cache
may already have been used by another reader: the post is then shown again on
this view's own page, everything typed kept, with a fresh timestamp. A refused
or invalid post never loses what was typed.
"""

import secrets

from django import forms
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.antiabuse import HONEYPOT_FIELD, BotTrap
from experiences.models import ErrorReport, ExperiencePage
from experiences.models.error_reports import MESSAGE_MAX_LENGTH

TRAP = BotTrap("error-report")
TEMPLATE = "experiences/error_report.html"
THANKS_TEMPLATE = "experiences/error_report_thanks.html"


class ErrorReportForm(forms.ModelForm):
    nonce = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ErrorReport
        fields = ["message", "email"]
        labels = {
            "message": "Votre message",
            "email": "Votre adresse électronique (facultatif)",
        }
        help_texts = {
            "message": (
                f"Quelle information est inexacte ou manque ? "
                f"{MESSAGE_MAX_LENGTH} caractères au plus."
            ),
            "email": (
                "Seulement si vous souhaitez une réponse ; elle est effacée "
                "après quelques mois. Format attendu : nom@domaine.fr"
            ),
        }
        error_messages = {
            "message": {
                "required": "Écrivez votre message : quelle erreur avez-vous vue ?",
                "max_length": (
                    f"Votre message dépasse {MESSAGE_MAX_LENGTH} caractères "
                    "(%(show_value)d) : raccourcissez-le, s'il vous plaît."
                ),
            },
            "email": {
                "invalid": (
                    "Cette adresse électronique n'est pas valide : vérifiez-la "
                    "(format attendu : nom@domaine.fr) ou laissez le champ vide."
                ),
            },
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}


def form_context(form=None, *, refused=False):
    """What the form's template needs: a fresh nonce and its signed timestamp."""
    nonce = secrets.token_urlsafe(16)
    if form is None:
        form = ErrorReportForm(initial={"nonce": nonce})
    else:
        form.data = form.data.copy()
        form.data["nonce"] = nonce
    return {
        "report_form": form,
        "report_rendered_at": TRAP.rendered_at_token(nonce),
        "report_honeypot": HONEYPOT_FIELD,
        "report_refused": refused,
    }


def _page(page_id):
    page = ExperiencePage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


def _private(response):
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
def report_view(request, page_id):
    page = _page(page_id)
    if request.method == "GET":
        context = form_context()
        return _private(render(request, TEMPLATE, {"page": page, **context}))
    form = ErrorReportForm(request.POST)
    refused = TRAP.is_refused(request, request.POST.get("nonce", ""))
    if refused or not form.is_valid():
        context = form_context(form, refused=refused)
        status = 200 if refused else 400
        return _private(
            render(request, TEMPLATE, {"page": page, **context}, status=status)
        )
    report = form.save(commit=False)
    report.page = page
    report.save()
    return redirect(reverse("error_report_thanks", args=[page.pk]))


def thanks_view(request, page_id):
    page = _page(page_id)
    return _private(render(request, THANKS_TEMPLATE, {"page": page}))
