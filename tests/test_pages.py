"""Every page type: where it may be created, creation through the admin form, and
rendering with its content inside the DSFR layout."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from booklets.models import BookletIndexPage, BookletPage
from experiences.models import (
    CallForContributionsPage,
    Department,
    ExperienceIndexPage,
    ExperiencePage,
    RubricPage,
    Theme,
)
from home.models import HomePage, StandardPage
from home.setup import setup_site
from resources.models import (
    ArticleIndexPage,
    ArticlePage,
    EventRecapIndexPage,
    EventRecapPage,
)
from trainings.models import TrainingIndexPage


def form_data(values, **multiple):
    """nested_form_data flattens lists; a multiple choice posts one key."""
    data = nested_form_data(values)
    data.update(multiple)
    return data


class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _, _ = setup_site()
        cls.experiences = ExperienceIndexPage.objects.get()
        cls.rubric = RubricPage.objects.get(rubric="rendre-compte-des-travaux")
        cls.recaps = EventRecapIndexPage.objects.get()
        cls.articles = ArticleIndexPage.objects.get()
        cls.booklets = BookletIndexPage.objects.get()
        cls.department = Department.objects.get(code="93")
        cls.theme = Theme.objects.get(slug="citoyennete-participation")

    def setUp(self):
        self.user = get_user_model().objects.create_superuser(
            "admin", "admin@example.org", "motdepasse-de-test"
        )
        self.client.force_login(self.user)

    def assertRendersInLayout(self, page, *texts):
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<html lang="fr"', html)
        self.assertIn('class="fr-header"', html)
        self.assertIn('class="fr-footer"', html)
        self.assertIn('href="#contenu"', html)
        for text in texts:
            self.assertIn(text, html)
        return html

    # Parent and child rules

    def test_tree_rules(self):
        root = Page.get_first_root_node()
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ExperienceIndexPage,
                CallForContributionsPage,
                EventRecapIndexPage,
                ArticleIndexPage,
                BookletIndexPage,
                TrainingIndexPage,
                StandardPage,
            },
        )
        self.assertAllowedSubpageTypes(ExperienceIndexPage, {RubricPage})
        self.assertAllowedSubpageTypes(RubricPage, {ExperiencePage})
        self.assertAllowedSubpageTypes(ExperiencePage, set())
        self.assertAllowedSubpageTypes(CallForContributionsPage, set())
        self.assertAllowedSubpageTypes(EventRecapIndexPage, {EventRecapPage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedSubpageTypes(BookletIndexPage, {BookletPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedParentPageTypes(ExperiencePage, {RubricPage})
        self.assertAllowedParentPageTypes(EventRecapPage, {EventRecapIndexPage})
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedParentPageTypes(BookletPage, {BookletIndexPage})
        self.assertCanNotCreateAt(HomePage, ExperiencePage)
        self.assertCanNotCreateAt(ExperienceIndexPage, ExperiencePage)
        # Singletons: a second home, index or call page cannot be added.
        self.assertFalse(HomePage.can_create_at(root))
        for model in (
            ExperienceIndexPage,
            CallForContributionsPage,
            EventRecapIndexPage,
            ArticleIndexPage,
            BookletIndexPage,
        ):
            self.assertFalse(model.can_create_at(self.home), model)

    # Creation through the admin forms, then rendering

    def test_experience_page(self):
        self.assertCanCreate(
            self.rubric,
            ExperiencePage,
            form_data(
                {
                    "title": "Des comptes rendus partagés",
                    "slug": "comptes-rendus-partages",
                    "summary": "Chaque réunion donne lieu à un compte rendu relu.",
                    "communes": "Roubaix",
                    "department": Department.objects.get(code="59").pk,
                    "quartiers": "",
                    "start_date": "2023-09-01",
                    "end_date": "",
                    "ongoing": "on",
                    "feature": "Le conseil citoyen relit chaque compte rendu.",
                    "objectives": rich_text("<p>Rendre visibles les propositions.</p>"),
                    "approach": rich_text("<p>Un circuit de relecture.</p>"),
                    "actors": rich_text(""),
                    "results": rich_text(""),
                    "difficulties": rich_text(""),
                    "advice": rich_text(""),
                    "tags": "compte rendu, transparence",
                    "photos": inline_formset([]),
                    "documents": inline_formset([]),
                    "links": inline_formset(
                        [{"url": "https://example.org/cr", "label": "Un modèle"}]
                    ),
                    "contributor_role": "conseiller-citoyen",
                    "organisation": "Conseil citoyen de l'Alma",
                    "contact_name": "",
                    "contact_email": "",
                },
                themes=[self.theme.pk],
            ),
        )
        page = ExperiencePage.objects.get(slug="comptes-rendus-partages")
        page.get_latest_revision().publish()
        page.refresh_from_db()
        self.assertEqual(page.rubric, "rendre-compte-des-travaux")
        self.assertEqual(list(page.themes.all()), [self.theme])
        self.assertEqual(
            sorted(page.tags.values_list("name", flat=True)),
            ["compte rendu", "transparence"],
        )
        page.save_revision().publish()
        self.assertRendersInLayout(
            page, "Des comptes rendus partagés", "Rendre visibles les propositions."
        )

    def test_rubric_page_renders(self):
        self.assertRendersInLayout(
            self.rubric, self.rubric.title, self.rubric.expected_experiences[:40]
        )

    def test_index_pages_render(self):
        for page in (self.home, self.experiences, self.recaps, self.articles):
            self.assertRendersInLayout(page, page.title)
        self.assertRendersInLayout(self.booklets, self.booklets.title)

    def test_event_recap_page(self):
        self.assertCanCreate(
            self.recaps,
            EventRecapPage,
            form_data(
                {
                    "title": "Démocratisation des contrats de ville",
                    "slug": "webinaire-democratisation",
                    "summary": "Quelles pratiques de dialogue avec les habitants ?",
                    "kind": "webinaire",
                    "format": "visio",
                    "date": "2024-07-09",
                    "start_time": "10:30",
                    "end_time": "12:00",
                    "place": "",
                    "organiser": "Centre ressources politique de la ville",
                    "speakers": inline_formset(
                        [
                            {
                                "name": "Une chercheuse",
                                "affiliation": "Université",
                                "key_points": "Reconnaître la contribution de chacun",
                            }
                        ]
                    ),
                    "key_takeaways": rich_text("<p>Clarifier les rôles.</p>"),
                    "body": streamfield(
                        [
                            (
                                "practice_card",
                                {
                                    "title": "Convention citoyenne des quartiers",
                                    "place": "Laval",
                                    "context": "",
                                    "objectives": "Co-construire des objectifs.",
                                    "public_organiser": "Habitant·e·s",
                                    "particularity": "Trois sessions.",
                                    "obstacles": "Atteindre les plus jeunes.",
                                    "satisfactions": "Portage politique fort.",
                                    "link_url": "https://example.org/laval",
                                    "link_label": "",
                                    "experience": "",
                                },
                            )
                        ]
                    ),
                    "tags": "webinaire",
                },
                themes=[self.theme.pk],
            ),
        )
        page = EventRecapPage.objects.get(slug="webinaire-democratisation")
        self.assertEqual(page.body[0].block_type, "practice_card")
        page.save_revision().publish()
        self.assertRendersInLayout(
            page, "Convention citoyenne des quartiers", "Portage politique fort."
        )

    def test_article_page(self):
        self.assertCanCreate(
            self.articles,
            ArticlePage,
            form_data(
                {
                    "title": "Les missions des conseils citoyens",
                    "slug": "missions",
                    "summary": "Ce que dit le cadre de référence.",
                    "kind": "texte-de-reference",
                    "date": "2024-01-15",
                    "author": "",
                    "body": streamfield(
                        [
                            (
                                "heading",
                                {"text": "Favoriser l'expression", "level": "h2"},
                            ),
                            ("paragraph", rich_text("<p>Une parole libre.</p>")),
                        ]
                    ),
                    "source": "Cadre de référence des conseils citoyens",
                    "source_date": "2014-06-01",
                    "tags": "missions",
                },
                rubrics=[self.rubric.pk],
                themes=[self.theme.pk],
            ),
        )
        page = ArticlePage.objects.get(slug="missions")
        page.get_latest_revision().publish()
        page.refresh_from_db()
        self.assertEqual(list(page.rubrics.all()), [self.rubric])
        self.assertRendersInLayout(
            page,
            "Favoriser l&#x27;expression",
            "Cadre de référence des conseils citoyens",
        )

    def test_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Plan du site",
                    "slug": "plan-du-site",
                    "intro": "Toutes les pages.",
                    "body": streamfield(
                        [("callout", {"title": "À savoir", "text": "Mis à jour."})]
                    ),
                    "footer_role": "",
                    "last_reviewed": "",
                }
            ),
        )
        page = StandardPage.objects.get(slug="plan-du-site")
        page.save_revision().publish()
        self.assertRendersInLayout(page, "Plan du site", "Mis à jour.")

    def test_legal_pages_are_linked_from_the_footer(self):
        html = self.assertRendersInLayout(self.home)
        for slug in ("mentions-legales", "donnees-personnelles", "accessibilite"):
            self.assertIn(f'href="/{slug}/"', html)
        privacy = StandardPage.objects.get(footer_role="donnees-personnelles")
        self.assertRendersInLayout(privacy, "12 mois", "3 mois")

    def test_call_page(self):
        call = CallForContributionsPage.objects.get()
        self.assertRendersInLayout(call, call.title)
        call.closes_at = call.opens_at - datetime.timedelta(days=1)
        with self.assertRaises(Exception):  # noqa: B017 - ValidationError from full_clean
            call.full_clean()

    def test_booklet_page(self):
        data = nested_form_data(
            {
                "title": "Livret de fiches pratiques",
                "slug": "livret-2026",
                "subtitle": "Les conseils citoyens, levier de la co-construction",
                "edition_date": "2026-11-01",
                "edition_number": "1",
                "front_matter": streamfield(
                    [
                        (
                            "foreword",
                            {
                                "title": "",
                                "body": streamfield(
                                    [("paragraph", rich_text("<p>Avant-propos.</p>"))]
                                ),
                            },
                        )
                    ]
                ),
                "publisher": "Recueil",
                "licence": "Licence Ouverte 2.0",
                "cover_image": "",
                "sheets": inline_formset([]),
                "selection_themes": [],
                "selection_tags": [],
                "sheet_order": "titre",
            }
        )
        # nested_form_data flattens lists; a multiple choice posts one key.
        data["selection_rubrics"] = [self.rubric.pk]
        self.assertCanCreate(self.booklets, BookletPage, data)
        page = BookletPage.objects.get(slug="livret-2026")
        page.get_latest_revision().publish()
        page.refresh_from_db()
        self.assertEqual(list(page.selection_rubrics.all()), [self.rubric])
        self.assertRendersInLayout(page, "Livret de fiches pratiques")

    def test_call_page_is_open_between_its_dates(self):
        call = CallForContributionsPage.objects.get()
        now = timezone.now()
        call.opens_at, call.closes_at = (
            now - datetime.timedelta(days=1),
            now + datetime.timedelta(days=1),
        )
        self.assertTrue(call.is_open)
        call.closes_at = now - datetime.timedelta(hours=1)
        self.assertFalse(call.is_open)
