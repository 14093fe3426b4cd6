"""core.visibility.ViewRestrictionsInOneQuery: the restrictions that apply to a
page, in one query, are the ones Wagtail's ``Page.get_view_restrictions``
finds with two, aliases included; a restricted page still asks for its
password."""

from wagtail.models import Page, PageViewRestriction

import pytest

from experiences.models import RubricPage
from tests.factories import make_experience

pytestmark = pytest.mark.django_db


def _wagtails(page):
    return set(Page.get_view_restrictions(page).values_list("pk", flat=True))


def _ours(page):
    return set(page.get_view_restrictions().values_list("pk", flat=True))


def test_same_restrictions_as_wagtail_in_one_query(
    site_tree, django_assert_num_queries
):
    open_page = make_experience(title="Ouverte")
    rubric = RubricPage.objects.exclude(pk=open_page.get_parent().pk).first()
    hidden = make_experience(title="Réservée", rubric=rubric.rubric)
    on_rubric = PageViewRestriction.objects.create(
        page=rubric, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    on_page = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )
    # An alias of the restricted page in an open rubric: it takes its source's
    # own restrictions, not those of the source's rubric, as in Wagtail.
    alias = hidden.create_alias(parent=open_page.get_parent(), update_slug="copie")

    pages = list(Page.objects.all().specific())
    assert any(page.alias_of_id for page in pages)
    for page in pages:
        assert _ours(page) == _wagtails(page), page.url_path
    assert _ours(hidden.specific) == {on_rubric.pk, on_page.pk}
    assert _ours(open_page.specific) == set()
    assert _ours(alias.specific) == {on_page.pk}
    with django_assert_num_queries(1):
        list(hidden.specific.get_view_restrictions())


def test_a_restricted_page_still_asks_for_its_password(client, site_tree):
    page = make_experience(title="Réservée")
    PageViewRestriction.objects.create(
        page=page.get_parent(),
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert "Réservée" not in html
    assert 'name="password"' in html
    assert "no-cache" in response["Cache-Control"]


def test_every_page_type_of_the_site_reads_them_in_one_query():
    """A new page type without the mixin would still be right, at two queries
    a page: each of the site's page types has it."""
    from django.apps import apps

    from core.visibility import ViewRestrictionsInOneQuery

    ours = {"home", "experiences", "resources", "trainings", "booklets"}
    page_types = [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and model._meta.app_label in ours
    ]
    assert len(page_types) >= 15
    assert [
        m for m in page_types if not issubclass(m, ViewRestrictionsInOneQuery)
    ] == []


def test_public_pages_in_the_query_are_wagtails_public(client, rubrics):
    """``core.visibility.public`` leaves out exactly what Wagtail's
    ``public()`` leaves out: a restricted page and everything below it; the
    home page's latest experiences and the listing's export follow."""
    from core.visibility import public

    hidden_rubric, open_rubric = RubricPage.objects.live().order_by("path")[:2]
    below = make_experience(
        title="Sous la rubrique réservée", rubric=hidden_rubric.rubric
    )
    alone = make_experience(title="Réservée seule", rubric=open_rubric.rubric)
    shown = make_experience(title="Visible de tous", rubric=open_rubric.rubric)
    PageViewRestriction.objects.create(
        page=hidden_rubric, restriction_type=PageViewRestriction.LOGIN
    )
    PageViewRestriction.objects.create(
        page=alone, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    ours = set(public(Page.objects.live()).values_list("pk", flat=True))
    assert ours == set(Page.objects.live().public().values_list("pk", flat=True))
    assert shown.pk in ours
    assert not {hidden_rubric.pk, below.pk, alone.pk} & ours

    html = client.get("/").content.decode()
    assert "Visible de tous" in html
    assert "Réservée seule" not in html and "Sous la rubrique réservée" not in html
    response = client.get("/experiences/export.csv")
    csv = b"".join(response.streaming_content).decode()
    assert "Visible de tous" in csv
    assert "Réservée seule" not in csv and "Sous la rubrique réservée" not in csv
