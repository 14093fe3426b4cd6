"""The moderation queue remembers its filters per user: the last query string
a user opened the queue with is kept in a cookie signed for that user (no
database write, so the queue's page keeps its query count; another account
in the same browser cannot read it: the signature fails). Opening the queue
from elsewhere without parameters takes the user back to it; « réinitialiser »
forgets it."""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.urls import reverse

COOKIE = "recueil_file"
RESET = "reinitialiser"
MAX_AGE = 60 * 60 * 24 * 30
MAX_LENGTH = 1000
# Not filters: the page number, the export buttons' parameter.
IGNORED = ("p", "export", RESET)
UNCHANGED = object()


def _salt(request):
    return f"recueil.queue-filters.{request.user.pk}"


def _query(params):
    pairs = [
        (key, value)
        for key in params
        if key not in IGNORED
        for value in params.getlist(key)
    ]
    return urlencode(pairs)[:MAX_LENGTH]


def recall(request):
    """The user's last filters (a query string), or ""."""
    return request.get_signed_cookie(COOKIE, default="", salt=_salt(request))


def decide(request):
    """(where to redirect or None, what to store: a query string, "" to
    forget, or UNCHANGED). A bare visit from the queue itself (its last
    filter cleared) forgets the filters instead of bringing them back."""
    if RESET in request.GET:
        return request.path, ""
    if request.GET:
        if "export" in request.GET:
            return None, UNCHANGED
        query = _query(request.GET)
        return None, UNCHANGED if query == recall(request) else query
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.path == request.path:
        return None, "" if recall(request) else UNCHANGED
    stored = recall(request)
    return (f"{request.path}?{stored}" if stored else None), UNCHANGED


def store(response, request, query):
    path = reverse("contributions_modeladmin_index")
    if query is UNCHANGED:
        return response
    if not query:
        response.delete_cookie(COOKIE, path=path)
        return response
    response.set_signed_cookie(
        COOKIE,
        query,
        salt=_salt(request),
        max_age=MAX_AGE,
        path=path,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response
