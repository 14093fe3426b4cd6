"""Never over capacity: 40 registrations racing for 25 seats, each in its own
thread and database connection (PostgreSQL: SQLite serialises every write, so
it cannot show the race)."""

import threading

from django.db import connection, connections

import pytest

from home.setup import setup_site
from tests import trainings_support as ts
from trainings import registration as service
from trainings.constants import Status
from trainings.models import Registration

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RACERS = 40
SEATS = 25


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's row locks"
)
def test_forty_racing_registrations_fill_exactly_twenty_five_seats():
    setup_site()
    session = ts.session(ts.cycle(), capacity=SEATS)
    start = threading.Barrier(RACERS)
    errors = []

    def racer(number):
        try:
            start.wait()
            service.register(session, ts.person(number))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=racer, args=(n,)) for n in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    registrations = list(Registration.objects.filter(session=session))
    statuses = [r.status for r in registrations]
    assert statuses.count(Status.CONFIRMED) == SEATS
    assert statuses.count(Status.WAITING) == RACERS - SEATS
    # Arrival order is the order in which the lock was taken: the numbers
    # follow the registration times, the first 25 hold the seats and the
    # others wait in that order.
    by_time = sorted(registrations, key=lambda r: (r.created_at, r.number))
    assert [r.number for r in by_time] == list(range(1, RACERS + 1))
    for registration in registrations:
        expected = Status.CONFIRMED if registration.number <= SEATS else Status.WAITING
        assert registration.status == expected
        if registration.status == Status.WAITING:
            assert registration.waiting_position() == registration.number - SEATS
