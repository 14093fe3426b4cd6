from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.visibility import ViewRestrictionsInOneQuery
from home import routing
from home.front import home_context

INTRO_FEATURES = ["bold", "italic", "link"]


class HomePage(ViewRestrictionsInOneQuery, Page):
    """/: the call, the six rubrics, the latest experiences, recaps and resources."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "experiences.ExperienceIndexPage",
        "experiences.CallForContributionsPage",
        "resources.EventRecapIndexPage",
        "resources.ArticleIndexPage",
        "booklets.BookletIndexPage",
        "trainings.TrainingIndexPage",
        "home.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self))
        return context

    def route(self, request, path_components):
        # The pages along the path in one query (home.routing).
        return routing.route(self, request, path_components)


class StandardPage(ViewRestrictionsInOneQuery, Page):
    """A plain content page: legal notice, privacy notice, accessibility statement…"""

    class Role(models.TextChoices):
        LEGAL = "mentions-legales", _("Mentions légales")
        PRIVACY = "donnees-personnelles", _("Données personnelles")
        ACCESSIBILITY = "accessibilite", _("Accessibilité")

    intro = models.TextField(_("chapô"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)
    footer_role = models.CharField(
        _("lien du pied de page"),
        max_length=30,
        choices=Role.choices,
        blank=True,
        help_text=_("Relie cette page au lien correspondant du pied de page."),
    )
    last_reviewed = models.DateField(_("mise à jour le"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("footer_role"), FieldPanel("last_reviewed")],
            heading=_("Informations"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")
