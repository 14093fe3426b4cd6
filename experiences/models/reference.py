from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Region(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    slug = models.SlugField(_("identifiant"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("région")
        verbose_name_plural = _("régions")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Department(models.Model):
    """One of the 101 départements, with its INSEE code ("01", "2A", "974")."""

    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    region = models.ForeignKey(
        Region,
        verbose_name=_("région"),
        on_delete=models.PROTECT,
        related_name="departments",
    )

    class Meta:
        verbose_name = _("département")
        verbose_name_plural = _("départements")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"


class Theme(index.Indexed, models.Model):
    """A theme of the contrat de ville; editors manage the list as a snippet."""

    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)
    label = models.CharField(_("libellé"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [FieldPanel("label"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("label"), index.AutocompleteField("label")]

    class Meta:
        verbose_name = _("thématique")
        verbose_name_plural = _("thématiques")
        ordering = ["sort_order", "label"]

    def __str__(self):
        return self.label
