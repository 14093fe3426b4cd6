import secrets
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import storages
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import tokens
from core.tokens import hash_token, new_salt
from experiences.constants import ContributorRole, Rubric, SubmissionKind
from experiences.states import Status


def private_storage():
    return storages["private"]


def attachment_path(instance, filename):
    """A generated name: the contributor's file name is never used on disk."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"submissions/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def new_token():
    """A random token that no salt derives (a link that no longer opens)."""
    return secrets.token_urlsafe(32)


TOKEN_KEY_SALT = "recueil.tracking-link"  # noqa: S105 - a namespace, not a secret


def derive_token(salt, secret=None):
    """The tracking token of ``salt`` (see core.tokens)."""
    return tokens.derive(TOKEN_KEY_SALT, salt, secret)


class ReferenceSequence(models.Model):
    """The last reference number given each year, locked while a new one is taken."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("compteur de références")

    def __str__(self):
        return f"{self.year} : {self.last_number}"

    @classmethod
    def next_reference(cls, year=None):
        """``REX-2026-00042``: gapless, since it is taken inside the caller's
        transaction and rolled back with it. The year's row stays locked until
        that transaction ends, so callers take it last, right before the commit
        (``contribution.submit``): other submissions wait only for that."""
        year = year or timezone.localdate().year
        with transaction.atomic():
            bumped = cls.objects.filter(year=year).update(
                last_number=models.F("last_number") + 1
            )
            if not bumped:
                # The year's first reference; a concurrent first one makes
                # get_or_create fetch the row, then the update waits for it.
                cls.objects.get_or_create(year=year)
                cls.objects.filter(year=year).update(
                    last_number=models.F("last_number") + 1
                )
            number = cls.objects.values_list("last_number", flat=True).get(year=year)
        return f"REX-{year}-{number:05d}"


