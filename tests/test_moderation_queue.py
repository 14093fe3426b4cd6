"""The queue: list, filters, search, counts, query count, exports, inspect."""

import csv
import datetime
import io
import tracemalloc
from urllib.parse import urlencode

from django.utils import timezone

import pytest
from openpyxl import load_workbook

from experiences import exports
from experiences.models import Submission
from experiences.states import Status
from tests.factories import SubmissionFactory, add_attachment, make_submission

pytestmark = pytest.mark.django_db
QUEUE = "/admin/contributions/"


def _rows(response):
    return response.context["object_list"]


def test_queue_lists_submitted_ones_with_their_columns(client, moderator):
    received = make_submission(title="Ateliers au pied des immeubles")
    make_submission(status=Status.DRAFT, title="Brouillon caché")
    client.force_login(moderator)
    response = client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert list(_rows(response)) == [received]
    assert "Brouillon caché" not in html
    for text in (
        received.reference,
        "Ateliers au pied des immeubles",
        "Faire émerger une dynamique collective",
        "93",
        "Conseiller·ère citoyen·ne",
        "Reçue",
        "Examiner",
    ):
        assert text in html
    # Counts per state, one link each.
    assert "?etat=recue" in html


def test_filters(client, moderator, lead):
    mine = make_submission(status=Status.IN_REVIEW, assigned_to=moderator)
    other = make_submission(
        status=Status.RECEIVED,
        rubric="rendre-compte-des-travaux",
        department="69",
        role="elu",
    )
    old = make_submission(
        status=Status.DECLINED,
        submitted_at=timezone.now() - datetime.timedelta(days=400),
    )
    client.force_login(moderator)

    def ids(query):
        return {s.pk for s in _rows(client.get(QUEUE + query))}

    assert ids("") == {mine.pk, other.pk, old.pk}
    assert ids("?etat=en-examen") == {mine.pk}
    assert ids("?rubric__exact=rendre-compte-des-travaux") == {other.pk}
    assert ids("?region=auvergne-rhone-alpes") == {other.pk}
    assert ids("?role__exact=elu") == {other.pk}
    assert ids("?attribution=moi") == {mine.pk}
    assert ids("?attribution=personne") == {other.pk, old.pk}
    since = timezone.localtime() - datetime.timedelta(days=7)
    assert ids("?" + urlencode({"submitted_at__gte": since.isoformat()})) == {
        mine.pk,
        other.pk,
    }


def test_region_filter_slug_exists(client, moderator):
    from experiences.models import Region

    assert Region.objects.filter(slug="auvergne-rhone-alpes").exists()


@pytest.mark.parametrize(
    "term",
    ["REX-", "Franc-Moisin des", "pied des immeubles", "Durand", "camille.durand"],
)
def test_search(client, moderator, term):
    found = make_submission(
        title="Franc-Moisin des ateliers", feature="x", summary="au pied des immeubles"
    )
    make_submission(
        title="Autre chose",
        summary="rien",
        first_name="Lou",
        last_name="Martin",
        email="lou@example.org",
    )
    client.force_login(moderator)
    rows = list(_rows(client.get(QUEUE, {"q": term})))
    assert found in rows
    if term != "REX-":
        assert len(rows) == 1


def test_sorting_by_days_waiting(client, moderator):
    now = timezone.now()
    recent = make_submission(submitted_at=now - datetime.timedelta(days=1))
    oldest = make_submission(submitted_at=now - datetime.timedelta(days=20))
    client.force_login(moderator)
    # Column 8 is "jours d'attente": descending = longest wait first.
    rows = list(_rows(client.get(QUEUE, {"o": "-8"})))
    assert rows == [oldest, recent]
    rows = list(_rows(client.get(QUEUE, {"o": "8"})))
    assert rows == [recent, oldest]


def test_pagination(client, moderator):
    for _ in range(55):
        make_submission()
    client.force_login(moderator)
    response = client.get(QUEUE)
    assert len(_rows(response)) == 50
    assert len(_rows(client.get(QUEUE, {"p": 2}))) == 5


@pytest.mark.parametrize("rows", [10, 200])
def test_queue_query_count_does_not_grow_with_rows(
    client, moderator, rows, django_assert_max_num_queries
):
    mods = [moderator]
    for number in range(rows):
        make_submission(
            status=Status.IN_REVIEW if number % 2 else Status.RECEIVED,
            assigned_to=mods[0] if number % 3 else None,
            department=["93", "69", "13"][number % 3],
        )
    client.force_login(moderator)
    client.get(QUEUE)  # warm the session and permission caches
    with django_assert_max_num_queries(16):
        response = client.get(QUEUE, {"o": "-8"})
    assert response.status_code == 200
    with django_assert_max_num_queries(16):
        client.get(QUEUE, {"etat": "recue", "q": "conseil"})


