"""The organisers' admin: who may see it, counts and spreads, the exports, the
sign-in sheet, attendance, an organiser's cancellation."""

import io

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests import trainings_support as ts
from trainings.constants import GROUP_ORGANISERS, Status
from trainings.models import TrainingIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(site_tree, django_user_model):
    user = django_user_model.objects.create_user(
        username="organisatrice", email="organisatrice@example.org", password="x"
    )
    user.groups.add(Group.objects.get(name=GROUP_ORGANISERS))
    return user


@pytest.fixture
def session(site_tree):
    page = ts.session(ts.cycle(), capacity=3)
    ts.enrol(page, 4)
    ts.register_one(page, 5, last_name="=HYPERLINK(1)", territory="roubaix")
    return page


def test_organisers_manage_the_training_pages(organiser):
    index = TrainingIndexPage.objects.get()
    permissions = index.permissions_for_user(organiser)
    assert permissions.can_add_subpage() and permissions.can_publish()
    home = index.get_parent()
    assert not home.permissions_for_user(organiser).can_add_subpage()


def test_only_organisers_and_leads_see_registrations(client, session, editor, lead):
    urls = [
        reverse("formations:session", args=[session.pk]),
        reverse("formations:export", args=[session.pk, "csv"]),
        reverse("formations:signin_sheet", args=[session.pk]),
    ]
    client.force_login(editor)
    for url in urls:
        # Wagtail's admin turns the refusal into a redirect to its dashboard.
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "Inscriptions aux formations" not in client.get("/admin/").content.decode()
    client.force_login(lead)
    for url in urls:
        assert client.get(url).status_code == 200


def test_the_report_counts_and_spreads(client, session, organiser):
    client.force_login(organiser)
    response = client.get(reverse("formations:session", args=[session.pk]))
    context = response.context
    counts = dict(context["counts"])
    assert counts["Inscription confirmée"] == 3
    assert counts["Liste d'attente"] == 2
    assert dict(context["by_territory"]) == {"Roubaix": 2, "Dunkerque": 1}
    assert dict(context["by_transport"]) == {"Transports en commun": 3}
    assert "(position 2)" in response.content.decode()
    index = client.get(reverse("formations:index"))
    assert "3 / 3" in index.content.decode()


def test_csv_and_xlsx_exports_never_run_a_formula(client, session, organiser):
    client.force_login(organiser)
    csv = client.get(reverse("formations:export", args=[session.pk, "csv"]))
    text = b"".join(csv.streaming_content).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Ordre d'arrivée;Statut;Prénom;Nom;Courriel")
    assert len(lines) == 6
    assert "'=HYPERLINK(1)" in text
    xlsx = client.get(reverse("formations:export", args=[session.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Ordre d'arrivée"
    assert values[5][3] == "'=HYPERLINK(1)"
    assert values[5][1] == "Liste d'attente"


def test_the_signin_sheet_lists_the_confirmed(client, session, organiser):
    client.force_login(organiser)
    response = client.get(reverse("formations:signin_sheet", args=[session.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Feuille d'émargement" in text
    assert "Nom1" in text and "Nom3" in text
    assert "Nom4" not in text  # waiting, not on the sheet


def test_attendance_is_marked_after_the_session(client, session, organiser):
    client.force_login(organiser)
    first, second, third = session.registrations.filter(status=Status.CONFIRMED)
    client.post(
        reverse("formations:attendance", args=[session.pk]),
        {"present": [first.pk, third.pk]},
    )
    attended = dict(session.registrations.values_list("pk", "attended"))
    assert attended[first.pk] is True and attended[third.pk] is True
    assert attended[second.pk] is False


def test_an_organiser_cancelling_frees_the_seat(client, session, organiser):
    client.force_login(organiser)
    first = session.registrations.get(number=1)
    client.post(reverse("formations:cancel_registration", args=[session.pk, first.pk]))
    assert session.registrations.get(number=1).status == Status.CANCELLED
    assert session.registrations.get(number=4).status == Status.OFFERED


def test_the_session_edit_page_links_to_its_registrations(client, session, organiser):
    client.force_login(organiser)
    response = client.get(
        reverse("wagtailadmin_explore", args=[session.get_parent().pk])
    )
    assert response.status_code == 200
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[session.pk]))
    assert reverse("formations:session", args=[session.pk]) in edit.content.decode()
