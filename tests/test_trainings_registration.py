"""Registering without an account: the form, the waiting list, one
registration per address, the private page, cancelling and the freed seat."""

import datetime
import re

from django.core import mail
from django.utils import timezone

import pytest

from tests import trainings_support as ts
from trainings import registration as service
from trainings.constants import Status
from trainings.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(site_tree):
    return ts.session(ts.cycle(), capacity=3)


def post_form(client, page, **overrides):
    shown = client.get(page.url)
    data = {
        **ts.person(1),
        "consent_data": "on",
        "form_nonce": shown.context["nonce"],
        "rendered_at": shown.context["rendered_at"],
        **overrides,
    }
    return client.post(page.url, data)


def private_link(text):
    return re.search(r"https?://\S+/formations/inscription/[\w-]+/", text)[0]


def test_a_registration_is_confirmed_and_gets_its_link_and_calendar(
    client, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(client, session)
    assert response.status_code == 302
    assert "/formations/inscription/" in response["Location"]
    page = client.get(response["Location"])
    assert "Inscription confirmée" in page.content.decode()
    assert (
        page["Cache-Control"].startswith("max-age=0")
        or "no-store" in page["Cache-Control"]
    )
    registration = Registration.objects.get()
    assert registration.status == Status.CONFIRMED
    assert registration.email == "personne1@example.org"
    [email] = mail.outbox
    assert "Inscription confirmée" in email.subject
    assert private_link(email.body).endswith(response["Location"].split("?")[0])
    [(filename, content, mimetype)] = email.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"


def test_past_capacity_registrants_wait_in_order(client, session):
    ts.enrol(session, 3)
    outcome = service.register(session, ts.person(4))
    second = service.register(session, ts.person(5))
    assert outcome.registration.status == Status.WAITING
    assert outcome.registration.waiting_position() == 1
    assert second.registration.waiting_position() == 2
    page = client.get(ts.links_path(outcome.token))
    assert "Vous êtes sur liste d'attente (position 1)" in page.content.decode()


def test_one_registration_per_address_resends_the_link(
    client, session, django_capture_on_commit_callbacks
):
    ts.enrol(session, 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(client, session, email="PERSONNE1@example.org")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Cette adresse est déjà inscrite" in text
    assert "/formations/inscription/" not in text
    assert Registration.objects.count() == 1
    [email] = mail.outbox
    assert email.to == ["personne1@example.org"]
    assert "/formations/inscription/" in email.body


def test_errors_are_french_and_keep_what_was_typed(client, session):
    response = post_form(
        client, session, email="pas-une-adresse", territory="", consent_data=""
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Le formulaire contient 3 erreurs" in text
    assert "Cette adresse électronique n&#x27;est pas valide" in text
    assert "Indiquez votre commune ou votre EPCI." in text
    assert 'value="Prénom1"' in text and 'value="pas-une-adresse"' in text
    assert 'aria-invalid="true"' in text
    assert not Registration.objects.exists()


def test_the_bot_trap_refuses_without_losing_the_typing(client, session):
    response = post_form(client, session, site_internet="http://spam.example")
    text = response.content.decode()
    assert "n'a pas pu être traitée" in text
    assert 'value="Prénom1"' in text
    assert not Registration.objects.exists()


def test_the_rate_limit_applies(client, session, settings):
    settings.SUBMISSION_RATE_LIMIT = 1
    post_form(client, session)
    response = post_form(client, session, email="autre@example.org")
    assert "n'a pas pu être traitée" in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_closed_session_takes_no_registration(client, site_tree):
    past = ts.session(ts.cycle(), days=-2)
    response = client.get(past.url)
    assert "Les inscriptions à cette séance sont closes." in response.content.decode()
    with pytest.raises(service.RegistrationClosed):
        service.register(past, ts.person(1))


def test_cancelling_offers_the_seat_to_the_first_waiting(
    client, session, django_capture_on_commit_callbacks
):
    outcomes = ts.enrol(session, 5)
    first = outcomes[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ts.links_path(first.token), {"action": "annuler"})
    assert response.status_code == 302
    assert Registration.objects.get(pk=first.registration.pk).status == Status.CANCELLED
    fourth = Registration.objects.get(pk=outcomes[3].registration.pk)
    assert fourth.status == Status.OFFERED
    assert fourth.offer_expires_at is not None
    fifth = Registration.objects.get(pk=outcomes[4].registration.pk)
    assert fifth.waiting_position() == 1
    subjects = sorted(email.subject for email in mail.outbox)
    assert any("Une place s'est libérée" in s for s in subjects)
    # The seat stays held by the offer: nobody else is confirmed meanwhile.
    assert session.seats_left() == 0
    page = client.get(ts.links_path(outcomes[3].token)).content.decode()
    assert "Une place vous est proposée" in page
    client.post(ts.links_path(outcomes[3].token), {"action": "confirmer"})
    fourth.refresh_from_db()
    assert fourth.status == Status.CONFIRMED


def test_a_registrant_may_leave_the_waiting_list_and_change_details(client, session):
    outcomes = ts.enrol(session, 4)
    waiting = outcomes[3]
    url = ts.links_path(waiting.token)
    assert "Quitter la liste d'attente" in client.get(url).content.decode()
    client.post(url, {"action": "modifier", "modifier-territory": "Maubeuge"})
    waiting.registration.refresh_from_db()
    assert waiting.registration.territory == "Maubeuge"
    client.post(url, {"action": "annuler"})
    waiting.registration.refresh_from_db()
    assert waiting.registration.status == Status.CANCELLED
    assert not Registration.objects.filter(status=Status.OFFERED).exists()


def test_an_unclaimed_offer_passes_to_the_next(session):
    outcomes = ts.enrol(session, 5)
    service.cancel(outcomes[0].registration)
    offered = Registration.objects.get(status=Status.OFFERED)
    assert offered.pk == outcomes[3].registration.pk
    later = offered.offer_expires_at + datetime.timedelta(minutes=1)
    assert service.expire_offers(now=later - datetime.timedelta(minutes=2)) == 0
    assert service.expire_offers(now=later) == 1
    offered.refresh_from_db()
    assert offered.status == Status.EXPIRED
    assert not service.claim(offered, now=later)
    nxt = Registration.objects.get(pk=outcomes[4].registration.pk)
    assert nxt.status == Status.OFFERED


def test_the_claim_window_shrinks_near_the_session(site_tree, settings):
    settings.TRAINING_CLAIM_HOURS = 48
    near = ts.session(ts.cycle(), days=1, capacity=1)
    far = ts.session(near.get_parent(), title="Loin", days=20, capacity=1)
    now = timezone.now()
    for page in (near, far):
        ts.enrol(page, 2)
        service.cancel(page.registrations.get(number=1), now=now)
    near_offer = near.registrations.get(status=Status.OFFERED)
    far_offer = far.registrations.get(status=Status.OFFERED)
    assert far_offer.offer_expires_at == now + datetime.timedelta(hours=48)
    assert near_offer.offer_expires_at == now + (near.starts_at - now) / 2
    assert near_offer.offer_expires_at < near.starts_at


def test_an_unknown_token_is_not_found(client, site_tree):
    assert client.get("/formations/inscription/inconnu/").status_code == 404
