"""The queue's bulk actions in the admin: the rows ticked in the queue and
the action chosen are posted here, a confirmation page lists what will be
done (and to which submissions it does not apply), then the confirmed post
runs ``bulk_moderation.run``. POST only, CSRF-protected, the same permission
as the single actions (``admin_views.can_moderate``)."""

from django import forms
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin import messages

from experiences import bulk_moderation
from experiences.admin_views import can_moderate, forbidden, sent_submissions
from experiences.moderation import NOTE_REQUIRED
from experiences.permissions import moderators

QUEUE_URL_NAME = "contributions_modeladmin_index"


class BulkForm(forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("Action"), choices=list(bulk_moderation.LABELS.items())
    )
    assignee = forms.ModelChoiceField(
        label=gettext_lazy("Attribuer à"),
        queryset=get_user_model().objects.none(),
        required=False,
    )
    message = forms.CharField(
        label=gettext_lazy("Motif du refus, envoyé à chaque personne"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    note = forms.CharField(
        label=gettext_lazy("Note interne, jamais montrée aux personnes"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = moderators().order_by("username")
        self.fields["assignee"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == "assign" and not cleaned.get("assignee"):
            self.add_error("assignee", _("Choisissez la personne à qui attribuer."))
        if action == "decline" and not cleaned.get("message", "").strip():
            self.add_error(
                "message", _("Un motif est obligatoire : il est envoyé à chacune.")
            )
        if action in ("decline", "mark_spam") and not cleaned.get("note", "").strip():
            self.add_error("note", NOTE_REQUIRED)
        return cleaned


def _selection(post):
    ids = [int(v) for v in post.getlist("ids") if v.isdigit()]
    ids = list(dict.fromkeys(ids))[: bulk_moderation.MAX_SELECTION]
    return list(sent_submissions().filter(pk__in=ids).select_related("assigned_to"))


def _expected(post, submissions):
    return {s.pk: post.get(f"expected-{s.pk}", "") for s in submissions}


@require_POST
def bulk_action(request):
    user = request.user
    if not can_moderate(user):
        return forbidden(request)
    post = request.POST
    submissions = _selection(post)
    if not submissions:
        messages.error(request, _("Cochez au moins une contribution."))
        return redirect(QUEUE_URL_NAME)
    form = BulkForm(post if "confirm" in post else None, initial=post.dict())
    if post.get("action") not in bulk_moderation.ACTIONS:
        messages.error(request, _("Choisissez une action."))
        return redirect(QUEUE_URL_NAME)
    action = post["action"]
    if "confirm" in post and form.is_valid():
        outcome = bulk_moderation.run(
            action,
            submissions,
            user,
            expected=_expected(post, submissions),
            assignee=form.cleaned_data.get("assignee"),
            message=form.cleaned_data.get("message", "").strip(),
            note=form.cleaned_data.get("note", "").strip(),
        )
        _report(request, action, outcome)
        return redirect(QUEUE_URL_NAME)
    rows = [
        {"submission": s, "applies": bulk_moderation.applies_to(action, s)}
        for s in submissions
    ]
    return TemplateResponse(
        request,
        "experiences/admin/bulk_confirm.html",
        {
            "form": form,
            "action": action,
            "action_label": bulk_moderation.LABELS[action],
            "rows": rows,
            "applicable": sum(row["applies"] for row in rows),
        },
    )


def _report(request, action, outcome):
    label = bulk_moderation.LABELS[action]
    if outcome.done:
        messages.success(
            request,
            _("« %(action)s » : %(count)s contribution(s) traitée(s) (%(refs)s).")
            % {
                "action": label,
                "count": len(outcome.done),
                "refs": ", ".join(s.reference or str(s.pk) for s in outcome.done),
            },
        )
    for submission, reason in outcome.refused:
        messages.error(
            request,
            _("%(ref)s : %(reason)s")
            % {"ref": submission.reference or submission.pk, "reason": reason},
        )
