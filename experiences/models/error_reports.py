"""What a reader reports about a published sheet (« Signaler une erreur »)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from experiences.models.pages import ExperiencePage

MESSAGE_MAX_LENGTH = 2000


class ErrorReport(models.Model):
    """A message to the editorial team about one sheet; the optional email is
    erased by ``purge_personal_data`` after ``ERROR_REPORT_EMAIL_DAYS``."""

    page = models.ForeignKey(
        ExperiencePage,
        on_delete=models.CASCADE,
        related_name="error_reports",
        verbose_name=_("fiche"),
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    email = models.EmailField(_("adresse électronique"), blank=True)
    created = models.DateTimeField(_("reçu le"), auto_now_add=True, db_index=True)
    handled = models.BooleanField(_("traité"), default=False)

    class Meta:
        verbose_name = _("signalement d'erreur")
        verbose_name_plural = _("signalements d'erreur")
        ordering = ["handled", "-created", "-pk"]

    def __str__(self):
        return _("Signalement n° %(number)s sur « %(title)s »") % {
            "number": self.pk,
            "title": self.page.title,
        }
