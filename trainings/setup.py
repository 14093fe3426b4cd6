"""The trainings' part of ``setup_site``: /formations/, the « Organisateurs »
group and its permissions on that subtree (the editorial leads manage the
registrations too). Idempotent."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import GroupPagePermission, Page

from trainings.constants import GROUP_ORGANISERS
from trainings.models import TrainingIndexPage

ORGANISER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("trainings", "manage_registrations"),
    ("trainings", "view_registration"),
    ("trainings", "change_registration"),
]
PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]


def training_index(home):
    index = TrainingIndexPage.objects.first()
    if index is None:
        index = TrainingIndexPage(
            title="Formations",
            slug="formations",
            show_in_menus=True,
            intro=(
                "<p>Des séances de travail pour les conseiller·ère·s citoyen·ne·s : "
                "un·e intervenant·e présente son métier, puis chacun·e partage son "
                "expérience. Inscription libre, sans compte.</p>"
            ),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _model_permissions(pairs):
    return [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in pairs
    ]


def build_trainings(home, editorial_leads):
    index = training_index(home)
    organisers, _ = Group.objects.get_or_create(name=GROUP_ORGANISERS)
    permissions = _model_permissions(ORGANISER_PERMISSIONS)
    organisers.permissions.add(*permissions)
    editorial_leads.permissions.add(*permissions)
    page_type = ContentType.objects.get_for_model(Page)
    for permission_type in PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type=page_type, codename=f"{permission_type}_page"
        )
        GroupPagePermission.objects.get_or_create(
            group=organisers, page=index, permission=permission
        )
    return index, organisers
