"""Demo recaps (seeds 003 and 004), articles (seed 002) and the booklet."""

import datetime

from experiences.constants import Rubric
from home.demo.experiences import LAVAL_SLUG
from home.demo.text import html

WEBINAR = {
    "slug": "webinaire-democratisation-des-contrats-de-ville",
    "title": (
        "Démocratisation des contrats de ville et rentrées citoyennes : quelles "
        "pratiques de dialogue avec les habitant·e·s ?"
    ),
    "kind": "webinaire",
    "date": datetime.date(2024, 7, 9),
    "start_time": datetime.time(10, 30),
    "end_time": datetime.time(12, 0),
    "format": "visio",
    "place": "En ligne",
    "organiser": (
        "ORS-CREAI Normandie, centre ressources santé, vulnérabilités et "
        "politique de la ville"
    ),
    "summary": (
        "2024 lance une nouvelle génération de contrats de ville. Le centre "
        "ressources normand partage ce qu'il retient de trois rendez-vous du "
        "printemps sur la place des habitant·e·s, et trois pratiques de dialogue "
        "présentées à Toulouse."
    ),
    "themes": ["citoyennete-participation", "cohesion-sociale"],
    "tags": ["contrats de ville 2024", "démocratie participative", "redevabilité"],
    "speakers": [
        (
            "Loïc Blondiaux",
            "Professeur de science politique, université Paris 1 Panthéon-Sorbonne "
            "(journée de l'URIOPSS, Rouen, 15 mars)",
            "Changer les formats, les règles et le cadre de la participation\n"
            "Partir de la situation des groupes sociaux que l'on veut toucher\n"
            "Reconnaître ce que chacun apporte",
        ),
        (
            "Angélique Chassy",
            "Directrice académique, EM Normandie Business School "
            "(journée de l'URIOPSS, Rouen, 15 mars)",
            "La redevabilité, notion centrale de la participation\n"
            "Un cadre encore flou, localement comme nationalement",
        ),
        (
            "Mohamed Mechmache",
            "Président de la commission « Participation citoyenne dans les quartiers "
            "prioritaires » (31 mai, en visioconférence)",
            "23 préconisations pour faire vivre la participation dans les quartiers\n"
            "Des espaces d'échange pour revoir les priorités et rendre des comptes\n"
            "Valoriser l'engagement des habitant·e·s",
        ),
    ],
    "key_takeaways": html(
        """
- Le lien entre l'administration et les habitant·e·s est à repenser au moment
  où s'ouvrent les nouveaux contrats de ville.
- La redevabilité (dire ce que l'on a fait des avis) revient dans toutes les
  interventions.
- Il faut clarifier jusqu'où les pouvoirs publics s'engagent : informer,
  diagnostiquer ensemble, co-construire ou co-décider.
- S'engager coûte cher aux participant·e·s : ils et elles doivent voir des
  résultats à court terme.
"""
    ),
    "body": [
        ("heading", {"text": "Une année de renouvellement", "level": "h2"}),
        (
            "paragraph",
            html(
                """
Les contrats de ville signés en 2024 s'appuient sur les évaluations de la
génération précédente et sur des concertations avec les partenaires et les
habitant·e·s. Dans de nombreux territoires en géographie prioritaire, c'est
l'occasion de repenser la place des habitant·e·s dans la politique de la ville
locale. Plusieurs rendez-vous du printemps en ont témoigné ; voici ce que nous
en retenons.
"""
            ),
        ),
        (
            "heading",
            {
                "text": "Journée démocratie participative de l'URIOPSS, Rouen, 15 mars",
                "level": "h2",
            },
        ),
        (
            "paragraph",
            html(
                """
Chercheurs et praticien·ne·s ont interrogé la relation entre les citoyen·ne·s
et l'administration, élu·e·s comme technicien·ne·s. Deux idées ont dominé :
adapter les formats de la participation aux personnes que l'on veut
entendre, et rendre des comptes sur ce que la participation a changé.
"""
            ),
        ),
        (
            "heading",
            {
                "text": (
                    "Commission « Participation citoyenne dans les quartiers "
                    "prioritaires », 31 mai"
                ),
                "level": "h2",
            },
        ),
        (
            "paragraph",
            html(
                """
La commission a présenté vingt-trois préconisations. Nous en retenons trois :

- ouvrir des espaces d'échange pour revoir les priorités du contrat de ville
  et rendre compte de l'usage des crédits de la politique de la ville et de
  l'abattement de taxe foncière des bailleurs ;
- rechercher la participation des habitant·e·s aux politiques de droit commun,
  au-delà du seul contrat de ville, et dans la gouvernance des structures qui
  agissent dans les quartiers ;
- valoriser l'engagement des habitant·e·s.
"""
            ),
        ),
        (
            "heading",
            {
                "text": (
                    "Rencontres européennes de la participation, Toulouse, "
                    "1er au 5 juillet"
                ),
                "level": "h2",
            },
        ),
        (
            "paragraph",
            html(
                """
Chercheurs, citoyen·ne·s engagés, élu·e·s, agent·e·s de collectivités et
consultant·e·s ont débattu de la participation d'aujourd'hui. Trois actions
présentées à cette occasion ont retenu notre attention.
"""
            ),
        ),
        (
            "practice_card",
            {
                "title": "Tournée de la démocratie permanente",
                "place": "Bordeaux",
                "objectives": (
                    "Alimenter les politiques publiques, informer les habitant·e·s "
                    "et proposer des temps conviviaux."
                ),
                "public_organiser": (
                    "Habitant·e·s de Bordeaux, en quartier prioritaire et ailleurs ; "
                    "portée par la Ville de Bordeaux."
                ),
                "particularity": (
                    "Un objet totem, un « parlement mobile », signale la présence de "
                    "la Ville dans l'espace public."
                ),
                "obstacles": (
                    "Peu de portage par les services autres que celui de la "
                    "participation citoyenne."
                ),
                "satisfactions": (
                    "Une participation jugée satisfaisante ; les services jeunesse et "
                    "développement durable sont plus sensibles à la participation "
                    "qu'il y a deux ans."
                ),
                "link_url": "https://www.bordeaux.fr/",
                "link_label": "En savoir plus, vidéo de présentation",
            },
        ),
        (
            "practice_card",
            {
                "title": "« Mon quartier + facile »",
                "place": "Toulouse",
                "context": (
                    "Bureaux de quartier, réunions publiques, ateliers, conseils "
                    "citoyens : les instances sont nombreuses. Pour entendre celles "
                    "et ceux qu'on n'écoute pas ailleurs, un élu adjoint a rappelé "
                    "l'intérêt des diagnostics en marchant."
                ),
                "objectives": "Faire remonter les besoins des habitant·e·s.",
                "public_organiser": (
                    "Habitant·e·s de Toulouse, en quartier prioritaire et ailleurs ; "
                    "porté par Toulouse Métropole et ses élu·e·s de quartier."
                ),
                "particularity": (
                    "Des rencontres presque mensuelles, toutes suivies sur la "
                    "plateforme jeparticipe.metropole.toulouse.fr."
                ),
                "obstacles": "Les plus jeunes restent difficiles à atteindre.",
                "satisfactions": (
                    "Entendre des citoyen·ne·s éloignés des instances classiques."
                ),
                "link_url": "https://jeparticipe.metropole.toulouse.fr/",
                "link_label": "",
            },
        ),
        (
            "practice_card",
            {
                "title": "Convention citoyenne des quartiers",
                "place": "Laval",
                "objectives": (
                    "Co-construire des objectifs politiques pour les quartiers de "
                    "Laval."
                ),
                "public_organiser": (
                    "Habitant·e·s de Laval, en quartier prioritaire et ailleurs ; "
                    "portée par la Ville de Laval et son maire."
                ),
                "particularity": (
                    "Trois sessions, sans élu·e dans la salle ; une composition "
                    "recherchant la représentativité (genre, âge, diplôme, "
                    "résidence) ; un comité des garants."
                ),
                "obstacles": "Les plus jeunes restent difficiles à atteindre.",
                "satisfactions": (
                    "Un portage politique fort, des services très mobilisés et 25 "
                    "objectifs (avec 130 exemples d'actions) adoptés, aujourd'hui "
                    "examinés par la Ville et ses partenaires."
                ),
                "link_url": "https://www.laval.fr/",
                "link_label": "Lire la fiche de l'expérience",
                "experience": LAVAL_SLUG,
            },
        ),
        ("heading", {"text": "Des questions communes", "level": "h2"}),
        (
            "paragraph",
            html(
                """
Tout au long des rencontres, un même besoin de clarté est revenu :

- sur les objectifs de chaque démarche, et jusqu'où les pouvoirs publics
  s'engagent : partage d'information, diagnostic avec les habitant·e·s,
  co-construction ou codécision ;
- sur le rôle de chacun : services et agences de l'État, collectivités,
  associations et centres sociaux, citoyen·ne·s ;
- sur ce que l'engagement rapporte : il coûte aux participant·e·s, qui doivent
  en voir les effets rapidement.
"""
            ),
        ),
    ],
}

