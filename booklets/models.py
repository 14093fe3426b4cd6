from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag

from booklets.blocks import FrontMatterBlock
from booklets.composition import compose
from booklets.panels import BookletStatusPanel
from core.visibility import ViewRestrictionsInOneQuery

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]

# Each front-matter page: its usual title and its anchor in the booklet.
FRONT_PAGES = {
    "foreword": ("Avant-propos", "avant-propos"),
    "thanks": ("Remerciements", "remerciements"),
    "framework": ("Le cadre", "le-cadre"),
}


@dataclass(frozen=True)
class FrontPage:
    """A page before the sheets, as the booklet prints it."""

    kind: str
    title: str
    anchor: str
    body: object  # the StreamValue of core.blocks.BodyBlock


class BookletIndexPage(ViewRestrictionsInOneQuery, Page):
    """/livrets/: the printable booklets."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["booklets.BookletPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des livrets")
        verbose_name_plural = _("index des livrets")

    @property
    def booklets(self):
        return (
            BookletPage.objects.live()
            .public()
            .child_of(self)
            .select_related("cover_image", "pdf_document")
            .order_by("-edition_date", "-pk")
        )


class BookletPage(ViewRestrictionsInOneQuery, RoutablePageMixin, Page):
    """A booklet of practice sheets, printed as HTML and as a tagged PDF."""

    # Set by the PDF build, not by editors: never restored from a revision.
    BUILD_FIELDS = (
        "pdf_document_id",
        "pdf_built_at",
        "pdf_fingerprint",
        "pdf_build_started_at",
        "pdf_build_requested_at",
    )

    class SheetOrder(models.TextChoices):
        MANUAL = "manuel", _("Ordre choisi à la main")
        TITLE = "titre", _("Par titre")
        RECENT = "recent", _("Les plus récentes d'abord")
        PLACE = "lieu", _("Par département")

    subtitle = models.CharField(_("sous-titre"), max_length=255, blank=True)
    edition_date = models.DateField(_("date d'édition"))
    edition_number = models.PositiveSmallIntegerField(_("numéro d'édition"), default=1)
    front_matter = StreamField(
        FrontMatterBlock(),
        verbose_name=_("pages liminaires"),
        blank=True,
        help_text=_(
            "Avant-propos, remerciements et cadre de la démarche : imprimés "
            "avant les fiches, dans l'ordre choisi ici, et repris au sommaire."
        ),
    )
    publisher = models.CharField(_("éditeur"), max_length=255)
    licence = models.CharField(
        _("licence"), max_length=255, default="Licence Ouverte / Open Licence 2.0"
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de couverture"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # A saved selection; sheets picked by hand below come first.
    selection_rubrics = ParentalManyToManyField(
        "experiences.RubricPage",
        verbose_name=_("rubriques"),
        blank=True,
        related_name="+",
    )
    selection_themes = ParentalManyToManyField(
        "experiences.Theme", verbose_name=_("thématiques"), blank=True, related_name="+"
    )
    selection_tags = ParentalManyToManyField(
        Tag, verbose_name=_("mots-clés"), blank=True, related_name="+"
    )
    sheet_order = models.CharField(
        _("ordre des fiches dans chaque rubrique"),
        max_length=10,
        choices=SheetOrder.choices,
        default=SheetOrder.MANUAL,
    )
    pdf_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    pdf_built_at = models.DateTimeField(
        _("PDF construit le"), null=True, editable=False
    )
    pdf_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # One build at a time, across processes: claimed by a conditional UPDATE
    # (booklets.claims), like the first build a visitor asks for.
    pdf_build_started_at = models.DateTimeField(
        _("construction du PDF commencée le"), null=True, editable=False
    )
    pdf_build_requested_at = models.DateTimeField(
        _("construction du PDF demandée le"), null=True, editable=False
    )

    content_panels = Page.content_panels + [
        BookletStatusPanel(heading=_("Livret PDF")),
        FieldPanel("subtitle"),
        FieldRowPanel([FieldPanel("edition_date"), FieldPanel("edition_number")]),
        FieldPanel("front_matter"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("licence")]),
        FieldPanel("cover_image"),
        InlinePanel(
            "sheets",
            label=_("Fiches choisies à la main"),
            help_text=_(
                "Seules les expériences publiées figurent dans le livret ; elles "
                "sont regroupées par rubrique, dans l'ordre des six rubriques."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("selection_rubrics"),
                FieldPanel("selection_themes"),
                FieldPanel("selection_tags"),
                FieldPanel(
                    "sheet_order",
                    help_text=_(
                        "« Ordre choisi à la main » : les fiches choisies à la main "
                        "d'abord, dans leur ordre, puis celles de la sélection dans "
                        "l'ordre de l'arborescence. Les autres ordres classent "
                        "toutes les fiches de chaque rubrique."
                    ),
                ),
            ],
            heading=_("Sélection enregistrée"),
            help_text=_(
                "Ajoute les expériences publiées qui correspondent à la fois aux "
                "rubriques, aux thématiques et aux mots-clés choisis (un critère "
                "laissé vide ne filtre pas)."
            ),
        ),
    ]
    parent_page_types = ["booklets.BookletIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("livret")
        verbose_name_plural = _("livrets")

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for name in self.BUILD_FIELDS:
            setattr(page, name, getattr(self, name))
        return page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["composition"] = compose(self)
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        # booklets.views imports this module (through claims, pdf and tasks).
        from booklets.views import serve_pdf

        return serve_pdf(request, self)

    @property
    def pdf_url(self):
        return self.url + self.reverse_subpage("pdf")

    @property
    def front_pages(self):
        pages = []
        for block in self.front_matter:
            title, anchor = FRONT_PAGES[block.block_type]
            pages.append(
                FrontPage(
                    kind=block.block_type,
                    title=block.value["title"] or title,
                    anchor=anchor,
                    body=block.value["body"],
                )
            )
        return pages

    @property
    def edition_label(self):
        return _("Édition n° %(number)s") % {"number": self.edition_number}


class BookletSheet(Orderable):
    booklet = ParentalKey(BookletPage, on_delete=models.CASCADE, related_name="sheets")
    experience = models.ForeignKey(
        "experiences.ExperiencePage",
        verbose_name=_("expérience"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("experience")]
