from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from core.blocks import BodyBlock
from core.visibility import ViewRestrictionsInOneQuery
from resources.blocks import RecapBodyBlock
from resources.listing import resource_listing

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class EventRecapIndexPage(ViewRestrictionsInOneQuery, Page):
    """/evenements/: recaps of webinars, training sessions, forums and days."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.EventRecapPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des événements")
        verbose_name_plural = _("index des événements")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            resource_listing(request, self, EventRecapPage, EventRecapPageTag)
        )
        return context


class EventRecapPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.EventRecapPage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class EventRecapPage(ViewRestrictionsInOneQuery, Page):
    class Kind(models.TextChoices):
        WEBINAR = "webinaire", _("Webinaire")
        TRAINING = "formation", _("Séance de formation")
        FORUM = "forum", _("Forum")
        DAY = "journee", _("Journée")

    class Format(models.TextChoices):
        ONLINE = "visio", _("Visio")
        IN_PERSON = "presentiel", _("Présentiel")
        HYBRID = "hybride", _("Hybride")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("début"), null=True, blank=True)
    end_time = models.TimeField(_("fin"), null=True, blank=True)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    place = models.CharField(_("lieu"), max_length=255, blank=True)
    organiser = models.CharField(_("organisateur"), max_length=255)
    summary = models.CharField(_("chapô"), max_length=400, blank=True)
    key_takeaways = RichTextField(
        _("ce qu'il faut retenir"), blank=True, features=TEXT_FEATURES
    )
    body = StreamField(RecapBodyBlock(), verbose_name=_("compte rendu"), blank=True)
    themes = ParentalManyToManyField(
        "experiences.Theme", verbose_name=_("thématiques"), blank=True, related_name="+"
    )
    tags = ClusterTaggableManager(
        verbose_name=_("mots-clés"), through=EventRecapPageTag, blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("format")]),
                FieldRowPanel(
                    [
                        FieldPanel("date"),
                        FieldPanel("start_time"),
                        FieldPanel("end_time"),
                    ]
                ),
                FieldRowPanel([FieldPanel("place"), FieldPanel("organiser")]),
            ],
            heading=_("L'événement"),
        ),
        InlinePanel("speakers", label=_("Intervenant·e·s")),
        FieldPanel("key_takeaways"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("tags")], heading=_("Classement")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("organiser"),
        index.SearchField("place"),
        index.SearchField("key_takeaways"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    parent_page_types = ["resources.EventRecapIndexPage"]
    subpage_types = []
    api_fields = [
        APIField("kind"),
        APIField("date"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("format"),
        APIField("place"),
        APIField("organiser"),
        APIField("summary"),
        APIField("key_takeaways"),
        APIField("speakers"),
        APIField("body"),
        APIField("tags"),
    ]

    class Meta:
        verbose_name = _("compte rendu d'événement")
        verbose_name_plural = _("comptes rendus d'événements")


class EventSpeaker(Orderable):
    page = ParentalKey(
        EventRecapPage, on_delete=models.CASCADE, related_name="speakers"
    )
    name = models.CharField(_("nom"), max_length=200)
    affiliation = models.CharField(_("fonction, structure"), max_length=255, blank=True)
    key_points = models.TextField(
        _("points clés"), blank=True, help_text=_("Un point par ligne.")
    )

    panels = [FieldPanel("name"), FieldPanel("affiliation"), FieldPanel("key_points")]
    api_fields = [APIField("name"), APIField("affiliation"), APIField("key_points")]

    @property
    def key_point_list(self):
        return [
            line.strip(" -–•") for line in self.key_points.splitlines() if line.strip()
        ]


class ArticleIndexPage(ViewRestrictionsInOneQuery, Page):
    """/ressources/: good practices and reference texts."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des ressources")
        verbose_name_plural = _("index des ressources")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(resource_listing(request, self, ArticlePage, ArticlePageTag))
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(ViewRestrictionsInOneQuery, Page):
    class Kind(models.TextChoices):
        GOOD_PRACTICE = "bonne-pratique", _("Bonne pratique")
        REFERENCE = "texte-de-reference", _("Texte de référence")

    kind = models.CharField(
        _("type"), max_length=30, choices=Kind.choices, default=Kind.GOOD_PRACTICE
    )
    date = models.DateField(_("publié le"))
    author = models.CharField(_("auteur ou autrice"), max_length=200, blank=True)
    summary = models.CharField(_("chapô"), max_length=400, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("contenu"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    source_date = models.DateField(_("date de la source"), null=True, blank=True)
    rubrics = ParentalManyToManyField(
        "experiences.RubricPage",
        verbose_name=_("rubriques"),
        blank=True,
        related_name="+",
    )
    themes = ParentalManyToManyField(
        "experiences.Theme", verbose_name=_("thématiques"), blank=True, related_name="+"
    )
    tags = ClusterTaggableManager(
        verbose_name=_("mots-clés"), through=ArticlePageTag, blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_date")]),
        MultiFieldPanel(
            [FieldPanel("rubrics"), FieldPanel("themes"), FieldPanel("tags")],
            heading=_("Classement"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("source"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    parent_page_types = ["resources.ArticleIndexPage"]
    subpage_types = []
    api_fields = [
        APIField("kind"),
        APIField("date"),
        APIField("author"),
        APIField("summary"),
        APIField("body"),
        APIField("source"),
        APIField("source_date"),
        APIField("tags"),
    ]

    class Meta:
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")
