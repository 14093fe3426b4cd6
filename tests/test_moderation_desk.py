"""The moderators' desk in the queue: completeness as a sortable column and a
filter, the bulk actions' form, the filters remembered per user (and their
reset), the counts per state right under the filters."""

import re

import pytest

from experiences.states import Status
from tests.factories import make_submission

pytestmark = pytest.mark.django_db
QUEUE = "/admin/contributions/"


def refs(response):
    return [s.pk for s in response.context["object_list"]]


def test_completeness_is_a_sortable_column_and_a_filter(client, moderator):
    low = make_submission(completeness=20)
    mid = make_submission(completeness=60)
    high = make_submission(completeness=90)
    client.force_login(moderator)
    response = client.get(QUEUE, {"o": "9"})  # the tenth column, ascending
    html = response.content.decode()
    assert "Complétude" in html and "60 %" in html
    assert refs(response) == [low.pk, mid.pk, high.pk]
    assert refs(client.get(QUEUE, {"o": "-9"})) == [high.pk, mid.pk, low.pk]
    assert refs(client.get(QUEUE, {"completude": "faible"})) == [low.pk]
    assert refs(client.get(QUEUE, {"completude": "moyenne"})) == [mid.pk]
    assert refs(client.get(QUEUE, {"completude": "bonne"})) == [high.pk]


def test_the_queue_has_a_bulk_form_for_moderators(client, moderator):
    submission = make_submission()
    client.force_login(moderator)
    html = client.get(QUEUE).content.decode()
    assert 'id="recueil-bulk"' in html
    assert f'name="ids" value="{submission.pk}" form="recueil-bulk"' in html
    for label in ("Attribuer", "Prendre en charge", "Ne pas retenir"):
        assert f">{label}</option>" in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_the_queue_remembers_its_filters_per_user(client, moderator, lead):
    make_submission()
    client.force_login(moderator)
    client.get(QUEUE, {"etat": "recue", "completude": "faible", "p": "1"})
    cookie = client.cookies["recueil_file"]
    assert cookie["httponly"] and cookie["path"] == QUEUE
    assert "etat=recue" in cookie.value  # signed, not secret: filters only
    # Opened from the menu (no parameters, from elsewhere): back to them.
    response = client.get(QUEUE, headers={"referer": "http://testserver/admin/"})
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?etat=recue&completude=faible"
    # Another account in the same browser does not get them.
    client.force_login(lead)
    assert client.get(QUEUE).status_code == 200


def test_clearing_the_last_filter_or_resetting_forgets_them(client, moderator):
    make_submission()
    client.force_login(moderator)
    client.get(QUEUE, {"etat": "recue"})
    html = client.get(QUEUE, {"etat": "recue"}).content.decode()
    assert f'href="{QUEUE}?reinitialiser=1">Réinitialiser les filtres' in html
    response = client.get(QUEUE, {"reinitialiser": "1"})
    assert response.status_code == 302 and response["Location"] == QUEUE
    assert client.get(QUEUE).status_code == 200
    # A filter cleared from the queue itself (its « Tout » link) is not undone.
    client.get(QUEUE, {"etat": "recue"})
    same_page = f"http://testserver{QUEUE}?etat=recue"
    assert client.get(QUEUE, headers={"referer": same_page}).status_code == 200
    assert client.get(QUEUE).status_code == 200


def test_counts_per_state_are_right_under_the_filters(client, moderator):
    make_submission()
    make_submission()
    make_submission(status=Status.IN_REVIEW)
    client.force_login(moderator)
    html = client.get(QUEUE).content.decode()
    column = re.search(r'<div class="changelist-filter col3">(.*?)</nav>', html, re.S)
    assert column, "no filter column ending with the counts"
    filters, counts = column[1].split('<nav class="recueil-status-counts"')
    assert "Filtrer" in filters and "complétude" in filters.lower()
    received = re.search(r"Reçue</span>\s*<span[^>]*>(\d+)</span>", counts)
    in_review = re.search(r"En examen</span>\s*<span[^>]*>(\d+)</span>", counts)
    assert (received[1], in_review[1]) == ("2", "1")
