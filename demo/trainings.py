"""The IREV master class of seed 003 (demo/data/trainings.toml): the cycle, its
twelve sessions dated around today, their registrants (through the same
service as the public form, so the waiting list is the real one), the
attendance of the past sessions and their synthesis (recap pages)."""

import datetime
import itertools

from django.utils import timezone

from demo.content import read
from demo.text import html
from resources.models import EventRecapIndexPage, EventRecapPage
from trainings import registration
from trainings.models import (
    SessionSpeaker,
    TrainingCyclePage,
    TrainingIndexPage,
    TrainingSessionPage,
)

FIRST_NAMES = [
    "Amina", "Bernard", "Chantal", "Dylan", "Fatou", "Gérard", "Habiba", "Inès",
    "Jordan", "Khadija", "Laurent", "Malika", "Nicolas", "Océane", "Patrick",
    "Rachida", "Samuel", "Sylvie", "Yasmine", "Zoé",
]  # fmt: skip
LAST_NAMES = [
    "Benali", "Carpentier", "Delcourt", "Diallo", "Dubois", "Haddou", "Lemaire",
    "Martin", "Mercier", "Petit", "Roussel", "Vasseur",
]  # fmt: skip
TERRITORIES = {
    "littoral": ["Dunkerque", "Grande-Synthe", "Gravelines", "Coudekerque-Branche"],
    "metropole-europeenne-de-lille": ["Roubaix", "Tourcoing", "Lille", "Wattrelos"],
    "douaisis-valenciennois": ["Douai", "Valenciennes", "Denain", "Sin-le-Noble"],
    "cambresis-sambre-avesnois": ["Maubeuge", "Cambrai", "Hautmont", "Jeumont"],
    "nord": ["Roubaix", "Dunkerque", "Valenciennes", "Maubeuge", "Lille", "Douai"],
}
ROLES = ["conseiller-citoyen"] * 4 + ["professionnel", "elu", "autre"]
TRANSPORTS = ["transports-en-commun", "voiture", "covoiturage", "velo-marche", ""]
NEEDS = ["", "", "", "", "Accès en fauteuil roulant", "Garde d'enfant", ""]


def data():
    return read("trainings")


def _local(day, time):
    return timezone.make_aware(datetime.datetime.combine(day, time))


def _people(sector):
    names = itertools.product(LAST_NAMES, FIRST_NAMES)
    territories = itertools.cycle(TERRITORIES[sector])
    for number, (last, first) in enumerate(names):
        yield {
            "first_name": first,
            "last_name": last,
            "email": f"{first}.{last}.{number}@example.org".lower(),
            "phone": "",
            "role": ROLES[number % len(ROLES)],
            "organisation": "Conseil citoyen du quartier",
            "territory": next(territories),
            "needs": NEEDS[number % len(NEEDS)],
            "transport": TRANSPORTS[number % len(TRANSPORTS)],
        }


def _session(spec, today):
    day = today + datetime.timedelta(days=spec["days"])
    page = TrainingSessionPage(
        title=spec["title"],
        slug=spec["slug"],
        kind=spec["kind"],
        theme=spec["theme"],
        sector=spec["sector"],
        starts_at=_local(day, spec["start"]),
        ends_at=_local(day, spec["end"]),
        summary=spec["summary"],
        programme=html(spec.get("programme", "")),
        venue=spec.get("venue", ""),
        address=spec.get("address", ""),
        online=spec.get("online", False),
        online_url=spec.get("online_url", ""),
    )
    if "opens_in_days" in spec:
        opens = today + datetime.timedelta(days=spec["opens_in_days"])
        page.registration_opens_at = _local(opens, datetime.time(9))
    page.speakers = [
        SessionSpeaker(name=name, trade=trade, organisation=organisation)
        for name, trade, organisation in spec["speakers"]
    ]
    return page


def _register(session, spec):
    """Register the demo people; a past session is registered for as it was
    ten days before it began."""
    now = timezone.now()
    if session.starts_at <= now:
        now = session.starts_at - datetime.timedelta(days=10)
    people = itertools.islice(_people(spec["sector"]), spec["registrants"])
    outcomes = [registration.register(session, person, now=now) for person in people]
    attended = spec.get("attended")
    if attended is not None:
        present = [o.registration.pk for o in outcomes[:attended]]
        registration.mark_attendance(session, present)


def _synthesis(loader, spec, session):
    synthesis = spec["synthesis"]
    existing = EventRecapPage.objects.filter(slug=synthesis["slug"]).first()
    if existing:
        return existing
    page = EventRecapPage(
        title=synthesis["title"],
        slug=synthesis["slug"],
        kind=EventRecapPage.Kind.TRAINING,
        date=timezone.localdate(session.starts_at),
        start_time=spec["start"],
        end_time=spec["end"],
        format=EventRecapPage.Format.IN_PERSON,
        place=session.place_label(),
        organiser=session.get_parent().specific.organiser,
        summary=synthesis["summary"],
        key_takeaways=html(synthesis["takeaways"]),
    )
    loader.publish_child(EventRecapIndexPage.objects.get(), page)
    loader.created["recaps"] += 1
    return page


def load(loader):
    """Create the cycle and its sessions where missing (idempotent)."""
    spec = data()
    if TrainingCyclePage.objects.filter(slug=spec["cycle"]["slug"]).exists():
        return
    cycle_spec = spec["cycle"]
    cycle = TrainingCyclePage(
        title=cycle_spec["title"],
        slug=cycle_spec["slug"],
        intro=cycle_spec["intro"],
        organiser=cycle_spec["organiser"],
        objectives=html(cycle_spec["objectives"]),
        audience=html(cycle_spec["audience"]),
    )
    loader.publish_child(TrainingIndexPage.objects.get(), cycle)
    loader.created["training_cycles"] += 1
    today = timezone.localdate()
    for session_spec in spec["session"]:
        session = loader.publish_child(cycle, _session(session_spec, today))
        _register(session, session_spec)
        if "synthesis" in session_spec:
            session.synthesis = _synthesis(loader, session_spec, session)
            session.save_revision().publish()
        loader.created["training_sessions"] += 1
        loader.created["registrations"] += session_spec["registrants"]
