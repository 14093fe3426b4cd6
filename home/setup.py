"""The site's structure: page tree, groups, permissions and the publication
workflow. Idempotent: `manage.py setup_site` runs it on every deploy."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from booklets.models import BookletIndexPage
from core import permissions as core_permissions
from experiences import page_files, permissions
from experiences.checklist_defaults import default_items
from experiences.constants import (
    GROUP_EDITORIAL_LEADS,
    GROUP_EDITORS,
    GROUP_MODERATORS,
    RUBRIC_EXPECTED,
    TASK_REVIEW,
    TASK_VALIDATION,
    WORKFLOW_NAME,
    Rubric,
)
from experiences.models import (
    CallForContributionsPage,
    ExperienceIndexPage,
    RubricChecklistItem,
    RubricPage,
)
from experiences.signoff import setup as signoff_setup
from home import legal_texts
from home.models import HomePage, StandardPage
from resources.models import ArticleIndexPage, EventRecapIndexPage
from trainings.setup import build_trainings

CONSENT_DATA = (
    "J'accepte que mes données soient traitées pour l'instruction de ma "
    "contribution, dans les conditions décrites par la page « Données "
    "personnelles ». Elles ne sont jamais publiées sans mon accord."
)
# The published page shows the role and the organisation (also said next to
# those fields; experiences/migrations/0003 updated existing call pages).
CONSENT_LICENCE = (
    "J'accepte que le récit de mon expérience soit publié, éventuellement "
    "remanié, sous Licence Ouverte 2.0, sur ce site et dans le livret de fiches "
    "pratiques. La fiche publiée indique mon rôle (professionnel·le, élu·e…) et "
    "ma structure ; mon nom et mes coordonnées n'y figurent qu'avec l'accord "
    "ci-dessous."
)
CONSENT_PUBLIC_CONTACT = (
    "J'accepte que mon nom et mon courriel figurent sur la fiche publiée, pour "
    "que d'autres territoires puissent me contacter."
)


def _child(parent, model, **create):
    existing = model.objects.child_of(parent).first()
    if existing:
        return existing, False
    page = model(**create)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def build_page_tree():
    """Create the home page and its sections where they are missing."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="Les conseils citoyens, leviers de la co-construction",
            slug="accueil",
            intro=(
                "<p>Partagez et découvrez des expériences de terrain qui associent "
                "les conseils citoyens aux contrats de ville : de quoi outiller "
                "professionnel·le·s, élu·e·s et conseiller·ère·s citoyen·ne·s.</p>"
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    # Absolute addresses (feeds, sitemap, emails, the booklet's sheets) use the
    # site's host: take it from SITE_URL.
    public = urlsplit(settings.SITE_URL)
    public_port = public.port or (443 if public.scheme == "https" else 80)
    if (site.hostname, site.port) != (public.hostname, public_port):
        site.hostname, site.port = public.hostname, public_port
        site.save()
    if site.root_page_id != home.pk:
        previous = site.root_page_id
        site.root_page = home
        site.site_name = "Recueil"
        site.save()
        welcome = Page.objects.filter(pk=previous, depth=2).first()
        if welcome and welcome.specific_class is Page:
            welcome.delete()

    experiences, _ = _child(
        home,
        ExperienceIndexPage,
        title="Expériences",
        slug="experiences",
        show_in_menus=True,
        intro="<p>Des expériences locales, classées selon les six rubriques.</p>",
    )
    for rubric in Rubric:
        if not RubricPage.objects.filter(rubric=rubric.value).exists():
            page = RubricPage(
                title=str(rubric.label),
                slug=rubric.value,
                rubric=rubric.value,
                expected_experiences=RUBRIC_EXPECTED[rubric],
                checklist_items=[
                    RubricChecklistItem(sort_order=order, **values)
                    for order, values in enumerate(default_items(rubric))
                ],
            )
            experiences.add_child(instance=page)
            page.save_revision().publish()
    today = timezone.localdate()
    opens = timezone.make_aware(datetime.datetime(today.year, today.month, 1))
    _child(
        home,
        CallForContributionsPage,
        title="Partager une expérience",
        slug="contribuer",
        show_in_menus=True,
        intro=(
            "<p>Vous êtes professionnel·le, élu·e ou conseiller·ère citoyen·ne ? "
            "Racontez une expérience qui a aidé un conseil citoyen à prendre sa "
            "place dans le contrat de ville.</p>"
        ),
        body=legal_texts.CALL_BODY,
        opens_at=opens,
        closes_at=opens + datetime.timedelta(days=183),
        privacy_consent_text=CONSENT_DATA,
        licence_consent_text=CONSENT_LICENCE,
        public_contact_consent_text=CONSENT_PUBLIC_CONTACT,
        confirmation_text=(
            "<p>Merci ! L'équipe éditoriale lit chaque contribution et vous "
            "répondra par courriel.</p>"
        ),
    )
    _child(
        home,
        EventRecapIndexPage,
        title="Événements",
        slug="evenements",
        show_in_menus=True,
        intro="<p>Comptes rendus de webinaires, de formations et de forums.</p>",
    )
    _child(
        home,
        ArticleIndexPage,
        title="Ressources",
        slug="ressources",
        show_in_menus=True,
        intro="<p>Bonnes pratiques et textes de référence.</p>",
    )
    _child(
        home,
        BookletIndexPage,
        title="Livrets",
        slug="livrets",
        show_in_menus=True,
        intro="<p>Les livrets de fiches pratiques, à lire en ligne ou à imprimer.</p>",
    )
    for role, title, slug, body in legal_texts.LEGAL_PAGES:
        if not StandardPage.objects.filter(footer_role=role).exists():
            page = StandardPage(
                title=title,
                slug=slug,
                footer_role=role,
                intro=body[0],
                body=[("paragraph", html) for html in body[1:]],
                last_reviewed=today,
            )
            home.add_child(instance=page)
            page.save_revision().publish()
    return home


def _permissions(*codenames):
    found = []
    for codename in codenames:
        app_label, code = codename.split(".")
        found.append(
            Permission.objects.get(content_type__app_label=app_label, codename=code)
        )
    return found


def _page_permissions(group, page, types):
    page_type = ContentType.objects.get_for_model(Page)
    for permission_type in types:
        permission = Permission.objects.get(
            content_type=page_type, codename=f"{permission_type}_page"
        )
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )


