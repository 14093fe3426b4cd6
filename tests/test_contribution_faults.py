"""Faults lose nothing: a worker killed mid-submission leaves no orphan file
once swept, a database outage during a post answers 503 with the form as typed,
and submissions do not wait on each other for their reference."""

import datetime
import os
import signal
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import OperationalError, connection, transaction
from django.test.utils import CaptureQueriesContext

import pytest

from experiences import staging, uploads
from experiences.models import Submission
from tests.factories import (
    FORM_URL,
    form_tokens,
    jpeg_with_gps,
    pdf_file,
    valid_post,
)

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime.timedelta(0)
on_postgresql = connection.vendor == "postgresql"
second_process = pytest.mark.skipif(
    not on_postgresql,
    reason="another process cannot open SQLite's in-memory test database",
)
lock_listing = pytest.mark.skipif(
    not on_postgresql, reason="pg_locks is PostgreSQL's (SQLite locks the file)"
)


@pytest.fixture
def call(call_page):
    return call_page


def files_under(root):
    root = Path(root)
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def age(root, days=1):
    """Make every file under ``root`` look ``days`` old."""
    moment = time.time() - days * 86400
    for path in Path(root).rglob("*"):
        if path.is_file():
            os.utime(path, (moment, moment))


# --- a worker killed mid-submission ----------------------------------------------


@second_process
def test_a_worker_killed_inside_the_transaction_leaves_no_orphan(db, settings):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    worker = subprocess.Popen(  # noqa: S603 - our own script, fixed arguments
        [
            sys.executable,
            str(ROOT / "tests" / "killed_post.py"),
            str(settings.PRIVATE_MEDIA_ROOT),
            str(settings.UPLOAD_STAGING_ROOT),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "DATABASE_URL": url},
    )
    try:
        assert worker.stdout.readline().strip() == "dans-la-transaction"
        os.kill(worker.pid, signal.SIGKILL)
    finally:
        worker.kill()
        worker.wait(30)
    # The two files wait in the staging storage; none reached the private one.
    assert len(files_under(settings.UPLOAD_STAGING_ROOT)) == 2
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []

    assert staging.sweep().removed_staged == 0  # might still be in use
    result = staging.sweep(older_than=NOW)
    assert result.removed_staged == 2
    assert files_under(settings.UPLOAD_STAGING_ROOT) == []
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []


def test_a_rollback_that_skips_the_cleanup_leaves_only_staged_files(call, settings):
    """As when the process dies: files staged, rows written then rolled back,
    and no code left to run but the sweep."""
    files = staging.PostFiles()
    assert files.stage([uploads.check_upload(pdf_file())]) == []
    with pytest.raises(RuntimeError), transaction.atomic():
        submission = Submission.objects.create(email="a@example.org")
        files.attach(submission)
        raise RuntimeError("processus tué")
    assert not Submission.objects.exists()
    assert len(files_under(settings.UPLOAD_STAGING_ROOT)) == 1
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []

    assert staging.sweep().removed_staged == 0  # younger than the safe age
    assert staging.sweep(older_than=NOW).removed_staged == 1
    assert files_under(settings.UPLOAD_STAGING_ROOT) == []


def test_a_worker_killed_after_the_commit_has_its_files_moved_by_the_sweep(
    client, call, settings, django_capture_on_commit_callbacks
):
    data = valid_post()
    data["attachments"] = [pdf_file("compte-rendu.pdf"), jpeg_with_gps()]
    # The commit happens, the moves that follow it never run.
    with django_capture_on_commit_callbacks(execute=False):
        assert client.post(FORM_URL, data).status_code == 302
    pdf, photo = Submission.objects.get().attachments.all()
    assert not pdf.file.storage.exists(pdf.file.name)
    assert len(files_under(settings.UPLOAD_STAGING_ROOT)) == 2

    result = staging.sweep(older_than=NOW)
    assert result.moved == 2 and result.missing == []
    assert files_under(settings.UPLOAD_STAGING_ROOT) == []
    for attachment in (pdf, photo):
        with attachment.file.open("rb") as stored:
            assert uploads.sha256_of(stored) == attachment.sha256


def test_private_files_without_a_row_are_removed_once_old_enough(
    client, call, settings, django_capture_on_commit_callbacks
):
    data = valid_post()
    data["attachments"] = [pdf_file()]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, data)
    kept = Submission.objects.get().attachments.get()
    private = kept.file.storage
    # Left by a version that wrote files inside the transaction.
    orphan = private.save("submissions/2025/01/orphelin.pdf", ContentFile(b"%PDF-"))
    age(settings.PRIVATE_MEDIA_ROOT)
    fresh = private.save("submissions/2025/01/en-cours.pdf", ContentFile(b"%PDF-"))

    lost = Submission.objects.get().attachments.create(
        file="submissions/2025/01/disparu.pdf",
        original_name="disparu.pdf",
        content_type="application/pdf",
        size=5,
        kind="document",
    )

    result = staging.sweep()
    assert result.removed_private == 1
    assert not private.exists(orphan)
    assert private.exists(fresh)  # may belong to a request still running
    assert private.exists(kept.file.name)
    assert result.missing == [lost.pk]  # reported, never invented
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert f"Pièces jointes sans fichier : 1 (n° {lost.pk})." in out.getvalue()


