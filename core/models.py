"""The site's identity (a Wagtail setting), the outbox (one row per email to
send, the record of what became of it) and the lean copy of the search index
that the public search reads."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

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


@register_setting(icon="site")
class SiteIdentity(BaseGenericSetting):
    """What the header and footer say about the service and who runs it."""

    service_name = models.CharField(
        _("nom du service"), max_length=100, default="Recueil"
    )
    service_tagline = models.CharField(
        _("précision sur l'activité"),
        max_length=200,
        default="Expériences de conseils citoyens dans la politique de la ville",
    )
    operator_name = models.CharField(
        _("opérateur (bloc-marque)"),
        max_length=200,
        default="République\nFrançaise",
        help_text=_("Une ligne par ligne du bloc-marque."),
    )
    contact_email = models.EmailField(
        _("courriel de contact"), default="conseils-citoyens@recueil.local"
    )
    footer_text = models.TextField(
        _("texte du pied de page"),
        blank=True,
        default=(
            "Recueil rassemble les expériences de terrain des conseils citoyens, "
            "de leurs partenaires et des élu·e·s, pour outiller la co-construction "
            "des contrats de ville."
        ),
    )

    panels = [
        FieldPanel("service_name"),
        FieldPanel("service_tagline"),
        FieldPanel("operator_name"),
        FieldPanel("contact_email"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("identité du site")


class SearchDocument(models.Model):
    """One row of Wagtail's search index (``wagtailsearch_indexentry``), lean:
    its searched vector (``title || body``) and title, without the plain texts
    and the autocomplete vector that make Wagtail's rows wide and TOASTed.

    Written only by a PostgreSQL trigger on Wagtail's table (migration
    core/0003): Wagtail writes its entries with raw SQL, never through a model
    signal. Empty on SQLite, where ``core.search`` asks Wagtail's backend.
    """

    # The index entry's id.
    id = models.IntegerField(primary_key=True)
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    # The indexed object's key; entries whose key is not an integer are not copied.
    object_id = models.IntegerField()
    document = SearchVectorField()
    title = SearchVectorField()
    title_norm = models.FloatField(default=1.0)

    class Meta:
        verbose_name = _("document de recherche")
        verbose_name_plural = _("documents de recherche")
        # A listing narrowed by other filters probes its few candidates'
        # documents by key instead of scanning every document.
        indexes = [models.Index(fields=["object_id"], name="core_searchdoc_object_idx")]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"
