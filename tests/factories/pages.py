"""Pages (wagtail-factories), each under the parent the site's tree gives it,
saved as a revision and published unless ``publish=False``."""

import datetime

from django.utils import timezone

from wagtail.models import Collection, Page

import factory
import wagtail_factories

from booklets.models import BookletIndexPage, BookletPage, BookletSheet
from experiences.constants import RUBRIC_EXPECTED, Rubric
from experiences.models import (
    CallForContributionsPage,
    Department,
    ExperienceIndexPage,
    ExperiencePage,
    ExperiencePhoto,
    RubricPage,
    Theme,
)
from home import legal_texts
from home.models import HomePage
from home.setup import CONSENT_DATA, CONSENT_LICENCE, CONSENT_PUBLIC_CONTACT
from resources.models import (
    ArticleIndexPage,
    ArticlePage,
    EventRecapIndexPage,
    EventRecapPage,
)


class PageFactory(wagtail_factories.PageFactory):
    """A page added under ``parent``, then saved as a revision (tags and
    themes included) and published unless ``publish=False``."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    live = False

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(Theme.objects.filter(slug__in=extracted))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(list(extracted))

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if not create:
            return
        revision = self.save_revision()
        if extracted is not False:
            revision.publish()
        self.refresh_from_db()


def root_page():
    return Page.get_first_root_node()


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    parent = factory.LazyFunction(root_page)
    title = "Les conseils citoyens, leviers de la co-construction"
    slug = "accueil"


class ExperienceIndexPageFactory(PageFactory):
    class Meta:
        model = ExperienceIndexPage

    title = "Expériences"
    slug = "experiences"
    show_in_menus = True


class RubricPageFactory(PageFactory):
    class Meta:
        model = RubricPage

    rubric = Rubric.COLLECTIVE_DYNAMIC.value
    title = factory.LazyAttribute(lambda o: str(Rubric(o.rubric).label))
    slug = factory.LazyAttribute(lambda o: o.rubric)
    expected_experiences = factory.LazyAttribute(
        lambda o: RUBRIC_EXPECTED[Rubric(o.rubric)]
    )


def _opens():
    today = timezone.localdate()
    return timezone.make_aware(datetime.datetime(today.year, today.month, 1))


class CallForContributionsPageFactory(PageFactory):
    """The call as ``setup_site`` writes it: open this month, same texts."""

    class Meta:
        model = CallForContributionsPage

    title = "Partager une expérience"
    slug = "contribuer"
    show_in_menus = True
    body = legal_texts.CALL_BODY
    opens_at = factory.LazyFunction(_opens)
    closes_at = factory.LazyAttribute(
        lambda o: o.opens_at + datetime.timedelta(days=183)
    )
    privacy_consent_text = CONSENT_DATA
    licence_consent_text = CONSENT_LICENCE
    public_contact_consent_text = CONSENT_PUBLIC_CONTACT
    confirmation_text = "<p>Merci ! L'équipe éditoriale lit chaque contribution.</p>"


class ArticleIndexPageFactory(PageFactory):
    class Meta:
        model = ArticleIndexPage

    title = "Ressources"
    slug = "ressources"
    show_in_menus = True


class EventRecapIndexPageFactory(PageFactory):
    class Meta:
        model = EventRecapIndexPage

    title = "Événements"
    slug = "evenements"
    show_in_menus = True


class BookletIndexPageFactory(PageFactory):
    class Meta:
        model = BookletIndexPage

    title = "Livrets"
    slug = "livrets"
    show_in_menus = True


def rubric_page(rubric):
    return RubricPage.objects.get(rubric=rubric)


class ExperiencePageFactory(PageFactory):
    """An experience under the rubric page of its ``rubric``."""

    class Meta:
        model = ExperiencePage

    class Params:
        number = factory.Sequence(lambda n: n + 1)
        rubric = Rubric.COLLECTIVE_DYNAMIC.value
        # The full sheet that the booklet prints.
        sheet = factory.Trait(
            summary="Ce que l'expérience a changé pour le conseil citoyen.",
            end_date=datetime.date(2017, 6, 1),
            feature="Un établissement public territorial de 9 villes.",
            objectives="<p>Associer les conseils citoyens aux instances.</p>",
            approach="<p>Quatre temps de formation dans chaque conseil.</p>",
            results="<p>Des référent·e·s par thématique.</p>",
            difficulties="<p>Des horaires difficiles à tenir.</p>",
            advice="<p>Organiser les instances en soirée.</p>",
            contact_name="Camille Martin",
            contact_email="camille.martin@example.org",
        )

    parent = factory.LazyAttribute(lambda o: rubric_page(o.rubric))
    title = factory.LazyAttribute(lambda o: f"Expérience numéro {o.number}")
    slug = factory.LazyAttribute(lambda o: f"experience-{o.number}")
    summary = "Un conseil citoyen prend sa place."
    communes = "Saint-Denis"
    department = factory.LazyFunction(lambda: Department.objects.get(code="93"))
    start_date = datetime.date(2016, 10, 1)


def make_experience(
    rubric=Rubric.COLLECTIVE_DYNAMIC.value,
    title=None,
    department="93",
    role="professionnel",
    themes=(),
    tags=(),
    start=(2016, 10),
    publish=True,
    **fields,
):
    """An experience page under its rubric page, published unless publish=False."""
    if title is not None:
        fields["title"] = title
    return ExperiencePageFactory(
        rubric=rubric,
        department=Department.objects.get(code=department) if department else None,
        contributor_role=role,
        start_date=datetime.date(*start, 1) if start else None,
        themes=themes,
        tags=tags,
        publish=publish,
        **fields,
    )


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection (wagtail-factories would add a root)."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = "Photo"
    file = factory.django.ImageField(
        format="JPEG", width=640, height=420, color=(0, 0, 145)
    )


def make_image(title="Photo", colour=(0, 0, 145), size=(640, 420)):
    return ImageFactory(
        title=title,
        file__color=colour,
        file__width=size[0],
        file__height=size[1],
        file__filename=f"{title.lower()}.jpg",
    )


def make_booklet_experience(rubric, title, publish=True, photo=False, **fields):
    """A full sheet for the booklet tests (slug from the title, 93)."""
    page = ExperiencePageFactory(
        rubric=rubric,
        title=title,
        slug="",  # Wagtail makes it from the title
        sheet=True,
        publish=publish,
        **fields,
    )
    if photo:
        ExperiencePhoto.objects.create(
            page=page,
            image=make_image(f"Photo {page.pk}"),
            caption="Le forum des conseils citoyens",
            credit="Extracité",
        )
    return ExperiencePage.objects.get(pk=page.pk)


class ArticlePageFactory(PageFactory):
    class Meta:
        model = ArticlePage

    class Params:
        number = factory.Sequence(lambda n: n + 1)

    parent = factory.LazyFunction(lambda: ArticleIndexPage.objects.first())
    title = "Les missions des conseils citoyens"
    slug = factory.LazyAttribute(lambda o: f"article-{o.number}")
    kind = "bonne-pratique"
    date = datetime.date(2017, 3, 1)
    summary = "Ce que la loi confie aux conseils citoyens."
    body = factory.LazyFunction(
        lambda: [
            ("paragraph", "<p>Le conseil citoyen est associé au contrat de ville.</p>")
        ]
    )


def make_article(home, date=(2017, 3, 1), **fields):
    parent = ArticleIndexPage.objects.child_of(home).first()
    return ArticlePageFactory(parent=parent, date=datetime.date(*date), **fields)


class EventRecapPageFactory(PageFactory):
    class Meta:
        model = EventRecapPage

    class Params:
        number = factory.Sequence(lambda n: n + 1)

    parent = factory.LazyFunction(lambda: EventRecapIndexPage.objects.first())
    title = "Webinaire politique de la ville"
    slug = factory.LazyAttribute(lambda o: f"recap-{o.number}")
    kind = "webinaire"
    date = datetime.date(2024, 7, 9)
    format = "visio"
    organiser = "Centre ressources politique de la ville"
    summary = "Ce que nous retenons des échanges."
    body = factory.LazyFunction(list)


def make_recap(home, date=(2024, 7, 9), body=None, **fields):
    parent = EventRecapIndexPage.objects.child_of(home).first()
    return EventRecapPageFactory(
        parent=parent, date=datetime.date(*date), body=body or [], **fields
    )


class BookletPageFactory(PageFactory):
    class Meta:
        model = BookletPage

    parent = factory.LazyFunction(lambda: BookletIndexPage.objects.first())
    title = "Les conseils citoyens, levier pour la co-construction"
    slug = "co-construction"
    subtitle = "Fiches pratiques pour les contrats de ville"
    edition_date = datetime.date(2020, 10, 1)
    edition_number = 1
    publisher = "Agence nationale de la cohésion des territoires"
    front_matter = factory.LazyFunction(
        lambda: [front("foreword", "<p>Un livret pour outiller les territoires.</p>")]
    )


def front(kind, text, title=""):
    """A front-matter page of one paragraph, as StreamField data."""
    return (kind, {"title": title, "body": [("paragraph", text)]})


def make_booklet(experiences=(), publish=True, **fields):
    booklet = BookletPageFactory(
        sheets=[BookletSheet(experience=page) for page in experiences],
        publish=publish,
        **fields,
    )
    return BookletPage.objects.get(pk=booklet.pk)
