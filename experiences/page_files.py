"""The copies of a contributor's files on the page made from their submission.

Accepting a submission copies the chosen attachments into Wagtail images and
documents (``experiences.publication``). Until the page is published they sit
in a private collection whose view restriction admits only the editorial
groups: Wagtail's document view asks anyone else to log in, and the API lists
none of them (``config.api``). Their names are neutral, the page's slug and a
number, never the contributor's file name; an image's file name also starts
with a random part, since ``/media/`` is served without any check (the
renditions' names start with it too, so they cannot be guessed either).

Publishing the page moves its copies to the collection of published files;
unpublishing it moves them back; deleting the page deletes them (Wagtail
deletes their files and renditions once the transaction has committed).

What "rejected" means: the workflow's « Demander des modifications » sends the
page back to its editors, a draft that may still be published, so its copies
stay private. The decision not to publish a page is to delete it, which takes
its copies with it.
"""

import secrets
from pathlib import PurePath

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction
from wagtail.signals import page_published, page_unpublished

from experiences.constants import (
    GROUP_EDITORIAL_LEADS,
    GROUP_EDITORS,
    GROUP_MODERATORS,
)
from experiences.models import ExperienceDocument, ExperiencePage, ExperiencePhoto

PRIVATE_COLLECTION = "Fichiers des contributions en relecture"
PUBLISHED_COLLECTION = "Fichiers des contributions publiés"
VIEWER_GROUPS = (GROUP_EDITORS, GROUP_MODERATORS, GROUP_EDITORIAL_LEADS)
SLUG_LENGTH = 50
RANDOM_BYTES = 10  # 80 bits, in 20 hexadecimal characters


def _child_of_root(name):
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


def private_collection():
    """The collection of files whose page is not published, restricted to the
    editorial groups (created, and its restriction restored, when missing)."""
    collection = _child_of_root(PRIVATE_COLLECTION)
    restriction, created = CollectionViewRestriction.objects.get_or_create(
        collection=collection,
        defaults={"restriction_type": BaseViewRestriction.GROUPS},
    )
    if restriction.restriction_type != BaseViewRestriction.GROUPS:
        restriction.restriction_type = BaseViewRestriction.GROUPS
        restriction.password = ""
        restriction.save(update_fields=["restriction_type", "password"])
    restriction.groups.add(*Group.objects.filter(name__in=VIEWER_GROUPS))
    return collection


def published_collection():
    return _child_of_root(PUBLISHED_COLLECTION)


def copy_name(slug, number, stored_name, *, unguessable):
    """``<slug>-<number><ext>``, with a random prefix when ``unguessable``; the
    extension is the stored file's, itself generated from a checked upload."""
    extension = PurePath(stored_name).suffix.lower()[:8]
    name = f"{(slug or 'experience')[:SLUG_LENGTH].strip('-')}-{number}"
    if unguessable:
        name = f"{secrets.token_hex(RANDOM_BYTES)}-{name}"
    return name + extension


# Moving copies with their page -------------------------------------------------


def _page_files(page):
    """The images and documents the page's photos and documents point at."""
    image_ids = ExperiencePhoto.objects.filter(page=page).values("image_id")
    document_ids = ExperienceDocument.objects.filter(page=page).values("document_id")
    return (
        get_image_model().objects.filter(pk__in=image_ids),
        get_document_model().objects.filter(pk__in=document_ids),
    )


def _used_by_other_live_pages(page):
    """Ids of images and documents that another live page also shows."""
    others = ExperiencePage.objects.live().exclude(pk=page.pk).values("pk")
    return (
        set(
            ExperiencePhoto.objects.filter(page__in=others).values_list(
                "image_id", flat=True
            )
        ),
        set(
            ExperienceDocument.objects.filter(page__in=others).values_list(
                "document_id", flat=True
            )
        ),
    )


def publish_files(page):
    """The page is live: its private copies join the published files."""
    target = published_collection()
    source = Collection.objects.filter(name=PRIVATE_COLLECTION, depth=2).first()
    if source is None:
        return
    for queryset in _page_files(page):
        queryset.filter(collection=source).update(collection=target)


def unpublish_files(page):
    """The page is no longer live: its copies are private again, unless
    another live page shows them."""
    source = Collection.objects.filter(name=PUBLISHED_COLLECTION, depth=2).first()
    if source is None:
        return
    target = private_collection()
    shared_images, shared_documents = _used_by_other_live_pages(page)
    images, documents = _page_files(page)
    images.filter(collection=source).exclude(pk__in=shared_images).update(
        collection=target
    )
    documents.filter(collection=source).exclude(pk__in=shared_documents).update(
        collection=target
    )


def delete_copies(image_ids, document_ids):
    """Delete the copies that no page points at any more."""
    copies = Collection.objects.filter(
        name__in=(PRIVATE_COLLECTION, PUBLISHED_COLLECTION), depth=2
    )
    still_used_images = ExperiencePhoto.objects.filter(image_id__in=image_ids)
    still_used_documents = ExperienceDocument.objects.filter(
        document_id__in=document_ids
    )
    for image in (
        get_image_model()
        .objects.filter(pk__in=image_ids, collection__in=copies)
        .exclude(pk__in=still_used_images.values("image_id"))
    ):
        image.delete()
    for document in (
        get_document_model()
        .objects.filter(pk__in=document_ids, collection__in=copies)
        .exclude(pk__in=still_used_documents.values("document_id"))
    ):
        document.delete()


# Signals ---------------------------------------------------------------------


@receiver(page_published, dispatch_uid="recueil_page_files_published")
def on_published(sender, instance, **kwargs):
    if isinstance(instance, ExperiencePage):
        publish_files(instance)


@receiver(page_unpublished, dispatch_uid="recueil_page_files_unpublished")
def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ExperiencePage):
        unpublish_files(instance)


@receiver(pre_delete, sender=ExperiencePage, dispatch_uid="recueil_page_files_deleted")
def on_deleted(sender, instance, **kwargs):
    image_ids = list(
        ExperiencePhoto.objects.filter(page=instance).values_list("image_id", flat=True)
    )
    document_ids = list(
        ExperienceDocument.objects.filter(page=instance).values_list(
            "document_id", flat=True
        )
    )
    if image_ids or document_ids:
        transaction.on_commit(lambda: delete_copies(image_ids, document_ids))
