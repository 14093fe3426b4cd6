from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Page, Site

import pytest

from booklets import pdf
from experiences.constants import (
    GROUP_EDITORIAL_LEADS,
    GROUP_EDITORS,
    GROUP_MODERATORS,
    Rubric,
)
from home.setup import build_groups, build_workflow, setup_site
from tests import factories
from tests.factories import FAKE_PDF


@pytest.fixture(autouse=True)
def _media_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.UPLOAD_STAGING_ROOT = tmp_path / "staging"


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """The whole production tree, groups and workflow (`setup_site`); returns
    home. Only for tests of setup_site itself or of the whole site: the others
    build what they need with the fixtures below."""
    home, _, _ = setup_site()
    return home


@pytest.fixture
def home_page(db):
    """The home page, root of the default site on WAGTAILADMIN_BASE_URL (the
    welcome page of a fresh Wagtail database removed), as setup_site does."""
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    home = factories.HomePageFactory()
    public = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = public.hostname
    site.port = public.port or (443 if public.scheme == "https" else 80)
    site.root_page = home
    site.site_name = "Recueil"
    site.save()
    if welcome.depth == 2 and welcome.specific_class is Page:
        welcome.delete()
    return home


@pytest.fixture
def experience_index(home_page):
    return factories.ExperienceIndexPageFactory(parent=home_page)


@pytest.fixture
def rubrics(experience_index):
    """The six rubric pages: {rubric slug: page}."""
    return {
        rubric.value: factories.RubricPageFactory(
            parent=experience_index, rubric=rubric.value
        )
        for rubric in Rubric
    }


@pytest.fixture
def rubric(rubrics):
    return rubrics[Rubric.COLLECTIVE_DYNAMIC.value]


@pytest.fixture
def call_page(home_page):
    """The call for contributions at /contribuer/, open this month."""
    return factories.CallForContributionsPageFactory(parent=home_page)


@pytest.fixture
def article_index(home_page):
    return factories.ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def recap_index(home_page):
    return factories.EventRecapIndexPageFactory(parent=home_page)


@pytest.fixture
def booklet_index(home_page):
    return factories.BookletIndexPageFactory(parent=home_page)


@pytest.fixture
def groups(home_page):
    """The three editorial groups and their permissions, made by the
    production code (`home.setup.build_groups`): {name: group}."""
    return build_groups(home_page)


@pytest.fixture
def workflow(groups, experience_index):
    """The experiences' publication workflow, by the production code."""
    return build_workflow(groups)


@pytest.fixture
def editor(groups):
    return factories.member("redactrice", GROUP_EDITORS)


@pytest.fixture
def moderator(groups):
    return factories.member("moderateur", GROUP_MODERATORS)


@pytest.fixture
def lead(groups):
    return factories.member("responsable", GROUP_EDITORIAL_LEADS)


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.org", password="motdepasse-de-test"
    )


@pytest.fixture
def renders(monkeypatch):
    """The booklet PDF's rendering replaced by a stub: the booklets rendered,
    in order (WeasyPrint itself is exercised in test_booklet_pdf.py)."""
    calls = []

    def fake_render(booklet, composition=None):
        calls.append(booklet.pk)
        return FAKE_PDF

    monkeypatch.setattr(pdf, "render_pdf", fake_render)
    return calls
