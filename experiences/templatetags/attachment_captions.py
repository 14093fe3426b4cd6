"""The captions form of the contributor's tracking page."""

from django import template

from experiences import captions

register = template.Library()


@register.inclusion_tag("experiences/contribution/captions.html", takes_context=True)
def attachment_captions_form(context):
    """The files of an open submission with their caption (and credit) fields;
    after an invalid post, the posted form with its errors."""
    request = context.get("request")
    submission = context.get("submission")
    page = context.get("page")
    token = context.get("token")
    if submission is None or page is None or not token:
        return {"form": None}
    if submission.status not in captions.CAPTION_STATES:
        return {"form": None}
    form = context.get("captions_form")
    if form is None:
        form = captions.captions_form(submission)
    if not form.attachments:
        return {"form": None}
    return {
        "form": form,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "action": page.url + page.reverse_subpage("captions", args=[token]),
        "draft_form_shown": bool(context.get("form")),
    }