def test_purge_personal_data_sweeps_the_orphans(client, call, settings):
    files = staging.PostFiles()
    files.stage([uploads.check_upload(pdf_file())])
    age(settings.UPLOAD_STAGING_ROOT)
    out = StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "[simulation] Fichiers orphelins : 1 en attente" in out.getvalue()
    assert len(files_under(settings.UPLOAD_STAGING_ROOT)) == 1
    call_command("purge_personal_data", stdout=out)
    assert files_under(settings.UPLOAD_STAGING_ROOT) == []


def test_a_post_can_never_take_the_submission_past_five_files(call):
    files = staging.PostFiles()
    with files:
        files.stage([uploads.check_upload(pdf_file(f"{n}.pdf")) for n in range(3)])
        submission = Submission.objects.create(email="a@example.org")
        with files.transaction():
            files.attach(submission)
        more = staging.PostFiles()
        with more:
            more.stage([uploads.check_upload(pdf_file(f"x{n}.pdf")) for n in range(3)])
            with pytest.raises(staging.TooManyFiles) as error, more.transaction():
                more.attach(submission)
    assert "5 fichiers au plus : vous en avez 6." in error.value.messages[0]
    assert submission.attachments.count() == 3


# --- the database stops during a post -----------------------------------------


def database_down_from(statement, *, stays_down):
    """An execute wrapper: the database fails at ``statement`` (and, when it
    ``stays_down``, at every statement after it). Savepoints still pass, so
    that the test's own transaction survives; a real outage fails them too."""
    state = {"down": False}

    def wrapper(execute, sql, params, many, context):
        if sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")):
            return execute(sql, params, many, context)
        if state["down"] and stays_down or sql.startswith(statement):
            state["down"] = True
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    return wrapper


def post_while_down(client, statement, *, stays_down):
    """A complete post with a file, during which the database fails."""
    data = valid_post()
    data["attachments"] = [pdf_file()]
    with connection.execute_wrapper(
        database_down_from(statement, stays_down=stays_down)
    ):
        return data, client.post(FORM_URL, data)


def assert_form_kept_as_typed(response):
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    assert "Votre envoi n'a pas pu être enregistré" in html
    assert "Les fichiers que vous veniez de choisir n'ont pas été conservés" in html
    assert 'value="Saint-Denis"' in html
    assert "Trois ateliers, puis une séance de signature." in html
    assert 'value="awa.diallo@example.org"' in html
    assert '<option value="93" selected>' in html
    assert 'value="cohesion-sociale" checked' in html
    assert 'name="consent_licence" checked' in html
    return html


@pytest.mark.parametrize("stays_down", [False, True])
def test_a_database_outage_during_a_post_answers_503_with_the_form_as_typed(
    client, call, settings, django_capture_on_commit_callbacks, stays_down
):
    data, response = post_while_down(
        client, 'INSERT INTO "experiences_submission"', stays_down=stays_down
    )
    html = assert_form_kept_as_typed(response)
    if stays_down:  # the page's frame needs the database: a plain page instead
        assert 'id="navigation-principale"' not in html
    else:
        assert 'id="navigation-principale"' in html
    assert not Submission.objects.exists()
    assert files_under(settings.UPLOAD_STAGING_ROOT) == []

    # The database is back: the same form, its file chosen again, goes through.
    again = dict(data, **form_tokens(html), attachments=[pdf_file()])
    assert again["form_nonce"] == data["form_nonce"]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(FORM_URL, again).status_code == 302
    assert Submission.objects.get().attachments.count() == 1


def test_an_outage_after_the_files_were_attached_leaves_them_to_the_sweep(
    client, call, settings
):
    _, response = post_while_down(
        client, 'INSERT INTO "wagtailcore_modellogentry"', stays_down=True
    )
    assert response.status_code == 503
    assert not Submission.objects.exists()
    # The commit might have happened: the sweep, not the request, decides.
    assert len(files_under(settings.UPLOAD_STAGING_ROOT)) == 1
    assert staging.sweep(older_than=NOW).removed_staged == 1


# --- submissions do not wait on each other ----------------------------------------


def test_the_reference_is_taken_after_every_other_write(client, call):
    data = valid_post()
    data["attachments"] = [pdf_file(), jpeg_with_gps()]
    with CaptureQueriesContext(connection) as queries:
        assert client.post(FORM_URL, data).status_code == 302
    statements = [q["sql"] for q in queries.captured_queries]

    def last_insert(table):
        # SQLite writes the themes with INSERT OR IGNORE.
        return max(
            i
            for i, sql in enumerate(statements)
            if sql.startswith("INSERT") and f'INTO "{table}"' in sql.split("(")[0]
        )

    counter = min(
        i for i, sql in enumerate(statements) if "experiences_referencesequence" in sql
    )
    assert counter > last_insert("experiences_submission")
    assert counter > last_insert("experiences_submissionattachment")
    assert counter > last_insert("experiences_submission_themes")


@lock_listing
def test_the_counter_is_not_locked_while_the_files_are_written(client, call):
    """While a submission writes its rows, its transaction holds no lock on the
    reference counter, so that other submissions never wait for it; PostgreSQL
    lists the locks a transaction holds in ``pg_locks``."""
    held = []

    def look_at_locks(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if sql.startswith('INSERT INTO "experiences_submissionattachment"'):
            locks = (
                "SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() "
                "AND relation = 'experiences_referencesequence'::regclass"
            )
            with connection.cursor() as cursor:
                cursor.execute(locks)
                held.extend(row[0] for row in cursor.fetchall())
        return result

    data = valid_post()
    data["attachments"] = [pdf_file()]
    with connection.execute_wrapper(look_at_locks):
        assert client.post(FORM_URL, data).status_code == 302
    assert held == []
    assert Submission.objects.get().reference
