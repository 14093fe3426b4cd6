"""The admin in French: « il y a 8 secondes », no gravatar, and a message with
the sheet's address after the workflow's final approval."""

import datetime

from django.contrib.humanize.templatetags.humanize import naturaltime
from django.contrib.messages import get_messages
from django.utils import timezone, translation

from wagtail.models import WorkflowState
from wagtail.users.utils import get_gravatar_url

import pytest

from experiences.models import Department, ExperiencePage, RubricPage


def test_wagtail_says_how_long_ago_in_french():
    moment = timezone.now() - datetime.timedelta(seconds=8)
    with translation.override("fr"):
        assert naturaltime(moment) == "il y a 8\xa0secondes"


def test_no_avatar_is_fetched_from_gravatar():
    assert get_gravatar_url("camille@example.org") is None


def experience():
    parent = RubricPage.objects.get(rubric="rendre-compte-des-travaux")
    page = ExperiencePage(
        title="Une gazette de quartier",
        slug="une-gazette-de-quartier",
        summary="Une gazette écrite par les habitants.",
        department=Department.objects.get(code="53"),
        start_date=datetime.date(2019, 3, 1),
        live=False,
    )
    parent.add_child(instance=page)
    page.save_revision()
    return page


def approve(client, user, page, *, from_edit_view=False):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    task_state = state.current_task_state
    client.force_login(user)
    if from_edit_view:
        return client.post(
            f"/admin/pages/{page.pk}/edit/",
            {
                "title": page.title,
                "slug": page.slug,
                "summary": page.summary,
                "department": page.department_id,
                "start_date": "2019-03-01",
                "action-workflow-action": "true",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": "{}",
            }
            | _empty_formsets(),
        )
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": ""},
    )


def _empty_formsets():
    data = {}
    for name in ("photos", "documents", "links", "comments"):
        data |= {
            f"{name}-TOTAL_FORMS": "0",
            f"{name}-INITIAL_FORMS": "0",
            f"{name}-MIN_NUM_FORMS": "0",
            f"{name}-MAX_NUM_FORMS": "1000",
        }
    return data


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.django_db
def test_the_final_approval_says_the_sheet_is_published(
    client, site_tree, editor, lead
):
    page = experience()
    page.get_workflow().start(page, editor)
    first = approve(client, editor, page)
    assert first.status_code == 302
    assert not any("est publiée" in text for text in texts(first))
    last = approve(client, lead, page)
    page.refresh_from_db()
    assert page.live
    url = "http://testserver/experiences/rendre-compte-des-travaux/une-gazette-de-quartier/"
    said = f"La fiche « Une gazette de quartier » est publiée : {url}"
    assert any(text.startswith(said) for text in texts(last))


@pytest.mark.django_db
def test_approving_from_the_edit_view_says_it_too(client, site_tree, editor, lead):
    page = experience()
    page.get_workflow().start(page, editor)
    approve(client, editor, page)
    response = approve(client, lead, page, from_edit_view=True)
    page.refresh_from_db()
    assert page.live, response.content[:2000]
    assert any(
        "« Une gazette de quartier » est publiée : http://testserver/" in text
        for text in texts(response)
    )