TRAINING = {
    "slug": "master-class-citoyenne-seance-sante",
    "title": "Master class citoyenne — séance santé : quels enjeux dans le Nord ?",
    "kind": "formation",
    "date": datetime.date(2017, 5, 16),
    "start_time": datetime.time(18, 0),
    "end_time": datetime.time(20, 30),
    "format": "presentiel",
    "place": "IREV, Lille (Nord)",
    "organiser": "IREV, centre de ressources politique de la ville des Hauts-de-France",
    "summary": (
        "Synthèse de la séance thématique consacrée à la santé : 25 conseillers et "
        "conseillères citoyens de quartiers et d'intercommunalités différents, une "
        "praticienne de l'atelier santé ville et un médecin de santé publique."
    ),
    "themes": ["sante", "citoyennete-participation"],
    "tags": ["master class", "formation", "atelier santé ville", "Nord"],
    "speakers": [
        (
            "Nadia Lefebvre",
            "Coordinatrice d'un atelier santé ville (intervenante de démonstration)",
            "Le diagnostic local de santé se construit avec les habitant·e·s\n"
            "L'atelier santé ville relie la politique de la ville et le droit commun\n"
            "Les conseils citoyens peuvent siéger à son comité de pilotage",
        ),
        (
            "Étienne Caron",
            "Médecin de santé publique (intervenant de démonstration)",
            "Des écarts d'espérance de vie marqués entre quartiers d'une même ville\n"
            "L'accès aux droits et aux soins avant la prévention\n"
            "Les données de santé existent : les demander",
        ),
    ],
    "key_takeaways": html(
        """
- La santé dépend d'abord des conditions de vie : logement, emploi, cadre de
  vie. Le conseil citoyen peut s'en saisir sans être expert.
- Les données locales de santé sont publiques ou peuvent être demandées :
  c'est une base solide pour un avis argumenté.
- L'atelier santé ville est la porte d'entrée naturelle du conseil citoyen sur
  ces questions.
"""
    ),
    "body": [
        ("heading", {"text": "Une séance du cycle « socle commun »", "level": "h2"}),
        (
            "paragraph",
            html(
                """
Cette séance fait partie des huit séances thématiques de la master class
citoyenne organisée par l'IREV dans le département du Nord. Le principe ne
change pas d'une séance à l'autre : un ou une praticien·ne présente son
métier, les participant·e·s échangent leurs expériences, puis l'IREV apporte
des ressources. La séance a réuni 25 personnes, le maximum prévu, venues de la
métropole lilloise, du Valenciennois et du littoral.
"""
            ),
        ),
        ("heading", {"text": "Présentation métier", "level": "h2"}),
        (
            "paragraph",
            html(
                """
La coordinatrice d'un atelier santé ville a décrit son travail : réunir
les acteurs de la santé d'un territoire, établir un diagnostic partagé,
puis construire un plan d'actions. Elle a insisté sur la place des
habitant·e·s dans le diagnostic, qui fait apparaître des besoins que les
chiffres ne montrent pas.

Le médecin de santé publique a présenté quelques données départementales
et expliqué comment les lire, en rappelant qu'elles sont accessibles aux
conseils citoyens.
"""
            ),
        ),
        ("heading", {"text": "Échanges entre conseillers citoyens", "level": "h2"}),
        (
            "paragraph",
            html(
                """
Les participant·e·s ont partagé ce qu'ils et elles observent dans leurs
quartiers : délais pour obtenir un rendez-vous chez un spécialiste, fermeture
d'un centre de santé, besoins liés au vieillissement. Plusieurs ont découvert
l'existence d'un atelier santé ville sur leur territoire.
"""
            ),
        ),
        (
            "quote",
            {
                "text": (
                    "On pensait que la santé, c'était l'affaire des médecins. En fait, "
                    "on parle de logement, de bus et d'isolement : on connaît."
                ),
                "author": "Une conseillère citoyenne du Valenciennois",
            },
        ),
        ("heading", {"text": "Ressources apportées par l'IREV", "level": "h2"}),
        (
            "paragraph",
            html(
                """
- Les coordonnées des ateliers santé ville du département
- Une fiche pour lire un diagnostic local de santé
- Une liste de questions à poser en comité de pilotage
"""
            ),
        ),
        (
            "callout",
            {
                "title": "Prochaine séance",
                "text": (
                    "La séance logement portera sur les enjeux de la mixité sociale "
                    "dans le Nord. Une synthèse sera envoyée à tous les participants."
                ),
            },
        ),
    ],
}

