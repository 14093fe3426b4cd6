"""Captions and photo credits of a contribution's files, set by the contributor
on their private tracking page while the submission is still open.

The contribution form takes files only (DESIGN.md, "The form's public
contract"); each file's caption and, for photos, its credit are added here
afterwards. Plain text only: templates escape it wherever it is shown.
"""

import unicodedata

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from core import page_views
from experiences import completeness, uploads
from experiences.contribution.views import (
    private_link,
    submission_or_404,
    tracking_address,
    tracking_page,
)
from experiences.models import Submission, SubmissionAttachment
from experiences.states import Status as S

LOG_ACTION = "recueil.submission.attachments"
# Open submissions: the contributor may still describe their files.
CAPTION_STATES = (S.DRAFT, S.RECEIVED, S.IN_REVIEW, S.CHANGES_REQUESTED)
MAX_LENGTH = SubmissionAttachment._meta.get_field("caption").max_length
TYPE_LABELS = {t.content_type: t.label for t in uploads.ACCEPTED_TYPES}


def plain_line(value):
    """One line of plain text: whitespace runs become one space, other control
    characters are dropped."""
    value = " ".join(value.split())
    return "".join(c for c in value if unicodedata.category(c) != "Cc")


def caption_name(attachment):
    return f"caption-{attachment.pk}"


def credit_name(attachment):
    return f"credit-{attachment.pk}"


def is_photo(attachment):
    return attachment.kind == SubmissionAttachment.Kind.IMAGE


class CaptionsForm(forms.Form):
    """One caption per file and one credit per photo, named ``caption-<id>``
    and ``credit-<id>`` (as in the moderation view)."""

    def __init__(self, *args, attachments, **kwargs):
        super().__init__(*args, **kwargs)
        self.attachments = list(attachments)
        for attachment in self.attachments:
            self.fields[caption_name(attachment)] = forms.CharField(
                label=_("Légende"),
                max_length=MAX_LENGTH,
                required=False,
                initial=attachment.caption,
                help_text=_(
                    "Facultatif. %(max)s caractères au plus. Ce que montre ou "
                    "contient le fichier."
                )
                % {"max": MAX_LENGTH},
            )
            if is_photo(attachment):
                self.fields[credit_name(attachment)] = forms.CharField(
                    label=_("Crédit photo"),
                    max_length=MAX_LENGTH,
                    required=False,
                    initial=attachment.credit,
                    help_text=_(
                        "Facultatif. %(max)s caractères au plus. Qui a pris la "
                        "photo, par exemple « Photo : Camille Durand »."
                    )
                    % {"max": MAX_LENGTH},
                )

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            cleaned[name] = plain_line(value or "")
        return cleaned

    def items(self):
        """What the template shows for each file: the file and its fields."""
        for attachment in self.attachments:
            fields = [self[caption_name(attachment)]]
            if is_photo(attachment):
                fields.append(self[credit_name(attachment)])
            for bound in fields:
                css = "fr-input fr-input--error" if bound.errors else "fr-input"
                bound.field.widget.attrs["class"] = css
            yield {
                "attachment": attachment,
                "type_label": TYPE_LABELS.get(attachment.content_type, ""),
                "fields": fields,
            }

    def changes(self):
        """(attachment, caption, credit) for each file whose text changed.

        A file missing from the post (added since the form was shown) is left
        alone; a document never gets a credit.
        """
        changed = []
        for attachment in self.attachments:
            if caption_name(attachment) not in self.data:
                continue
            caption = self.cleaned_data[caption_name(attachment)]
            credit = attachment.credit
            if is_photo(attachment) and credit_name(attachment) in self.data:
                credit = self.cleaned_data[credit_name(attachment)]
            if (caption, credit) != (attachment.caption, attachment.credit):
                changed.append((attachment, caption, credit))
        return changed


def captions_form(submission, data=None):
    return CaptionsForm(data, attachments=submission.attachments.all())


def save(submission, form):
    """Store the changed captions and credits; return how many files changed.

    Runs in one transaction with the submission locked, so a moderator's
    decision taken meanwhile wins: a closed submission is left as it is.
    """
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if locked.status not in CAPTION_STATES:
            return None
        current = {a.pk: a for a in locked.attachments.all()}
        logged = []
        for attachment, caption, credit in form.changes():
            stored = current.get(attachment.pk)
            if stored is None:
                continue
            stored.caption = caption
            stored.credit = credit if is_photo(stored) else stored.credit
            stored.save(update_fields=["caption", "credit"])
            entry = {"id": stored.pk, "name": stored.original_name, "caption": caption}
            if is_photo(stored):
                entry["credit"] = stored.credit
            logged.append(entry)
        if logged:
            log(
                instance=locked,
                action=LOG_ACTION,
                user=None,
                data={"attachments": logged},
            )
            completeness.refresh(locked)
    return len(logged)


@page_views.register("experiences.captions")
def captions_view(request, call, token):
    """POST only: save the captions, or show the tracking page with the errors."""
    # A wrong token is a plain 404, whatever the method.
    submission = submission_or_404(token)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    back = private_link(redirect(tracking_address(call, token)))
    closed_message = _(
        "Cette contribution n'est plus en cours : les légendes et crédits de ses "
        "fichiers ne peuvent plus être modifiés."
    )
    if submission.status not in CAPTION_STATES:
        messages.error(request, closed_message)
        return back

    form = captions_form(submission, request.POST)
    if form.is_valid():
        changed = save(submission, form)
        if changed is None:
            messages.error(request, closed_message)
        elif changed:
            messages.success(
                request, _("Les légendes et crédits de vos fichiers sont enregistrés.")
            )
        else:
            messages.info(request, _("Aucune modification à enregistrer."))
        return back

    messages.error(
        request,
        _(
            "Les légendes n'ont pas été enregistrées : corrigez les champs signalés "
            "dans la partie « Légendes et crédits des fichiers »."
        ),
    )
    # The tracking page as a visit shows it, with the typed text and errors.
    return tracking_page(request, call, submission, token, captions_form=form)
