"""The public list of sessions and its filters, plain GET parameters:
``secteur``, ``theme``, ``periode`` (``a-venir`` | ``passees``), ``places``."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F
from django.utils import timezone

from core.pagination import pagination_links, requested_page
from trainings.constants import Sector, Theme

PER_PAGE = 20
PERIODS = [("a-venir", "À venir"), ("passees", "Passées")]


def _value(request, name, allowed):
    value = request.GET.get(name, "")
    return value if value in allowed else ""


def filtered(request, sessions, now=None):
    now = now or timezone.now()
    chosen = {
        "secteur": _value(request, "secteur", Sector.values),
        "theme": _value(request, "theme", Theme.values),
        "periode": _value(request, "periode", dict(PERIODS)),
        "places": _value(request, "places", {"1"}),
    }
    if chosen["secteur"]:
        sessions = sessions.filter(sector=chosen["secteur"])
    if chosen["theme"]:
        sessions = sessions.filter(theme=chosen["theme"])
    if chosen["periode"] == "a-venir":
        sessions = sessions.filter(ends_at__gte=now)
    elif chosen["periode"] == "passees":
        sessions = sessions.filter(ends_at__lt=now).order_by("-starts_at", "pk")
    if chosen["places"]:
        sessions = sessions.filter(
            seats_held__lt=F("capacity"), cancelled=False, starts_at__gt=now
        ).exclude(registration_closes_at__lte=now)
    return sessions, chosen


def session_listing(request, sessions):
    sessions, chosen = filtered(request, sessions)
    paginator = Paginator(sessions, PER_PAGE)
    page = requested_page(paginator, request.GET.get("page"))
    query = {name: value for name, value in chosen.items() if value}

    def url_for(number):
        return "?" + urlencode({**query, "page": number})

    return {
        "sessions": page.object_list if page else [],
        "session_page": page,
        "pagination": pagination_links(page, url_for),
        "filters": chosen,
        "filtered": bool(query),
        "sector_choices": Sector.choices,
        "theme_choices": Theme.choices,
        "period_choices": PERIODS,
        "now": timezone.now(),
    }
