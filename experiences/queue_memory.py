"""The moderation queue remembers its filters per user: the last query string
a user opened the queue with is kept in their session; opening the queue
without parameters takes them back to it, « réinitialiser » forgets it."""

from urllib.parse import urlencode

SESSION_KEY = "recueil.queue_filters"
RESET = "reinitialiser"
# Not filters: the page number, the export buttons' parameter.
IGNORED = ("p", "export", RESET)


def _query(params):
    pairs = [
        (key, value)
        for key in params
        if key not in IGNORED
        for value in params.getlist(key)
    ]
    return urlencode(pairs)


def remember(request):
    """Store the filters of this visit, keyed by the user (a session shared
    by two accounts in turn never hands one's filters to the other)."""
    query = _query(request.GET)
    stored = request.session.get(SESSION_KEY) or {}
    if query:
        stored[str(request.user.pk)] = query
    else:
        stored.pop(str(request.user.pk), None)
    request.session[SESSION_KEY] = stored


def recall(request):
    """The query string to send a bare visit to, or ""."""
    stored = request.session.get(SESSION_KEY) or {}
    return stored.get(str(request.user.pk), "")


def forget(request):
    stored = request.session.get(SESSION_KEY) or {}
    stored.pop(str(request.user.pk), None)
    request.session[SESSION_KEY] = stored
