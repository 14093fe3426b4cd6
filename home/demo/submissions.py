"""Demo submissions for the moderation queue, one or two in each state.

Contributors are fictional, at example.org addresses; each address marks one
demo submission, so that the loader can tell whether it already exists.
``days_ago`` dates the submission; ``history`` lists the transitions that
brought it to its state after ``submit``, as (log action, message).
"""

from experiences.constants import ContributorRole as Role
from experiences.constants import Rubric
from experiences.states import Status

SUBMISSIONS = [
    {
        "email": "awa.diallo@example.org",
        "status": Status.DRAFT,
        "days_ago": 1,
        "title": "Un jardin partagé pour recruter de nouveaux membres",
        "rubric": Rubric.COLLECTIVE_DYNAMIC,
        "summary": (
            "Le conseil citoyen a repris une parcelle abandonnée au pied des "
            "immeubles ; les après-midi de jardinage attirent des habitant·e·s qui "
            "ne venaient pas aux réunions."
        ),
        "communes": "Grenoble",
        "department": "38",
        "quartiers": "Villeneuve",
        "start": (2024, 4),
        "ongoing": True,
        "objectives": "Rendre le conseil citoyen visible et convivial.",
        "approach": "",
        "themes": ["transition-ecologique", "cohesion-sociale"],
        "tags": "jardin partagé, convivialité",
        "first_name": "Awa",
        "last_name": "Diallo",
        "role": Role.CITIZEN_COUNCILLOR,
        "organisation": "Conseil citoyen de la Villeneuve",
        "council": "Conseil citoyen de la Villeneuve",
        "public_contact": False,
        "history": [],
    },
    {
        "email": "marc.lefort@example.org",
        "status": Status.RECEIVED,
        "days_ago": 2,
        "title": "Un budget participatif réservé aux projets des conseils citoyens",
        "rubric": Rubric.MOBILISING_FACTORS,
        "summary": (
            "Une enveloppe annuelle de 30 000 euros permet aux conseils citoyens "
            "de financer des projets qu'ils choisissent et mènent eux-mêmes."
        ),
        "communes": "Montpellier",
        "department": "34",
        "quartiers": "Mosson, Près d'Arènes",
        "start": (2022, 1),
        "ongoing": True,
        "feature": "Les conseils citoyens votent entre eux la répartition.",
        "objectives": (
            "Donner aux conseils citoyens un pouvoir de décision réel sur une "
            "partie, même modeste, des crédits."
        ),
        "approach": (
            "Chaque conseil présente ses projets lors d'une soirée commune ; un "
            "vote à bulletin secret répartit l'enveloppe."
        ),
        "themes": ["citoyennete-participation", "culture-sport"],
        "tags": "budget participatif, pouvoir d'agir",
        "first_name": "Marc",
        "last_name": "Lefort",
        "role": Role.PROFESSIONAL,
        "organisation": "Montpellier Méditerranée Métropole",
        "public_contact": True,
        "history": [],
    },
    {
        "email": "sophie.nguyen@example.org",
        "status": Status.RECEIVED,
        "days_ago": 12,
        "title": "Traduire les réunions du conseil citoyen en plusieurs langues",
        "rubric": Rubric.PRACTICES,
        "summary": (
            "Des habitant·e·s bénévoles traduisent en direct les réunions en arabe, "
            "en turc et en tamoul, pour que les personnes allophones puissent "
            "participer."
        ),
        "communes": "Sarcelles",
        "department": "95",
        "quartiers": "Les Lochères",
        "start": (2023, 2),
        "ongoing": True,
        "objectives": "Ouvrir le conseil citoyen aux personnes allophones.",
        "approach": (
            "Un petit réseau d'interprètes bénévoles, équipés d'un casque, se "
            "place à côté des personnes qui en ont besoin."
        ),
        "themes": ["egalite-lutte-discriminations", "citoyennete-participation"],
        "tags": "interprétariat, accessibilité",
        "first_name": "Sophie",
        "last_name": "Nguyen",
        "role": Role.OTHER,
        "organisation": "Association Paroles partagées",
        "public_contact": False,
        "history": [],
    },
    {
        "email": "karim.benali@example.org",
        "status": Status.IN_REVIEW,
        "days_ago": 9,
        "title": "Une visite de chantier du renouvellement urbain avec le conseil "
        "citoyen",
        "rubric": Rubric.REPORTING,
        "summary": (
            "Tous les trimestres, le conseil citoyen visite le chantier avec le "
            "chef de projet et rend compte de l'avancement aux habitant·e·s dans "
            "la foulée."
        ),
        "communes": "Nancy",
        "department": "54",
        "quartiers": "Haussonville",
        "start": (2021, 9),
        "end": (2024, 6),
        "objectives": "Informer les habitant·e·s de l'avancement des travaux.",
        "approach": "Une visite trimestrielle, suivie d'une affiche dans les halls.",
        "themes": ["cadre-de-vie-renouvellement-urbain", "logement"],
        "tags": "renouvellement urbain, visite de chantier",
        "first_name": "Karim",
        "last_name": "Benali",
        "role": Role.CITIZEN_COUNCILLOR,
        "organisation": "Conseil citoyen d'Haussonville",
        "council": "Conseil citoyen d'Haussonville",
        "public_contact": True,
        "assigned": True,
        "history": [("recueil.submission.take", "")],
    },
    {
        "email": "helene.marchand@example.org",
        "status": Status.IN_REVIEW,
        "days_ago": 20,
        "title": "Le conseil citoyen au jury d'attribution des subventions",
        "rubric": Rubric.RULES,
        "summary": (
            "Deux conseillers citoyens siègent avec voix délibérative au jury qui "
            "attribue les subventions du contrat de ville aux associations."
        ),
        "communes": "Poitiers",
        "department": "86",
        "quartiers": "Les Couronneries",
        "start": (2020, 1),
        "ongoing": True,
        "objectives": "Associer le conseil citoyen à la décision de financement.",
        "approach": "Un règlement du jury adopté par le comité de pilotage.",
        "themes": ["citoyennete-participation", "emploi-developpement-economique"],
        "tags": "programmation, jury",
        "first_name": "Hélène",
        "last_name": "Marchand",
        "role": Role.ELECTED,
        "organisation": "Ville de Poitiers",
        "public_contact": False,
        "history": [("recueil.submission.take", "")],
    },
    {
        "email": "julien.roux@example.org",
        "status": Status.CHANGES_REQUESTED,
        "days_ago": 25,
        "title": "Un questionnaire de satisfaction après chaque instance",
        "rubric": Rubric.EVALUATION,
        "summary": (
            "Après chaque comité, un court questionnaire demande aux participant·e·s "
            "s'ils ont pu s'exprimer et compris les décisions."
        ),
        "communes": "Dijon",
        "department": "21",
        "quartiers": "Fontaine-d'Ouche",
        "start": (2023, 1),
        "ongoing": True,
        "objectives": "Mesurer la qualité de la participation en continu.",
        "approach": "Cinq questions sur papier, remplies en fin de séance.",
        "themes": ["citoyennete-participation"],
        "tags": "évaluation, questionnaire",
        "first_name": "Julien",
        "last_name": "Roux",
        "role": Role.PROFESSIONAL,
        "organisation": "Dijon Métropole",
        "public_contact": False,
        "history": [
            ("recueil.submission.take", ""),
            (
                "recueil.submission.request_changes",
                "Merci pour votre contribution ! Pourriez-vous préciser ce que les "
                "résultats du questionnaire ont permis de changer, et joindre le "
                "questionnaire s'il peut être partagé ?",
            ),
        ],
    },
    {
        "email": "nathalie.payet@example.org",
        "status": Status.ACCEPTED,
        "days_ago": 40,
        "title": "Des ateliers de prise de parole pour les conseillers citoyens",
        "rubric": Rubric.MOBILISING_FACTORS,
        "summary": (
            "Une compagnie de théâtre a animé cinq ateliers pour aider les "
            "conseillers citoyens à prendre la parole en comité de pilotage."
        ),
        "communes": "Le Port",
        "department": "974",
        "quartiers": "Centre-ville, Rivière des Galets",
        "start": (2022, 9),
        "end": (2023, 1),
        "feature": "Des exercices de théâtre d'improvisation adaptés aux réunions.",
        "objectives": "Donner confiance aux membres pour intervenir en public.",
        "approach": "Cinq ateliers de deux heures, puis une répétition générale.",
        "results": "Tous les participant·e·s sont intervenus au comité suivant.",
        "themes": ["culture-sport", "citoyennete-participation"],
        "tags": "prise de parole, théâtre, formation",
        "first_name": "Nathalie",
        "last_name": "Payet",
        "role": Role.CITIZEN_COUNCILLOR,
        "organisation": "Conseil citoyen du Port",
        "council": "Conseil citoyen du Port",
        "public_contact": True,
        "history": [
            ("recueil.submission.take", ""),
            ("recueil.submission.accept", ""),
        ],
    },
    {
        "email": "pierre.aubert@example.org",
        "status": Status.DECLINED,
        "days_ago": 55,
        "title": "Présentation de notre association de quartier",
        "rubric": Rubric.COLLECTIVE_DYNAMIC,
        "summary": (
            "Notre association organise des sorties familiales et une fête de "
            "quartier chaque été."
        ),
        "communes": "Limoges",
        "department": "87",
        "quartiers": "Le Val de l'Aurence",
        "start": (2015, 1),
        "ongoing": True,
        "objectives": "Faire connaître l'association.",
        "approach": "",
        "themes": ["culture-sport"],
        "tags": "association, fête de quartier",
        "first_name": "Pierre",
        "last_name": "Aubert",
        "role": Role.OTHER,
        "organisation": "Association Val Loisirs",
        "public_contact": False,
        "history": [
            ("recueil.submission.take", ""),
            (
                "recueil.submission.decline",
                "Merci de votre envoi. Le recueil rassemble des expériences qui "
                "associent un conseil citoyen au contrat de ville ; votre action, "
                "très utile au quartier, n'entre pas dans ce cadre.",
            ),
        ],
    },
]
