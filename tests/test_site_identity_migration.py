"""The site's identity moved from home to core: a database made before the move
keeps its row, the editorial leads' permission to change it and its history."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import ModelLogEntry

import pytest

from core.models import SiteIdentity

BEFORE = [("home", "0002_french_unaccent_search"), ("core", "0001_outbox")]
IDENTITY = {
    "service_name": "Recueil des conseils",
    "service_tagline": "Une précision propre à cette base",
    "operator_name": "Agence nationale\nde la cohésion des territoires",
    "contact_email": "contact@anct.example.org",
    "footer_text": "Un pied de page modifié avant le déplacement.",
}

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def make_old_identity(apps, *, with_core_content_type):
    """A database as main left it: the row, its content type and permission
    under home, granted to a group, and one change in the history."""
    content_types = apps.get_model("contenttypes", "ContentType").objects
    if not with_core_content_type:
        # As before the move: core's content type did not exist yet.
        content_types.filter(app_label="core", model="siteidentity").delete()
    old_type, _ = content_types.get_or_create(app_label="home", model="siteidentity")
    permission, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=old_type,
        codename="change_siteidentity",
        defaults={"name": "Can change identité du site"},
    )
    group = apps.get_model("auth", "Group").objects.create(name="Responsables test")
    group.permissions.add(permission)
    identity = apps.get_model("home", "SiteIdentity").objects.create(pk=7, **IDENTITY)
    apps.get_model("wagtailcore", "ModelLogEntry").objects.create(
        content_type=old_type,
        object_id=str(identity.pk),
        label="identité du site",
        action="wagtail.edit",
        timestamp="2026-01-15T10:00:00Z",
    )


@pytest.mark.parametrize("with_core_content_type", [False, True])
def test_the_identity_row_and_its_grants_survive_the_move(with_core_content_type):
    old_apps = migrate(BEFORE)
    make_old_identity(old_apps, with_core_content_type=with_core_content_type)

    migrate(latest())

    identity = SiteIdentity.objects.get()
    assert identity.pk == 7
    assert {name: getattr(identity, name) for name in IDENTITY} == IDENTITY
    assert SiteIdentity.load() == identity
    group = Group.objects.get(name="Responsables test")
    assert list(
        group.permissions.values_list("content_type__app_label", "codename")
    ) == [("core", "change_siteidentity")]
    assert not ContentType.objects.filter(app_label="home", model="siteidentity")
    core_type = ContentType.objects.get_for_model(SiteIdentity)
    assert ModelLogEntry.objects.filter(content_type=core_type, object_id="7").exists()
    # The sequence starts after the copied id: a new row gets a new id.
    assert SiteIdentity.objects.create().pk != 7


def test_the_move_can_be_reversed():
    old_apps = migrate(BEFORE)
    make_old_identity(old_apps, with_core_content_type=False)
    migrate(latest())

    reversed_apps = migrate(BEFORE)

    identity = reversed_apps.get_model("home", "SiteIdentity").objects.get()
    assert (identity.pk, identity.service_name) == (7, IDENTITY["service_name"])
    content_types = reversed_apps.get_model("contenttypes", "ContentType").objects
    assert content_types.filter(app_label="home", model="siteidentity").exists()
    migrate(latest())
