from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeRequest(models.Model):
    """A moderator's request for changes that says which fields to revise;
    ``snapshot`` keeps the form's values at that moment, so that the changes
    made since can be shown (experiences.change_requests)."""

    submission = models.ForeignKey(
        "experiences.Submission",
        on_delete=models.CASCADE,
        related_name="change_requests",
    )
    fields = models.JSONField(_("champs à revoir"), default=list, blank=True)
    message = models.TextField(_("message"))
    snapshot = models.JSONField(default=dict, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(_("répondue le"), null=True, blank=True)

    class Meta:
        verbose_name = _("demande de compléments")
        verbose_name_plural = _("demandes de compléments")
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return f"Demande du {self.requested_at:%d/%m/%Y}"
