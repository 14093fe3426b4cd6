"""The « Accord de la personne contributrice » workflow task: its place in the
workflow, pages made by hand, the contributor's approval and rejection, and
who may act."""

import datetime

from django.urls import reverse

from wagtail.models import PageLogEntry, TaskState, Workflow

import pytest

from experiences import tracking
from experiences.constants import TASK_SIGNOFF, WORKFLOW_NAME
from experiences.models import (
    ContributorSignoffTask,
    Department,
    ExperiencePage,
    RubricPage,
    SignoffTaskState,
    SubmissionMessage,
)
from home.setup import setup_site
from tests.signoff_data import approve_current, at_signoff, make_submission
from tests.signoff_data import workflow_state as state_of

# The publication workflow on the production tree (setup_site): the task sits
# between its review and its validation.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


def _task_names():
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    return [t.name for t in workflow.tasks.order_by("workflow_tasks__sort_order")]


def test_setup_puts_the_task_between_review_and_validation(site_tree):
    assert _task_names() == ["Relecture éditoriale", TASK_SIGNOFF, "Validation"]
    task = ContributorSignoffTask.objects.get()
    assert [g.name for g in task.groups.all()] == ["Responsables éditoriaux"]
    setup_site()
    assert _task_names() == ["Relecture éditoriale", TASK_SIGNOFF, "Validation"]


def test_setup_keeps_a_lead_s_choice_to_remove_the_task(site_tree):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    workflow.workflow_tasks.filter(task__name=TASK_SIGNOFF).delete()
    setup_site()
    assert _task_names() == ["Relecture éditoriale", "Validation"]


def test_a_page_from_a_submission_waits_for_its_contributor(
    moderator, editor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submission, token, page = at_signoff(moderator, editor)
    task_state = state_of(page).current_task_state.specific
    assert isinstance(task_state, SignoffTaskState)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert task_state.submission == submission
    emails = [m for m in mailoutbox if m.to == [submission.email]]
    subject = f"[Recueil] Votre accord sur la fiche « {submission.title} »"
    assert emails[-1].subject == subject
    link = reverse("recueil_signoff", args=[token])
    assert link in emails[-1].body
    assert link in emails[-1].alternatives[0].content
    # The tracking page says it, with the link.
    response = _client_get(tracking.tracking_path(token))
    assert "Votre accord est demandé" in response
    assert link in response


def _client_get(path):
    from django.test import Client

    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_made_by_hand_skips_the_task(editor, lead):
    rubric = RubricPage.objects.first()
    page = ExperiencePage(
        title="Fiche écrite à la main",
        summary="Un chapô.",
        department=Department.objects.get(code="75"),
        start_date=datetime.date(2020, 1, 1),
    )
    rubric.add_child(instance=page)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    approve_current(page, editor)
    state = state_of(page)
    assert state.current_task_state.task.name == "Validation"
    skipped = SignoffTaskState.objects.get(workflow_state=state)
    assert skipped.status == TaskState.STATUS_SKIPPED
    assert PageLogEntry.objects.filter(
        page=page, action="recueil.signoff.skip"
    ).exists()
    approve_current(page, lead)
    page.refresh_from_db()
    assert page.live


def test_the_contributor_approves_and_the_workflow_goes_on(client, moderator, editor):
    submission, token, page = at_signoff(moderator, editor, summary="Un chapô revu.")
    url = reverse("recueil_signoff", args=[token])
    html = client.get(url).content.decode()
    assert "Je valide cette version" in html and "Je demande une correction" in html
    assert "</span>Un chapô revu<span" in html
    task_state = state_of(page).current_task_state
    response = client.post(url, {"action": "approve", "task_state": task_state.pk})
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    state = state_of(page)
    assert state.current_task_state.task.name == "Validation"
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve")
    html = client.get(url).content.decode()
    assert "Vous avez validé la fiche" in html
    assert "Aucune fiche n'attend votre accord" in html
    # A second post (double click) changes nothing and says why.
    response = client.post(url, {"action": "approve", "task_state": task_state.pk})
    assert response.status_code == 400
    assert "attend plus votre avis" in response.content.decode()


def test_a_correction_needs_a_message_and_goes_back_to_the_editors(
    client, moderator, editor, mailoutbox, django_capture_on_commit_callbacks
):
    submission, token, page = at_signoff(moderator, editor)
    url = reverse("recueil_signoff", args=[token])
    task_state = state_of(page).current_task_state
    response = client.post(
        url, {"action": "reject", "task_state": task_state.pk, "message": "  "}
    )
    assert response.status_code == 400
    assert "le message est obligatoire" in response.content.decode()
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    message = "Le conseil s'est créé en 2016, pas en 2015."
    response = client.post(
        url, {"action": "reject", "task_state": task_state.pk, "message": message}
    )
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == message
    workflow_state = state_of(page)
    assert workflow_state.status == "needs_changes"
    thread = SubmissionMessage.objects.get(submission=submission)
    assert thread.direction == SubmissionMessage.Direction.FROM_CONTRIBUTOR
    assert thread.body == message
    assert message.replace("'", "&#x27;") in client.get(url).content.decode()

    # The editor fixes the sheet and resubmits: the contributor is asked again.
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision_as_object().save_revision(user=editor)
        workflow_state.resume(user=editor)
    again = state_of(page).current_task_state.specific
    assert isinstance(again, SignoffTaskState) and again.pk != task_state.pk
    assert again.status == TaskState.STATUS_IN_PROGRESS
    assert any(m.to == [submission.email] for m in mailoutbox)


def test_only_the_contributor_s_own_token_reaches_the_task(client, moderator, editor):
    _submission, _token, page = at_signoff(moderator, editor)
    _other, other_token = make_submission()
    task_state = state_of(page).current_task_state
    other_url = reverse("recueil_signoff", args=[other_token])
    assert "Aucune fiche n'attend" in client.get(other_url).content.decode()
    for action in ("approve", "reject"):
        response = client.post(
            other_url,
            {"action": action, "task_state": task_state.pk, "message": "Non"},
        )
        assert response.status_code == 400
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    unknown = reverse("recueil_signoff", args=["pas-un-jeton"])
    assert client.get(unknown).status_code == 404
    assert client.post(unknown, {"action": "approve"}).status_code == 404


def test_editors_cannot_approve_nor_edit_in_the_contributor_s_stead(
    client, moderator, editor, lead
):
    _submission, _token, page = at_signoff(moderator, editor)
    task = ContributorSignoffTask.objects.get()
    assert task.get_actions(page, editor) == []
    assert task.locked_for_user(page, editor)
    # An editorial lead only once the delay has passed (test_signoff_reminders).
    assert task.get_actions(page, lead) == []
    task_state = state_of(page).current_task_state
    client.force_login(editor)
    client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": "OK"},
    )
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_the_task_is_managed_in_the_admin_like_any_other(client, superuser, site_tree):
    task = ContributorSignoffTask.objects.get()
    client.force_login(superuser)
    assert client.get("/admin/workflows/tasks/index/").status_code == 200
    response = client.get(f"/admin/workflows/tasks/edit/{task.pk}/")
    assert response.status_code == 200
    assert "Accord de la personne contributrice" in response.content.decode()
