"""StreamField blocks shared by the site's pages (standard pages, articles, recaps)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texte"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=[("h2", _("Titre de section")), ("h3", _("Sous-titre"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "components/heading_block.html"
        label = _("Titre")
        description = _("Un titre de section ou un sous-titre.")
        preview_value = {"text": "Les missions du conseil citoyen", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/paragraph_block.html"
        label = _("Paragraphe")
        description = _("Du texte mis en forme : gras, listes, liens.")
        preview_value = (
            "<p>Le conseil citoyen favorise l'expression des habitant·e·s "
            "aux côtés des acteurs institutionnels.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citation"))
    author = blocks.CharBlock(label=_("auteur ou autrice"), required=False)

    class Meta:
        icon = "openquote"
        template = "components/quote_block.html"
        label = _("Citation")
        description = _("Une citation, avec son auteur ou son autrice.")
        preview_value = {
            "text": "Reconnaître la contribution de chacun.",
            "author": "Un intervenant du webinaire",
        }


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("texte alternatif"),
        required=False,
        help_text=_("Laisser vide si l'image est décorative."),
    )
    caption = blocks.CharBlock(label=_("légende"), required=False)
    credit = blocks.CharBlock(label=_("crédit"), required=False)

    class Meta:
        icon = "image"
        template = "components/figure_block.html"
        label = _("Image")
        description = _("Une image avec sa légende et son crédit.")
        preview_value = {"caption": "Forum des conseils citoyens", "credit": "Recueil"}


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False)
    text = blocks.TextBlock(label=_("texte"))

    class Meta:
        icon = "help"
        template = "components/callout_block.html"
        label = _("Mise en avant")
        description = _("Un encadré pour une information à retenir.")
        preview_value = {
            "title": "À retenir",
            "text": "Les conseils citoyens participent à toutes les instances.",
        }


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    figure = FigureBlock()
    callout = CalloutBlock()
