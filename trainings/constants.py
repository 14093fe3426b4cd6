"""The vocabulary of training cycles, sessions and registrations (seed 003)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

GROUP_ORGANISERS = "Organisateurs"
MANAGE_REGISTRATIONS = "trainings.manage_registrations"
DEFAULT_CAPACITY = 25


class Sector(models.TextChoices):
    LITTORAL = "littoral", _("Littoral")
    MEL = "metropole-europeenne-de-lille", _("Métropole Européenne de Lille")
    DOUAISIS = "douaisis-valenciennois", _("Douaisis-Valenciennois")
    CAMBRESIS = "cambresis-sambre-avesnois", _("Cambrésis – Sambre-Avesnois")
    DEPARTMENT = "nord", _("Tout le Nord")


class SessionKind(models.TextChoices):
    INTRODUCTORY = "introductive", _("Séance introductive")
    THEMATIC = "thematique", _("Séance thématique")


class Theme(models.TextChoices):
    CITY_POLICY = "politique-de-la-ville", _("Politique de la ville")
    URBANISM = (
        "urbanisme-renouvellement-urbain",
        _("Urbanisme et renouvellement urbain"),
    )
    HEALTH = "sante", _("Santé")
    EMPLOYMENT = "emploi", _("Emploi")
    EDUCATION = "education", _("Éducation")
    HOUSING = "logement", _("Logement")
    ECONOMY = "developpement-economique", _("Développement économique")


class Transport(models.TextChoices):
    CAR = "voiture", _("Voiture")
    PUBLIC = "transports-en-commun", _("Transports en commun")
    CARPOOL = "covoiturage", _("Covoiturage")
    ACTIVE = "velo-marche", _("Vélo ou marche")
    OTHER = "autre", _("Autre")


class Status(models.TextChoices):
    CONFIRMED = "confirmee", _("Inscription confirmée")
    WAITING = "attente", _("Liste d'attente")
    OFFERED = "proposee", _("Place proposée, à confirmer")
    CANCELLED = "annulee", _("Annulée")
    EXPIRED = "expiree", _("Place proposée non confirmée à temps")


# Who holds a seat: a confirmed person, and one offered a seat until the offer ends.
HOLDS_SEAT = (Status.CONFIRMED, Status.OFFERED)
ACTIVE = (Status.CONFIRMED, Status.OFFERED, Status.WAITING)


class SessionState(models.TextChoices):
    OPEN = "ouverte", _("Inscriptions ouvertes")
    FULL = "complete", _("Complète — liste d'attente")
    CLOSED = "close", _("Inscriptions closes")
    CANCELLED = "annulee", _("Annulée")
    UPCOMING = "a-venir", _("Inscriptions bientôt ouvertes")
