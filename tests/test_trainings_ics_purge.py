"""The .ics files, parsed back with icalendar, and the purge of registrations."""

import datetime
import zoneinfo

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from icalendar import Calendar

from core.models import OutboxEmail
from tests import trainings_support as ts
from trainings.models import Registration, TrainingSessionPage

pytestmark = pytest.mark.django_db
ONLINE_URL = "https://visio.example.org/salle-secrete"


def event_of(data):
    [event] = Calendar.from_ical(data).walk("VEVENT")
    return event


def test_the_public_ics_has_the_place_and_a_link_back(client, site_tree):
    session = ts.session(ts.cycle())
    response = client.get(session.url + "ics/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    event = event_of(response.content)
    assert str(event["SUMMARY"]) == session.title
    assert str(event["LOCATION"]) == "IREV, 165 rue de la Pointe, 59000 Lille"
    assert str(event["URL"]) == "http://testserver" + session.url
    start = event.decoded("DTSTART")
    assert start == session.starts_at
    assert event.decoded("DTEND") == session.ends_at
    # Local time in Europe/Paris, with its VTIMEZONE for calendar software.
    paris = session.starts_at.astimezone(zoneinfo.ZoneInfo("Europe/Paris"))
    assert (
        f"DTSTART;TZID=Europe/Paris:{paris:%Y%m%dT%H%M%S}" in response.content.decode()
    )
    assert Calendar.from_ical(response.content).walk("VTIMEZONE")


def test_the_online_link_goes_only_to_registrants(
    client, site_tree, django_capture_on_commit_callbacks
):
    session = ts.session(ts.cycle(), online=True, online_url=ONLINE_URL, capacity=1)
    public = client.get(session.url + "ics/").content.decode()
    assert ONLINE_URL not in public
    assert ONLINE_URL not in client.get(session.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        confirmed, waiting = ts.enrol(session, 2)
    by_address = {email.to[0]: email for email in mail.outbox}
    attachment = by_address["personne1@example.org"].attachments[0][1]
    assert str(event_of(attachment)["LOCATION"]) == ONLINE_URL
    assert ONLINE_URL in by_address["personne1@example.org"].body
    assert ONLINE_URL not in by_address["personne2@example.org"].body
    assert not by_address["personne2@example.org"].attachments
    private = client.get(ts.links_path(confirmed.token) + "ics/")
    assert str(event_of(private.content)["LOCATION"]) == ONLINE_URL
    assert private["Cache-Control"].count("no-store")
    waiting_ics = client.get(ts.links_path(waiting.token) + "ics/").content.decode()
    assert ONLINE_URL not in waiting_ics


def _move(session, days_ago):
    starts = timezone.now() - datetime.timedelta(days=days_ago)
    TrainingSessionPage.objects.filter(pk=session.pk).update(
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=3)
    )


def test_purge_erases_registrations_a_year_after_the_session(
    site_tree, django_capture_on_commit_callbacks, settings
):
    settings.TRAINING_RETENTION_MONTHS = 12
    cycle = ts.cycle()
    old = ts.session(cycle, "Il y a treize mois", capacity=2)
    recent = ts.session(cycle, "Il y a onze mois")
    with django_capture_on_commit_callbacks(execute=True):
        ts.enrol(old, 3)
        ts.enrol(recent, 1, start=10)
    old.registrations.filter(number=1).update(attended=True)
    _move(old, 396)
    _move(recent, 335)
    old_ids = [str(pk) for pk in old.registrations.values_list("pk", flat=True)]
    assert OutboxEmail.objects.filter(object_id__in=old_ids).exists()

    call_command("purge_personal_data")

    assert not Registration.objects.filter(session=old).exists()
    assert Registration.objects.filter(session=recent).count() == 1
    assert not OutboxEmail.objects.filter(
        object_id__in=old_ids, template__startswith="training_"
    ).exists()
    old = TrainingSessionPage.objects.get(pk=old.pk)
    assert (old.kept_registered_count, old.kept_attended_count) == (2, 1)
    assert not any(
        "personne1@example.org" in str(row)
        for row in OutboxEmail.objects.values_list("object_id", "key")
    )


def test_purge_dry_run_changes_nothing(site_tree):
    session = ts.session(ts.cycle())
    ts.enrol(session, 2)
    _move(session, 400)
    call_command("purge_personal_data", "--dry-run")
    assert Registration.objects.filter(session=session).count() == 2
