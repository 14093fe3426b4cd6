"""Page types, the session's state, the public listing and its filters, the
recap linked both ways, private links out of the logs."""

import datetime

from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase

import pytest

from core.log_filters import mask_tokens
from home.models import HomePage
from home.setup import setup_site
from resources.models import EventRecapIndexPage, EventRecapPage
from tests import trainings_support as ts
from trainings.constants import SessionState
from trainings.models import (
    TrainingCyclePage,
    TrainingIndexPage,
    TrainingSessionPage,
)

pytestmark = pytest.mark.django_db


class TestPageTypes(WagtailPageTestCase):
    def test_the_tree(self):
        self.assertCanCreateAt(HomePage, TrainingIndexPage)
        self.assertAllowedSubpageTypes(TrainingIndexPage, {TrainingCyclePage})
        self.assertAllowedSubpageTypes(TrainingCyclePage, {TrainingSessionPage})
        self.assertAllowedSubpageTypes(TrainingSessionPage, set())
        self.assertCanNotCreateAt(HomePage, TrainingSessionPage)


def test_setup_site_creates_formations_once(site_tree):
    setup_site()
    [index] = TrainingIndexPage.objects.all()
    assert index.url == "/formations/"


def test_a_session_state_follows_dates_seats_and_cancellation(site_tree):
    cycle = ts.cycle()
    now = timezone.now()
    session = ts.session(cycle, capacity=2)
    assert session.state() == SessionState.OPEN
    ts.enrol(session, 2)
    assert session.state() == SessionState.FULL
    assert session.accepts_registrations()
    session.registration_opens_at = now + datetime.timedelta(days=1)
    assert session.state() == SessionState.UPCOMING
    session.registration_opens_at = None
    session.registration_closes_at = now - datetime.timedelta(minutes=1)
    assert session.state() == SessionState.CLOSED
    session.cancelled = True
    assert session.state() == SessionState.CANCELLED
    assert not session.accepts_registrations()


def test_listing_filters(client, site_tree, django_assert_max_num_queries):
    cycle = ts.cycle()
    lille = ts.session(cycle, "Lille santé", sector="metropole-europeenne-de-lille")
    full = ts.session(cycle, "Complète", theme="logement", capacity=1)
    ts.enrol(full, 1)
    past = ts.session(cycle, "Passée", days=-30)

    def titles(query):
        response = client.get(cycle.url + query)
        return {s.title for s in response.context["sessions"]}

    assert titles("") == {lille.title, full.title, past.title}
    assert titles("?secteur=metropole-europeenne-de-lille") == {lille.title}
    assert titles("?theme=logement") == {full.title}
    assert titles("?periode=passees") == {past.title}
    assert titles("?periode=a-venir") == {lille.title, full.title}
    assert titles("?places=1") == {lille.title}
    assert titles("?secteur=inconnu") == {lille.title, full.title, past.title}
    index = client.get("/formations/?places=1")
    assert {s.title for s in index.context["sessions"]} == {lille.title}
    with django_assert_max_num_queries(20):
        text = client.get(cycle.url).content.decode()
    assert "1 place restante sur 1" not in text
    assert "Complète : inscription sur liste d&#x27;attente" in text or (
        "Complète : inscription sur liste d'attente" in text
    )


def test_the_synthesis_is_linked_both_ways(client, site_tree):
    recaps = EventRecapIndexPage.objects.get()
    recap = EventRecapPage(
        title="Ce que la séance santé a retenu",
        kind="formation",
        date=timezone.localdate(),
        format="presentiel",
        organiser="IREV",
    )
    recaps.add_child(instance=recap)
    recap.save_revision().publish()
    session = ts.session(ts.cycle(), days=-5, synthesis=recap)
    session_page = client.get(session.url).content.decode()
    assert f'href="{recap.url}"' in session_page
    recap_page = client.get(recap.url).content.decode()
    assert "Synthèse de la séance" in recap_page
    assert f'href="{session.url}"' in recap_page


def test_registration_links_are_masked_in_logs():
    line = '"GET /formations/inscription/AbC-123_x/ics/ HTTP/1.1" 200'
    assert (
        mask_tokens(line) == '"GET /formations/inscription/[jeton]/ics/ HTTP/1.1" 200'
    )
