from array import array

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from experiences.models.submissions import private_storage

# The submissions' ids are kept packed, 8 bytes each (400 kB for 50 000).
ID_TYPECODE = "q"


def export_path(instance, filename):
    return f"exports/{timezone.now():%Y/%m}/{filename}"


class QueueExport(models.Model):
    """An export of the moderation queue asked for by an editorial lead: the
    submissions it holds (their ids, in the queue's order when it was asked
    for), built by a task into a private file, downloadable by editorial leads
    until it expires (``QUEUE_EXPORT_KEEP_DAYS``); `purge_personal_data`
    erases it then."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    class Status(models.TextChoices):
        PENDING = "en-attente", _("En attente")
        READY = "pret", _("Prêt")
        FAILED = "echec", _("Échec")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    status = models.CharField(
        _("état"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    # The queue's filters as the lead set them, without the search words (a
    # name or an address may be among them): for the list of exports.
    filters = models.CharField(_("filtres"), max_length=500, blank=True)
    searched = models.BooleanField(_("avec une recherche"), default=False)
    submission_ids = models.BinaryField(editable=False)
    row_count = models.PositiveIntegerField(_("contributions"), default=0)
    file = models.FileField(
        _("fichier"),
        storage=private_storage,
        upload_to=export_path,
        max_length=255,
        blank=True,
    )
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expire le"), null=True, blank=True)

    class Meta:
        verbose_name = _("export de la file")
        verbose_name_plural = _("exports de la file")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Export {self.get_format_display()} du {self.created_at:%d/%m/%Y}"

    def set_ids(self, ids):
        packed = array(ID_TYPECODE, ids)
        self.submission_ids = packed.tobytes()
        self.row_count = len(packed)

    def ids(self):
        packed = array(ID_TYPECODE)
        packed.frombytes(bytes(self.submission_ids))
        return packed

    @property
    def is_downloadable(self):
        return (
            self.status == self.Status.READY
            and bool(self.file)
            and (self.expires_at is None or self.expires_at > timezone.now())
        )
