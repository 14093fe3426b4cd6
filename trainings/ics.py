"""A session as an iCalendar event (RFC 5545): its times, its place and a URL
back to its page. The online link goes only into the registrants' copy."""

from django.conf import settings
from django.utils import timezone

from icalendar import Calendar, Event

PRODID = "-//Recueil//Formations//FR"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def page_url(session, base_url=None):
    base = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    return base + session.url


def session_calendar(session, *, base_url=None, private=False):
    """The bytes of a calendar holding ``session``; ``private``: the copy of a
    registrant, with the online link."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    host = (base_url or settings.WAGTAILADMIN_BASE_URL).split("//")[-1].strip("/")
    event.add("uid", f"seance-{session.pk}@{host or 'recueil'}")
    event.add("dtstamp", timezone.now())
    # Local times with their Europe/Paris time zone (a VTIMEZONE is added).
    event.add("dtstart", timezone.localtime(session.starts_at))
    event.add("dtend", timezone.localtime(session.ends_at))
    event.add("summary", session.title)
    url = page_url(session, base_url)
    event.add("url", url)
    lines = [session.summary] if session.summary else []
    if session.online:
        location = "En ligne"
        if private and session.online_url:
            location = session.online_url
            lines.append(f"Lien de connexion : {session.online_url}")
        else:
            lines.append("Le lien de connexion est envoyé aux personnes inscrites.")
    else:
        location = session.place_label()
    event.add("location", location)
    lines.append(f"Page de la séance : {url}")
    event.add("description", "\n\n".join(lines))
    if session.cancelled:
        event.add("status", "CANCELLED")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def filename(session):
    return f"{session.slug}.ics"
