"""Demo experiences: the Plaine Commune sheet of seed 001 and plausible others
after the call's "expériences attendues" (seed 000) and seeds 003/004.

Texts are plain: paragraphs separated by blank lines, lists as "- " lines
(see `home.demo.text.html`). Dates are (year, month). `photos` and
`documents` name entries of `home.demo.media`. `booklet` marks the two sheets
per rubric that go into the demo booklet.
"""

from experiences.constants import ContributorRole as Role
from experiences.constants import Rubric

PLAINE_COMMUNE_SLUG = "conseils-citoyens-prendre-sa-place-dans-le-contrat-de-ville"
LAVAL_SLUG = "convention-citoyenne-des-quartiers-de-laval"

EXPERIENCES = [
    # 1. Faire émerger une dynamique collective
    {
        "slug": "petit-dejeuner-mensuel-du-conseil-citoyen",
        "rubric": Rubric.COLLECTIVE_DYNAMIC,
        "title": "Un petit-déjeuner mensuel pour faire vivre le conseil citoyen",
        "summary": (
            "Chaque premier samedi du mois, le conseil citoyen de l'Alma ouvre ses "
            "portes autour d'un café : les habitant·e·s passent, posent leurs "
            "questions, et certain·e·s finissent par rejoindre le collectif."
        ),
        "feature": "Un rendez-vous fixe et sans ordre du jour, tenu par trois "
        "conseillères citoyennes, qui a doublé le nombre de membres actifs en un an.",
        "communes": "Roubaix",
        "department": "59",
        "quartiers": "L'Alma, Épeule",
        "start": (2018, 9),
        "end": None,
        "ongoing": True,
        "role": Role.CITIZEN_COUNCILLOR,
        "organisation": "Conseil citoyen Alma-Épeule",
        "themes": ["cohesion-sociale", "citoyennete-participation"],
        "tags": ["convivialité", "recrutement", "local associatif"],
        "objectives": """
Le conseil citoyen avait perdu la moitié de ses membres après sa première année
et ne se réunissait plus qu'en petit comité. Trois conseillères ont voulu
recréer un lieu où l'on vient sans obligation, pour se parler avant de
travailler ensemble.

- Se faire connaître des habitant·e·s qui ne fréquentent aucune réunion
- Accueillir de nouveaux membres sans passer par un appel à candidatures
- Recueillir les sujets qui préoccupent vraiment le quartier
""",
        "approach": """
Le petit-déjeuner se tient le premier samedi de chaque mois, de 9 h 30 à
11 h 30, dans le local d'une association de locataires. Le café et les
viennoiseries sont achetés avec le budget de fonctionnement du conseil.

Une grande feuille affichée au mur recueille les sujets évoqués. À la réunion
suivante du conseil, ces sujets sont relus et l'on décide lesquels suivre.
Une affiche dans les halls d'immeuble et un message sur le groupe de quartier
rappellent la date chaque mois.
""",
        "actors": """
- Le conseil citoyen, qui organise et anime
- L'association de locataires, qui prête la salle
- Le centre social, qui relaie l'invitation auprès des familles
""",
        "results": """
Entre quinze et trente personnes passent à chaque rendez-vous. En un an, le
conseil est passé de six à treize membres actifs, dont quatre jeunes de moins
de 25 ans. Deux sujets remontés au petit-déjeuner (l'éclairage d'un passage et
les horaires de la navette) ont été portés en comité de pilotage.
""",
        "difficulties": """
Le rendez-vous repose sur peu de personnes : quand l'une d'elles est absente,
l'accueil devient difficile. Les hommes du quartier viennent moins que les
femmes, et les personnes qui ne parlent pas bien le français restent en retrait.
""",
        "advice": """
Gardez la même date et le même lieu toute l'année : la régularité compte plus
que la communication. N'imposez pas d'ordre du jour, mais notez tout ce qui se
dit pour montrer que la parole est suivie d'effets.
""",
        "photos": [
            (
                "petit-dejeuner-roubaix",
                "Un samedi matin au local de l'association de locataires",
                "Conseil citoyen Alma-Épeule",
            )
        ],
        "booklet": True,
    },
    {
        "slug": "gazette-de-quartier-du-conseil-citoyen",
        "rubric": Rubric.COLLECTIVE_DYNAMIC,
        "title": "Une gazette de quartier écrite par le conseil citoyen",
        "summary": (
            "Au Havre, le conseil citoyen publie quatre fois par an une gazette de "
            "quatre pages distribuée dans les boîtes aux lettres : ce qu'il fait, ce "
            "qu'il a obtenu et les dates à retenir."
        ),
        "feature": "Une gazette imprimée à 3 000 exemplaires et distribuée par les "
        "conseillers et conseillères eux-mêmes, porte à porte.",
        "communes": "Le Havre",
        "department": "76",
        "quartiers": "Caucriauville, Mont-Gaillard",
        "start": (2019, 1),
        "end": (2021, 12),
        "ongoing": False,
        "role": Role.CITIZEN_COUNCILLOR,
        "organisation": "Conseil citoyen de Caucriauville",
        "contact_name": "Conseil citoyen de Caucriauville",
        "contact_email": "conseil-citoyen.caucriauville@example.org",
        "themes": ["citoyennete-participation", "culture-sport"],
        "tags": ["communication", "journal de quartier"],
        "objectives": """
Faire connaître le conseil citoyen, ses missions et ses travaux auprès de
tous les habitant·e·s du quartier, y compris celles et ceux qui n'utilisent pas
les réseaux sociaux.
""",
        "approach": """
Un comité de rédaction de cinq conseillers et conseillères se réunit un mois
avant chaque parution. Chaque numéro suit la même trame : un dossier (par
exemple la rénovation d'une école), une rubrique « ce que nous avons dit en
comité de pilotage », un portrait d'habitant·e et un agenda.

La mise en page est faite avec un logiciel libre, avec l'aide d'un animateur
de la maison de quartier. L'impression est financée par le contrat de ville.
""",
        "actors": """
- Le conseil citoyen et son comité de rédaction
- La maison de quartier, pour la mise en page et la relecture
- Le bailleur social, qui autorise la distribution dans les halls
""",
        "results": """
Dix numéros sont parus en trois ans. Les habitant·e·s citent la gazette quand
ils et elles viennent au conseil citoyen pour la première fois. La rubrique sur
le comité de pilotage a obligé le conseil à préparer ses interventions et à en
garder la trace.
""",
        "difficulties": """
La distribution porte à porte est épuisante pour un petit groupe. Le délai
d'impression oblige à écrire les agendas très tôt, et certaines dates changent
entre-temps.
""",
        "advice": """
Commencez petit : une page recto verso suffit. Fixez une trame qui ne change
pas d'un numéro à l'autre, et demandez aux partenaires de relire les passages
qui les concernent pour éviter les erreurs.
""",
        "photos": [
            (
                "gazette-le-havre",
                "Le comité de rédaction prépare le numéro de printemps",
                "Conseil citoyen de Caucriauville",
            )
        ],
        "booklet": True,
    },
    {
        "slug": "relancer-un-conseil-citoyen-essouffle",
        "rubric": Rubric.COLLECTIVE_DYNAMIC,
        "title": "Relancer un conseil citoyen essoufflé avec un binôme d'animation",
        "summary": (
            "À Strasbourg, un binôme formé d'une animatrice du centre social et d'un "
            "conseiller citoyen a remis en route un conseil qui ne se réunissait "
            "plus, en partant des projets que les membres voulaient porter."
        ),
        "feature": "Un binôme professionnelle–habitant qui prépare chaque réunion "
        "ensemble, pour que l'animation ne repose ni sur l'institution seule ni sur "
        "un bénévole isolé.",
        "communes": "Strasbourg",
        "department": "67",
        "quartiers": "Neuhof",
        "start": (2021, 3),
        "end": (2022, 6),
        "ongoing": False,
        "role": Role.PROFESSIONAL,
        "organisation": "Centre social du Neuhof",
        "themes": ["cohesion-sociale", "jeunesse"],
        "tags": ["animation", "remobilisation", "projet collectif"],
        "objectives": """
Après la crise sanitaire, le conseil citoyen du Neuhof ne réunissait plus que
trois personnes. L'objectif était de lui redonner un projet commun et une
organisation qui ne dépende pas d'une seule personne.
""",
        "approach": """
Une animatrice du centre social et un conseiller citoyen ont formé un binôme.
Ils ont rencontré un par un les anciens membres pour savoir pourquoi ils
étaient partis et ce qui les ferait revenir.

Trois envies sont ressorties : un projet visible pour les jeunes, des réunions
plus courtes, et des décisions qui ne soient pas toujours renvoyées à plus
tard. Le conseil a choisi de porter un tournoi de football inter-quartiers, et
chaque réunion s'est terminée par une décision écrite.
""",
        "actors": """
- Le centre social, qui met à disposition une animatrice quatre heures par mois
- Le conseil citoyen
- Le service des sports de la ville et deux clubs de quartier
""",
        "results": """
Le conseil compte aujourd'hui onze membres, dont trois jeunes recrutés pendant
le tournoi. Le binôme a passé la main à deux autres conseillers au bout de
dix-huit mois, ce qui montre que l'organisation tient.
""",
        "difficulties": """
Le temps de l'animatrice n'est pas financé durablement. Les sujets du contrat
de ville, plus abstraits que le tournoi, mobilisent moins et demandent un
effort de traduction.
""",
        "advice": """
Avant de relancer, écoutez celles et ceux qui sont partis. Un premier projet
concret et rapide redonne confiance ; les sujets plus institutionnels viennent
ensuite.
""",
        "photos": [],
    },
    # 2. Identifier les facteurs mobilisateurs
    {
        "slug": PLAINE_COMMUNE_SLUG,
        "rubric": Rubric.MOBILISING_FACTORS,
        "title": (
            "Conseils citoyens : comment prendre sa place dans le contrat de ville ?"
        ),
        "summary": (
            "À Plaine Commune, les vingt conseils citoyens ont été accompagnés pendant "
            "un an pour choisir eux-mêmes les instances du contrat de ville où siéger, "
            "et sous quelle forme, après un forum qui a réuni tous les partenaires."
        ),
        "feature": "Plaine Commune est un établissement public territorial qui "
        "regroupe neuf villes et vingt conseils citoyens.",
        "communes": "Plaine Commune (établissement public territorial, neuf villes)",
        "department": "93",
        "quartiers": "",
        "start": (2016, 1),
        "end": (2017, 6),
        "ongoing": False,
        "role": Role.PROFESSIONAL,
        "organisation": "Plaine Commune",
        "contact_name": "Profession Banlieue",
        "contact_email": "profession.banlieue@wanadoo.fr",
        "themes": ["citoyennete-participation", "cohesion-sociale", "logement"],
        "tags": ["forum", "accompagnement extérieur", "gouvernance", "formation"],
        "links": [
            (
                "https://www.professionbanlieue.org/",
                "Profession Banlieue, centre de ressources de la Seine-Saint-Denis",
            ),
            ("https://plainecommune.fr/", "Le site de Plaine Commune"),
        ],
        "objectives": """
Chercher, en l'essayant, une manière d'associer les conseils citoyens aux
différentes instances du contrat de ville de Plaine Commune.

Comme dans beaucoup de territoires, les conseils citoyens sont nés après la
signature du contrat de ville : ils n'avaient donc pas pris part à son
élaboration. Les élu·e·s de Plaine Commune voulaient :

- que les conseils citoyens disent eux-mêmes dans quelles instances et sur
  quels sujets ils souhaitent être présents, et comment
- qu'ils puissent bousculer les façons de travailler établies
- qu'ils soient associés à la réflexion et à la décision, et pas seulement
  considérés comme un « public cible »
""",
        "approach": """
Un cabinet, Extracité, choisi par appel à projets et financé par le contrat de
ville, a reçu deux missions : aider les conseils citoyens à former un groupe,
et repérer ce qui leur manquait pour prendre leur place. Quatre séances de
formation de deux heures dans chaque conseil ont fait apparaître quatre
besoins : mieux se connaître entre membres, mieux connaître les dispositifs de
la politique de la ville, les acteurs et partenaires, et les ressources du
territoire.

En octobre 2016, un forum des conseils citoyens a réuni habitant·e·s,
associations, élu·e·s, acteurs locaux, technicien·ne·s des villes et de
Plaine Commune et représentant·e·s de l'État. Les conseils y ont formulé des
demandes précises : être informés avant les instances, être formés, être
reconnus comme légitimes, peser sur les décisions, participer à la
programmation et se réunir en dehors des heures de travail.

Les élu·e·s se sont engagés à laisser expérimenter (et se tromper), à
transmettre dossiers et calendriers pour que les conseillers et conseillères
puissent venir aux réunions de leur choix, comme participants ou
observateurs, et à tenir les instances politiques en soirée.

En janvier 2017, les conseils ont retenu un scénario : un ou une référent·e
par conseil pour chacune des six thématiques du contrat de ville, pour siéger
aux comités techniques thématiques.
""",
        "actors": """
- Les vingt conseils citoyens des neuf villes
- Plaine Commune et les services politique de la ville des communes
- Le cabinet Extracité, pour l'accompagnement et l'animation du forum
- Les services de l'État (délégué·e·s du préfet)
- Les associations et acteurs locaux présents au forum
""",
        "results": """
Les conseillers et conseillères citoyens ont été invités aux instances de
programmation et y sont venus : comité de pilotage, comités techniques,
commissions locales inter-partenariales, conférence intercommunale du
logement. Un bilan a été tenu en juin 2017 avec les conseils citoyens, les
professionnel·le·s des villes et l'État.
""",
        "difficulties": """
L'organisation par thématique prévue au départ a été difficile à tenir : en
pratique, ce sont les membres disponibles qui se rendaient aux réunions, quel
que soit le sujet.
""",
        "advice": """
Laissez les conseils citoyens choisir leurs instances plutôt que de leur
attribuer des sièges. Un forum ouvert à tous les partenaires crée des
engagements publics, plus faciles à rappeler ensuite. Prévoyez dès le départ
un bilan partagé.
""",
        "photos": [
            (
                "plaine-commune-forum",
                "Forum des conseils citoyens de Plaine Commune, octobre 2016",
                "Extracité",
            ),
            (
                "plaine-commune-carte",
                "Les neuf villes de Plaine Commune et leurs vingt conseils citoyens",
                "Extracité",
            ),
        ],
        "documents": [
            (
                "plaine-commune-synthese",
                "Tableau de synthèse des propositions du forum d'octobre 2016",
            )
        ],
        "booklet": True,
    },
    {
        "slug": "co-formation-elus-techniciens-conseillers-citoyens",
        "rubric": Rubric.MOBILISING_FACTORS,
        "title": "Se former ensemble : élu·e·s, technicien·ne·s et conseils citoyens",
        "summary": (
            "À Rennes, un cycle de quatre demi-journées a réuni, à parts égales, "
            "élu·e·s, agent·e·s et conseillers citoyens pour apprendre ensemble "
            "le fonctionnement du contrat de ville et les règles du dialogue."
        ),
        "feature": "Des groupes de travail composés à parts égales, où chacun "
        "joue tour à tour le rôle de l'autre lors d'une mise en situation.",
        "communes": "Rennes",
        "department": "35",
        "quartiers": "Maurepas, Le Blosne",
        "start": (2019, 10),
        "end": (2020, 2),
        "ongoing": False,
        "role": Role.ELECTED,
        "organisation": "Ville de Rennes",
        "themes": ["citoyennete-participation", "education"],
        "tags": ["co-formation", "mise en situation", "culture commune"],
        "objectives": """
Créer une culture commune entre les trois « mondes » du contrat de ville, et
faire comprendre à chacun les contraintes des autres : le calendrier
budgétaire des services, la responsabilité politique des élu·e·s, le temps
bénévole des habitant·e·s.
""",
        "approach": """
Quatre demi-journées, un samedi matin par mois, ont réuni une trentaine de
personnes : dix élu·e·s, dix agent·e·s et dix conseillers et conseillères
citoyens. Chaque séance alternait un apport court (le circuit d'une
subvention, la programmation annuelle, le rôle de l'État) et un travail en
petits groupes mixtes.

La troisième séance a pris la forme d'un jeu de rôle : un faux comité de
programmation où les élu·e·s jouaient les habitant·e·s, et inversement.
""",
        "actors": """
- La Ville de Rennes, qui a financé et accueilli le cycle
- Une coopérative de formation spécialisée dans la participation
- Les conseils citoyens de Maurepas et du Blosne
""",
        "results": """
Les participant·e·s ont rédigé ensemble dix règles de fonctionnement pour
les comités de programmation, reprises ensuite par la Ville. Les conseillers
citoyens disent oser davantage prendre la parole face aux élu·e·s.
""",
        "difficulties": """
Certains élu·e·s ne sont venus qu'à la première séance. Les samedis matin
conviennent aux habitant·e·s mais moins aux agent·e·s, qui ont dû récupérer ces
heures.
""",
        "advice": """
Tenez à la parité des trois groupes dans chaque séance. Le jeu de rôle est
le moment le plus marquant : préparez-le soigneusement et prévoyez un temps
pour en parler ensuite.
""",
        "photos": [
            (
                "co-formation-rennes",
                "Un groupe mixte au travail pendant la troisième séance",
                "Ville de Rennes",
            )
        ],
        "booklet": True,
    },
    {
        "slug": "master-class-citoyenne-du-nord",
        "rubric": Rubric.MOBILISING_FACTORS,
        "title": "Une « master class citoyenne » pour comprendre les politiques "
        "publiques",
        "summary": (
            "Dans le Nord, douze séances ont permis à des conseillers et "
            "conseillères citoyens de quartiers différents de rencontrer des "
            "praticiens (santé, emploi, logement…) pour mieux comprendre les "
            "politiques publiques et former un avis."
        ),
        "feature": "Chaque séance accueille au plus 25 personnes venues de quartiers "
        "et d'intercommunalités différents, autour d'un ou d'une professionnel·le "
        "qui présente son métier.",
        "communes": "Lille, Valenciennes, Dunkerque, Maubeuge",
        "department": "59",
        "quartiers": "",
        "start": (2017, 1),
        "end": (2017, 11),
        "ongoing": False,
        "role": Role.OTHER,
        "organisation": "IREV, centre de ressources politique de la ville",
        "contact_name": "IREV",
        "contact_email": "master-class@example.org",
        "themes": ["sante", "emploi-developpement-economique", "logement"],
        "tags": ["formation", "master class", "socle commun", "Hauts-de-France"],
        "links": [("https://www.irev.fr/", "Le site de l'IREV")],
        "objectives": """
Donner aux conseillers et conseillères citoyens un socle commun de
connaissances pour rendre des avis éclairés et argumentés, sans pour autant
en faire des spécialistes de la politique de la ville : l'expertise acquise
par quelques-uns ne doit pas déséquilibrer le collectif.
""",
        "approach": """
Le cycle comptait douze séances : quatre séances d'introduction (une par
grand secteur du département : littoral, métropole lilloise, Douaisis et
Valenciennois, Cambrésis et Sambre-Avesnois) et huit séances thématiques
(urbanisme et renouvellement urbain, santé, emploi, éducation, logement,
développement économique).

Chaque séance suit la même trame : un ou une praticien·ne présente son métier,
les participant·e·s échangent leurs expériences, puis l'IREV apporte des
ressources. Une synthèse écrite est envoyée après chaque séance. Une enquête
sur les transports est faite en début de cycle pour choisir les lieux.
""",
        "actors": """
- L'IREV, qui pilote et coproduit les séances
- Un cabinet chargé de l'animation participative et des synthèses
- Les services de l'État, les collectivités et les praticiens invités
""",
        "results": """
Une centaine de conseillers et conseillères citoyens ont suivi au moins une
séance. Les synthèses ont circulé bien au-delà des participant·e·s et servent
de support dans plusieurs conseils. Une restitution locale a eu lieu à
l'automne 2017.
""",
        "difficulties": """
Les déplacements restent un frein pour les quartiers les plus éloignés de
Lille, malgré les séances décentralisées. Les conseils labellisés en fin
d'année risquaient de manquer les séances introductives, qu'il a fallu
espacer.
""",
        "advice": """
Partir des réalisations concrètes rend les politiques publiques bien plus
compréhensibles qu'un exposé des dispositifs. Faites intervenir des
praticien·ne·s de terrain plutôt que des responsables institutionnels.
""",
        "photos": [],
    },
    # 3. Adapter ses pratiques et ses postures professionnelles
    {
        "slug": "reunions-du-contrat-de-ville-en-soiree",
        "rubric": Rubric.PRACTICES,
        "title": "Les réunions du contrat de ville passent à 18 h 30",
        "summary": (
            "Dans les quartiers Nord de Marseille, les comités techniques du contrat "
            "de ville se tiennent désormais en fin de journée, avec une garde "
            "d'enfants sur place, pour que les conseillers citoyens qui travaillent "
            "puissent y siéger."
        ),
        "feature": "Un changement d'horaire décidé après un simple sondage, et une "
        "garde d'enfants assurée par un centre social voisin.",
        "communes": "Marseille (13e et 14e arrondissements)",
        "department": "13",
        "quartiers": "Malpassé, Saint-Barthélemy",
        "start": (2022, 1),
        "end": None,
        "ongoing": True,
        "role": Role.PROFESSIONAL,
        "organisation": (
            "Métropole Aix-Marseille-Provence, équipe politique de la ville"
        ),
        "themes": ["citoyennete-participation", "egalite-lutte-discriminations"],
        "tags": ["horaires de réunion", "garde d'enfants", "disponibilité"],
        "objectives": """
Les comités techniques se tenaient à 14 heures : seuls les conseillers citoyens
retraités ou sans emploi pouvaient venir. L'équipe voulait que les instances
reflètent mieux la diversité du quartier, notamment les actifs et les parents
de jeunes enfants.
""",
        "approach": """
Un sondage court, distribué aux deux conseils citoyens, a montré que 18 h 30
convenait au plus grand nombre. Les partenaires institutionnels ont accepté
de tester ce créneau pendant six mois, à raison d'une réunion par mois.

Un centre social voisin accueille les enfants pendant la réunion, avec deux
animatrices. Les réunions durent au plus une heure et demie, et l'ordre du jour
est envoyé une semaine avant.
""",
        "actors": """
- L'équipe politique de la ville de la Métropole
- Les deux conseils citoyens
- Le centre social, pour la garde d'enfants
- Les services de l'État et de la Ville, qui ont accepté le nouvel horaire
""",
        "results": """
La présence des conseillers citoyens est passée de trois à neuf personnes en
moyenne, dont cinq femmes qui ne venaient jamais auparavant. Le test a été
prolongé et les réunions du soir sont devenues la règle.
""",
        "difficulties": """
Certains partenaires institutionnels se font remplacer plus souvent le soir.
La garde d'enfants a un coût qu'il faut inscrire chaque année dans la
programmation.
""",
        "advice": """
Demandez d'abord aux habitant·e·s ce qui les empêche de venir : l'horaire
n'est souvent qu'une partie de la réponse. Présentez le changement comme un
test limité dans le temps, c'est plus facile à faire accepter.
""",
        "photos": [],
        "booklet": True,
    },
    {
        "slug": "glossaire-politique-de-la-ville-langage-clair",
        "rubric": Rubric.PRACTICES,
        "title": "Un glossaire de la politique de la ville en langage clair",
        "summary": (
            "À Vaulx-en-Velin, conseillers citoyens et agent·e·s ont écrit ensemble "
            "un lexique d'une soixantaine de sigles et de mots du contrat de ville, "
            "chacun expliqué en deux phrases simples, avec un exemple local."
        ),
        "feature": "Chaque définition est relue par un conseiller citoyen qui ne "
        "connaissait pas le mot : si elle ne lui parle pas, elle est réécrite.",
        "communes": "Vaulx-en-Velin",
        "department": "69",
        "quartiers": "Mas du Taureau, Grande Île",
        "start": (2020, 9),
        "end": (2021, 4),
        "ongoing": False,
        "role": Role.PROFESSIONAL,
        "organisation": "Ville de Vaulx-en-Velin, mission politique de la ville",
        "themes": ["education", "citoyennete-participation"],
        "tags": ["langage clair", "sigles", "documents simplifiés"],
        "objectives": """
QPV, NPNRU, TFPB, PRE, CLSPD… Les conseillers citoyens disaient décrocher dès
les premières minutes des réunions. L'objectif était de rendre le vocabulaire
de la politique de la ville accessible, et d'habituer les professionnel·le·s à
s'en passer.
""",
        "approach": """
Pendant deux mois, les conseillers et conseillères citoyens ont noté tous les
mots et sigles qu'ils ne comprenaient pas en réunion. La mission politique de la
ville en a rédigé une première définition, relue en atelier.

La règle : deux phrases au plus, un exemple pris dans le quartier, pas de
sigle dans la définition. Le glossaire est imprimé en format poche et
distribué à chaque nouvelle ou nouveau membre ; il est aussi remis aux
agent·e·s qui arrivent dans le service.
""",
        "actors": """
- La mission politique de la ville
- Les deux conseils citoyens de la commune
- Le service communication, pour la mise en page
""",
        "results": """
Soixante-deux entrées, trois réimpressions. Le glossaire sert aussi aux
nouveaux agent·e·s. Plusieurs chefs de projet ont pris l'habitude de
l'apporter en réunion et de renvoyer à sa définition quand un sigle échappe.
""",
        "difficulties": """
Certains termes juridiques se simplifient mal sans devenir inexacts. Le
glossaire doit être mis à jour à chaque changement de dispositif.
""",
        "advice": """
Partez des mots que les habitant·e·s n'ont pas compris, pas de ceux que les
professionnel·le·s jugent importants. Faites relire par quelqu'un qui ne
connaît pas le sujet.
""",
        "photos": [
            (
                "glossaire-vaulx",
                "Le glossaire au format poche, distribué aux nouveaux membres",
                "Ville de Vaulx-en-Velin",
            )
        ],
        "booklet": True,
    },
    {
        "slug": "dossiers-de-programmation-envoyes-en-amont",
        "rubric": Rubric.PRACTICES,
        "title": "Les dossiers de programmation envoyés trois semaines à l'avance",
        "summary": (
            "À Saint-Denis de La Réunion, les conseils citoyens reçoivent les "
            "projets d'actions du contrat de ville trois semaines avant le comité, "
            "avec une fiche de lecture d'une page par projet."
        ),
        "feature": "Une fiche d'une page par projet, rédigée par les services, et "
        "une permanence pour poser ses questions avant le comité.",
        "communes": "Saint-Denis",
        "department": "974",
        "quartiers": "Le Chaudron, Les Camélias",
        "start": (2021, 1),
        "end": None,
        "ongoing": True,
        "role": Role.ELECTED,
        "organisation": "Ville de Saint-Denis",
        "themes": ["emploi-developpement-economique", "cohesion-sociale"],
        "tags": ["programmation", "information en amont", "fiche de lecture"],
        "objectives": """
Permettre aux conseillers citoyens de donner un avis réfléchi sur la
programmation annuelle, au lieu de découvrir en séance une centaine de dossiers.
""",
        "approach": """
Trois semaines avant le comité de programmation, chaque conseil citoyen
reçoit la liste des projets et, pour chacun, une fiche d'une page : qui porte
l'action, pour qui, combien elle coûte, ce qu'elle a donné l'année précédente.

Une permanence d'une soirée, tenue par la cheffe de projet, permet de poser
des questions. Le conseil citoyen rend ensuite un avis écrit, lu en ouverture
du comité.
""",
        "actors": """
- L'élue en charge de la politique de la ville, qui a porté la démarche
- Les services de la Ville et de l'État
- Les conseils citoyens du Chaudron et des Camélias
""",
        "results": """
Les avis des conseils citoyens sont devenus plus précis et plus argumentés.
Deux actions ont été réorientées en 2022 après leurs remarques, notamment un
chantier d'insertion dont les horaires ne convenaient pas aux jeunes mères.
""",
        "difficulties": """
Les porteurs de projets déposent parfois leurs dossiers tard, ce qui raccourcit
le délai. La rédaction des fiches représente une charge importante pour les
services au moment le plus chargé de l'année.
""",
        "advice": """
Fixez le délai d'envoi dans le règlement de la programmation pour qu'il
s'impose à tous. Une fiche courte et toujours construite de la même façon
vaut mieux qu'un dossier complet que personne ne lit.
""",
        "photos": [],
    },
    {
        "slug": "diagnostic-en-marchant-mon-quartier-plus-facile",
        "rubric": Rubric.PRACTICES,
        "title": "Le diagnostic en marchant pour entendre celles et ceux qu'on "
        "n'entend pas",
        "summary": (
            "À Toulouse, les élu·e·s de quartier arpentent chaque mois les rues avec "
            "les habitant·e·s et les services : les besoins relevés en chemin sont "
            "suivis sur une plateforme publique."
        ),
        "feature": "Des rencontres presque mensuelles, sur le trottoir plutôt qu'en "
        "salle, avec un suivi public de chaque demande.",
        "communes": "Toulouse",
        "department": "31",
        "quartiers": "Les Izards, La Reynerie",
        "start": (2022, 4),
        "end": None,
        "ongoing": True,
        "role": Role.ELECTED,
        "organisation": "Toulouse Métropole",
        "themes": [
            "cadre-de-vie-renouvellement-urbain",
            "tranquillite-publique",
            "transition-ecologique",
        ],
        "tags": ["diagnostic en marchant", "espace public", "aller vers"],
        "links": [
            (
                "https://jeparticipe.metropole.toulouse.fr/",
                "La plateforme de participation de Toulouse Métropole",
            )
        ],
        "objectives": """
Les instances de participation sont nombreuses, mais elles touchent toujours
les mêmes personnes. Le diagnostic en marchant cherche à faire remonter les
besoins de celles et ceux qui ne viennent pas aux réunions.
""",
        "approach": """
Presque chaque mois, un ou une élu·e de quartier, des agent·e·s de la
propreté, de la voirie et des espaces verts, et les conseillers citoyens
proposent un parcours d'une heure. Le départ est annoncé par affichage et par
les commerçants.

Chaque remarque est notée sur place, photographiée et versée sur la
plateforme de participation de la Métropole, où chacun peut suivre la
réponse.
""",
        "actors": """
- Les élu·e·s de quartier
- Les services techniques de la Métropole
- Les conseils citoyens et les comités de quartier
""",
        "results": """
Les diagnostics permettent d'entendre des habitant·e·s absents des instances
habituelles : personnes âgées, commerçants, parents à la sortie de l'école.
La plupart des petites demandes (éclairage, bancs, propreté) sont traitées en
moins de deux mois.
""",
        "difficulties": """
Les plus jeunes restent difficiles à toucher. Les demandes lourdes, qui
relèvent du renouvellement urbain, risquent de décevoir si l'on n'explique pas
leur calendrier.
""",
        "advice": """
Choisissez l'horaire en fonction de qui vous voulez rencontrer. Répondez à
chaque demande, même pour dire non, et dites-le sur la plateforme.
""",
        "photos": [
            (
                "diagnostic-toulouse",
                "Un diagnostic en marchant aux Izards",
                "Toulouse Métropole",
            )
        ],
    },
    # 4. Établir les règles de la co-construction
    {
        "slug": "charte-locale-de-la-participation",
        "rubric": Rubric.RULES,
        "title": "Une charte locale de la participation écrite à plusieurs mains",
        "summary": (
            "À Lormont, la charte qui fixe la place du conseil citoyen dans les "
            "instances a été écrite en six ateliers par les habitant·e·s, les "
            "associations, les élu·e·s et les services, puis votée en conseil "
            "municipal."
        ),
        "feature": "Une charte unique pour toutes les instances participatives de la "
        "commune, qui précise comment elles s'articulent entre elles.",
        "communes": "Lormont",
        "department": "33",
        "quartiers": "Génicart, Carriet",
        "start": (2018, 2),
        "end": (2018, 11),
        "ongoing": False,
        "role": Role.PROFESSIONAL,
        "organisation": "Ville de Lormont, direction de la participation",
        "contact_name": "Direction de la participation",
        "contact_email": "participation@example.org",
        "themes": ["citoyennete-participation", "egalite-lutte-discriminations"],
        "tags": ["charte", "règles du jeu", "instances participatives"],
        "objectives": """
Conseil citoyen, conseils de quartier, conseil des jeunes : chaque instance
avait ses propres règles et personne ne savait qui était consulté sur quoi.
La charte devait clarifier le rôle de chacune et les engagements de la Ville.
""",
        "approach": """
Six ateliers de deux heures, ouverts à tous, ont abordé chacun une question :
qui participe, sur quels sujets, avec quels moyens, comment la Ville répond,
comment on règle un désaccord, comment on évalue.

Un groupe de rédaction de huit personnes (dont trois conseillers citoyens) a
mis les propositions en forme. Le texte a été soumis à une consultation d'un
mois, puis voté en conseil municipal.
""",
        "actors": """
- La direction de la participation de la Ville
- Le conseil citoyen, les conseils de quartier et le conseil des jeunes
- Les associations de quartier
""",
        "results": """
La charte engage la Ville à répondre par écrit à chaque avis dans un délai de
deux mois. Le conseil citoyen dispose d'un siège permanent au comité de
pilotage et peut saisir le maire d'une question deux fois par an.
""",
        "difficulties": """
Une charte ne change rien si personne ne la rappelle : il a fallu créer une
réunion annuelle pour vérifier qu'elle est appliquée.
""",
        "advice": """
Écrivez peu d'engagements, mais vérifiables. Prévoyez dès le départ comment
la charte sera évaluée et révisée.
""",
        "photos": [],
        "documents": [
            ("charte-lormont", "La charte locale de la participation (extrait)")
        ],
        "booklet": True,
    },
    {
        "slug": LAVAL_SLUG,
        "rubric": Rubric.RULES,
        "title": "La convention citoyenne des quartiers de Laval",
        "summary": (
            "À Laval, une convention d'habitant·e·s tirés au sort, en quartier "
            "prioritaire et ailleurs, a fixé en trois sessions 25 objectifs pour les "
            "quartiers, sous le regard d'un comité de garants et sans élu·e dans "
            "la salle."
        ),
        "feature": "Les élu·e·s ont choisi de ne pas assister aux sessions ; un "
        "comité des garants a veillé au bon déroulement de la convention.",
        "communes": "Laval",
        "department": "53",
        "quartiers": "Saint-Nicolas, Les Fourches, Le Pavement",
        "start": (2023, 9),
        "end": (2024, 3),
        "ongoing": False,
        "role": Role.ELECTED,
        "organisation": "Ville de Laval",
        "themes": ["citoyennete-participation", "cohesion-sociale", "jeunesse"],
        "tags": ["convention citoyenne", "tirage au sort", "comité des garants"],
        "links": [("https://www.laval.fr/", "Le site de la Ville de Laval")],
        "objectives": """
Co-construire avec les habitant·e·s les objectifs politiques du nouveau
contrat de ville pour les quartiers de Laval.
""",
        "approach": """
La convention a réuni des habitant·e·s des quartiers prioritaires et du reste
de la ville. Sa composition visait une certaine représentativité : genre, âge,
niveau de diplôme et lieu de résidence.

Elle s'est réunie en trois sessions. Les élu·e·s ont fait le choix de ne pas y
assister, pour laisser la parole libre. Un comité des garants, indépendant de
la municipalité, a été créé pour veiller au bon fonctionnement de la démarche.
""",
        "actors": """
- Le maire, qui a porté politiquement la démarche
- Les services de la Ville, fortement mobilisés
- Le comité des garants
- Les partenaires du contrat de ville, destinataires des propositions
""",
        "results": """
La convention a adopté 25 objectifs, accompagnés de 130 exemples d'actions,
que la Ville et ses partenaires examinent pour le contrat de ville. Le
portage politique fort et l'engagement des services sont les deux points
forts relevés par les participant·e·s.
""",
        "difficulties": """
Comme souvent, les plus jeunes ont été les plus difficiles à mobiliser.
""",
        "advice": """
Dites dès le départ ce que deviendront les propositions et qui y répondra.
Un comité des garants rassure les participant·e·s sur l'indépendance de la
démarche.
""",
        "photos": [
            (
                "convention-laval",
                "Deuxième session de la convention citoyenne des quartiers",
                "Ville de Laval",
            )
        ],
        "booklet": True,
    },
    {
        "slug": "reunion-partenariale-perimetre-du-conseil-citoyen",
        "rubric": Rubric.RULES,
        "title": "Une réunion partenariale pour définir la place du conseil citoyen",
        "summary": (
            "À Amiens, le conseil citoyen a demandé une réunion avec tous les "
            "partenaires du contrat de ville pour dire dans quelles instances il "
            "voulait siéger, avec quel rôle, et ce qu'il attendait en retour."
        ),
        "feature": "C'est le conseil citoyen lui-même qui a convoqué les partenaires, "
        "avec un ordre du jour qu'il avait rédigé.",
        "communes": "Amiens",
        "department": "80",
        "quartiers": "Amiens Nord",
        "start": (2019, 5),
        "end": (2019, 10),
        "ongoing": False,
        "role": Role.CITIZEN_COUNCILLOR,
        "organisation": "Conseil citoyen d'Amiens Nord",
        "themes": ["citoyennete-participation", "cadre-de-vie-renouvellement-urbain"],
        "tags": ["gouvernance", "périmètre d'intervention", "instances"],
        "objectives": """
Le conseil citoyen était invité à certaines réunions et pas à d'autres, sans
règle claire. Il voulait fixer avec les partenaires son périmètre
d'intervention dans les instances de la politique de la ville.
""",
        "approach": """
Le conseil a d'abord dressé la liste de toutes les instances existantes, avec
l'aide de la déléguée du préfet. Il a choisi celles où il voulait être
membre, celles où il voulait être informé, et celles qui ne l'intéressaient
pas.

Il a ensuite invité la Ville, la Métropole, l'État, le bailleur et la caisse
d'allocations familiales à une réunion de deux heures pour discuter de cette
proposition. Un relevé de décisions, signé par tous, a conclu la réunion.
""",
        "actors": """
- Le conseil citoyen d'Amiens Nord
- La Ville et Amiens Métropole
- La déléguée du préfet
- Le bailleur social et la caisse d'allocations familiales
""",
        "results": """
Le conseil siège désormais au comité de pilotage, aux revues de projet du
renouvellement urbain et au comité de programmation. Il reçoit les comptes
rendus des autres instances.
""",
        "difficulties": """
Certains partenaires se sont montrés réticents à voir le conseil citoyen
assister aux revues de projet, jugées trop techniques.
""",
        "advice": """
Venez avec une proposition écrite : c'est plus facile à discuter qu'une
demande générale de participation. Faites signer le relevé de décisions.
""",
        "photos": [],
    },
    # 5. Rendre compte des travaux
    {
        "slug": "comptes-rendus-valides-par-le-conseil-citoyen",
        "rubric": Rubric.REPORTING,
        "title": "Des comptes rendus relus et validés par le conseil citoyen",
        "summary": (
            "Sur les Hauts-de-Rouen, chaque compte rendu d'instance du contrat de "
            "ville passe par le conseil citoyen avant diffusion, et ses "
            "interventions y figurent nommément, dans un encadré dédié."
        ),
        "feature": "Un encadré « Ce qu'a dit le conseil citoyen » dans chaque "
        "compte rendu, et une relecture de sept jours avant diffusion.",
        "communes": "Rouen",
        "department": "76",
        "quartiers": "Hauts-de-Rouen (Grammont, Châtelet-Lombardie)",
        "start": (2020, 1),
        "end": None,
        "ongoing": True,
        "role": Role.PROFESSIONAL,
        "organisation": "Métropole Rouen Normandie",
        "themes": ["citoyennete-participation", "tranquillite-publique"],
        "tags": ["comptes rendus", "validation partagée", "traçabilité"],
        "objectives": """
Les conseillers citoyens avaient le sentiment que leurs interventions
disparaissaient des comptes rendus. L'objectif était de rendre visibles leurs
propositions et la suite qui leur est donnée.
""",
        "approach": """
Après chaque instance, la cheffe de projet envoie le projet de compte rendu au
conseil citoyen, qui dispose de sept jours pour le corriger. Un encadré
« Ce qu'a dit le conseil citoyen » reprend ses interventions, et une colonne
« Suite donnée » est complétée à la réunion suivante.

Les comptes rendus validés sont publiés dans un dossier partagé accessible à
tous les membres.
""",
        "actors": """
- La Métropole, qui rédige les comptes rendus
- Le conseil citoyen, qui les relit
- Les partenaires, qui complètent la colonne « Suite donnée »
""",
        "results": """
Le conseil citoyen peut désormais retracer le devenir de chacune de ses
propositions. Les partenaires disent que l'encadré les oblige à répondre plus
précisément.
""",
        "difficulties": """
Le délai de relecture retarde la diffusion des comptes rendus d'une semaine.
Certains membres du conseil n'ont pas d'ordinateur : une version papier est
déposée à la maison du projet.
""",
        "advice": """
Utilisez toujours le même modèle de compte rendu. La colonne « Suite donnée »
est ce qui change le plus les choses : ne la laissez jamais vide.
""",
        "photos": [],
        "documents": [
            ("modele-compte-rendu", "Modèle de compte rendu partagé (à réutiliser)")
        ],
        "booklet": True,
    },
    {
        "slug": "tournee-de-la-democratie-permanente",
        "rubric": Rubric.REPORTING,
        "title": "La tournée de la démocratie permanente et son parlement mobile",
        "summary": (
            "À Bordeaux, un « parlement mobile » s'installe sur les places des "
            "quartiers pour rendre compte des projets en cours, recueillir des avis "
            "et partager un moment convivial avec les passant·e·s."
        ),
        "feature": "Un objet totem, le parlement mobile, signale la présence de la "
        "Ville dans l'espace public.",
        "communes": "Bordeaux",
        "department": "33",
        "quartiers": "Les Aubiers, Le Lac, Bastide-Benauge",
        "start": (2022, 5),
        "end": None,
        "ongoing": True,
        "role": Role.PROFESSIONAL,
        "organisation": "Ville de Bordeaux, service de la participation citoyenne",
        "themes": ["citoyennete-participation", "jeunesse", "transition-ecologique"],
        "tags": ["espace public", "aller vers", "objet totem"],
        "links": [("https://www.bordeaux.fr/", "Le site de la Ville de Bordeaux")],
        "objectives": """
- Alimenter les politiques publiques avec la parole des habitant·e·s
- Informer sur l'avancement des projets et sur les suites données aux avis
- Proposer des temps conviviaux, en quartier prioritaire comme ailleurs
""",
        "approach": """
Le parlement mobile, une structure en bois qui se déplie en gradins, s'installe
pour une demi-journée sur une place ou au pied des immeubles. Des panneaux
présentent ce qui a été fait des avis recueillis lors du passage précédent.

Les conseillers citoyens sont invités à tenir le stand avec les agent·e·s et
à présenter eux-mêmes leurs travaux.
""",
        "actors": """
- Le service de la participation citoyenne de la Ville
- Les conseils citoyens et les associations de quartier
- Les services invités selon les sujets (jeunesse, développement durable)
""",
        "results": """
La Ville est satisfaite de la fréquentation. Si les autres services ne
portent pas encore la démarche, ils sont bien plus sensibles à la
participation qu'il y a deux ans.
""",
        "difficulties": """
La démarche reste portée presque uniquement par le service de la
participation citoyenne.
""",
        "advice": """
Revenez aux mêmes endroits : c'est la régularité qui permet de rendre compte
des suites données. Un objet visible et reconnaissable attire plus qu'une
simple table.
""",
        "photos": [
            (
                "parlement-mobile-bordeaux",
                "Le parlement mobile installé aux Aubiers",
                "Ville de Bordeaux",
            )
        ],
    },
    {
        "slug": "une-page-du-conseil-citoyen-dans-le-magazine-municipal",
        "rubric": Rubric.REPORTING,
        "title": "Une page du conseil citoyen dans le magazine municipal",
        "summary": (
            "À Besançon, le conseil citoyen de Planoise dispose d'une page dans "
            "chaque numéro du magazine municipal pour rendre compte de ses travaux, "
            "sans relecture politique."
        ),
        "feature": "La page est écrite par le conseil seul : la Ville s'est engagée "
        "à ne corriger que l'orthographe.",
        "communes": "Besançon",
        "department": "25",
        "quartiers": "Planoise",
        "start": (2020, 3),
        "end": None,
        "ongoing": True,
        "role": Role.CITIZEN_COUNCILLOR,
        "organisation": "Conseil citoyen de Planoise",
        "themes": ["culture-sport", "citoyennete-participation"],
        "tags": ["communication", "magazine municipal", "indépendance"],
        "objectives": """
Rendre compte des travaux du conseil citoyen à l'ensemble des habitant·e·s de
la ville, et affirmer son indépendance vis-à-vis de la municipalité.
""",
        "approach": """
Le conseil citoyen désigne à chaque numéro deux rédacteurs ou rédactrices. La
page suit une trame simple : ce que nous avons fait, ce que nous avons
demandé, ce que nous avons obtenu, ce qui reste en attente.

Le texte est remis au service communication un mois avant parution. Les
désaccords avec la Ville peuvent y figurer.
""",
        "actors": """
- Le conseil citoyen de Planoise
- Le service communication de la Ville
""",
        "results": """
Le conseil est mieux identifié dans toute la ville. La rubrique « ce qui
reste en attente » a accéléré le traitement de plusieurs demandes anciennes.
""",
        "difficulties": """
Écrire pour tous les habitant·e·s de la ville demande un effort de clarté que
les rédacteurs bénévoles trouvent exigeant.
""",
        "advice": """
Négociez par écrit la règle de non-relecture avant le premier numéro. La
rubrique « en attente » est la plus lue : gardez-la.
""",
        "photos": [],
        "booklet": True,
    },
    # 6. Évaluer le travail partenarial
    {
        "slug": "reunion-bilan-annuelle-partenaires-conseil-citoyen",
        "rubric": Rubric.EVALUATION,
        "title": "Une réunion bilan chaque année entre partenaires et conseils "
        "citoyens",
        "summary": (
            "À Saint-Nazaire, chaque mois de décembre, institutions et conseils "
            "citoyens font ensemble le point sur l'année : ce qui a réussi, ce qui "
            "a coincé, et ce que l'on change pour l'année suivante."
        ),
        "feature": "Le bilan est animé par une personne extérieure et ses "
        "conclusions sont présentées au comité de pilotage suivant.",
        "communes": "Saint-Nazaire",
        "department": "44",
        "quartiers": "Ouest, Centre-Ville Nord",
        "start": (2017, 12),
        "end": None,
        "ongoing": True,
        "role": Role.PROFESSIONAL,
        "organisation": "Carène Saint-Nazaire Agglomération",
        "contact_name": "Mission politique de la ville",
        "contact_email": "bilan-annuel@example.org",
        "themes": ["citoyennete-participation", "cohesion-sociale"],
        "tags": ["bilan annuel", "évaluation partagée", "perspectives"],
        "objectives": """
Évaluer chaque année, avec les conseils citoyens, le fonctionnement du
partenariat, et en tirer des engagements concrets pour l'année suivante.
""",
        "approach": """
La réunion dure une demi-journée et se tient en décembre. Elle est animée par
une personne extérieure, pour que ni la collectivité ni le conseil citoyen ne
tiennent le crayon.

Trois temps : les réussites de l'année (chacun en apporte une), les
difficultés (sur des post-it anonymes), puis trois à cinq engagements pour
l'année suivante, notés et présentés au comité de pilotage de janvier.
""",
        "actors": """
- La mission politique de la ville de l'agglomération
- Les conseils citoyens des deux quartiers
- L'État, la Ville, le Département et les bailleurs
""",
        "results": """
Parmi les engagements tenus : l'envoi des documents une semaine avant les
réunions, un budget de fonctionnement géré par le conseil lui-même, et une
formation commune sur le renouvellement urbain.
""",
        "difficulties": """
Les engagements pris en décembre sont parfois oubliés au printemps : le
comité de pilotage de janvier est indispensable pour les officialiser.
""",
        "advice": """
Notez les engagements de l'an dernier en tête de l'ordre du jour et
commencez par eux. L'animation extérieure permet de parler des difficultés
sans que personne ne se sente mis en cause.
""",
        "photos": [
            (
                "bilan-saint-nazaire",
                "Les réussites et les difficultés de l'année, affichées au mur",
                "Carène Saint-Nazaire Agglomération",
            )
        ],
        "booklet": True,
    },
    {
        "slug": "rapport-annuel-de-la-co-construction",
        "rubric": Rubric.EVALUATION,
        "title": "Un rapport annuel de la co-construction",
        "summary": (
            "À Clermont-Ferrand, un rapport d'une quinzaine de pages retrace chaque "
            "année les avis rendus par les conseils citoyens, les réponses reçues et "
            "ce qu'ils ont changé dans la programmation."
        ),
        "feature": "Chaque avis est suivi de sa réponse et d'un indicateur : pris en "
        "compte, en partie, ou non, avec une explication.",
        "communes": "Clermont-Ferrand",
        "department": "63",
        "quartiers": "Saint-Jacques, La Gauthière",
        "start": (2019, 1),
        "end": (2023, 12),
        "ongoing": False,
        "role": Role.OTHER,
        "organisation": "Association d'appui aux conseils citoyens du Puy-de-Dôme",
        "themes": ["emploi-developpement-economique", "logement"],
        "tags": ["rapport annuel", "redevabilité", "indicateurs"],
        "objectives": """
Mesurer et rendre visible l'apport des conseils citoyens à la conduite de la
programmation annuelle, et obliger chaque partenaire à rendre compte de ce
qu'il fait de leurs avis.
""",
        "approach": """
Tout au long de l'année, chaque avis du conseil citoyen est enregistré dans un
tableau partagé, avec la réponse du partenaire concerné. En fin d'année, un
chargé de mission de l'association rédige le rapport, relu par un
groupe de conseillers citoyens.

Le rapport est présenté en comité de pilotage et mis en ligne.
""",
        "actors": """
- L'association d'appui, qui tient le tableau et rédige le rapport
- Les conseils citoyens
- La Métropole, l'État et les bailleurs, qui répondent aux avis
""",
        "results": """
En 2022, 41 avis ont été rendus : 18 pris en compte, 13 en partie et 10 non.
Le rapport a fait apparaître que les avis sur l'emploi étaient peu suivis, ce
qui a conduit à inviter le service public de l'emploi aux réunions.
""",
        "difficulties": """
Classer un avis comme « pris en compte » prête parfois à discussion. Le
rapport demande environ dix jours de travail par an.
""",
        "advice": """
Tenez le tableau au fil de l'eau : le reconstituer en fin d'année est
impossible. Faites valider le classement des avis par les conseillers
citoyens eux-mêmes.
""",
        "photos": [],
        "booklet": True,
    },
    {
        "slug": "evaluer-le-contrat-de-ville-avec-la-methode-des-cartes",
        "rubric": Rubric.EVALUATION,
        "title": "Évaluer le contrat de ville à mi-parcours avec la méthode des cartes",
        "summary": (
            "À Mulhouse, les conseillers citoyens ont évalué les actions du contrat "
            "de ville avec un jeu de cartes colorées, en petits groupes mêlant "
            "habitant·e·s et professionnel·le·s."
        ),
        "feature": "Un jeu de cartes de couleur permet à chacun de donner son avis "
        "sur une action sans avoir à prendre la parole devant tout le groupe.",
        "communes": "Mulhouse",
        "department": "68",
        "quartiers": "Coteaux, Drouot-Barbanègre",
        "start": (2018, 10),
        "end": (2019, 3),
        "ongoing": False,
        "role": Role.CITIZEN_COUNCILLOR,
        "organisation": "Conseil citoyen des Coteaux",
        "themes": ["sante", "tranquillite-publique", "egalite-lutte-discriminations"],
        "tags": ["évaluation à mi-parcours", "jeu de cartes", "animation"],
        "objectives": """
Associer les habitant·e·s à l'évaluation à mi-parcours du contrat de ville,
avec une méthode qui donne la parole à chacun, y compris aux personnes qui
n'osent pas s'exprimer en public.
""",
        "approach": """
Une vingtaine d'actions ont été présentées chacune sur une fiche illustrée.
En petits groupes de six, habitant·e·s et professionnel·le·s posaient une
carte verte (utile), orange (à améliorer) ou rouge (à revoir), puis
expliquaient leur choix.

Les résultats ont été compilés par le conseil citoyen et joints au rapport
d'évaluation officiel.
""",
        "actors": """
- Le conseil citoyen des Coteaux, qui a conçu le jeu
- La Ville et l'agglomération, commanditaires de l'évaluation
- Les porteurs d'actions, invités à écouter
""",
        "results": """
Quatre actions de santé et de prévention ont été jugées prioritaires par les
habitant·e·s alors qu'elles étaient peu connues des élu·e·s. La méthode a été
reprise par deux autres conseils citoyens.
""",
        "difficulties": """
Les porteurs d'actions ont parfois mal vécu les cartes rouges. Il a fallu
rappeler que l'on évaluait des actions et non des personnes.
""",
        "advice": """
Présentez chaque action en quelques lignes et avec une image : personne ne
peut juger une action qu'il ne connaît pas. Laissez toujours le temps
d'expliquer le choix d'une carte.
""",
        "photos": [
            (
                "cartes-mulhouse",
                "Le jeu de cartes de l'évaluation à mi-parcours",
                "Conseil citoyen des Coteaux",
            )
        ],
    },
]
