from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group

from wagtail.models import Page, Site, Workflow

import pytest

from booklets import pdf
from booklets.models import BookletIndexPage
from experiences.constants import (
    GROUP_EDITORIAL_LEADS,
    GROUP_EDITORS,
    GROUP_MODERATORS,
    WORKFLOW_NAME,
    Rubric,
)
from experiences.models import CallForContributionsPage, ExperienceIndexPage, RubricPage
from home.setup import build_groups, build_workflow, setup_site
from resources.models import ArticleIndexPage, EventRecapIndexPage
from tests import factories
from tests.factories import FAKE_PDF


@pytest.fixture(autouse=True)
def _media_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.UPLOAD_STAGING_ROOT = tmp_path / "staging"


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


# For the tests of the page cache itself: a real cache, whatever CACHE_BACKEND
# says (the suite also runs with CACHE_BACKEND=dummy). `pytestmark = real_cache`.
REAL_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "recueil-real-cache",
    },
    "counters": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "recueil-counters",
    },
}
real_cache = pytest.mark.usefixtures("_real_cache")


@pytest.fixture
def _real_cache(settings):
    from django.core.cache import caches

    settings.CACHES = REAL_CACHES
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def site_tree(db):
    """The whole production tree, groups and workflow (`setup_site`); returns
    home. Only for tests of setup_site itself or of the whole site: the others
    build what they need with the fixtures below."""
    home, _, _ = setup_site()
    return home


def _whole_tree(request):
    """The home page of `site_tree` when the test asked for the whole tree:
    the small fixtures below then hand out its pages instead of a second tree."""
    if "site_tree" in request.fixturenames:
        return request.getfixturevalue("site_tree")
    return None


def _in_tree(request, model, **filters):
    home = _whole_tree(request)
    if home is None:
        return None
    return model.objects.descendant_of(home).filter(**filters).first()


@pytest.fixture
def home_page(request, db):
    """The home page, root of the default site on WAGTAILADMIN_BASE_URL (the
    welcome page of a fresh Wagtail database removed), as setup_site does."""
    home = _whole_tree(request)
    if home is not None:
        return home
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
def experience_index(request, home_page):
    return _in_tree(
        request, ExperienceIndexPage
    ) or factories.ExperienceIndexPageFactory(parent=home_page)


@pytest.fixture
def rubrics(request, experience_index):
    """The six rubric pages: {rubric slug: page}."""
    if _whole_tree(request) is not None:
        return {page.rubric: page for page in RubricPage.objects.all()}
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
def call_page(request, home_page):
    """The call for contributions at /contribuer/, open this month."""
    return _in_tree(
        request, CallForContributionsPage
    ) or factories.CallForContributionsPageFactory(parent=home_page)


@pytest.fixture
def article_index(request, home_page):
    return _in_tree(request, ArticleIndexPage) or factories.ArticleIndexPageFactory(
        parent=home_page
    )


@pytest.fixture
def recap_index(request, home_page):
    return _in_tree(
        request, EventRecapIndexPage
    ) or factories.EventRecapIndexPageFactory(parent=home_page)


@pytest.fixture
def booklet_index(request, home_page):
    return _in_tree(request, BookletIndexPage) or factories.BookletIndexPageFactory(
        parent=home_page
    )


@pytest.fixture
def groups(request, home_page):
    """The three editorial groups and their permissions, made by the
    production code (`home.setup.build_groups`): {name: group}."""
    if _whole_tree(request) is not None:
        return {group.name: group for group in Group.objects.all()}
    return build_groups(home_page)


@pytest.fixture
def workflow(request, groups, experience_index):
    """The experiences' publication workflow, by the production code."""
    if _whole_tree(request) is not None:
        return Workflow.objects.get(name=WORKFLOW_NAME)
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
