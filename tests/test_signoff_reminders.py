"""Reminders at 7 and 14 days, then the editorial lead's tacit approval."""

import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry, TaskState

import pytest

from experiences.models import ContributorSignoffTask, SignoffTaskState
from experiences.models.signoff import TACIT_APPROVE
from experiences.signoff.reminders import send_reminders
from tests.signoff_data import at_signoff
from tests.signoff_data import workflow_state as state_of

# The publication workflow on the production tree (setup_site): the task sits
# between its review and its validation.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


def _age(state, days):
    started = timezone.now() - datetime.timedelta(days=days, minutes=1)
    SignoffTaskState.objects.filter(pk=state.pk).update(started_at=started)


def _reminders(submission, mailoutbox):
    return [
        m for m in mailoutbox if m.to == [submission.email] and "Rappel" in m.subject
    ]


def test_reminders_at_7_and_14_days_each_sent_once(
    moderator, editor, mailoutbox, django_capture_on_commit_callbacks
):
    submission, token, page = at_signoff(moderator, editor)
    state = state_of(page).current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        _age(state, 6)
        assert send_reminders() == 0
        _age(state, 7)
        assert send_reminders() == 1
        assert send_reminders() == 0
    emails = _reminders(submission, mailoutbox)
    assert len(emails) == 1
    assert reverse("recueil_signoff", args=[token]) in emails[0].body
    with django_capture_on_commit_callbacks(execute=True):
        _age(state, 15)
        call_command("signoff_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert send_reminders() == 0
    assert len(_reminders(submission, mailoutbox)) == 2
    state.refresh_from_db()
    assert state.specific.reminders_sent == 2
    logged = ModelLogEntry.objects.for_instance(submission).filter(
        action="recueil.signoff.reminder"
    )
    assert logged.count() == 2


def test_no_reminder_once_answered(moderator, editor, client):
    _submission, token, page = at_signoff(moderator, editor)
    state = state_of(page).current_task_state
    client.post(
        reverse("recueil_signoff", args=[token]),
        {"action": "approve", "task_state": state.pk},
    )
    _age(state, 30)
    assert send_reminders() == 0


def test_tacit_approval_only_after_the_delay_and_by_a_lead(
    client, moderator, editor, lead, settings
):
    submission, token, page = at_signoff(moderator, editor)
    task = ContributorSignoffTask.objects.get()
    state = state_of(page).current_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{TACIT_APPROVE}/{state.pk}/"

    _age(state, 20)
    assert task.get_actions(page, lead) == []
    client.force_login(lead)
    client.post(url, {"comment": ""})
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS

    _age(state, 21)
    assert [name for name, *_ in task.get_actions(page, lead)] == [TACIT_APPROVE]
    assert task.get_actions(page, editor) == []
    client.force_login(editor)
    client.post(url, {"comment": ""})
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS

    client.force_login(lead)
    response = client.post(url, {"comment": "Relancée par téléphone."})
    assert response.status_code in (200, 302)
    state = SignoffTaskState.objects.get(pk=state.pk)
    assert state.status == TaskState.STATUS_APPROVED
    assert state.tacit and state.finished_by == lead
    assert "Accord tacite" in state.comment
    assert state_of(page).current_task_state.task.name == "Validation"
    assert PageLogEntry.objects.filter(page=page, action="recueil.signoff.tacit")
    entry = ModelLogEntry.objects.for_instance(submission).get(
        action="recueil.signoff.tacit_approved"
    )
    assert entry.user == lead
    # The contributor is told, on their pages.
    html = client.get(reverse("recueil_signoff", args=[token])).content.decode()
    assert "sans réponse de votre part (accord tacite)" in html


def test_the_delay_is_a_setting(moderator, editor, lead, settings):
    settings.SIGNOFF_TACIT_DAYS = 3
    _submission, _token, page = at_signoff(moderator, editor)
    state = state_of(page).current_task_state
    _age(state, 3)
    task = ContributorSignoffTask.objects.get()
    assert task.get_actions(page, lead)
