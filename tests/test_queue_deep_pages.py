"""The queue's pages past the first ones are read by their ids first (issue
11: page 500 of 50 000 went from 200 ms to 5 ms): the same rows, in the same
order, with as many queries as the first page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from experiences import admin_queue
from experiences.models import Submission
from experiences.states import Status
from experiences.wagtail_hooks import SubmissionAdmin
from tests.factories import make_submission

pytestmark = pytest.mark.django_db
QUEUE = "/admin/contributions/"


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(SubmissionAdmin, "list_per_page", 2)
    monkeypatch.setattr(admin_queue, "DEEP_OFFSET", 2)


def _page(client, query, number):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE, {**query, "p": number})
    assert response.status_code == 200
    return list(response.context["object_list"]), len(queries)


@pytest.mark.parametrize("query", [{}, {"etat": "en-examen"}])
def test_deep_pages_hold_the_rows_in_the_queue_order(
    client, moderator, small_pages, query
):
    for number in range(9):
        make_submission(status=Status.IN_REVIEW if number % 3 else Status.RECEIVED)
    sent = Submission.objects.filter(submitted_at__isnull=False)
    if query:
        sent = sent.filter(status=Status.IN_REVIEW)
    expected = list(sent.order_by("-submitted_at", "-id"))
    client.force_login(moderator)
    client.get(QUEUE)  # the session and permission caches
    first, first_queries = _page(client, query, 1)
    seen = first
    for number in range(2, (len(expected) + 1) // 2 + 1):
        rows, queries = _page(client, query, number)
        assert queries == first_queries
        seen += rows
    assert seen == expected