RECAPS = [WEBINAR, TRAINING]

MISSIONS_ARTICLE = {
    "slug": "les-missions-des-conseils-citoyens",
    "title": "Les missions des conseils citoyens",
    "kind": "texte-de-reference",
    "date": datetime.date(2025, 1, 15),
    "author": "Équipe éditoriale",
    "summary": (
        "Favoriser l'expression des habitant·e·s, contribuer à toutes les étapes "
        "du contrat de ville, soutenir les initiatives citoyennes : les trois "
        "missions que le cadre de référence confie aux conseils citoyens."
    ),
    "source": "Conseils citoyens, cadre de référence, Ministère de la Ville",
    "source_date": datetime.date(2014, 6, 1),
    "rubrics": [Rubric.COLLECTIVE_DYNAMIC, Rubric.RULES],
    "themes": [
        "citoyennete-participation",
        "cadre-de-vie-renouvellement-urbain",
        "education",
        "sante",
    ],
    "tags": ["cadre de référence", "missions", "loi du 21 février 2014"],
    "body": [
        (
            "heading",
            {
                "text": "1. Faire entendre les habitant·e·s aux côtés des institutions",
                "level": "h2",
            },
        ),
        (
            "paragraph",
            html(
                """
La première mission d'un conseil citoyen est de permettre aux habitant·e·s
des quartiers de s'exprimer librement, et de donner du poids à cette parole.
Pour cela, il lui revient :

- d'ouvrir la participation à tous les acteurs non institutionnels du
  quartier, dans leur diversité : résident·e·s, associations, acteurs
  économiques, usagers qui n'y habitent pas ;
- d'aller chercher celles et ceux que l'on entend le moins dans les
  concertations habituelles, en particulier les jeunes ;
- de laisser s'exprimer tous les points de vue tout en construisant une
  vision commune du quartier, de ses enjeux et de ses priorités ;
- de favoriser la reconnaissance mutuelle entre habitant·e·s et institutions,
  par exemple grâce à des formations communes ;
- d'être placé au bon endroit auprès des institutions, pour que la parole
  qu'il porte soit reconnue et prise en compte.
"""
            ),
        ),
        (
            "heading",
            {"text": "2. Co-construire le contrat de ville", "level": "h2"},
        ),
        ("heading", {"text": "À chaque étape", "level": "h3"}),
        (
            "paragraph",
            html(
                """
Le conseil citoyen prend part à toutes les étapes du contrat de ville, au
même titre que les partenaires institutionnels : diagnostic, choix des enjeux
et des priorités, repérage des ressources, programmation, mise en œuvre,
suivi et évaluation. Concrètement, ses représentant·e·s siègent dans les
instances de pilotage et font régulièrement connaître aux partenaires leurs
travaux, leurs propositions et le bilan des projets engagés.
"""
            ),
        ),
        ("heading", {"text": "Sur tous les volets", "level": "h3"}),
        (
            "paragraph",
            html(
                """
Sa participation est transversale : elle concerne tous les volets du contrat
et les dispositifs qui s'y rattachent, du renouvellement urbain à la réussite
éducative en passant par les ateliers santé ville et la prévention de la
délinquance. Pour le renouvellement urbain, les maisons du projet offrent un
lieu d'information, de formation et d'échange.
"""
            ),
        ),
        (
            "heading",
            {"text": "3. Soutenir les initiatives des habitant·e·s", "level": "h2"},
        ),
        (
            "paragraph",
            html(
                """
Le conseil citoyen encourage les pratiques nouvelles et s'appuie sur les
expérimentations existantes, comme les tables de quartier. Il peut lancer ses
propres projets, en cohérence avec les objectifs du contrat de ville et en lien
avec les acteurs du territoire, parfois avec un soutien financier. Ces projets
peuvent être :

- imaginés par le conseil citoyen et confiés à un partenaire (centre social,
  maison des jeunes, centre de santé…) ;
- portés par des habitant·e·s qui n'en sont pas membres, avec son appui ;
- portés directement par le conseil citoyen.
"""
            ),
        ),
        (
            "callout",
            {
                "title": "Le texte de référence",
                "text": (
                    "Ces missions découlent de la loi de programmation pour la ville "
                    "et la cohésion urbaine du 21 février 2014, qui associe les "
                    "conseils citoyens à l'élaboration, à la mise en œuvre et à "
                    "l'évaluation des contrats de ville."
                ),
            },
        ),
    ],
}

