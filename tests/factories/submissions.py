"""Submissions and their attachments, moved to their state by
``experiences.states.apply`` as real ones are."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from experiences import notifications, states
from experiences.constants import Rubric
from experiences.models import (
    Department,
    ReferenceSequence,
    Submission,
    SubmissionAttachment,
    Theme,
)
from experiences.states import Status
from tests.factories.people import history_moderator
from tests.factories.samples import png_bytes


def now():
    return timezone.now()


# The transitions that lead from a draft to each state.
PATHS = {
    Status.DRAFT: (),
    Status.RECEIVED: ("submit",),
    Status.IN_REVIEW: ("submit", "take"),
    Status.CHANGES_REQUESTED: ("submit", "take", "request_changes"),
    Status.ACCEPTED: ("submit", "take", "accept"),
    Status.DECLINED: ("submit", "take", "decline"),
    Status.PUBLISHED: ("submit", "take", "accept", "publish"),
    Status.WITHDRAWN: ("submit", "withdraw"),
    Status.SPAM: ("submit", "mark_spam"),
}
# Stamped by the transitions: when given, written once the path is walked.
STAMPS = ("submitted_at", "decided_at", "published_at", "updated_at")


class SubmissionFactory(DjangoModelFactory):
    """A submission as the form writes it, moved to ``status`` by
    ``states.apply`` (``moderator``: who moderates it, by default
    ``history_moderator()``)."""

    class Meta:
        model = Submission
        skip_postgeneration_save = True

    class Params:
        number = factory.Sequence(lambda n: n + 1)

    title = factory.LazyAttribute(
        lambda o: f"Un conseil citoyen co-construit son contrat de ville {o.number}"
    )
    rubric = Rubric.COLLECTIVE_DYNAMIC.value
    summary = "Le conseil citoyen de Saint-Denis anime des ateliers ouverts."
    communes = "Saint-Denis"
    department = factory.LazyFunction(lambda: Department.objects.get(code="93"))
    quartiers = "Franc-Moisin"
    start_date = datetime.date(2016, 10, 1)
    ongoing = True
    feature = "Des ateliers au pied des immeubles"
    objectives = "Faire connaître le conseil.\n\nAttirer de nouveaux membres."
    approach = "Des réunions <mensuelles> & ouvertes.\nUn compte rendu partagé."
    actors = "Centre social, délégué·e du préfet"
    results = "Vingt nouveaux membres."
    difficulties = "Peu de moyens."
    advice = "Commencer petit."
    tags = "ateliers, mobilisation"
    links = "https://example.org/conseil\nhttps://video.example.org/v/1"
    first_name = "Camille"
    last_name = "Durand"
    email = factory.LazyAttribute(lambda o: f"camille.durand{o.number}@example.org")
    phone = "01 23 45 67 89"
    role = "conseiller-citoyen"
    organisation = "Conseil citoyen Franc-Moisin"
    council = "Conseil citoyen Franc-Moisin"
    consent_data_at = factory.LazyFunction(timezone.now)
    consent_data_text = "J'accepte le traitement."
    consent_licence_at = factory.LazyFunction(timezone.now)
    consent_licence_text = "J'accepte la licence."
    consent_public_contact = False

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        kwargs.pop("status", None)
        kwargs.pop("moderator", None)
        submission = model_class(*args, **kwargs)
        submission.set_token()
        return submission

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        status = kwargs.pop("status", Status.RECEIVED)
        moderator = kwargs.pop("moderator", None)
        themes = kwargs.pop("themes", ())
        stamps = {name: kwargs.pop(name) for name in STAMPS if name in kwargs}
        submission = cls._build(model_class, *args, status=Status.DRAFT, **kwargs)
        submission.save()
        if themes:
            submission.themes.set(Theme.objects.filter(slug__in=themes))
        with notifications.muted():
            for name in PATHS[status]:
                transition = states.TRANSITIONS[name]
                changes = {}
                if name == "submit":
                    changes["reference"] = ReferenceSequence.next_reference()
                user = None
                if transition.actor == states.MODERATOR:
                    user = moderator or history_moderator()
                message = "Motif de test." if transition.message_required else ""
                submission = states.apply(
                    submission, name, user=user, message=message, **changes
                )
        if stamps:
            model_class.objects.filter(pk=submission.pk).update(**stamps)
            submission.refresh_from_db()
        return submission


def make_submission(status=Status.RECEIVED, department="93", themes=(), **fields):
    return SubmissionFactory(
        status=status,
        department=Department.objects.get(code=department) if department else None,
        themes=themes,
        **fields,
    )


class SubmissionAttachmentFactory(DjangoModelFactory):
    class Meta:
        model = SubmissionAttachment

    class Params:
        data = factory.LazyAttribute(
            lambda o: png_bytes() if o.kind == "image" else b"%PDF-1.4\n%fake\n"
        )

    submission = factory.SubFactory(SubmissionFactory)
    kind = "image"
    original_name = factory.LazyAttribute(
        lambda o: "atelier.png" if o.kind == "image" else "compte-rendu.pdf"
    )
    content_type = factory.LazyAttribute(
        lambda o: "image/png" if o.kind == "image" else "application/pdf"
    )
    size = factory.LazyAttribute(lambda o: len(o.data))
    caption = ""
    credit = ""
    sha256 = "0" * 64
    file = factory.LazyAttribute(lambda o: ContentFile(o.data, name=o.original_name))


def add_attachment(submission, kind="image", name=None, caption="", credit=""):
    values = {"original_name": name} if name else {}
    return SubmissionAttachmentFactory(
        submission=submission, kind=kind, caption=caption, credit=credit, **values
    )
