"""The booklet PDF is never built inside a visitor's request, and one build at
a time runs per booklet, across processes, through the database."""

import datetime

from django.utils import timezone

import pytest

from booklets import claims, pdf
from booklets.composition import compose, fingerprint
from booklets.models import BookletPage
from booklets.tasks import build_booklet_pdf
from experiences.constants import Rubric
from experiences.models import ExperiencePage
from tests.factories import FAKE_PDF, make_booklet, make_booklet_experience

DUMMY_TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default"],
    }
}


@pytest.fixture
def booklet(rubrics, booklet_index, renders):
    forum = make_booklet_experience(Rubric.COLLECTIVE_DYNAMIC, "Un forum des conseils")
    return make_booklet([forum])


def _queued_builds():
    return [
        result
        for result in build_booklet_pdf.get_backend().results
        if result.task.name == build_booklet_pdf.name
    ]


def test_a_visitor_never_waits_for_a_build_and_queues_it_once(
    client, booklet, renders, settings
):
    settings.TASKS = DUMMY_TASKS  # a worker that has not run yet
    responses = [client.get(booklet.url + "pdf/") for _ in range(5)]

    for response in responses:
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "no-store" in response["Cache-Control"]
        assert "en cours de préparation" in response.content.decode()
    assert renders == []
    queued = _queued_builds()
    assert len(queued) == 1 and queued[0].args == [booklet.pk]

    # The worker runs it; the next visitor gets the file.
    queued[0].task.call(*queued[0].args, **queued[0].kwargs)
    response = client.get(booklet.url + "pdf/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == FAKE_PDF
    assert renders == [booklet.pk]
    booklet.refresh_from_db()
    assert booklet.pdf_build_started_at is None
    assert booklet.pdf_build_requested_at is None


def test_a_request_left_by_a_dead_worker_queues_a_build_again(
    client, booklet, settings
):
    settings.TASKS = DUMMY_TASKS
    long_ago = timezone.now() - claims.REQUEST_TIMEOUT - datetime.timedelta(seconds=1)
    BookletPage.objects.filter(pk=booklet.pk).update(pdf_build_requested_at=long_ago)
    assert client.get(booklet.url + "pdf/").status_code == 503
    assert len(_queued_builds()) == 1


def test_one_build_at_a_time_across_processes(booklet, renders):
    now = timezone.now()
    # Another process holds the claim: this one renders nothing.
    BookletPage.objects.filter(pk=booklet.pk).update(pdf_build_started_at=now)
    assert build_booklet_pdf.call(booklet.pk, force=True) is None
    assert renders == []
    assert claims.claim_build(booklet.pk) is None
    # A claim older than the timeout is a dead worker's: taken over.
    stale = now - claims.BUILD_TIMEOUT - datetime.timedelta(seconds=1)
    BookletPage.objects.filter(pk=booklet.pk).update(pdf_build_started_at=stale)
    assert build_booklet_pdf.call(booklet.pk, force=True) is not None
    assert renders == [booklet.pk]
    booklet.refresh_from_db()
    assert booklet.pdf_build_started_at is None  # released


def test_a_failed_build_releases_its_claim(booklet, monkeypatch):
    def broken(booklet, composition=None):
        raise OSError("disque plein")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    with pytest.raises(OSError):
        build_booklet_pdf.call(booklet.pk)
    booklet.refresh_from_db()
    assert booklet.pdf_build_started_at is None
    assert booklet.pdf_document is None


def test_a_publication_during_a_build_is_built_right_after(
    booklet, renders, monkeypatch
):
    """The build queued by a publication during ours finds the claim taken and
    gives up; ours sees the PDF behind once released, and builds again."""
    forum = ExperiencePage.objects.get(title="Un forum des conseils")

    def render_while_someone_publishes(page, composition=None):
        renders.append(page.pk)
        if len(renders) == 1:
            forum.summary = "Un chapô revu pendant la construction."
            forum.save_revision().publish()
            # The build queued by that publication: refused, claim taken.
            assert pdf.build(BookletPage.objects.get(pk=page.pk)) is None
        return FAKE_PDF

    monkeypatch.setattr(pdf, "render_pdf", render_while_someone_publishes)
    build_booklet_pdf.call(booklet.pk)
    booklet.refresh_from_db()
    assert renders == [booklet.pk, booklet.pk]
    assert booklet.pdf_fingerprint == fingerprint(booklet, compose(booklet))
