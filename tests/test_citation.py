"""« Pour citer cette fiche » and « Relue par l'équipe éditoriale le … »."""

import datetime
import zoneinfo

from django.utils import timezone

from wagtail.models import Page, WorkflowState

import pytest

from core.dates import french_date
from experiences.citation import Citation, citation_text, cite, reviewed_on
from experiences.models import Department, ExperiencePage, RubricPage

NBSP = "\u00a0"
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def experience(title="Une gazette de quartier", organisation="Centre social Arago"):
    parent = RubricPage.objects.get(rubric="rendre-compte-des-travaux")
    page = ExperiencePage(
        title=title,
        slug="une-gazette-de-quartier",
        summary="Une gazette écrite par les habitants.",
        organisation=organisation,
        communes="Laval",
        department=Department.objects.get(code="53"),
        start_date=datetime.date(2019, 3, 1),
    )
    parent.add_child(instance=page)
    return page


def published(page, when=datetime.datetime(2026, 12, 1, 10, 0, tzinfo=PARIS)):
    page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(first_published_at=when)
    page.refresh_from_db()
    return page


def test_the_citation_names_everything(site_tree):
    page = published(experience())
    citation = cite(page)
    assert citation == Citation(
        title="Une gazette de quartier",
        structure="Centre social Arago",
        rubric="Rendre compte des travaux",
        published_on=datetime.date(2026, 12, 1),
        url="http://testserver/experiences/rendre-compte-des-travaux/une-gazette-de-quartier/",
        licence="Licence Ouverte 2.0",
    )
    assert citation_text(citation) == (
        f"«{NBSP}Une gazette de quartier{NBSP}», Centre social Arago, fiche de la "
        f"rubrique «{NBSP}Rendre compte des travaux{NBSP}», publiée le 1er "
        "décembre 2026, http://testserver/experiences/rendre-compte-des-travaux/"
        "une-gazette-de-quartier/, Licence Ouverte 2.0."
    )
    assert "\n" not in citation_text(citation)


def test_without_an_organisation_the_commune_stands_for_the_structure(site_tree):
    page = published(experience(organisation=""))
    assert cite(page).structure == "Laval"


def test_the_publication_day_is_read_in_paris(site_tree):
    late = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)
    page = published(experience(), when=late)
    assert cite(page).published_on == datetime.date(2026, 12, 1)


def test_the_sheet_ends_with_the_citation(client, site_tree):
    page = published(experience())
    html = client.get(page.url).content.decode()
    assert "Pour citer cette fiche" in html
    assert "<blockquote" in html and citation_text(cite(page)) in html
    # The copy button is hidden until the script shows it; no inline script.
    assert 'data-copy-target="texte-citation"' in html
    assert "js/citation.js" in html
    assert "Licence Ouverte 2.0" in html
    # Published by hand, without the workflow: no review date is claimed.
    assert "Relue par" not in html


def _approve_all(client, page, *users):
    for user in users:
        state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
        task_state = state.current_task_state
        client.force_login(user)
        response = client.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
            {"comment": ""},
        )
        assert response.status_code == 302


@pytest.mark.django_db
def test_review_date_is_the_validation_approval(client, site_tree, editor, lead):
    page = experience()
    page.save_revision()
    workflow = page.get_workflow()
    workflow.start(page, editor)
    _approve_all(client, page, editor)
    assert reviewed_on(page) is None  # « Relecture éditoriale » is not the review
    _approve_all(client, page, lead)
    page.refresh_from_db()
    assert page.live
    assert reviewed_on(page) == timezone.localdate()
    client.logout()
    html = client.get(page.url).content.decode()
    today = timezone.localdate()
    assert f"Relue par l'équipe éditoriale le {french_date(today)}." in html
