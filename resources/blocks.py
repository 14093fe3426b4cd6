from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import BodyBlock


class PracticeCardValue(blocks.StructValue):
    def link_href(self):
        experience = self.get("experience")
        if experience and experience.live:
            return experience.url
        return self.get("link_url") or ""


class PracticeCardBlock(blocks.StructBlock):
    """A structured practice card, as in the webinar recap (seed 004)."""

    title = blocks.CharBlock(label=_("titre"), max_length=200)
    place = blocks.CharBlock(label=_("lieu"), required=False, max_length=200)
    context = blocks.TextBlock(label=_("contexte"), required=False)
    objectives = blocks.TextBlock(label=_("objectif(s)"))
    public_organiser = blocks.TextBlock(
        label=_("public / organisateur"), required=False
    )
    particularity = blocks.TextBlock(label=_("particularité"), required=False)
    obstacles = blocks.TextBlock(
        label=_("sujets d'inquiétude / freins"), required=False
    )
    satisfactions = blocks.TextBlock(label=_("sujets de satisfaction"), required=False)
    link_url = blocks.URLBlock(label=_("lien « en savoir plus »"), required=False)
    link_label = blocks.CharBlock(
        label=_("intitulé du lien"),
        required=False,
        help_text=_("« En savoir plus » si vide."),
    )
    experience = blocks.PageChooserBlock(
        label=_("expérience liée"),
        page_type="experiences.ExperiencePage",
        required=False,
        help_text=_("Remplace le lien externe par la fiche de l'expérience."),
    )

    class Meta:
        icon = "doc-full"
        template = "components/practice_card_block.html"
        label = _("Fiche pratique")
        value_class = PracticeCardValue
        description = _(
            "Une pratique présentée pendant l'événement : objectifs, public, "
            "particularité, freins et satisfactions."
        )
        preview_value = {
            "title": "Convention citoyenne des quartiers",
            "place": "Laval",
            "objectives": "Co-construire des objectifs politiques pour les quartiers.",
            "public_organiser": "Habitant·e·s, porté par la Ville",
            "particularity": "Trois sessions, sans élu·e·s dans la salle.",
            "obstacles": "Difficile d'atteindre les plus jeunes.",
            "satisfactions": "Un portage politique fort.",
        }

    def clean(self, value):
        from django.core.exceptions import ValidationError

        from wagtail.blocks.struct_block import StructBlockValidationError

        value = super().clean(value)
        if value.get("link_label") and not (
            value.get("link_url") or value.get("experience")
        ):
            raise StructBlockValidationError(
                block_errors={
                    "link_url": ValidationError(
                        _("Indiquez l'adresse du lien, ou choisissez une expérience.")
                    )
                }
            )
        return value


class RecapBodyBlock(BodyBlock):
    practice_card = PracticeCardBlock()
