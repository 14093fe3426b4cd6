"""/contribuer/: the call for experiences, its dates, and the routes of the
contribution form and of the contributor's private pages."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core import page_views
from core.visibility import ViewRestrictionsInOneQuery
from experiences.models.pages import EDITOR_FEATURES


class CallForContributionsPage(ViewRestrictionsInOneQuery, RoutablePageMixin, Page):
    """/contribuer/: the call for experiences, its dates and its form."""

    intro = RichTextField(_("chapô"), blank=True, features=EDITOR_FEATURES)
    body = RichTextField(_("texte de l'appel"), blank=True, features=EDITOR_FEATURES)
    opens_at = models.DateTimeField(_("ouverture"))
    closes_at = models.DateTimeField(_("clôture"))
    privacy_consent_text = models.TextField(
        _("consentement au traitement des données"),
        help_text=_(
            "Texte exact que la personne accepte, conservé avec sa contribution."
        ),
    )
    licence_consent_text = models.TextField(
        _("consentement à la publication sous licence ouverte"),
    )
    public_contact_consent_text = models.TextField(
        _("consentement à l'affichage d'un contact public"),
    )
    confirmation_text = RichTextField(
        _("texte de confirmation"), blank=True, features=EDITOR_FEATURES
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [
                FieldPanel("privacy_consent_text"),
                FieldPanel("licence_consent_text"),
                FieldPanel("public_contact_consent_text"),
            ],
            heading=_("Consentements"),
        ),
        FieldPanel("confirmation_text"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("appel à contributions")
        verbose_name_plural = _("appels à contributions")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("La clôture doit suivre l'ouverture.")}
            )

    @property
    def is_open(self):
        now = timezone.now()
        return self.opens_at <= now < self.closes_at

    @property
    def is_upcoming(self):
        return timezone.now() < self.opens_at

    # The form and the contributor's private pages: the views (in
    # experiences.contribution.views and experiences.captions) import the
    # models, so they are looked up by name (core.page_views).
    @path("", name="form")
    def contribution_form(self, request):
        return page_views.view("experiences.form")(request, self)

    @path("merci/", name="confirmation")
    def contribution_confirmation(self, request):
        return page_views.view("experiences.confirmation")(request, self)

    @path("brouillon-enregistre/", name="draft_saved")
    def contribution_draft_saved(self, request):
        return page_views.view("experiences.draft_saved")(request, self)

    @path("suivi/<str:token>/", name="tracking")
    def contribution_tracking(self, request, token):
        return page_views.view("experiences.tracking")(request, self, token)

    @path("suivi/<str:token>/retirer/", name="withdraw")
    def contribution_withdraw(self, request, token):
        return page_views.view("experiences.withdraw")(request, self, token)

    @path("suivi/<str:token>/legendes/", name="captions")
    def contribution_captions(self, request, token):
        return page_views.view("experiences.captions")(request, self, token)
