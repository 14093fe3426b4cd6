"""Experience pages and booklets built for the booklet tests."""

import datetime
import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage

from booklets.models import BookletIndexPage, BookletPage, BookletSheet
from experiences.models import Department, ExperiencePage, ExperiencePhoto, RubricPage

FAKE_PDF = b"%PDF-1.7\n% stub\n%%EOF\n"


def make_image(title="Photo", colour=(0, 0, 145), size=(640, 420)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower()}.jpg")
    )


def make_experience(rubric, title, publish=True, photo=False, **fields):
    parent = RubricPage.objects.get(rubric=rubric)
    values = {
        "summary": "Ce que l'expérience a changé pour le conseil citoyen.",
        "communes": "Saint-Denis",
        "department": Department.objects.get(code="93"),
        "start_date": datetime.date(2016, 10, 1),
        "end_date": datetime.date(2017, 6, 1),
        "feature": "Un établissement public territorial de 9 villes.",
        "objectives": "<p>Associer les conseils citoyens aux instances.</p>",
        "approach": "<p>Quatre temps de formation dans chaque conseil.</p>",
        "results": "<p>Des référent·e·s par thématique.</p>",
        "difficulties": "<p>Des horaires difficiles à tenir.</p>",
        "advice": "<p>Organiser les instances en soirée.</p>",
        "contact_name": "Camille Martin",
        "contact_email": "camille.martin@example.org",
        **fields,
    }
    page = ExperiencePage(title=title, live=False, **values)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    if photo:
        ExperiencePhoto.objects.create(
            page=page,
            image=make_image(f"Photo {page.pk}"),
            caption="Le forum des conseils citoyens",
            credit="Extracité",
        )
    return ExperiencePage.objects.get(pk=page.pk)


def front(kind, text, title=""):
    """A front-matter page of one paragraph, as StreamField data."""
    return (kind, {"title": title, "body": [("paragraph", text)]})


def make_booklet(experiences=(), publish=True, **fields):
    index = BookletIndexPage.objects.first()
    values = {
        "title": "Les conseils citoyens, levier pour la co-construction",
        "slug": "co-construction",
        "subtitle": "Fiches pratiques pour les contrats de ville",
        "edition_date": datetime.date(2020, 10, 1),
        "edition_number": 1,
        "publisher": "Agence nationale de la cohésion des territoires",
        "front_matter": [
            front("foreword", "<p>Un livret pour outiller les territoires.</p>")
        ],
        **fields,
    }
    booklet = BookletPage(live=False, **values)
    booklet.sheets = [BookletSheet(experience=page) for page in experiences]
    index.add_child(instance=booklet)
    revision = booklet.save_revision()
    if publish:
        revision.publish()
    return BookletPage.objects.get(pk=booklet.pk)