def _collection_permissions(group, codenames):
    root = Collection.get_first_root_node()
    for permission in _permissions(*codenames):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


MEDIA_EDIT = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
MODERATION = [
    permissions.VIEW,
    "experiences.change_submission",
    permissions.MODERATE,
    permissions.VIEW_PERSONAL_DATA,
]
# Exporting the queue copies everyone's personal data out of the site: for the
# editorial leads only.
EXPORT = permissions.EXPORT

# Readers' error reports: editors and editorial leads read and close them.
ERROR_REPORTS = ["experiences.view_errorreport", "experiences.change_errorreport"]

GROUPS = {
    GROUP_EDITORS: {
        "model": ["wagtailadmin.access_admin", *ERROR_REPORTS],
        "pages": ["add", "change"],
        "media": MEDIA_EDIT,
    },
    GROUP_MODERATORS: {
        "model": ["wagtailadmin.access_admin", *MODERATION],
        "pages": ["add", "change"],
        "media": MEDIA_EDIT,
        # Given by earlier versions of this setup: taken back on every run.
        "revoked": [EXPORT],
    },
    GROUP_EDITORIAL_LEADS: {
        "model": [
            "wagtailadmin.access_admin",
            *MODERATION,
            *ERROR_REPORTS,
            EXPORT,
            permissions.PURGE,
            core_permissions.VIEW_EMAILS,
            core_permissions.RESEND_EMAILS,
            "experiences.add_theme",
            "experiences.change_theme",
            "experiences.delete_theme",
            "experiences.view_theme",
            "core.change_siteidentity",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
        ],
        "pages": ["add", "change", "publish", "lock", "unlock"],
        "media": [
            *MEDIA_EDIT,
            "wagtailimages.delete_image",
            "wagtaildocs.delete_document",
        ],
    },
}


def build_groups(home):
    """The three editorial groups and their permissions (added to, except the
    few listed as revoked)."""
    groups = {}
    for name, spec in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(*spec["model"]))
        group.permissions.remove(*_permissions(*spec.get("revoked", [])))
        _page_permissions(group, home, spec["pages"])
        _collection_permissions(group, spec["media"])
        groups[name] = group
    return groups


def build_workflow(groups):
    """ "Publication d'une expérience": editorial review, the contributor's
    sign-off, then validation, on the experiences subtree (editorial leads may
    reorder or remove the steps in the admin: a later run keeps their order)."""
    review, _ = GroupApprovalTask.objects.get_or_create(name=TASK_REVIEW)
    review.groups.set([groups[GROUP_EDITORS]])
    validation, _ = GroupApprovalTask.objects.get_or_create(name=TASK_VALIDATION)
    validation.groups.set([groups[GROUP_EDITORIAL_LEADS]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=review, defaults={"sort_order": 0}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=validation, defaults={"sort_order": 1}
    )
    signoff_setup.insert_signoff_task(
        workflow, after=review, leads=groups[GROUP_EDITORIAL_LEADS]
    )
    index = ExperienceIndexPage.objects.first()
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def replace_wagtail_defaults(groups):
    """A fresh Wagtail database has English "Moderators" and "Editors" groups and
    a "Moderators approval" workflow on the root: the other pages (recaps,
    articles, legal pages) would wait for a group nobody belongs to. Hand that
    workflow to the editorial leads and drop the empty default groups."""
    default = Workflow.objects.filter(name="Moderators approval").first()
    if default is not None:
        default.name = "Validation des contenus"
        default.save(update_fields=["name"])
        for task in default.tasks.all():
            task = task.specific
            if isinstance(task, GroupApprovalTask):
                task.name = "Validation éditoriale"
                task.save(update_fields=["name"])
                task.groups.set([groups[GROUP_EDITORIAL_LEADS]])
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()


@transaction.atomic
def setup_site():
    home = build_page_tree()
    groups = build_groups(home)
    workflow = build_workflow(groups)
    replace_wagtail_defaults(groups)
    build_trainings(home, groups[GROUP_EDITORIAL_LEADS])
    # Where the copies of contributors' files wait for their page's publication.
    page_files.private_collection()
    return home, groups, workflow
