"""home.routing: the site root resolves a path in one query for the pages along
it, and lands where Wagtail's own level-by-level ``Page.route`` lands."""

from django.http import Http404
from django.test import RequestFactory

from wagtail.models import Page

import pytest

from home import routing
from tests.factories import make_booklet, make_experience, make_recap
from tests.trainings_support import cycle, session

pytestmark = pytest.mark.django_db


def _components(path):
    return [part for part in path.split("/") if part]


def _outcome(route, home, path):
    """(page id, view name, args) the route gives, or "404"."""
    request = RequestFactory().get(path)
    try:
        page, args, kwargs = route(home, request, _components(path))
    except Http404:
        return "404"
    view = args[0].__name__ if args else None
    return page.pk, type(page).__name__, view, args[1:], kwargs


@pytest.fixture
def tree(site_tree):
    experience = make_experience(title="Un atelier de quartier")
    draft = make_experience(title="Un brouillon", publish=False)
    make_recap(site_tree, title="Retour du webinaire")
    training = session(cycle(), title="Séance santé")
    make_booklet([experience], title="Livret 2026")
    return site_tree.specific, experience, draft, training


def _paths(home, experience, draft, training):
    live = [
        page.url_path[len(home.url_path) - 1 :]
        for page in Page.objects.descendant_of(home, inclusive=True)
    ]
    extra = [
        experience.url_path[len(home.url_path) - 1 :] + "inconnu/",
        draft.url_path[len(home.url_path) - 1 :],
        "/experiences/rubrique-inconnue/",
        "/inconnu/",
        "/contribuer/merci/",
        "/contribuer/suivi/jeton-invalide/",
        "/contribuer/inconnu/",
        training.url_path[len(home.url_path) - 1 :] + "ics/",
        "/formations/inscription/jeton-invalide/",
    ]
    return live + extra


def test_every_path_lands_where_wagtail_would(tree):
    home, experience, draft, training = tree
    paths = _paths(home, experience, draft, training)
    assert len(paths) > 20
    for path in paths:
        assert _outcome(routing.route, home, path) == _outcome(
            Page.route, home, path
        ), path
    # Both ways agree on the failures too.
    assert _outcome(routing.route, home, "/inconnu/") == "404"
    assert _outcome(routing.route, home, draft.url_path[len(home.url_path) - 1 :]) == (
        "404"
    )
    # A routable page gets the rest of the path (the call's tracking page).
    assert _outcome(routing.route, home, "/contribuer/merci/")[2] == (
        "contribution_confirmation"
    )


def test_a_sheet_four_levels_down_is_found_in_two_queries(
    tree, django_assert_num_queries
):
    home, experience, _draft, _training = tree
    path = experience.url_path[len(home.url_path) - 1 :]
    request = RequestFactory().get(path)
    # The pages along the path, then the sheet's own row (Wagtail: eight).
    with django_assert_num_queries(2):
        page, _args, _kwargs = home.route(request, _components(path))
    assert page.pk == experience.pk
    assert type(page).__name__ == "ExperiencePage"


def test_page_paths_are_wagtails_own(tree):
    """core.urls.page_path, which addresses a page from the request's site
    root, gives what Wagtail's ``get_url`` gives for every page of the tree;
    without a request it is Wagtail's own reckoning."""
    from core.urls import page_path

    request = RequestFactory().get("/", HTTP_HOST="localhost")
    pages = list(Page.objects.all().specific())
    assert len(pages) > 10
    for page in pages:
        assert page_path(page, request) == (page.get_url(request) or ""), page.url_path
        assert page_path(page) == (page.get_url() or ""), page.url_path


def test_the_breadcrumb_comes_from_the_route(
    client, tree, django_assert_max_num_queries
):
    """The pages the routing walked through are the breadcrumb's, the same as
    the page's ancestors, without reading them again."""
    import re

    from core.templatetags.site_tags import breadcrumb_ancestors

    _home, experience, _draft, _training = tree
    html = client.get(experience.url).content.decode()
    crumbs = re.findall(r'class="fr-breadcrumb__link" href="([^"]+)">([^<]+)<', html)
    ancestors = experience.get_ancestors().filter(depth__gt=2)
    assert crumbs[1:] == [(page.url, page.title) for page in ancestors]
    assert len(crumbs) == 3

    request = RequestFactory().get(experience.url)
    page, _args, _kwargs = routing.route(
        _home, request, _components(experience.url_path[len(_home.url_path) - 1 :])
    )
    with django_assert_max_num_queries(0):
        assert breadcrumb_ancestors(page) == list(ancestors)
