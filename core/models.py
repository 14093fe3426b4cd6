"""The outbox: one row per email to send, the record of what became of it."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import letters


class OutboxEmail(models.Model):
    """An email to send about one object, built only when it is sent.

    The row holds ids, never an address, a link or a text: the domain that
    registered the template builds the recipients and the context at send time
    (``core.outbox.register``). ``key`` is unique: an email queued twice, or a
    task run twice, is sent once.
    """

    class Status(models.TextChoices):
        PENDING = "en-attente", _("En attente")
        SENT = "envoye", _("Envoyé")
        FAILED = "echec", _("Échec")

    key = models.CharField(_("clé"), max_length=200, unique=True, editable=False)
    template = models.CharField(_("modèle"), max_length=100)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("type d'objet"), on_delete=models.CASCADE
    )
    object_id = models.CharField(_("identifiant de l'objet"), max_length=64)
    about = GenericForeignKey("content_type", "object_id")
    # What happened to the object (e.g. the id of its audit-log entry).
    event_id = models.PositiveBigIntegerField(_("événement"), null=True, blank=True)
    audience = models.CharField(_("destinataires"), max_length=30)
    status = models.CharField(
        _("état"),
        max_length=12,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    next_attempt_at = models.DateTimeField(_("prochain essai"), null=True, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("courriel")
        verbose_name_plural = _("courriels")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["status", "next_attempt_at"]),
        ]
        permissions = [("resend_outboxemail", _("Peut renvoyer les courriels"))]

    def __str__(self):
        return f"{self.template_label} n° {self.pk}"

    def template_label(self):
        return letters.label(self.template)

    template_label.short_description = _("courriel")
    template_label = property(template_label)

    def audience_label(self):
        return letters.audience_label(self.audience)

    audience_label.short_description = _("destinataires")
    audience_label = property(audience_label)
