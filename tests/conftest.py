from django.contrib.auth.models import Group

import pytest

from booklets import pdf
from experiences.constants import GROUP_EDITORIAL_LEADS, GROUP_EDITORS, GROUP_MODERATORS
from home.setup import setup_site
from tests.booklet_data import FAKE_PDF


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
    """The page tree, groups and workflow that `setup_site` builds; returns home."""
    home, _, _ = setup_site()
    return home


def _member(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="motdepasse-de-test",
        first_name=username.capitalize(),
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(site_tree, django_user_model):
    return _member(django_user_model, "redactrice", GROUP_EDITORS)


@pytest.fixture
def moderator(site_tree, django_user_model):
    return _member(django_user_model, "moderateur", GROUP_MODERATORS)


@pytest.fixture
def lead(site_tree, django_user_model):
    return _member(django_user_model, "responsable", GROUP_EDITORIAL_LEADS)


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
