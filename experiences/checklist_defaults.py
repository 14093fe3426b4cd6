"""Default completeness checklists, after the call's « expériences attendues »
(seed 000). Plain data: the data migration and ``setup_site`` create them on
the rubric pages, where editorial leads change them."""

from experiences.constants import Rubric

# What the démarche of a sheet in each rubric usually tells, after the call.
APPROACH_HINTS = {
    Rubric.COLLECTIVE_DYNAMIC: (
        "Par exemple : qui a lancé la dynamique, ce qui a fédéré le collectif, "
        "comment il s'est fait connaître."
    ),
    Rubric.MOBILISING_FACTORS: (
        "Par exemple : l'événement, l'accompagnement ou la formation qui a "
        "mobilisé le collectif, et avec qui."
    ),
    Rubric.PRACTICES: (
        "Par exemple : ce qui a changé dans la circulation de l'information, "
        "les horaires des réunions, le langage employé."
    ),
    Rubric.RULES: (
        "Par exemple : la réunion partenariale, la charte locale de la "
        "participation, la place donnée au conseil citoyen."
    ),
    Rubric.REPORTING: (
        "Par exemple : comment les documents sont validés et circulent, la place "
        "du conseil citoyen dans les comptes rendus."
    ),
    Rubric.EVALUATION: (
        "Par exemple : la réunion bilan, l'évaluation de l'apport du conseil "
        "citoyen, le rapport annuel de la co-construction."
    ),
}


def default_items(rubric):
    """The default checklist of ``rubric``: dicts with the fields of
    ``RubricChecklistItem`` (kind, part, minimum, label, hint)."""
    approach_hint = APPROACH_HINTS.get(rubric, "")
    return [
        _text("objectives", 150, "Dire ce que vous cherchiez à faire"),
        _text("approach", 400, "Raconter la démarche", approach_hint),
        _text("actors", 100, "Nommer les acteurs et partenaires"),
        _text("results", 150, "Dire ce qui a marché"),
        _text(
            "difficulties",
            100,
            "Dire les difficultés rencontrées",
            "Les freins intéressent autant que les réussites.",
        ),
        _text("advice", 100, "Donner un conseil à qui voudrait s'en inspirer"),
        {
            "kind": "periode",
            "part": "",
            "minimum": 0,
            "label": "Indiquer la période",
            "hint": "Le début, et la fin ou « en cours ».",
        },
        {
            "kind": "thematiques",
            "part": "",
            "minimum": 1,
            "label": "Choisir au moins une thématique",
            "hint": "",
        },
        {
            "kind": "photo",
            "part": "",
            "minimum": 0,
            "label": "Joindre une photo avec son crédit",
            "hint": "Le crédit se renseigne sur votre page de suivi, après l'envoi.",
        },
    ]


def _text(part, minimum, label, hint=""):
    return {
        "kind": "texte",
        "part": part,
        "minimum": minimum,
        "label": label,
        "hint": hint,
    }
