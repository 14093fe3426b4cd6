"""The vocabulary that the form, the submissions and the pages share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rubric(models.TextChoices):
    """The six rubrics fixed by the call; their slugs are stable public addresses."""

    COLLECTIVE_DYNAMIC = (
        "faire-emerger-une-dynamique-collective",
        _("Faire émerger une dynamique collective"),
    )
    MOBILISING_FACTORS = (
        "identifier-les-facteurs-mobilisateurs",
        _("Identifier les facteurs mobilisateurs"),
    )
    PRACTICES = (
        "adapter-ses-pratiques-et-postures",
        _("Adapter ses pratiques et ses postures professionnelles"),
    )
    RULES = (
        "etablir-les-regles-de-la-co-construction",
        _("Établir les règles de la co-construction"),
    )
    REPORTING = ("rendre-compte-des-travaux", _("Rendre compte des travaux"))
    EVALUATION = ("evaluer-le-travail-partenarial", _("Évaluer le travail partenarial"))


RUBRIC_ORDER = {value: position for position, value in enumerate(Rubric.values)}
# Each rubric's label: ``get_rubric_display`` hashes the six lazy labels, each
# a walk through every translation catalog, on every call.
RUBRIC_LABELS = dict(Rubric.choices)

# Default "expériences attendues" for each rubric, after the call (seed 000);
# editors change them on the rubric pages.
RUBRIC_EXPECTED = {
    Rubric.COLLECTIVE_DYNAMIC: (
        "Une personne ou un petit groupe qui lance une dynamique collective ; des "
        "démarches fédératrices qui rendent le collectif plus vivant et plus "
        "attractif ; des actions de communication pour faire connaître les missions "
        "et les travaux du conseil citoyen…"
    ),
    Rubric.MOBILISING_FACTORS: (
        "Des événements territoriaux qui réunissent tous les acteurs ; un "
        "accompagnement extérieur qui aide le collectif à se mobiliser ; des "
        "formations au fonctionnement de l'instance (prise de parole, projet commun, "
        "animation) ou aux enjeux de la participation et du partenariat, comme les "
        "co-formations entre élu·e·s, technicien·ne·s et conseils citoyens…"
    ),
    Rubric.PRACTICES: (
        "Une culture de l'échange et de la circulation de l'information entre le "
        "conseil citoyen et ses partenaires (présentation de la programmation, "
        "documents envoyés avant les réunions, documents simplifiés) ; des horaires "
        "de réunion adaptés ; un langage professionnel rendu accessible…"
    ),
    Rubric.RULES: (
        "Une réunion partenariale pour définir avec le conseil citoyen sa place "
        "dans les instances de la politique de la ville ; une charte locale de la "
        "participation, propre au conseil citoyen ou commune à toutes les instances "
        "participatives du territoire…"
    ),
    Rubric.REPORTING: (
        "Une validation partagée des documents et une circulation organisée de "
        "l'information ; des comptes rendus, rédigés par tous les partenaires dont "
        "le conseil citoyen, qui rendent visibles ses interventions et ses "
        "propositions…"
    ),
    Rubric.EVALUATION: (
        "Une réunion « bilan » de fin d'année entre acteurs institutionnels et "
        "conseils citoyens (réussites, difficultés, perspectives) ; l'évaluation et "
        "la valorisation de l'apport du conseil citoyen à la programmation "
        "annuelle ; un rapport annuel de la co-construction…"
    ),
}


# The vocabulary shared by the form, the submission, its exports and the page.
NARRATIVE_FIELDS = (
    "objectives",
    "approach",
    "actors",
    "results",
    "difficulties",
    "advice",
)
EXPERIENCE_FIELDS = (
    "title",
    "rubric",
    "summary",
    "communes",
    "quartiers",
    "start_date",
    "end_date",
    "ongoing",
    "feature",
    *NARRATIVE_FIELDS,
    "tags",
    "links",
)
CONTRIBUTOR_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "role",
    "organisation",
    "council",
)


class ContributorRole(models.TextChoices):
    PROFESSIONAL = "professionnel", _("Professionnel·le")
    ELECTED = "elu", _("Élu·e")
    CITIZEN_COUNCILLOR = "conseiller-citoyen", _("Conseiller·ère citoyen·ne")
    OTHER = "autre", _("Autre")


# Themes seeded into the editable Theme snippet (contract-of-city list).
DEFAULT_THEMES = [
    ("cohesion-sociale", "Cohésion sociale"),
    ("cadre-de-vie-renouvellement-urbain", "Cadre de vie et renouvellement urbain"),
    ("emploi-developpement-economique", "Emploi et développement économique"),
    ("education", "Éducation et réussite éducative"),
    ("sante", "Santé"),
    ("logement", "Logement et habitat"),
    ("jeunesse", "Jeunesse"),
    ("citoyennete-participation", "Citoyenneté et participation"),
    ("tranquillite-publique", "Tranquillité publique et prévention"),
    ("transition-ecologique", "Transition écologique"),
    ("culture-sport", "Culture et sport"),
    (
        "egalite-lutte-discriminations",
        "Égalité femmes-hommes et lutte contre les discriminations",
    ),
]

GROUP_MODERATORS = "Modérateurs"
GROUP_EDITORS = "Rédacteurs"
GROUP_EDITORIAL_LEADS = "Responsables éditoriaux"
WORKFLOW_NAME = "Publication d'une expérience"
TASK_REVIEW = "Relecture éditoriale"
TASK_SIGNOFF = "Accord de la personne contributrice"
TASK_VALIDATION = "Validation"


class SubmissionKind(models.TextChoices):
    CONTRIBUTION = "contribution", _("Contribution")
    UPDATE = "mise-a-jour", _("Mise à jour")


class Closure(models.TextChoices):
    """What the contributor said of an experience that no longer runs."""

    OPEN = "", _("En cours ou non précisé")
    ENDED = "terminee", _("L'expérience est terminée")
    GONE = "disparue", _("Elle n'existe plus")
