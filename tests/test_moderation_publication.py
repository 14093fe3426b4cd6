"""Accept → page draft in the workflow → review → validation → live page,
submission `publiée`, contributor emailed."""

from django.urls import reverse

from wagtail.models import WorkflowState

import pytest

from experiences import moderation, tracking
from experiences.models import ExperiencePage, RubricPage
from experiences.publication import ChosenAttachment, plain_text_to_rich_text
from experiences.states import Status, TransitionError
from tests.factories import add_attachment, make_submission

# Accepting builds the page under its rubric and starts its workflow.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rubrics", "workflow")]


def test_plain_text_becomes_escaped_paragraphs():
    html = plain_text_to_rich_text("Un <b>titre</b> & co\nligne 2\n\n\nDeuxième")
    assert html == (
        "<p>Un &lt;b&gt;titre&lt;/b&gt; &amp; co<br/>ligne 2</p><p>Deuxième</p>"
    )
    assert plain_text_to_rich_text("") == ""


def _accept(submission, user, **kwargs):
    moderation.take(submission, user)
    return moderation.accept(submission, user, **kwargs)


def test_accept_creates_a_draft_page_with_every_field(
    moderator, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission(
        themes=["cohesion-sociale", "jeunesse"], consent_public_contact=True
    )
    photo = add_attachment(submission, "image", caption="L'atelier", credit="C. D.")
    document = add_attachment(submission, "document", caption="Compte rendu")
    add_attachment(submission, "document", name="pas-coche.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        page = _accept(
            submission,
            moderator,
            rubric="rendre-compte-des-travaux",
            attachments=[
                ChosenAttachment(
                    photo.pk, caption="Atelier du mardi", credit="Camille"
                ),
                ChosenAttachment(document.pk),
            ],
        )
    page = ExperiencePage.objects.get(pk=page.pk)
    submission.refresh_from_db()
    assert submission.status == Status.ACCEPTED
    assert page.get_parent().specific.rubric == "rendre-compte-des-travaux"
    assert page.rubric == "rendre-compte-des-travaux"
    assert not page.live
    assert page.submission == submission
    assert page.title == submission.title
    assert page.summary == submission.summary
    assert page.department.code == "93"
    assert page.feature == submission.feature
    assert page.ongoing and page.end_date is None
    assert page.objectives == (
        "<p>Faire connaître le conseil.</p><p>Attirer de nouveaux membres.</p>"
    )
    assert "&lt;mensuelles&gt; &amp; ouvertes.<br/>" in page.approach
    assert page.advice == "<p>Commencer petit.</p>"
    assert sorted(t.slug for t in page.themes.all()) == ["cohesion-sociale", "jeunesse"]
    assert sorted(t.name for t in page.tags.all()) == ["ateliers", "mobilisation"]
    assert [link.url for link in page.links.all()] == submission.link_list
    assert page.contributor_role == "conseiller-citoyen"
    assert page.contact_name == "Camille Durand"
    assert page.contact_email == submission.email
    photos = list(page.photos.all())
    assert len(photos) == 1
    assert photos[0].caption == "Atelier du mardi" and photos[0].credit == "Camille"
    assert photos[0].image.width == 40
    documents = list(page.documents.all())
    assert len(documents) == 1 and documents[0].caption == "Compte rendu"
    # The contributor's text is left as they wrote it.
    assert submission.approach.startswith("Des réunions <mensuelles>")
    # In the workflow, at its first task.
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Publication d'une expérience"
    assert state.current_task_state.task.name == "Relecture éditoriale"
    assert [m.to for m in mailoutbox if "retenue" in m.subject] == [[submission.email]]


def test_public_contact_only_with_consent(moderator):
    submission = make_submission(consent_public_contact=False)
    page = _accept(submission, moderator)
    assert page.contact_name == "" and page.contact_email == ""


def test_accepting_twice_never_makes_two_pages(moderator, lead):
    submission = make_submission()
    moderation.take(submission, moderator)
    seen = submission.status
    moderation.accept(submission, moderator, expected_status=seen)
    with pytest.raises(TransitionError):
        moderation.accept(submission, lead, expected_status=seen)
    with pytest.raises(TransitionError):
        moderation.accept(submission, lead)
    assert ExperiencePage.objects.filter(submission=submission).count() == 1


def test_failed_page_creation_rolls_the_acceptance_back(moderator, monkeypatch):
    submission = make_submission()
    moderation.take(submission, moderator)
    RubricPage.objects.filter(rubric=submission.rubric).delete()
    with pytest.raises(TransitionError):
        moderation.accept(submission, moderator)
    submission.refresh_from_db()
    assert submission.status == Status.IN_REVIEW

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("experiences.publication.build_page", boom)
    with pytest.raises(RuntimeError):
        moderation.accept(submission, moderator, rubric="rendre-compte-des-travaux")
    submission.refresh_from_db()
    assert submission.status == Status.IN_REVIEW
    assert not ExperiencePage.objects.filter(submission=submission).exists()


def _approve(client, user, page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    task_state = state.current_task_state
    client.force_login(user)
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    response = client.post(url, {"comment": "OK"})
    assert response.status_code in (200, 302), response.content[:500]
    return response


def test_full_path_from_received_to_published(
    client, moderator, editor, lead, mailoutbox, django_capture_on_commit_callbacks
):
    """reçue → take → accept → Relecture (Rédacteur) → Validation (Responsable)."""
    with django_capture_on_commit_callbacks(execute=True):
        submission, page = _full_path(client, moderator, editor, lead)
    emails = [m for m in mailoutbox if m.to == [submission.email]]
    # The sign-off request was queued too, but is sent only after the commit
    # (here, at the end): the contributor had answered meanwhile, so it is
    # dropped rather than asking for an agreement already given.
    assert [m.subject for m in emails] == [
        f"[Recueil] Votre contribution {submission.reference} est retenue",
        "[Recueil] Votre expérience est en ligne",
    ]
    assert page.get_full_url() in emails[-1].body
    assert page.get_full_url() in emails[-1].alternatives[0].content


def _full_path(client, moderator, editor, lead):
    submission = make_submission()
    client.force_login(moderator)
    inspect = f"/admin/contributions/inspect/{submission.pk}/"
    assert client.get(inspect).status_code == 200
    actions = f"/admin/contributions/actions/{submission.pk}/"
    response = client.post(actions + "take/", {"expected_status": "recue"})
    assert response.status_code == 302
    response = client.post(
        actions + "accept/",
        {"expected_status": "en-examen", "rubric": "evaluer-le-travail-partenarial"},
    )
    assert response.status_code == 302
    page = ExperiencePage.objects.get(submission=submission)
    assert page.rubric == "evaluer-le-travail-partenarial"

    _approve(client, editor, page)
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    assert state.current_task_state.task.name == "Accord de la personne contributrice"
    # The contributor validates the edited sheet from their private link.
    client.logout()
    signoff = reverse("recueil_signoff", args=[tracking.current_token(submission)])
    response = client.post(
        signoff, {"action": "approve", "task_state": state.current_task_state.pk}
    )
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Validation"

    _approve(client, lead, page)
    page.refresh_from_db()
    submission.refresh_from_db()
    assert page.live
    assert submission.status == Status.PUBLISHED
    assert submission.published_at is not None
    assert client.get(page.url).status_code == 200
    # Each step is in the submission's history.
    client.force_login(moderator)
    html = client.get(inspect).content.decode()
    for label in ("Prendre en charge", "Retenir", "Publiée"):
        assert label in html
    return submission, page


def test_workflow_rejection_sends_the_page_back_to_editors(
    client, moderator, editor, mailoutbox
):
    submission = make_submission()
    page = _accept(submission, moderator)
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    client.force_login(editor)
    url = (
        f"/admin/pages/workflow/action/{page.pk}/reject/{state.current_task_state.pk}/"
    )
    client.post(url, {"comment": "À reprendre"})
    state.refresh_from_db()
    submission.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert submission.status == Status.ACCEPTED
    page.refresh_from_db()
    assert not page.live


def test_republishing_does_not_email_twice(
    moderator, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission()
    with django_capture_on_commit_callbacks(execute=True):
        page = _accept(submission, moderator)
        page.get_latest_revision().publish()
        page.refresh_from_db()
        page.save_revision().publish()
    submission.refresh_from_db()
    assert submission.status == Status.PUBLISHED
    assert len([m for m in mailoutbox if "en ligne" in m.subject]) == 1
