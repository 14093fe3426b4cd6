"""The contribution form while the database is down: 503, with a Retry-After,
and the form shown again as typed (see ``contribution.views``).

The page is rendered as usual when its frame (menu, footer) can still be read
from the cache; otherwise a plain page that needs no database holds the form.
"""

from django.db import DatabaseError
from django.template.response import TemplateResponse

RETRY_AFTER_SECONDS = 60
PLAIN_TEMPLATE = "experiences/contribution/unavailable.html"


def render(request, call, template, context):
    try:
        response = call.render(request, template=template, context_overrides=context)
        response.render()
    except DatabaseError:
        response = TemplateResponse(request, PLAIN_TEMPLATE, {"page": call, **context})
        response.render()
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
