import datetime

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core import page_views, tokens
from core.visibility import ViewRestrictionsInOneQuery
from experiences.constants import ContributorRole
from trainings.constants import (
    DEFAULT_CAPACITY,
    HOLDS_SEAT,
    Sector,
    SessionKind,
    SessionState,
    Status,
    Theme,
    Transport,
)
from trainings.listing import session_listing

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class TrainingIndexPage(ViewRestrictionsInOneQuery, RoutablePageMixin, Page):
    """/formations/: the cycles; also serves the registrants' private pages."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["trainings.TrainingCyclePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des formations")

    @property
    def cycles(self):
        return TrainingCyclePage.objects.live().child_of(self).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cycles"] = self.cycles
        sessions = TrainingSessionPage.objects.live().descendant_of(self)
        context.update(
            session_listing(request, with_seats(sessions.order_by("starts_at", "pk")))
        )
        return context

    # The views (trainings.views) import the models: looked up by name
    # (core.page_views).
    @path("inscription/<str:token>/", name="registration")
    def registration(self, request, token):
        return page_views.view("trainings.registration")(request, self, token)

    @path("inscription/<str:token>/ics/", name="registration_ics")
    def registration_ics(self, request, token):
        return page_views.view("trainings.registration_ics")(request, self, token)


class TrainingCyclePage(ViewRestrictionsInOneQuery, Page):
    intro = models.CharField(_("chapô"), max_length=400, blank=True)
    objectives = RichTextField(_("objectifs"), blank=True, features=TEXT_FEATURES)
    audience = RichTextField(_("public"), blank=True, features=TEXT_FEATURES)
    organiser = models.CharField(_("organisateur"), max_length=255, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("objectives"),
        FieldPanel("audience"),
        FieldPanel("organiser"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("objectives"),
    ]
    parent_page_types = ["trainings.TrainingIndexPage"]
    subpage_types = ["trainings.TrainingSessionPage"]

    class Meta:
        verbose_name = _("cycle de formation")
        verbose_name_plural = _("cycles de formation")

    @property
    def sessions(self):
        return with_seats(
            TrainingSessionPage.objects.live()
            .child_of(self)
            .order_by("starts_at", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(session_listing(request, self.sessions))
        return context


def with_seats(queryset):
    """Sessions annotated with ``seats_held`` (confirmed and offered seats)."""
    return queryset.select_related("synthesis").annotate(
        seats_held=Count(
            "registrations", filter=Q(registrations__status__in=HOLDS_SEAT)
        )
    )


class TrainingSessionPage(ViewRestrictionsInOneQuery, RoutablePageMixin, Page):
    kind = models.CharField(_("type de séance"), max_length=20, choices=SessionKind)
    theme = models.CharField(_("thème"), max_length=40, choices=Theme)
    sector = models.CharField(_("secteur"), max_length=40, choices=Sector)
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    summary = models.CharField(_("chapô"), max_length=400, blank=True)
    programme = RichTextField(_("programme"), blank=True, features=TEXT_FEATURES)
    venue = models.CharField(_("lieu"), max_length=255, blank=True)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    online = models.BooleanField(_("en ligne"), default=False)
    online_url = models.URLField(
        _("lien de connexion"),
        blank=True,
        help_text=_("Envoyé aux seules personnes inscrites, jamais publié."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("nombre de places"), default=DEFAULT_CAPACITY
    )
    registration_opens_at = models.DateTimeField(
        _("ouverture des inscriptions"), null=True, blank=True
    )
    registration_closes_at = models.DateTimeField(
        _("clôture des inscriptions"),
        null=True,
        blank=True,
        help_text=_("Par défaut : le début de la séance."),
    )
    cancelled = models.BooleanField(
        _("séance annulée"),
        default=False,
        help_text=_("À la publication, chaque personne inscrite est prévenue."),
    )
    synthesis = models.ForeignKey(
        "resources.EventRecapPage",
        verbose_name=_("synthèse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_sessions",
    )
    # Kept when the registrations are purged (TRAINING_RETENTION_MONTHS).
    kept_registered_count = models.PositiveSmallIntegerField(null=True, editable=False)
    kept_attended_count = models.PositiveSmallIntegerField(null=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("theme")]),
                FieldPanel("sector"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            ],
            heading=_("La séance"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("online"), FieldPanel("online_url")]),
            ],
            heading=_("Lieu"),
        ),
        FieldPanel("programme"),
        InlinePanel("speakers", label=_("Intervenant·e·s")),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [
                        FieldPanel("registration_opens_at"),
                        FieldPanel("registration_closes_at"),
                    ]
                ),
                FieldPanel("cancelled"),
            ],
            heading=_("Inscriptions"),
        ),
        PageChooserPanel("synthesis", "resources.EventRecapPage"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("programme"),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["trainings.TrainingCyclePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("séance de formation")
        verbose_name_plural = _("séances de formation")

    # Seats and state ------------------------------------------------------

    def held_seats(self):
        held = getattr(self, "seats_held", None)
        if held is None:
            held = self.registrations.filter(status__in=HOLDS_SEAT).count()
        return held

    def seats_left(self):
        return max(self.capacity - self.held_seats(), 0)

    @property
    def closes_at(self):
        return self.registration_closes_at or self.starts_at

    def state(self, now=None):
        now = now or timezone.now()
        if self.cancelled:
            return SessionState.CANCELLED
        if self.registration_opens_at and now < self.registration_opens_at:
            return SessionState.UPCOMING
        if now >= self.closes_at:
            return SessionState.CLOSED
        if not self.seats_left():
            return SessionState.FULL
        return SessionState.OPEN

    def accepts_registrations(self, now=None):
        return self.state(now) in (SessionState.OPEN, SessionState.FULL)

    @property
    def is_past(self):
        return self.ends_at <= timezone.now()

    def place_label(self):
        if self.online:
            return _("En ligne")
        return ", ".join(part for part in (self.venue, self.address) if part)

    # Pages ------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = self.speakers.all()
        return context

    # The views (trainings.views) import the models: looked up by name
    # (core.page_views).
    @path("", name="session")
    def session_view(self, request):
        return page_views.view("trainings.session")(request, self)

    @path("ics/", name="ics")
    def ics_view(self, request):
        return page_views.view("trainings.ics")(request, self)


class SessionSpeaker(Orderable):
    page = ParentalKey(
        TrainingSessionPage, on_delete=models.CASCADE, related_name="speakers"
    )
    name = models.CharField(_("nom"), max_length=255)
    trade = models.CharField(
        _("métier présenté"), max_length=255, help_text=_("Son métier, sa fonction.")
    )
    organisation = models.CharField(_("structure"), max_length=255, blank=True)

    panels = ["name", "trade", "organisation"]


# The namespace of a registrant's private link (core.tokens).
TOKEN_NAMESPACE = "recueil.trainings.registration-token"  # noqa: S105


class Registration(models.Model):
    session = models.ForeignKey(
        TrainingSessionPage,
        verbose_name=_("séance"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    # Arrival order within the session (taken under the session's lock).
    number = models.PositiveIntegerField(_("ordre d'arrivée"), editable=False)
    status = models.CharField(_("statut"), max_length=20, choices=Status)
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    email = models.EmailField(_("adresse électronique"))
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    role = models.CharField(_("rôle"), max_length=30, choices=ContributorRole)
    organisation = models.CharField(_("structure"), max_length=255, blank=True)
    territory = models.CharField(_("commune ou EPCI"), max_length=255)
    needs = models.TextField(_("besoins particuliers"), blank=True)
    transport = models.CharField(
        _("moyen de transport"), max_length=30, choices=Transport, blank=True
    )
    attended = models.BooleanField(_("présence"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("place à confirmer avant"), null=True)
    created_at = models.DateTimeField(_("inscrit·e le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    token_salt = models.CharField(
        max_length=64, default=tokens.new_salt, editable=False
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["session", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "email"], name="one_registration_per_email"
            ),
            models.UniqueConstraint(
                fields=["session", "number"], name="one_arrival_number"
            ),
        ]
        permissions = [
            ("manage_registrations", _("Gérer les inscriptions aux formations")),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name} — {self.session.title}"

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def new_token(self):
        """Give the registration a new link (saved by the caller); return it."""
        self.token_salt = tokens.new_salt()
        token = tokens.derive(TOKEN_NAMESPACE, self.token_salt)
        self.token_hash = tokens.hash_token(token)
        return token

    def token(self):
        return tokens.recall(TOKEN_NAMESPACE, self.token_salt, self.token_hash)

    @classmethod
    def for_token(cls, token):
        found = cls.objects.filter(token_hash=tokens.hash_token(token or ""))
        return found.select_related("session").first()

    def waiting_position(self):
        """1 for the first person waiting; None when not waiting."""
        if self.status != Status.WAITING:
            return None
        ahead = Registration.objects.filter(
            session_id=self.session_id, status=Status.WAITING, number__lt=self.number
        )
        return ahead.count() + 1


def claim_deadline(session, now):
    """The end of the window to claim a freed seat: TRAINING_CLAIM_HOURS, or
    half the time left before the session when that is shorter."""
    window = datetime.timedelta(hours=settings.TRAINING_CLAIM_HOURS)
    return min(now + window, now + (session.starts_at - now) / 2)
