"""setup_site: page tree, groups, permissions and workflow, idempotent."""

import datetime

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import GroupPagePermission, Page, Site, Workflow, WorkflowPage

import pytest

from booklets.models import BookletIndexPage
from experiences.constants import (
    GROUP_EDITORIAL_LEADS,
    GROUP_EDITORS,
    GROUP_MODERATORS,
    WORKFLOW_NAME,
    Rubric,
)
from experiences.models import (
    CallForContributionsPage,
    Department,
    ExperienceIndexPage,
    ExperiencePage,
    Region,
    RubricPage,
    Theme,
)
from home.models import HomePage, StandardPage
from resources.models import ArticleIndexPage, EventRecapIndexPage

pytestmark = pytest.mark.django_db


def _counts():
    return {
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "workflows": Workflow.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "sites": Site.objects.count(),
    }


def test_setup_site_is_idempotent(site_tree):
    before = _counts()
    call_command("setup_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == before


def test_page_tree_has_every_section(site_tree):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == site_tree
    # SITE_URL (WAGTAILADMIN_BASE_URL) gives the host of absolute addresses.
    assert (site.hostname, site.port) == ("testserver", 80)
    assert site_tree.full_url == "http://testserver/"
    assert isinstance(site_tree, HomePage)
    for model in (
        ExperienceIndexPage,
        CallForContributionsPage,
        EventRecapIndexPage,
        ArticleIndexPage,
        BookletIndexPage,
    ):
        assert model.objects.child_of(site_tree).live().count() == 1
    assert ExperienceIndexPage.objects.get().url == "/experiences/"
    assert CallForContributionsPage.objects.get().url == "/contribuer/"
    assert set(StandardPage.objects.values_list("footer_role", flat=True)) == {
        "mentions-legales",
        "donnees-personnelles",
        "accessibilite",
    }


def test_exactly_the_six_rubrics_with_stable_slugs(site_tree):
    rubrics = RubricPage.objects.order_by("path")
    assert [page.slug for page in rubrics] == list(Rubric.values)
    assert all(page.expected_experiences for page in rubrics)
    assert RubricPage.max_count == 6
    index = ExperienceIndexPage.objects.get()
    assert not RubricPage.can_create_at(index)


def test_departements_are_complete():
    assert Department.objects.count() == 101
    assert Region.objects.count() == 18
    assert not Department.objects.filter(region__isnull=True).exists()
    codes = set(Department.objects.values_list("code", flat=True))
    assert {
        "01",
        "2A",
        "2B",
        "59",
        "93",
        "95",
        "971",
        "972",
        "973",
        "974",
        "976",
    } <= codes
    assert Department.objects.get(code="93").region.name == "Île-de-France"
    assert Department.objects.get(code="2A").region.name == "Corse"
    assert Department.objects.get(code="974").region.name == "La Réunion"


def test_themes_are_seeded():
    slugs = set(Theme.objects.values_list("slug", flat=True))
    assert len(slugs) == 12
    assert {"cohesion-sociale", "citoyennete-participation", "sante"} <= slugs


def _perms(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def _page_perms(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "permission__codename", flat=True
        )
    )


def test_group_permissions_as_designed(site_tree):
    editors, moderators, leads = (
        _perms(GROUP_EDITORS),
        _perms(GROUP_MODERATORS),
        _perms(GROUP_EDITORIAL_LEADS),
    )
    for perms in (editors, moderators, leads):
        assert "wagtailadmin.access_admin" in perms
    # Editors never see contributors' personal data nor the queue.
    assert not {p for p in editors if p.endswith("_submission")}
    assert "experiences.view_personal_data" not in editors
    assert {
        "experiences.moderate_submission",
        "experiences.view_personal_data",
    } <= moderators
    # Exporting the queue and purging are for editorial leads only.
    assert "experiences.export_submission" not in moderators
    assert "experiences.purge_submission" not in moderators
    assert {
        "experiences.export_submission",
        "experiences.purge_submission",
        "experiences.change_theme",
    } <= leads
    # Only editorial leads publish.
    assert "publish_page" not in _page_perms(GROUP_EDITORS)
    assert "publish_page" not in _page_perms(GROUP_MODERATORS)
    assert "publish_page" in _page_perms(GROUP_EDITORIAL_LEADS)
    assert {"add_page", "change_page"} <= _page_perms(GROUP_EDITORS)


def test_workflow_attached_to_the_experiences_subtree(site_tree):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    tasks = [
        task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")
    ]
    assert [task.name for task in tasks] == [
        "Relecture éditoriale",
        "Accord de la personne contributrice",
        "Validation",
    ]
    assert [g.name for g in tasks[0].groups.all()] == [GROUP_EDITORS]
    assert [g.name for g in tasks[1].groups.all()] == [GROUP_EDITORIAL_LEADS]
    assert [g.name for g in tasks[2].groups.all()] == [GROUP_EDITORIAL_LEADS]
    rubric = RubricPage.objects.first()
    experience = ExperiencePage(
        title="Un forum",
        summary="Résumé",
        department=Department.objects.get(code="93"),
        start_date=datetime.date(2024, 3, 1),
    )
    rubric.add_child(instance=experience)
    assert experience.get_workflow() == workflow
    # Pages outside the experiences subtree are not under this workflow.
    call = CallForContributionsPage.objects.get()
    assert call.get_workflow() != workflow


def test_wagtail_default_workflow_goes_to_editorial_leads(site_tree):
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    call = CallForContributionsPage.objects.get()
    workflow = call.get_workflow()
    assert workflow.name == "Validation des contenus"
    task = workflow.tasks.get().specific
    assert [g.name for g in task.groups.all()] == [GROUP_EDITORIAL_LEADS]


def test_themes_are_managed_by_editorial_leads_only(client, lead, editor):
    client.force_login(lead)
    response = client.get("/admin/snippets/experiences/theme/")
    assert response.status_code == 200
    assert "Cohésion sociale" in response.content.decode()
    response = client.post(
        "/admin/snippets/experiences/theme/add/",
        {"label": "Numérique", "slug": "numerique", "sort_order": 20},
    )
    assert response.status_code == 302
    assert Theme.objects.filter(slug="numerique").exists()
    client.force_login(editor)
    assert client.get("/admin/snippets/experiences/theme/add/").status_code in (
        302,
        403,
    )
