"""send_session_reminders: the right people, each email once."""

import datetime

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from resources.models import EventRecapIndexPage, EventRecapPage
from tests import trainings_support as ts
from trainings import reminders
from trainings.constants import GROUP_ORGANISERS, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(site_tree, django_user_model):
    user = django_user_model.objects.create_user(
        username="organisatrice", email="organisatrice@example.org"
    )
    user.groups.add(Group.objects.get(name=GROUP_ORGANISERS))
    return user


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run ``action`` with its emails sent; return their (to, subject)."""

    def run(action, *args, **kwargs):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            action(*args, **kwargs)
        return sorted((", ".join(m.to), m.subject) for m in mail.outbox)

    return run


def recap(title="Synthèse santé"):
    index = EventRecapIndexPage.objects.get()
    page = EventRecapPage(
        title=title,
        kind="formation",
        date=timezone.localdate(),
        format="presentiel",
        organiser="IREV",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_registrants_are_reminded_48_hours_before_once(site_tree, sent):
    cycle = ts.cycle()
    tomorrow = ts.session(cycle, "Demain", days=1, capacity=2)
    later = ts.session(cycle, "Plus tard", days=5)
    ts.enrol(tomorrow, 3)  # two confirmed, one waiting
    ts.enrol(later, 1, start=10)
    emails = sent(reminders.run)
    assert emails == [
        ("personne1@example.org", "Rappel : Demain, " + emails[0][1].split(", ", 1)[1]),
        ("personne2@example.org", "Rappel : Demain, " + emails[1][1].split(", ", 1)[1]),
    ]
    reminder = mail.outbox[0]
    assert reminder.attachments[0][0].endswith(".ics")
    assert sent(reminders.run) == []
    assert sent(call_command, "send_session_reminders") == []


def test_organisers_hear_at_80_and_100_percent_once(organiser, sent):
    session = ts.session(ts.cycle(), capacity=5)
    assert sent(ts.enrol, session, 3) == [
        (f"personne{n}@example.org", f"Inscription confirmée : {session.title}")
        for n in (1, 2, 3)
    ]
    emails = sent(ts.enrol, session, 1, start=4)
    assert (
        "organisatrice@example.org",
        f"Séance remplie à 80 % : {session.title}",
    ) in emails
    emails = sent(ts.enrol, session, 2, start=5)
    organiser_emails = [e for e in emails if e[0] == "organisatrice@example.org"]
    assert organiser_emails == [
        ("organisatrice@example.org", f"Séance complète : {session.title}")
    ]
    assert sent(reminders.run) == []


def test_organisers_are_asked_for_the_synthesis_3_and_7_days_after(organiser, sent):
    cycle = ts.cycle()
    three = ts.session(cycle, "Il y a trois jours", days=-3.2)
    seven = ts.session(cycle, "Il y a sept jours", days=-7.2)
    done = ts.session(cycle, "Avec synthèse", days=-3.2, synthesis=recap())
    yesterday = ts.session(cycle, "Hier", days=-1)
    emails = sent(reminders.run)
    assert emails == [
        ("organisatrice@example.org", f"Synthèse attendue : {seven.title}"),
        ("organisatrice@example.org", f"Synthèse attendue : {three.title}"),
    ]
    assert done.title not in str(emails)
    assert sent(reminders.run) == []
    # Four days later, the session of three days ago is seven days old.
    later = timezone.now() + datetime.timedelta(days=4)
    emails = sent(reminders.run, now=later)
    assert emails == [
        ("organisatrice@example.org", f"Synthèse attendue : {yesterday.title}"),
        ("organisatrice@example.org", f"Synthèse attendue : {three.title}"),
    ]


def test_attendees_get_the_published_synthesis_once(site_tree, sent):
    session = ts.session(ts.cycle(), days=1)
    first, second, third = ts.enrol(session, 3)
    session.starts_at = timezone.now() - datetime.timedelta(days=2)
    session.ends_at = session.starts_at + datetime.timedelta(hours=3)
    session.registrations.filter(pk=first.registration.pk).update(attended=True)
    session.registrations.filter(pk=second.registration.pk).update(attended=False)
    synthesis = recap()
    synthesis.unpublish()
    session.synthesis = synthesis
    session.save_revision().publish()
    assert [e for e in sent(reminders.run) if "Synthèse publiée" in e[1]] == []
    synthesis.save_revision().publish()
    emails = sent(reminders.run)
    assert emails == [("personne1@example.org", f"Synthèse publiée : {session.title}")]
    assert synthesis.get_url() in mail.outbox[0].body
    assert sent(reminders.run) == []
    assert (
        session.registrations.get(pk=third.registration.pk).status == Status.CONFIRMED
    )


def test_a_cancelled_session_tells_every_registrant_once(site_tree, sent):
    session = ts.session(ts.cycle(), capacity=1)
    ts.enrol(session, 2)
    session.cancelled = True
    emails = sent(session.save_revision().publish)
    assert emails == [
        ("personne1@example.org", f"Séance annulée : {session.title}"),
        ("personne2@example.org", f"Séance annulée : {session.title}"),
    ]
    assert sent(session.save_revision().publish) == []
    assert sent(reminders.run) == []
