"""Small builders for the training tests: a cycle, its sessions, registrants."""

import datetime

from django.utils import timezone

from trainings.links import registration_path
from trainings.models import TrainingCyclePage, TrainingIndexPage, TrainingSessionPage
from trainings.registration import register


def cycle(title="Master class citoyenne"):
    index = TrainingIndexPage.objects.get()
    page = TrainingCyclePage(title=title, intro="Douze séances de travail.")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def session(parent, title="Séance santé", *, days=10, capacity=25, **fields):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    values = {
        "kind": "thematique",
        "theme": "sante",
        "sector": "littoral",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=3),
        "venue": "IREV",
        "address": "165 rue de la Pointe, 59000 Lille",
        "capacity": capacity,
        **fields,
    }
    page = TrainingSessionPage(title=title, **values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def person(number, **overrides):
    return {
        "first_name": f"Prénom{number}",
        "last_name": f"Nom{number}",
        "email": f"personne{number}@example.org",
        "phone": "",
        "role": "conseiller-citoyen",
        "organisation": "Conseil citoyen du Faubourg",
        "territory": "Roubaix" if number % 2 else "Dunkerque",
        "needs": "",
        "transport": "transports-en-commun",
        **overrides,
    }


def enrol(page, count, start=1):
    return [register(page, person(n)) for n in range(start, start + count)]


def links_path(token):
    return registration_path(token)


def register_one(page, number, **overrides):
    return register(page, person(number, **overrides))
