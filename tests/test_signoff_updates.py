"""Updates months later: the prompt, an update that becomes a new revision of
the same page through the same workflow, and « l'expérience est terminée »."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from experiences import moderation, tracking, updates
from experiences.constants import SubmissionKind
from experiences.models import ExperiencePage, Submission
from experiences.states import Status
from tests.factories import form_tokens, valid_post
from tests.signoff_data import approve_current, at_signoff
from tests.signoff_data import workflow_state as state_of

# The publication workflow on the production tree (setup_site): the task sits
# between its review and its validation.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


def _sign(client, submission, page):
    token = tracking.current_token(submission)
    client.post(
        reverse("recueil_signoff", args=[token]),
        {"action": "approve", "task_state": state_of(page).current_task_state.pk},
    )


@pytest.fixture
def published(client, moderator, editor, lead):
    submission, _token, page = at_signoff(moderator, editor)
    _sign(client, submission, page)
    approve_current(page, lead)
    page.refresh_from_db()
    submission.refresh_from_db()
    assert page.live and submission.status == Status.PUBLISHED
    return submission, page


def test_the_prompt_is_sent_once_twelve_months_after_publication(
    published, mailoutbox, django_capture_on_commit_callbacks
):
    submission, page = published
    assert updates.send_prompts() == 0
    Submission.objects.filter(pk=submission.pk).update(
        published_at=timezone.now() - datetime.timedelta(days=366)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert updates.send_prompts() == 1
        assert updates.send_prompts() == 0
    email = [m for m in mailoutbox if "Où en est" in m.subject][-1]
    assert email.to == [submission.email]
    submission.refresh_from_db()
    assert tracking.tracking_path(tracking.current_token(submission)) in email.body


def test_an_update_becomes_a_new_revision_of_the_same_page(
    client, published, moderator, editor, lead, django_capture_on_commit_callbacks
):
    submission, page = published
    path = tracking.tracking_path(tracking.current_token(submission))
    html = client.get(path).content.decode()
    assert "Où en est votre expérience ?" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("recueil_update_start", args=[path.split("/")[-2]])
        )
    assert response.status_code == 302
    update = Submission.objects.get(kind=SubmissionKind.UPDATE)
    assert update.updates_page_id == page.pk and update.status == Status.DRAFT
    assert update.email == submission.email
    form = client.get(response["Location"]).content.decode()
    # Pre-filled from the page's current text.
    assert f'value="{page.title}"' in form
    assert "Faire connaître le conseil." in form

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            response["Location"],
            valid_post(
                title="Des ateliers au pied des immeubles, trois ans après",
                email=submission.email,
                **form_tokens(form),
            ),
        )
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.status == Status.RECEIVED and update.reference

    pages_before = ExperiencePage.objects.count()
    moderation.take(update, moderator)
    result = moderation.accept(update, moderator)
    assert ExperiencePage.objects.count() == pages_before
    assert result.pk == page.pk
    page.refresh_from_db()
    assert page.live and page.title != update.title  # still the published text
    state = state_of(page)
    assert state.current_task_state.task.name == "Relecture éditoriale"
    approve_current(page, editor)
    signoff = state_of(page).current_task_state.specific
    assert signoff.submission == update  # the update's author signs it off
    update.refresh_from_db()
    _sign(client, update, page)
    approve_current(page, lead)
    page.refresh_from_db()
    update.refresh_from_db()
    assert page.title == "Des ateliers au pied des immeubles, trois ans après"
    assert update.status == Status.PUBLISHED
    html = client.get(page.url).content.decode()
    assert re.search(r"Publiée le [^·<]+ · Mise à jour le ", html)


def test_the_experience_is_over_in_one_click(client, published):
    submission, page = published
    token = tracking.current_token(submission)
    response = client.post(
        reverse("recueil_update_close", args=[token]), {"closure": "terminee"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and not page.ongoing and page.closure == "terminee"
    year = timezone.localdate().year
    assert f"Expérience terminée en {year}" in client.get(page.url).content.decode()
    listing = "/experiences/"
    over = client.get(listing, {"statut": "terminee"}).content.decode()
    running = client.get(listing, {"statut": "en-cours"}).content.decode()
    assert page.title in over and page.title not in running
    # An unknown answer changes nothing.
    client.post(reverse("recueil_update_close", args=[token]), {"closure": "x"})
    page.refresh_from_db()
    assert page.closure == "terminee"


def test_only_a_published_submission_is_offered_an_update(client, moderator, editor):
    submission, token, _page = at_signoff(moderator, editor)
    html = client.get(tracking.tracking_path(token)).content.decode()
    assert "Proposer une mise à jour" not in html
    client.post(reverse("recueil_update_start", args=[token]))
    assert not Submission.objects.filter(kind=SubmissionKind.UPDATE).exists()
    assert client.get(reverse("recueil_update_start", args=[token])).status_code == 405
