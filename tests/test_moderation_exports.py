"""The queue's exports as a task (issue 11): asked for from the queue with its
filters, built by a task that gets the export's id only, announced by email,
listed with their state, downloadable by editorial leads only, erased when
they expire; and the queue's counts, search and query count at any size."""

import csv
import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.tasks.backends.dummy import DummyBackend
from django.utils import timezone

import pytest

from core.models import OutboxEmail
from experiences import exports, queue_exports
from experiences.admin_queue import status_counts
from experiences.models import QueueExport
from experiences.states import Status
from tests.factories import make_submission

pytestmark = pytest.mark.django_db
QUEUE = "/admin/contributions/"
EXPORTS = "/admin/contributions/exports/"
DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="full-text search with french_unaccent is PostgreSQL's (SQLite: icontains)",
)


def _csv(export):
    with export.file.open("rb") as handle:
        body = handle.read().decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(body), delimiter=";"))


@pytest.fixture
def ask(client, lead, django_capture_on_commit_callbacks):
    client.force_login(lead)

    def ask(fmt="csv", query=""):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"{QUEUE}?export={fmt}{query}")
        assert response.status_code == 302
        assert response["Location"] == EXPORTS
        return QueueExport.objects.latest("pk")

    return ask


def test_an_export_is_built_with_the_filters_and_announced(ask, lead, client):
    kept = make_submission(status=Status.IN_REVIEW, title="=Gardée")
    make_submission(status=Status.RECEIVED, title="Écartée")
    export = ask("csv", "&etat=en-examen&q=conseil")
    assert export.status == QueueExport.Status.READY
    assert export.requested_by == lead
    assert export.filters == "etat=en-examen"  # never the search words
    assert export.searched
    rows = _csv(export)
    assert rows[0] == exports.HEADERS
    assert [row[0] for row in rows[1:]] == [kept.reference]
    assert rows[1][2] == "'=Gardée"
    assert export.expires_at > timezone.now() + datetime.timedelta(days=6)
    email = OutboxEmail.objects.get(template="queue_export")
    assert email.status == OutboxEmail.Status.SENT
    assert mail.outbox[-1].to == [lead.email]
    assert "est prêt" in mail.outbox[-1].subject
    assert "http://testserver/admin/contributions/exports/" in mail.outbox[-1].body
    html = client.get(EXPORTS).content.decode()
    assert "Prêt" in html
    assert f"/admin/contributions/exports/{export.pk}/telecharger/" in html