class Submission(models.Model):
    """What a contributor sent: their words, their personal data, their files.

    Never shown to the public; an ExperiencePage is made from it on acceptance.
    """

    reference = models.CharField(
        _("référence"), max_length=20, unique=True, null=True, blank=True
    )
    status = models.CharField(
        _("état"),
        max_length=30,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )

    # Votre expérience
    title = models.CharField(_("titre"), max_length=200, blank=True)
    rubric = models.CharField(
        _("rubrique"), max_length=60, choices=Rubric.choices, blank=True
    )
    summary = models.CharField(_("résumé"), max_length=300, blank=True)
    # Où et quand
    communes = models.CharField(
        _("commune(s) ou intercommunalité"), max_length=255, blank=True
    )
    department = models.ForeignKey(
        "experiences.Department",
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submissions",
    )
    quartiers = models.CharField(
        _("quartier(s) prioritaire(s)"), max_length=255, blank=True
    )
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)
    ongoing = models.BooleanField(_("en cours"), default=False)
    feature = models.CharField(_("signe particulier"), max_length=200, blank=True)
    # Ce qui s'est passé
    objectives = models.TextField(_("objectifs"), blank=True)
    approach = models.TextField(_("la démarche"), blank=True)
    actors = models.TextField(_("acteurs et partenaires"), blank=True)
    results = models.TextField(_("résultats et sujets de satisfaction"), blank=True)
    difficulties = models.TextField(_("difficultés et freins"), blank=True)
    advice = models.TextField(_("conseils"), blank=True)
    themes = models.ManyToManyField(
        "experiences.Theme",
        verbose_name=_("thématiques"),
        blank=True,
        related_name="submissions",
    )
    tags = models.CharField(_("mots-clés"), max_length=500, blank=True)
    links = models.TextField(_("liens"), blank=True)

    # Vous (personal data)
    first_name = models.CharField(_("prénom"), max_length=100, blank=True)
    last_name = models.CharField(_("nom"), max_length=100, blank=True)
    email = models.EmailField(_("courriel"), db_index=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    role = models.CharField(
        _("rôle"), max_length=30, choices=ContributorRole.choices, blank=True
    )
    organisation = models.CharField(_("structure"), max_length=200, blank=True)
    council = models.CharField(_("conseil citoyen"), max_length=200, blank=True)

    # Consents, with the exact wording accepted and when.
    consent_data_at = models.DateTimeField(
        _("consentement au traitement : date"), null=True, blank=True
    )
    consent_data_text = models.TextField(
        _("consentement au traitement : texte"), blank=True
    )
    consent_licence_at = models.DateTimeField(
        _("consentement à la licence : date"), null=True, blank=True
    )
    consent_licence_text = models.TextField(
        _("consentement à la licence : texte"), blank=True
    )
    consent_public_contact = models.BooleanField(_("contact public"), default=False)
    consent_public_contact_at = models.DateTimeField(
        _("consentement au contact public : date"), null=True, blank=True
    )
    consent_public_contact_text = models.TextField(
        _("consentement au contact public : texte"), blank=True
    )

    # Private link: the token is derived from this random salt and the secret
    # key (so that any process can rebuild the link); only its SHA-256 is
    # stored, for the lookup. A new salt gives a new link.
    token_salt = models.CharField(max_length=64, default=new_salt, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # One submission per form display, so that a double click or a replayed
    # post cannot create two.
    form_nonce = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    # « Mise à jour »: a later account of a published experience, which
    # becomes a new revision of its page (experiences.updates).
    kind = models.CharField(
        _("nature"),
        max_length=20,
        choices=SubmissionKind.choices,
        default=SubmissionKind.CONTRIBUTION,
    )
    updates_page = models.ForeignKey(
        "experiences.ExperiencePage",
        verbose_name=_("page mise à jour"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="update_submissions",
    )
    update_prompted_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The completeness score (0–100) after the rubric's checklist, stored
    # with each save of the form so that the queue can sort and filter by it
    # (``experiences.completeness``); a guide, never a condition.
    completeness = models.PositiveSmallIntegerField(
        _("complétude"), null=True, blank=True, editable=False
    )

    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modérateur·rice"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_submissions",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    submitted_at = models.DateTimeField(_("reçue le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décision le"), null=True, blank=True)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    draft_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    personal_data_purged_at = models.DateTimeField(
        _("données personnelles purgées le"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-submitted_at", "-created_at"]
        permissions = [
            ("moderate_submission", _("Peut modérer les contributions")),
            ("view_personal_data", _("Peut voir les données personnelles")),
            ("export_submission", _("Peut exporter les contributions")),
            ("purge_submission", _("Peut purger les données personnelles")),
        ]
        indexes = [
            models.Index(fields=["status", "submitted_at"]),
            # The moderation queue's order (newest first, the key breaking
            # ties), over what was sent. On PostgreSQL, migration 0005 adds the
            # full-text document and the trigram index that its search uses.
            models.Index(
                fields=["-submitted_at", "-id"],
                name="submission_queue_order",
                condition=models.Q(submitted_at__isnull=False),
            ),
            # The queue's filters by region (its departments), state and
            # person assigned: one index condition for the three together, or
            # the first one or two (bench/RESULTS-queue.md).
            models.Index(
                fields=["department", "status", "assigned_to"],
                name="submission_queue_filters",
                condition=models.Q(submitted_at__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.reference or _('Brouillon')} — {self.title or _('(sans titre)')}"

    def save(self, **kwargs):
        if not self.token_hash:
            self.set_token()
        super().save(**kwargs)

    def set_token(self):
        """Give the submission a new private token (not saved); return it."""
        self.token_salt = new_salt()
        token = derive_token(self.token_salt)
        self.token_hash = hash_token(token)
        return token

    def tracking_token(self):
        """The current token, rebuilt from the salt; None when it cannot be
        (the secret key changed and the old one is not in SECRET_KEY_FALLBACKS,
        or the link was voided by a purge)."""
        return tokens.recall(TOKEN_KEY_SALT, self.token_salt, self.token_hash)

    @classmethod
    def for_token(cls, token):
        return cls.objects.filter(token_hash=hash_token(token or "")).first()

    @property
    def contributor_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def days_waiting(self):
        if not self.submitted_at or self.status not in (
            Status.RECEIVED,
            Status.IN_REVIEW,
        ):
            return None
        return (timezone.now() - self.submitted_at).days

    @property
    def tag_list(self):
        return [t.strip() for t in self.tags.split(",") if t.strip()]

    @property
    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class SubmissionAttachment(models.Model):
    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        IMAGE = "image", _("Photo")

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("fichier"),
        storage=private_storage,
        upload_to=attachment_path,
        max_length=255,
    )
    original_name = models.CharField(_("nom d'origine"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("taille (octets)"))
    kind = models.CharField(_("nature"), max_length=10, choices=Kind.choices)
    caption = models.CharField(_("légende"), max_length=255, blank=True)
    credit = models.CharField(_("crédit photo"), max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.original_name


class SubmissionNote(models.Model):
    """A private note between moderators; never shown to the contributor."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("note interne")
        verbose_name_plural = _("notes internes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Note du {self.created_at:%d/%m/%Y}"


class SubmissionMessage(models.Model):
    """A message exchanged with the contributor (by email and on their page)."""

    class Direction(models.TextChoices):
        TO_CONTRIBUTOR = "sortant", _("Envoyé à la personne")
        FROM_CONTRIBUTOR = "entrant", _("Reçu de la personne")

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    direction = models.CharField(max_length=10, choices=Direction.choices)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_direction_display()} le {self.created_at:%d/%m/%Y}"
