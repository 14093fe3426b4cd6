"""Default texts of the call and of the legal pages, created by `setup_site`;
editors change them in the admin afterwards."""

CALL_BODY = """
<h2>Un livret pour accompagner les territoires</h2>
<p>Depuis la loi du 21 février 2014, les conseils citoyens sont associés à
l'élaboration, à la mise en œuvre et à l'évaluation des contrats de ville. Sur le
terrain, certains sont pleinement associés, d'autres seulement consultés ou
informés : la différence tient souvent aux méthodes employées pour accompagner
la dynamique.</p>
<p>Le livret « Les conseils citoyens, levier pour la co-construction des contrats
de ville » réunira des fiches pratiques faites de méthodes et d'exemples de
terrain. Vos expériences en sont la matière première.</p>
<h2>Ce que nous cherchons</h2>
<p>Une expérience locale, réussie ou instructive, qui entre dans l'une des six
rubriques de l'appel. Décrivez-la simplement : où, quand, avec qui, ce qui a
marché et ce qui a coincé. Vous pouvez enregistrer un brouillon et y revenir.</p>
"""

PRIVACY_RETENTION = """
<h2>Combien de temps vos données sont conservées</h2>
<ul>
<li>Contribution publiée : vos coordonnées sont conservées tant que la fiche est
en ligne, pour pouvoir vous recontacter ; seul le contact que vous avez accepté de
rendre public est affiché.</li>
<li>Contribution non retenue, retirée ou indésirable : vos données personnelles
sont effacées <strong>12 mois</strong> après la décision ; il ne reste qu'une
trace anonyme que la contribution a existé.</li>
<li>Brouillon jamais envoyé : il est effacé <strong>3 mois</strong> après sa
dernière modification ; un courriel vous prévient un mois avant.</li>
</ul>
"""

LEGAL_PAGES = [
    (
        "mentions-legales",
        "Mentions légales",
        "mentions-legales",
        [
            "Qui publie ce site, qui l'héberge et sous quelle licence ses contenus "
            "sont réutilisables.",
            "<h2>Éditeur</h2><p>Ce site est édité par le service chargé de l'animation "
            "du réseau des conseils citoyens. Directeur ou directrice de la "
            "publication : la personne responsable de ce service.</p>",
            "<h2>Hébergement</h2><p>Le site est hébergé en France, sur une "
            "infrastructure souveraine qualifiée pour les données publiques.</p>",
            "<h2>Réutilisation des contenus</h2><p>Sauf mention contraire, les textes "
            "et les fiches sont publiés sous Licence Ouverte 2.0 : vous pouvez les "
            "reprendre, y compris à des fins commerciales, en citant la source et la "
            "date de mise à jour. Les photos restent soumises au droit d'auteur de "
            "leurs auteur·rice·s, crédité·e·s sous chacune d'elles.</p>",
        ],
    ),
    (
        "donnees-personnelles",
        "Données personnelles",
        "donnees-personnelles",
        [
            "Ce que nous faisons des informations que vous nous confiez en "
            "partageant une expérience, et vos droits.",
            "<h2>Données collectées</h2><p>Quand vous partagez une expérience, nous "
            "recueillons vos nom, prénom, courriel, éventuellement votre téléphone, "
            "votre rôle, votre structure et votre conseil citoyen, ainsi que les "
            "documents que vous joignez. Nous conservons aussi le texte exact des "
            "consentements que vous avez donnés et leur date.</p>",
            "<h2>Pourquoi</h2><p>Pour instruire votre contribution, vous tenir "
            "informé·e de son suivi et, si elle est retenue, la publier. La base "
            "légale est votre consentement, que vous pouvez retirer à tout moment "
            "depuis votre lien de suivi.</p>",
            "<h2>Qui y a accès</h2><p>Seule l'équipe de modération. Les rédacteurs et "
            "rédactrices, et le public, ne voient jamais vos coordonnées, sauf le "
            "contact public que vous avez accepté d'afficher.</p>",
            PRIVACY_RETENTION,
            "<h2>Vos droits</h2><p>Vous pouvez demander l'accès à vos données, leur "
            "rectification ou leur effacement en écrivant à l'adresse de contact du "
            "pied de page. Nous vous envoyons alors tout ce que nous détenons sur "
            "votre adresse de courriel. Vous pouvez aussi saisir la CNIL.</p>",
            "<h2>Cookies</h2><p>Ce site ne dépose aucun cookie de mesure d'audience "
            "ni de publicité. Un cookie technique protège le formulaire contre les "
            "envois frauduleux.</p>",
        ],
    ),
    (
        "accessibilite",
        "Déclaration d'accessibilité",
        "accessibilite",
        [
            "Le service s'engage à rendre ce site accessible conformément à "
            "l'article 47 de la loi n° 2005-102 du 11 février 2005.",
            "<h2>État de conformité</h2><p>Ce site est <strong>partiellement "
            "conforme</strong> au référentiel général d'amélioration de "
            "l'accessibilité (RGAA 4.1) : aucun audit complet n'a encore été "
            "réalisé.</p>",
            "<h2>Ce qui est testé</h2><p>À chaque modification, des tests "
            "automatiques passent les pages principales (accueil, listes "
            "d'expériences avec et sans résultat, rubrique, expérience, compte rendu, "
            "ressource, recherche, formulaire de contribution avec et sans erreur, "
            "page de suivi, page introuvable) au moteur axe-core (règles WCAG 2.0 et "
            "2.1, niveaux A et AA), dans Chromium, sur ordinateur et sur un écran de "
            "375 pixels, et remplissent le formulaire de contribution et les filtres "
            "au clavier seul.</p>",
            "<h2>Retour d'information et contact</h2><p>Si vous n'arrivez pas à "
            "accéder à un contenu ou à un service, écrivez-nous à l'adresse de "
            "contact du pied de page : nous vous répondrons et vous proposerons une "
            "autre façon d'y accéder.</p>",
            "<h2>Voies de recours</h2><p>Si vous n'obtenez pas de réponse "
            "satisfaisante, vous pouvez saisir le Défenseur des droits.</p>",
        ],
    ),
]
