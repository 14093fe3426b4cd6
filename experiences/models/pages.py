from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from core.visibility import ViewRestrictionsInOneQuery
from experiences.constants import (
    RUBRIC_LABELS,
    RUBRIC_ORDER,
    Closure,
    ContributorRole,
    Rubric,
)
from experiences.serializers import DepartmentSerializer, ThemeSerializer

EDITOR_FEATURES = ["bold", "italic", "ol", "ul", "link", "h3", "h4"]


class ExperienceIndexPage(ViewRestrictionsInOneQuery, Page):
    """/experiences/: every published experience, filterable."""

    intro = RichTextField(_("introduction"), blank=True, features=EDITOR_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["experiences.RubricPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des expériences")
        verbose_name_plural = _("index des expériences")

    def get_context(self, request, *args, **kwargs):
        # The listing's filters import the models.
        from experiences.listing import ExperienceListing

        context = super().get_context(request, *args, **kwargs)
        context.update(ExperienceListing(request).context())
        return context


class RubricPage(ViewRestrictionsInOneQuery, Page):
    """One of the six rubrics of the call; its slug is the rubric's stable code."""

    rubric = models.CharField(
        _("rubrique"),
        max_length=60,
        choices=Rubric.choices,
        unique=True,
        help_text=_("Fixe l'adresse publique de la rubrique ; elle ne change pas."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=EDITOR_FEATURES)
    expected_experiences = models.TextField(
        _("expériences attendues"),
        help_text=_("Affiché sur l'appel, dans le formulaire et sur cette page."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("rubric"),
        FieldPanel("intro"),
        FieldPanel("expected_experiences"),
        InlinePanel(
            "checklist_items",
            heading=_("Repères de complétude"),
            label=_("repère"),
            help_text=_(
                "Ce qu'a souvent une bonne fiche de cette rubrique : un guide "
                "montré aux contributeur·rices et aux modérateur·rices, jamais "
                "une condition d'envoi. Sans repère, ceux par défaut s'appliquent."
            ),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("expected_experiences"),
        index.FilterField("rubric"),
    ]
    parent_page_types = ["experiences.ExperienceIndexPage"]
    subpage_types = ["experiences.ExperiencePage"]
    max_count = len(Rubric.choices)
    api_fields = [
        APIField("rubric"),
        APIField("intro"),
        APIField("expected_experiences"),
    ]

    class Meta:
        verbose_name = _("rubrique")
        verbose_name_plural = _("rubriques")

    def clean(self):
        super().clean()
        if self.rubric:
            self.slug = self.rubric

    @property
    def position(self):
        return RUBRIC_ORDER.get(self.rubric, len(RUBRIC_ORDER)) + 1

    def get_context(self, request, *args, **kwargs):
        # The listing's filters import the models.
        from experiences.listing import ExperienceListing

        context = super().get_context(request, *args, **kwargs)
        context.update(ExperienceListing(request, fixed_rubric=self.rubric).context())
        return context


class ExperiencePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "experiences.ExperiencePage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )

    class Meta:
        # The experiences of a tag, newest first (experiences.related, facets).
        indexes = [
            models.Index(
                fields=["tag", "content_object"], name="experiences_tag_page_idx"
            )
        ]


class ExperiencePage(ViewRestrictionsInOneQuery, Page):
    """The public, editorial version of a field experience (seed 001's shape)."""

    rubric = models.CharField(
        _("rubrique"),
        max_length=60,
        choices=Rubric.choices,
        editable=False,
        db_index=True,
        help_text=_("Déduite de la page parente."),
    )
    summary = models.CharField(_("chapô"), max_length=300)
    communes = models.CharField(
        _("commune(s) ou intercommunalité"), max_length=255, blank=True
    )
    department = models.ForeignKey(
        "experiences.Department",
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        related_name="experience_pages",
        null=True,
    )
    quartiers = models.CharField(
        _("quartier(s) prioritaire(s)"), max_length=255, blank=True
    )
    start_date = models.DateField(
        _("début"), null=True, help_text=_("Seuls le mois et l'année comptent.")
    )
    end_date = models.DateField(_("fin"), null=True, blank=True)
    ongoing = models.BooleanField(_("en cours"), default=False)
    closure = models.CharField(
        _("fin de l'expérience"),
        max_length=20,
        choices=Closure.choices,
        blank=True,
        default=Closure.OPEN,
    )
    feature = models.CharField(_("signe particulier"), max_length=200, blank=True)
    objectives = RichTextField(_("objectifs"), blank=True, features=EDITOR_FEATURES)
    approach = RichTextField(_("la démarche"), blank=True, features=EDITOR_FEATURES)
    actors = RichTextField(
        _("acteurs et partenaires"), blank=True, features=EDITOR_FEATURES
    )
    results = RichTextField(
        _("résultats et sujets de satisfaction"), blank=True, features=EDITOR_FEATURES
    )
    difficulties = RichTextField(
        _("difficultés et freins"), blank=True, features=EDITOR_FEATURES
    )
    advice = RichTextField(
        _("conseils pour refaire l'expérience"), blank=True, features=EDITOR_FEATURES
    )
    themes = ParentalManyToManyField(
        "experiences.Theme",
        verbose_name=_("thématiques"),
        blank=True,
        related_name="experience_pages",
    )
    tags = ClusterTaggableManager(
        verbose_name=_("mots-clés"), through=ExperiencePageTag, blank=True
    )
    contributor_role = models.CharField(
        _("rôle de la personne qui témoigne"),
        max_length=30,
        choices=ContributorRole.choices,
        blank=True,
    )
    organisation = models.CharField(_("structure porteuse"), max_length=200, blank=True)
    contact_name = models.CharField(
        _("contact public : nom"),
        max_length=200,
        blank=True,
        help_text=_("Seulement si la personne a accepté d'être contactée."),
    )
    contact_email = models.EmailField(_("contact public : courriel"), blank=True)
    submission = models.OneToOneField(
        "experiences.Submission",
        verbose_name=_("contribution d'origine"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experience_page",
    )

    # What a card shows (components/experience_card.html) and what its link
    # and the listings' orderings need: lists read these columns only.
    CARD_FIELDS = (
        "title",
        "slug",
        "url_path",
        "path",
        "depth",
        "content_type",
        "locale",
        "first_published_at",
        "summary",
        "rubric",
        "communes",
        "department__name",
        "department__code",
        "start_date",
        "ongoing",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("communes"),
                FieldRowPanel([FieldPanel("department"), FieldPanel("quartiers")]),
                FieldRowPanel(
                    [
                        FieldPanel("start_date"),
                        FieldPanel("end_date"),
                        FieldPanel("ongoing"),
                        FieldPanel("closure"),
                    ]
                ),
                FieldPanel("feature"),
            ],
            heading=_("Où et quand"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("objectives"),
                FieldPanel("approach"),
                FieldPanel("actors"),
                FieldPanel("results"),
                FieldPanel("difficulties"),
                FieldPanel("advice"),
            ],
            heading=_("Ce qui s'est passé"),
        ),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("tags")], heading=_("Classement")
        ),
        InlinePanel("photos", label=_("Photos"), max_num=5),
        InlinePanel("documents", label=_("Documents à télécharger"), max_num=5),
        InlinePanel("links", label=_("En savoir plus")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("contributor_role"), FieldPanel("organisation")]
                ),
                FieldRowPanel(
                    [FieldPanel("contact_name"), FieldPanel("contact_email")]
                ),
                FieldPanel("submission", read_only=True),
            ],
            heading=_("Témoin et contact"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("feature"),
        index.SearchField("communes"),
        index.SearchField("quartiers"),
        index.SearchField("objectives"),
        index.SearchField("approach"),
        index.SearchField("actors"),
        index.SearchField("results"),
        index.SearchField("difficulties"),
        index.SearchField("advice"),
        index.SearchField("organisation"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("themes", [index.SearchField("label")]),
        index.RelatedFields("department", [index.SearchField("name")]),
        index.FilterField("rubric"),
        index.FilterField("department"),
        index.FilterField("contributor_role"),
        index.FilterField("start_date"),
    ]
    parent_page_types = ["experiences.RubricPage"]
    subpage_types = []
    # Open data: the public fields only; never the submission nor the contributor,
    # except the public contact the person consented to (shown on the page too).
    api_fields = [
        APIField("rubric"),
        APIField("summary"),
        APIField("communes"),
        APIField("department", serializer=DepartmentSerializer()),
        APIField("quartiers"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("ongoing"),
        APIField("feature"),
        APIField("objectives"),
        APIField("approach"),
        APIField("actors"),
        APIField("results"),
        APIField("difficulties"),
        APIField("advice"),
        APIField("themes", serializer=ThemeSerializer(many=True)),
        APIField("tags"),
        APIField("contributor_role"),
        APIField("organisation"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("photos"),
        APIField("documents"),
        APIField("links"),
    ]

    class Meta:
        verbose_name = _("expérience")
        verbose_name_plural = _("expériences")

    def save(self, *args, **kwargs):
        self.rubric = self.rubric_from_parent() or self.rubric
        return super().save(*args, **kwargs)

    def rubric_from_parent(self):
        parent = self.get_parent() if self.pk or self.path else None
        if parent is None:
            return None
        rubric_page = RubricPage.objects.filter(pk=parent.pk).only("rubric").first()
        return rubric_page.rubric if rubric_page else None

    @cached_property
    def region(self):
        return self.department.region if self.department_id else None

    def get_context(self, request, *args, **kwargs):
        # experiences.sheet imports the models.
        from experiences.sheet import sheet_context

        context = super().get_context(request, *args, **kwargs)
        context.update(sheet_context(self, request))
        return context

    @property
    def rubric_label(self):
        """What ``get_rubric_display`` gives, read from one dictionary."""
        return RUBRIC_LABELS.get(self.rubric, self.rubric)

    @property
    def year(self):
        return self.start_date.year if self.start_date else None