def _export(client, fmt, query=None):
    response = client.get(QUEUE, {"export": fmt, **(query or {})})
    assert response.status_code == 200
    return response


def test_csv_export_is_streamed_and_filtered(client, lead):
    keep = make_submission(
        status=Status.IN_REVIEW,
        themes=["sante"],
        title='=HYPERLINK("http://x")',
    )
    make_submission(status=Status.RECEIVED)
    client.force_login(lead)
    response = _export(client, "csv", {"etat": "en-examen"})
    assert response.streaming
    assert response["Content-Disposition"].startswith("attachment;")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == exports.HEADERS
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Référence"] == keep.reference
    assert row["État"] == "En examen"
    assert row["Courriel"] == keep.email
    assert row["Thématiques"] == "Santé"
    assert row["Titre"].startswith("'=")  # never a live formula
    assert row["Reçue le"]


def test_xlsx_export(client, lead):
    make_submission(status=Status.IN_REVIEW, themes=["jeunesse"])
    make_submission(status=Status.SPAM)
    client.force_login(lead)
    response = _export(client, "xlsx", {"etat": "indesirable"})
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == exports.HEADERS
    assert len(rows) == 2
    assert rows[1][1] == "Indésirable"
    assert isinstance(rows[1][exports.HEADERS.index("Reçue le")], datetime.datetime)


def _streaming_peak(count):
    """Peak memory (bytes) while the CSV export of ``count`` submissions is
    streamed, and the number of lines it wrote."""
    Submission.objects.all().delete()
    Submission.objects.bulk_create(SubmissionFactory.build_batch(count))
    lines = 0
    tracemalloc.start()
    try:
        for _ in exports.csv_response(Submission.objects.all()).streaming_content:
            lines += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, lines


def test_export_memory_is_flat(db, monkeypatch):
    """The export reads in chunks: streaming ten times more rows takes about the
    same memory (one chunk and some caches: x1.4 measured), where reading them
    all at once takes several times more (x5.5 measured)."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 20)
    small, small_lines = _streaming_peak(40)
    large, large_lines = _streaming_peak(400)
    assert (small_lines, large_lines) == (41, 401)
    assert large < small * 2, (small, large)


def test_inspect_shows_everything_grouped(client, moderator):
    submission = make_submission(themes=["sante"], consent_public_contact=True)
    image = add_attachment(submission, "image", caption="Atelier", credit="C. D.")
    document = add_attachment(submission, "document")
    client.force_login(moderator)
    html = client.get(f"{QUEUE}inspect/{submission.pk}/").content.decode()
    for text in (
        "L&#x27;expérience",
        "Où et quand",
        "Ce qui s&#x27;est passé",
        "Classement et liens",
        "Seine-Saint-Denis",
        "Santé",
        "camille.durand",
        "01 23 45 67 89",
        "Contact public sur la fiche",
        "J&#x27;accepte la licence.",
        f"/admin/contributions/pieces-jointes/{image.pk}/apercu/",
        f"/admin/contributions/pieces-jointes/{document.pk}/",
        "Prendre en charge",
        "Notes internes",
        "Historique",
    ):
        assert text in html, text


def test_attachment_download_and_thumbnail(client, moderator):
    submission = make_submission()
    image = add_attachment(submission, "image", name="photo <script>.png")
    document = add_attachment(submission, "document")
    client.force_login(moderator)
    response = client.get(f"/admin/contributions/pieces-jointes/{document.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    response = client.get(f"/admin/contributions/pieces-jointes/{image.pk}/apercu/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(b"\x89PNG")
    response = client.get(f"/admin/contributions/pieces-jointes/{document.pk}/apercu/")
    assert response.status_code == 404


def test_home_panel_counts_and_waiting_on_me(client, moderator):
    make_submission(status=Status.IN_REVIEW, assigned_to=moderator, title="À moi")
    make_submission(status=Status.RECEIVED)
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert "Contributions à modérer" in html
    assert "Mes contributions en attente : 1" in html
    assert "À moi" in html
    assert "1 contribution reçue sans modérateur·rice" in html