GOOD_PRACTICE_ARTICLE = {
    "slug": "cinq-habitudes-pour-associer-le-conseil-citoyen-a-une-reunion",
    "title": "Cinq habitudes pour associer vraiment le conseil citoyen à une réunion",
    "kind": "bonne-pratique",
    "date": datetime.date(2025, 3, 3),
    "author": "Équipe éditoriale",
    "summary": (
        "Envoyer les documents à l'avance, choisir le bon horaire, parler clair, "
        "écrire un compte rendu partagé, dire ce que l'on a fait des avis : cinq "
        "habitudes tirées des expériences du recueil."
    ),
    "source": "Expériences publiées sur ce site",
    "source_date": None,
    "rubrics": [Rubric.PRACTICES, Rubric.REPORTING],
    "themes": ["citoyennete-participation"],
    "tags": ["réunion", "bonnes pratiques", "information en amont"],
    "body": [
        (
            "paragraph",
            html(
                """
Inviter le conseil citoyen ne suffit pas à l'associer. Les expériences
rassemblées sur ce site montrent que quelques habitudes simples changent la
place qu'il prend en réunion.
"""
            ),
        ),
        ("heading", {"text": "1. Envoyer les documents à l'avance", "level": "h2"}),
        (
            "paragraph",
            html(
                """
Trois semaines pour une programmation, une semaine pour une réunion
ordinaire : c'est le temps qu'il faut à un collectif bénévole pour lire,
se réunir et préparer un avis. Une fiche d'une page par dossier vaut mieux
qu'une pile de documents complets.
"""
            ),
        ),
        ("heading", {"text": "2. Choisir un horaire compatible", "level": "h2"}),
        (
            "paragraph",
            html(
                """
Une réunion à 14 heures exclut les actifs et beaucoup de parents. Demandez
aux membres ce qui leur convient, et pensez à la garde d'enfants.
"""
            ),
        ),
        ("heading", {"text": "3. Parler clair", "level": "h2"}),
        (
            "paragraph",
            html(
                """
Chaque sigle non expliqué fait décrocher quelqu'un. Un glossaire commun,
écrit avec les conseillers citoyens, aide tout le monde, y compris les
nouveaux agent·e·s.
"""
            ),
        ),
        ("heading", {"text": "4. Écrire un compte rendu partagé", "level": "h2"}),
        (
            "paragraph",
            html(
                """
Faites relire le compte rendu par le conseil citoyen avant de le diffuser, et
réservez un encadré à ses interventions.
"""
            ),
        ),
        ("heading", {"text": "5. Dire ce que l'on a fait des avis", "level": "h2"}),
        (
            "paragraph",
            html(
                """
Une colonne « suite donnée », un rapport annuel ou une réunion bilan : la
forme importe peu, pourvu que chaque avis reçoive une réponse.
"""
            ),
        ),
    ],
}

