"""The relations an experience sheet shows (experiences.sheet.sheet_items):
read in one query, the same objects, in the same orders, as the ORM's six;
a preview shows the page's unsaved relations."""

from django.core.files.base import ContentFile
from django.test import RequestFactory

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

from experiences.models import (
    ExperienceDocument,
    ExperienceLink,
    ExperiencePage,
    ExperiencePhoto,
)
from experiences.sheet import sheet_items
from tests.factories import make_experience
from tests.factories.pages import make_image

pytestmark = pytest.mark.django_db


def _full_page():
    page = make_experience(
        title="Le forum des conseils",
        themes=["sante", "jeunesse", "education"],
        tags=["forum", "charte", "bilan"],
    )
    for order, caption in [(2, "Seconde"), (0, "Première"), (1, "")]:
        ExperiencePhoto.objects.create(
            page=page,
            image=make_image(f"Photo {order}"),
            caption=caption,
            credit=f"Crédit {order}",
            sort_order=order,
        )
    document = get_document_model().objects.create(
        title="Compte rendu",
        file=ContentFile(b"%PDF-1.4 compte rendu", name="compte-rendu.pdf"),
        collection=Collection.get_first_root_node(),
    )
    ExperienceDocument.objects.create(
        page=page, document=document, caption="Le bilan", sort_order=0
    )
    for order, url in [(1, "https://example.org/b"), (0, "https://example.org/a")]:
        ExperienceLink.objects.create(
            page=page, url=url, label=f"Lien {order}", sort_order=order
        )
    return ExperiencePage.objects.get(pk=page.pk)


def _fields(objects, *names):
    return [tuple(getattr(each, name) for name in ("pk", *names)) for each in objects]


def test_one_query_gives_what_the_orm_gives(rubrics, django_assert_num_queries):
    page = _full_page()
    with django_assert_num_queries(1):
        items = sheet_items(page, RequestFactory().get("/"))
    assert _fields(items.themes, "slug", "label", "sort_order") == _fields(
        page.themes.all(), "slug", "label", "sort_order"
    )
    assert len(items.themes) == 3
    assert _fields(items.tags, "slug", "name") == _fields(
        page.tags.all(), "slug", "name"
    )
    assert [tag.name for tag in items.tags] == ["forum", "charte", "bilan"]
    department = items.department
    assert (department.code, department.name) == ("93", page.department.name)
    assert (department.region.slug, department.region.name) == (
        page.department.region.slug,
        page.department.region.name,
    )
    assert _fields(items.photos, "image_id", "caption", "credit") == _fields(
        page.photos.all(), "image_id", "caption", "credit"
    )
    assert [photo.caption for photo in items.photos] == ["Première", "", "Seconde"]
    assert _fields(items.documents, "document_id", "caption") == _fields(
        page.documents.all(), "document_id", "caption"
    )
    assert _fields(items.links, "url", "label") == _fields(
        page.links.all(), "url", "label"
    )
    assert items.links[0].url == "https://example.org/a"


def test_the_sheet_shows_them(client, rubrics):
    page = _full_page()
    html = client.get(page.url).content.decode()
    assert (
        html.index("Première")
        < html.index("Crédit photo : Crédit 1")
        < html.index("Seconde")
    )
    assert "Le bilan" in html and "PDF" in html
    assert html.index('href="https://example.org/a"') < html.index(
        'href="https://example.org/b"'
    )
    assert 'href="/experiences/?tag=charte">#charte</a>' in html
    assert f"{page.department.name} (93)" in html
    assert page.department.region.name in html


def test_a_bare_page_has_its_department_only(rubrics):
    page = make_experience()
    items = sheet_items(page, RequestFactory().get("/"))
    assert items.department.code == "93"
    assert items._replace(department=None) == ([], [], None, [], [], [])


def test_a_preview_shows_the_unsaved_relations(rubrics, django_assert_num_queries):
    page = _full_page()
    page.links.add(ExperienceLink(url="https://example.org/brouillon", label="Neuf"))
    request = RequestFactory().get("/")
    request.is_preview = True
    items = sheet_items(page, request)
    assert "https://example.org/brouillon" in [link.url for link in items.links]
    assert "https://example.org/brouillon" not in [
        link.url for link in sheet_items(page, RequestFactory().get("/")).links
    ]


def test_photos_and_documents_cost_the_same_queries_however_many(client, rubrics):
    """The images (with their rendition) and the documents are read in one
    query each, not one per photo or document."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = _full_page()
    client.get(page.url)  # the renditions are made on the first view
    with CaptureQueriesContext(connection) as three:
        html = client.get(page.url).content.decode()
    assert html.count('class="fr-responsive-img"') == 3
    for order in range(3, 6):
        ExperiencePhoto.objects.create(
            page=page, image=make_image(f"Photo {order}"), sort_order=order
        )
    client.get(page.url)
    with CaptureQueriesContext(connection) as six:
        html = client.get(page.url).content.decode()
    assert html.count('class="fr-responsive-img"') == 6
    assert len(six) == len(three)
