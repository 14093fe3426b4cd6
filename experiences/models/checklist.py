"""The completeness checklist of a rubric: what a good sheet has, as its
editorial leads see it. A guide for contributors and moderators, never a
gate: nothing here stops a submission."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey


class ChecklistKind(models.TextChoices):
    TEXT = "texte", _("Une partie du récit")
    PHOTO = "photo", _("Une photo avec son crédit")
    PERIOD = "periode", _("La période")
    THEMES = "thematiques", _("Des thématiques")
    PLACE = "lieu", _("Le lieu")


class ChecklistPart(models.TextChoices):
    SUMMARY = "summary", _("Résumé")
    FEATURE = "feature", _("Signe particulier")
    OBJECTIVES = "objectives", _("Objectifs")
    APPROACH = "approach", _("La démarche")
    ACTORS = "actors", _("Acteurs et partenaires")
    RESULTS = "results", _("Résultats et sujets de satisfaction")
    DIFFICULTIES = "difficulties", _("Difficultés et freins")
    ADVICE = "advice", _("Conseils")


class RubricChecklistItem(Orderable):
    """One point of a rubric's checklist."""

    page = ParentalKey(
        "experiences.RubricPage",
        on_delete=models.CASCADE,
        related_name="checklist_items",
    )
    kind = models.CharField(_("repère"), max_length=20, choices=ChecklistKind.choices)
    part = models.CharField(
        _("partie du récit"),
        max_length=20,
        choices=ChecklistPart.choices,
        blank=True,
        help_text=_("Pour « Une partie du récit » seulement."),
    )
    minimum = models.PositiveSmallIntegerField(
        _("minimum utile"),
        default=0,
        help_text=_(
            "Nombre de caractères pour une partie du récit, nombre de "
            "thématiques pour les thématiques ; 0 : renseigné suffit."
        ),
    )
    label = models.CharField(
        _("libellé"),
        max_length=120,
        help_text=_("Ce que lit la personne, par exemple « Décrire la démarche »."),
    )
    hint = models.CharField(
        _("conseil"),
        max_length=255,
        blank=True,
        help_text=_("Une piste, jamais une obligation."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("part"), FieldPanel("minimum")]),
        FieldPanel("label"),
        FieldPanel("hint"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("repère de complétude")
        verbose_name_plural = _("repères de complétude")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.kind == ChecklistKind.TEXT and not self.part:
            raise ValidationError(
                {"part": _("Choisissez la partie du récit que ce repère concerne.")}
            )