ARTICLES = [MISSIONS_ARTICLE, GOOD_PRACTICE_ARTICLE]

BOOKLET = {
    "slug": "conseils-citoyens-levier-co-construction",
    "title": "Les conseils citoyens, levier pour la co-construction des contrats de "
    "ville",
    "subtitle": "Fiches pratiques et expériences de terrain",
    "edition_date": datetime.date(2020, 10, 1),
    "edition_number": 1,
    "publisher": "Agence nationale de la cohésion des territoires",
    "licence": "Licence Ouverte / Open Licence 2.0",
    "cover": "couverture-livret",
    "foreword": html(
        """
La loi du 21 février 2014 a fait de la co-construction avec les conseils
citoyens un principe de la politique de la ville. Sur le terrain, les
situations restent très diverses : certains conseils sont pleinement associés
aux décisions, d'autres seulement consultés ou informés.

Le soutien politique compte, mais la réussite tient souvent aux méthodes
employées pour accompagner la dynamique. Ce livret rassemble, pour chacune des
six rubriques de l'appel à expériences, des fiches pratiques tirées de
l'expérience de professionnel·le·s, d'élu·e·s et de conseiller·ère·s
citoyen·ne·s. Qu'ils et elles soient remerciés de les avoir partagées.
"""
    ),
}
