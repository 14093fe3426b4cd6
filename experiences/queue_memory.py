"""The moderation queue remembers its filters per user: the last query string
a user opened the queue with is kept in their session; opening the queue
without parameters takes them back to it, « réinitialiser » forgets it."""

from urllib.parse import urlencode, urlsplit

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
    stored = dict(request.session.get(SESSION_KEY) or {})
    key = str(request.user.pk)
    if stored.get(key, "") == query:
        return  # unchanged: the session is not written again
    if query:
        stored[key] = query
    else:
        stored.pop(key, None)
    request.session[SESSION_KEY] = stored


def recall(request):
    """The query string to send a bare visit to, or ""."""
    stored = request.session.get(SESSION_KEY) or {}
    return stored.get(str(request.user.pk), "")


def follow(request):
    """Where a GET of the queue should go instead, or None: a bare visit from
    elsewhere (the menu) goes back to the user's last filters; a bare visit
    from the queue itself (its last filter cleared) forgets them; the reset
    link forgets them too. Any other visit is remembered."""
    if RESET in request.GET:
        forget(request)
        return request.path
    if request.GET:
        if "export" not in request.GET:
            remember(request)
        return None
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.path == request.path:
        forget(request)
        return None
    stored = recall(request)
    return f"{request.path}?{stored}" if stored else None


def forget(request):
    stored = dict(request.session.get(SESSION_KEY) or {})
    if stored.pop(str(request.user.pk), None) is not None:
        request.session[SESSION_KEY] = stored