def test_the_task_gets_the_export_id_only(
    client, lead, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY
    backend = queue_exports.build_queue_export.get_backend()
    assert isinstance(backend, DummyBackend)
    backend.clear()
    make_submission(status=Status.IN_REVIEW)
    client.force_login(lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{QUEUE}?export=xlsx&q=camille")
    assert response.status_code == 302
    export = QueueExport.objects.get()
    assert export.status == QueueExport.Status.PENDING
    (result,) = [
        result
        for result in backend.results
        if result.task.module_path == queue_exports.build_queue_export.module_path
    ]
    assert list(result.args) == [export.pk] and not result.kwargs
    assert "En attente" in client.get(EXPORTS).content.decode()


def test_xlsx_export_and_download(ask, client):
    make_submission(status=Status.SPAM, last_name="Du\x0crand")
    export = ask("xlsx")
    response = client.get(f"{EXPORTS}{export.pk}/telecharger/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    from openpyxl import load_workbook

    content = b"".join(response.streaming_content)
    header, row = load_workbook(io.BytesIO(content), read_only=True).active.iter_rows(
        values_only=True
    )
    assert dict(zip(header, row, strict=True))["Nom"] == "Durand"


@pytest.mark.parametrize("role", ["anonymous", "editor", "moderator"])
def test_exports_are_for_editorial_leads_only(ask, client, role, editor, moderator):
    make_submission()
    export = ask("csv")
    client.logout()
    if role != "anonymous":
        client.force_login({"editor": editor, "moderator": moderator}[role])
    for url in (EXPORTS, f"{EXPORTS}{export.pk}/telecharger/"):
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302
        else:
            assert response.status_code == 403
            assert b"camille.durand" not in response.content
    response = client.post(f"{QUEUE}?export=csv")
    assert response.status_code in (302, 403)
    assert QueueExport.objects.count() == 1


def test_a_failed_export_says_so(ask, monkeypatch, client):
    make_submission()

    def broken(export, fileobj):
        raise OSError("disque plein")

    monkeypatch.setattr(queue_exports, "write", broken)
    export = ask("csv")
    assert export.status == QueueExport.Status.FAILED
    assert not export.file
    assert "a échoué" in mail.outbox[-1].subject
    assert "Échec" in client.get(EXPORTS).content.decode()
    assert client.get(f"{EXPORTS}{export.pk}/telecharger/").status_code == 404


def test_expired_exports_are_purged(ask, client):
    make_submission()
    export = ask("csv")
    path = export.file.path
    QueueExport.objects.filter(pk=export.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert client.get(f"{EXPORTS}{export.pk}/telecharger/").status_code == 404
    call_command("purge_personal_data", stdout=io.StringIO())
    assert not QueueExport.objects.exists()
    assert not OutboxEmail.objects.filter(template="queue_export").exists()
    assert not export.file.storage.exists(path)


def test_a_large_selection_is_not_exported_in_the_request(client, lead, settings):
    settings.QUEUE_EXPORT_DIRECT_MAX_ROWS = 1
    make_submission()
    make_submission()
    client.force_login(lead)
    response = client.get(QUEUE, {"export": "csv", "etat": "recue"})
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?etat=recue"
    assert not QueueExport.objects.exists()


def test_counts_per_state_in_one_query(site_tree, django_assert_num_queries):
    make_submission(status=Status.RECEIVED)
    make_submission(status=Status.RECEIVED)
    make_submission(status=Status.SPAM)
    make_submission(status=Status.DRAFT)
    with django_assert_num_queries(1):
        counts = status_counts()
    assert counts["total"] == 3
    assert counts[Status.RECEIVED.value] == 2
    assert counts[Status.SPAM.value] == 1
    assert counts[Status.IN_REVIEW.value] == 0


# Session, user, permissions, the admin's own (user profile, locales, page
# and collection permissions, explorer), then the queue's: the region filter's
# choices, the counts per state, the filtered total (when filtered), the rows.
QUEUE_PAGE_QUERIES = 13


@pytest.mark.parametrize("rows", [3, 30])
@pytest.mark.parametrize(
    "query", [{}, {"etat": "recue", "region": "ile-de-france", "q": "conseil"}]
)
def test_queue_page_queries_do_not_depend_on_its_size(
    client, lead, rows, query, django_assert_max_num_queries
):
    for number in range(rows):
        make_submission(
            assigned_to=lead if number % 2 else None,
            department=["93", "69", "13"][number % 3],
            themes=["sante"],
        )
    client.force_login(lead)
    client.get(QUEUE)  # the session and permission caches
    with django_assert_max_num_queries(QUEUE_PAGE_QUERIES):
        response = client.get(QUEUE, query)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == (rows if not query else rows // 3)


@postgresql_only
@pytest.mark.parametrize(
    "term", ["reunion", "RÉUNIONS", "Hélène", "helene atelier", "REX-", "durand42"]
)
def test_search_ignores_accents_and_finds_references(client, moderator, term):
    found = make_submission(
        title="Réunion publique des habitants",
        first_name="Hélène",
        last_name="Durand42",
        approach="Un atelier par mois.",
    )
    make_submission(
        title="Autre chose", approach="Rien.", first_name="Lou", last_name="Martin"
    )
    client.force_login(moderator)
    rows = list(client.get(QUEUE, {"q": term}).context["object_list"])
    assert found in rows
    if term != "REX-":
        assert len(rows) == 1


def test_a_search_counts_its_matches_up_to_a_limit(client, moderator, monkeypatch):
    from experiences import admin_queue

    monkeypatch.setattr(admin_queue, "SEARCH_COUNT_LIMIT", 2)
    for _ in range(3):
        make_submission()
    client.force_login(moderator)
    response = client.get(QUEUE, {"q": "conseil"})
    assert response.context["result_count"] == "plus de 2"
    assert response.context["paginator"].count == 2
    response = client.get(QUEUE, {"q": "conseil", "etat": "en-examen"})
    assert response.context["result_count"] == 0
