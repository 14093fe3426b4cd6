"""The photos, documents and links of an experience page (its inline panels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from experiences.models.pages import ExperiencePage
from experiences.serializers import DocumentSerializer


class ExperiencePhoto(Orderable):
    page = ParentalKey(ExperiencePage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("légende"), max_length=255, blank=True)
    credit = models.CharField(_("crédit"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]
    api_fields = [APIField("image"), APIField("caption"), APIField("credit")]


class ExperienceDocument(Orderable):
    page = ParentalKey(
        ExperiencePage, on_delete=models.CASCADE, related_name="documents"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("légende"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("caption")]
    api_fields = [
        APIField("document", serializer=DocumentSerializer()),
        APIField("caption"),
    ]


class ExperienceLink(Orderable):
    page = ParentalKey(ExperiencePage, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("adresse"), max_length=500)
    label = models.CharField(_("intitulé"), max_length=255, blank=True)

    panels = [FieldPanel("url"), FieldPanel("label")]
    api_fields = [APIField("url"), APIField("label")]
