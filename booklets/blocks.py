"""The booklet's front matter: pages written by editors, printed before the
sheets (« Avant-propos », « Remerciements », « Le cadre »), made of the blocks
the site's other pages use (core.blocks)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import BodyBlock


class FrontPageBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("titre"),
        max_length=120,
        required=False,
        help_text=_("Laisser vide pour garder le titre habituel de cette page."),
    )
    body = BodyBlock(label=_("texte"))

    class Meta:
        icon = "doc-full"


class FrontMatterBlock(blocks.StreamBlock):
    foreword = FrontPageBlock(label=_("Avant-propos"))
    thanks = FrontPageBlock(label=_("Remerciements"), icon="group")
    framework = FrontPageBlock(label=_("Le cadre"), icon="doc-full-inverse")

    class Meta:
        block_counts = {
            "foreword": {"max_num": 1},
            "thanks": {"max_num": 1},
            "framework": {"max_num": 1},
        }
