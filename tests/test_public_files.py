"""A contributor's file is public only once its page is: the copies made on
acceptance stay in a private collection, under neutral names, out of the API
and behind a login on the document URL, until the page is published; they go
private again when it is unpublished, and away when it is deleted."""

import re

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

import pytest

from experiences import moderation, page_files
from experiences.constants import GROUP_EDITORIAL_LEADS, GROUP_EDITORS, GROUP_MODERATORS
from experiences.models import ExperiencePage, ExperiencePhoto
from experiences.publication import ChosenAttachment
from home.setup import setup_site
from tests.factories import add_attachment, make_submission, png_bytes

# Accepting builds the page under its rubric and starts its workflow.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rubrics", "workflow")]

PHOTO_NAME = "Atelier chez Camille Durand.png"
DOCUMENT_NAME = "CR réunion Durand 12 mars.pdf"


@pytest.fixture
def accepted(moderator):
    """A page draft in its workflow, made from a submission with a photo and
    a document whose names say who sent them."""
    submission = make_submission(title="Un forum ouvert à Saint-Denis")
    photo = add_attachment(submission, "image", name=PHOTO_NAME)
    document = add_attachment(submission, "document", name=DOCUMENT_NAME)
    moderation.take(submission, moderator)
    page = moderation.accept(
        submission,
        moderator,
        attachments=[ChosenAttachment(photo.pk), ChosenAttachment(document.pk)],
    )
    page = ExperiencePage.objects.get(pk=page.pk)
    return page, page.photos.get().image, page.documents.get().document


def _api_ids(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/")
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def assert_private(client, image, document):
    """What an anonymous visitor (and the open-data API) gets of the copies."""
    assert image.pk not in _api_ids(client, "images")
    assert document.pk not in _api_ids(client, "documents")
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [b""]))


def assert_public(client, image, document):
    assert image.pk in _api_ids(client, "images")
    assert document.pk in _api_ids(client, "documents")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"%PDF" in b"".join(response.streaming_content)


def test_copies_are_private_and_neutrally_named_while_the_page_is_in_review(
    client, accepted
):
    page, image, document = accepted
    assert not page.live
    private = Collection.objects.get(name=page_files.PRIVATE_COLLECTION)
    assert image.collection == private and document.collection == private
    assert_private(client, image, document)
    # Named after the page, never after the contributor's files.
    assert page.slug == "un-forum-ouvert-a-saint-denis"
    assert document.file.name == "documents/un-forum-ouvert-a-saint-denis-2.pdf"
    assert re.fullmatch(
        r"original_images/[0-9a-f]{20}-un-forum-ouvert-a-saint-denis-1\.png",
        image.file.name,
    )
    for item in (image, document):
        assert "Durand" not in item.title and "Durand" not in item.file.name
    # A rendition's name starts like its image's: not guessable either.
    rendition = image.get_rendition("width-1000")
    prefix = image.filename.split("-")[0]
    assert rendition.file.name.startswith(f"images/{prefix}-")


def test_a_long_slug_is_shortened_never_the_random_part():
    name = page_files.copy_name("x" * 200, 3, "submissions/a.JPEG", unguessable=True)
    assert re.fullmatch(r"[0-9a-f]{20}-x{50}-3\.jpeg", name)
    assert len(f"original_images/{name}") < 95  # Wagtail's limit, never cut


def test_editors_and_moderators_still_see_the_copies(
    client, accepted, editor, moderator
):
    page, image, document = accepted
    for user in (editor, moderator):
        client.force_login(user)
        assert client.get(document.url).status_code == 200
        assert image.title in client.get("/admin/images/").content.decode()
        # The API is the public's: staff see there what the public sees.
        assert document.pk not in _api_ids(client, "documents")


def test_copies_follow_the_page_published_unpublished_and_deleted(
    client, accepted, django_capture_on_commit_callbacks
):
    page, image, document = accepted
    page.get_latest_revision().publish()
    image.refresh_from_db()
    document.refresh_from_db()
    assert image.collection.name == page_files.PUBLISHED_COLLECTION
    assert_public(client, image, document)

    page.refresh_from_db()
    page.unpublish()
    image.refresh_from_db()
    document.refresh_from_db()
    assert_private(client, image, document)

    storage = document.file.storage
    names = [image.file.name, document.file.name]
    assert all(storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        ExperiencePage.objects.get(pk=page.pk).delete()
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not get_document_model().objects.filter(pk=document.pk).exists()
    assert not any(storage.exists(name) for name in names)
    assert client.get(document.url).status_code == 404


def test_a_page_sent_back_by_the_workflow_keeps_its_copies_private(
    client, accepted, editor
):
    """« Demander des modifications » returns a draft that may still be
    published: its copies stay, private."""
    page, image, document = accepted
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, editor, "reject")
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "needs_changes"
    assert_private(client, image, document)


def test_deleting_a_draft_page_deletes_its_copies_but_not_the_library(
    accepted, django_capture_on_commit_callbacks
):
    page, image, document = accepted
    library = get_image_model().objects.create(
        title="Photo de la médiathèque",
        file=ContentFile(png_bytes(), name="mediatheque.png"),
        collection=Collection.get_first_root_node(),
    )
    ExperiencePhoto.objects.create(page=page, image=library)
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not get_document_model().objects.filter(pk=document.pk).exists()
    assert get_image_model().objects.filter(pk=library.pk).exists()


def test_setup_site_makes_the_private_collection_once_and_restores_it(site_tree):
    collection = Collection.objects.get(name=page_files.PRIVATE_COLLECTION)
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    # Someone opened it to everyone with a password; the next deploy restores it.
    restriction.restriction_type = BaseViewRestriction.PASSWORD
    restriction.password = "ouvert"  # noqa: S105
    restriction.save()
    restriction.groups.clear()
    setup_site()
    setup_site()
    assert Collection.objects.filter(name=page_files.PRIVATE_COLLECTION).count() == 1
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == BaseViewRestriction.GROUPS
    assert set(restriction.groups.values_list("name", flat=True)) == {
        GROUP_EDITORS,
        GROUP_MODERATORS,
        GROUP_EDITORIAL_LEADS,
    }
