"""Builds the demo content from the data modules, skipping what already exists.

Pages are found by slug, images and documents by title, submissions by their
contributor's example.org address and accounts by username, so that a second
run creates nothing and costs a handful of queries.
"""

import datetime
import io
from collections import Counter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log

from booklets.models import BookletIndexPage, BookletPage, BookletSheet
from experiences.constants import (
    GROUP_EDITORIAL_LEADS,
    GROUP_EDITORS,
    GROUP_MODERATORS,
    Rubric,
)
from experiences.models import (
    CallForContributionsPage,
    Department,
    ExperienceDocument,
    ExperienceIndexPage,
    ExperienceLink,
    ExperiencePage,
    ExperiencePhoto,
    ReferenceSequence,
    RubricPage,
    Submission,
    SubmissionMessage,
    Theme,
)
from experiences.states import TRANSITIONS, Status
from home.demo import media
from home.demo.experiences import EXPERIENCES
from home.demo.resources import ARTICLES, BOOKLET, RECAPS
from home.demo.submissions import SUBMISSIONS
from home.demo.text import html
from resources.models import (
    ArticleIndexPage,
    ArticlePage,
    EventRecapIndexPage,
    EventRecapPage,
    EventSpeaker,
)

# username: (first name, last name, group or None for the superuser, role label)
ACCOUNTS = {
    "moderateur": ("Camille", "Durand", GROUP_MODERATORS, "Modérateur·rice"),
    "redacteur": ("Lucas", "Bernard", GROUP_EDITORS, "Rédacteur·rice"),
    "responsable": (
        "Inès",
        "Lambert",
        GROUP_EDITORIAL_LEADS,
        "Responsable éditorial·e",
    ),
    "admin": ("Alex", "Martin", None, "Administrateur·rice (tous les droits)"),
}

TARGET_BY_ACTION = {t.log_action: t.target for t in TRANSITIONS.values()}


class DemoError(Exception):
    """The demo cannot be loaded (site not set up, missing setting)."""


def _month(value):
    return datetime.date(value[0], value[1], 1) if value else None


class DemoLoader:
    def __init__(self):
        self.created = Counter()
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}
        self._images = {}
        self._documents = {}
        self._departments = None

    # Reference data and media -------------------------------------------

    def department(self, code):
        if self._departments is None:
            self._departments = {d.code: d for d in Department.objects.all()}
        return self._departments[code]

    def theme_list(self, slugs):
        return [self.themes[slug] for slug in slugs if slug in self.themes]

    def image(self, key):
        if key not in self._images:
            title, alt, _caption, _motif = media.IMAGES[key]
            model = get_image_model()
            image = model.objects.filter(title=title).first()
            if image is None:
                content = media.render_image(key)
                image = model(
                    title=title,
                    description=alt,
                    file=ImageFile(io.BytesIO(content), name=f"{key}.jpg"),
                )
                image._set_image_file_metadata()
                image.save()
                image.tags.add("démonstration")
                self.created["images"] += 1
            self._images[key] = image
        return self._images[key]

    def document(self, key):
        if key not in self._documents:
            title, filename, _heading, _rows = media.DOCUMENTS[key]
            model = get_document_model()
            document = model.objects.filter(title=title).first()
            if document is None:
                document = model(
                    title=title, file=ContentFile(media.render_pdf(key), name=filename)
                )
                document._set_document_file_metadata()
                document.save()
                self.created["documents"] += 1
            self._documents[key] = document
        return self._documents[key]

    # Pages ----------------------------------------------------------------

    @staticmethod
    def publish_child(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def experiences(self):
        slugs = [data["slug"] for data in EXPERIENCES]
        existing = set(
            ExperiencePage.objects.filter(slug__in=slugs).values_list("slug", flat=True)
        )
        rubric_pages = {page.rubric: page for page in RubricPage.objects.all()}
        for data in EXPERIENCES:
            if data["slug"] in existing:
                continue
            self.publish_child(rubric_pages[data["rubric"]], self.experience_page(data))
            self.created["experiences"] += 1

    def experience_page(self, data):
        page = ExperiencePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            feature=data["feature"],
            communes=data["communes"],
            department=self.department(data["department"]),
            quartiers=data["quartiers"],
            start_date=_month(data["start"]),
            end_date=_month(data["end"]),
            ongoing=data["ongoing"],
            contributor_role=data["role"],
            organisation=data["organisation"],
            contact_name=data.get("contact_name", ""),
            contact_email=data.get("contact_email", ""),
            **{
                field: html(data[field])
                for field in (
                    "objectives",
                    "approach",
                    "actors",
                    "results",
                    "difficulties",
                    "advice",
                )
            },
        )
        page.themes.set(self.theme_list(data["themes"]))
        page.tags.add(*data["tags"])
        page.photos = [
            ExperiencePhoto(image=self.image(key), caption=caption, credit=credit)
            for key, caption, credit in data.get("photos", [])
        ]
        page.documents = [
            ExperienceDocument(document=self.document(key), caption=caption)
            for key, caption in data.get("documents", [])
        ]
        page.links = [
            ExperienceLink(url=url, label=label) for url, label in data.get("links", [])
        ]
        return page

    def recaps(self):
        index = EventRecapIndexPage.objects.get()
        existing = set(
            EventRecapPage.objects.child_of(index).values_list("slug", flat=True)
        )
        for data in RECAPS:
            if data["slug"] in existing:
                continue
            page = EventRecapPage(
                title=data["title"],
                slug=data["slug"],
                kind=data["kind"],
                date=data["date"],
                start_time=data["start_time"],
                end_time=data["end_time"],
                format=data["format"],
                place=data["place"],
                organiser=data["organiser"],
                summary=data["summary"],
                key_takeaways=data["key_takeaways"],
                body=[self.block(kind, value) for kind, value in data["body"]],
            )
            page.speakers = [
                EventSpeaker(name=name, affiliation=affiliation, key_points=points)
                for name, affiliation, points in data["speakers"]
            ]
            page.themes.set(self.theme_list(data["themes"]))
            page.tags.add(*data["tags"])
            self.publish_child(index, page)
            self.created["recaps"] += 1

    @staticmethod
    def block(kind, value):
        """A practice card names its experience by slug; the block wants a page."""
        if kind == "practice_card":
            value = {"context": "", "link_label": "", **value}
            slug = value.pop("experience", None)
            value["experience"] = (
                ExperiencePage.objects.filter(slug=slug).first() if slug else None
            )
        return (kind, value)

    def articles(self):
        index = ArticleIndexPage.objects.get()
        existing = set(
            ArticlePage.objects.child_of(index).values_list("slug", flat=True)
        )
        rubric_pages = {page.rubric: page for page in RubricPage.objects.all()}
        for data in ARTICLES:
            if data["slug"] in existing:
                continue
            page = ArticlePage(
                title=data["title"],
                slug=data["slug"],
                kind=data["kind"],
                date=data["date"],
                author=data["author"],
                summary=data["summary"],
                source=data["source"],
                source_date=data["source_date"],
                body=data["body"],
            )
            page.rubrics.set([rubric_pages[rubric] for rubric in data["rubrics"]])
            page.themes.set(self.theme_list(data["themes"]))
            page.tags.add(*data["tags"])
            self.publish_child(index, page)
            self.created["articles"] += 1

    def booklet(self):
        index = BookletIndexPage.objects.get()
        if BookletPage.objects.child_of(index).filter(slug=BOOKLET["slug"]).exists():
            return
        chosen = [data["slug"] for data in EXPERIENCES if data.get("booklet")]
        pages = {p.slug: p for p in ExperiencePage.objects.filter(slug__in=chosen)}
        order = {rubric: position for position, rubric in enumerate(Rubric.values)}
        chosen.sort(key=lambda slug: order[pages[slug].rubric])
        page = BookletPage(
            title=BOOKLET["title"],
            slug=BOOKLET["slug"],
            subtitle=BOOKLET["subtitle"],
            edition_date=BOOKLET["edition_date"],
            edition_number=BOOKLET["edition_number"],
            foreword=BOOKLET["foreword"],
            publisher=BOOKLET["publisher"],
            licence=BOOKLET["licence"],
            cover_image=self.image(BOOKLET["cover"]),
        )
        page.sheets = [BookletSheet(experience=pages[slug]) for slug in chosen]
        self.publish_child(index, page)
        self.created["booklets"] += 1

    # Submissions and accounts ----------------------------------------------

    def submissions(self, moderator=None):
        emails = [data["email"] for data in SUBMISSIONS]
        existing = set(
            Submission.objects.filter(email__in=emails).values_list("email", flat=True)
        )
        missing = [data for data in SUBMISSIONS if data["email"] not in existing]
        if not missing:
            return
        call = CallForContributionsPage.objects.get()
        now = timezone.now()
        for data in missing:
            self.submission(data, call, now, moderator)
            self.created["submissions"] += 1

    def submission(self, data, call, now, moderator):
        moment = now - datetime.timedelta(days=data["days_ago"])
        submitted = data["status"] != Status.DRAFT
        submission = Submission(
            status=data["status"],
            title=data["title"],
            rubric=data["rubric"],
            summary=data["summary"],
            communes=data["communes"],
            department=self.department(data["department"]),
            quartiers=data["quartiers"],
            start_date=_month(data["start"]),
            end_date=_month(data.get("end")),
            ongoing=data.get("ongoing", False),
            feature=data.get("feature", ""),
            objectives=data["objectives"],
            approach=data["approach"],
            results=data.get("results", ""),
            tags=data["tags"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            role=data["role"],
            organisation=data["organisation"],
            council=data.get("council", ""),
            consent_data_at=moment,
            consent_data_text=call.privacy_consent_text,
            consent_licence_at=moment,
            consent_licence_text=call.licence_consent_text,
            submitted_at=moment if submitted else None,
            assigned_to=moderator if data.get("assigned") else None,
        )
        if data["public_contact"]:
            submission.consent_public_contact = True
            submission.consent_public_contact_at = moment
            submission.consent_public_contact_text = call.public_contact_consent_text
        if submitted:
            submission.reference = ReferenceSequence.next_reference(year=moment.year)
        if data["status"] in (Status.ACCEPTED, Status.DECLINED):
            submission.decided_at = moment + datetime.timedelta(
                days=len(data["history"])
            )
        submission.set_token()
        submission.save()
        submission.themes.set(self.theme_list(data["themes"]))
        Submission.objects.filter(pk=submission.pk).update(
            created_at=moment - datetime.timedelta(minutes=20), updated_at=moment
        )
        if not submitted:
            log(
                instance=submission,
                action="recueil.submission.draft",
                timestamp=moment,
                data={"message": ""},
            )
            return submission
        log(
            instance=submission,
            action="recueil.submission.submit",
            timestamp=moment,
            data={"message": "", "from": Status.DRAFT, "to": Status.RECEIVED},
        )
        state = Status.RECEIVED
        for step, (action, message) in enumerate(data["history"], start=1):
            target = TARGET_BY_ACTION[action]
            when = moment + datetime.timedelta(days=step)
            log(
                instance=submission,
                action=action,
                user=moderator,
                timestamp=when,
                data={"message": message, "from": state, "to": target},
            )
            state = target
            if message:
                note = SubmissionMessage.objects.create(
                    submission=submission,
                    author=moderator,
                    direction=SubmissionMessage.Direction.TO_CONTRIBUTOR,
                    body=message,
                )
                SubmissionMessage.objects.filter(pk=note.pk).update(created_at=when)
        return submission

    def accounts(self, password):
        """Create the demo accounts if missing; always reset their password."""
        user_model = get_user_model()
        # One hash for the four accounts: their password is public anyway, and
        # hashing is the slowest part of a second run.
        encoded = make_password(password)
        users = {}
        for username, (first, last, group_name, _label) in ACCOUNTS.items():
            user = user_model.objects.filter(username=username).first()
            if user is None:
                user = user_model(username=username)
                self.created["accounts"] += 1
            user.email = f"{username}@example.org"
            user.first_name, user.last_name = first, last
            user.is_active = True
            user.is_superuser = user.is_staff = group_name is None
            user.password = encoded
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            users[username] = user
        return users


def check_site():
    """The loader completes a site that `setup_site` has built."""
    if not (
        ExperienceIndexPage.objects.exists()
        and RubricPage.objects.count() == len(Rubric.choices)
        and CallForContributionsPage.objects.exists()
        and EventRecapIndexPage.objects.exists()
        and ArticleIndexPage.objects.exists()
        and BookletIndexPage.objects.exists()
        and Group.objects.filter(name=GROUP_MODERATORS).exists()
    ):
        raise DemoError(
            "Le site n'est pas encore installé : lancez d'abord "
            "« python manage.py setup_site »."
        )


def load_demo(accounts=True):
    """Load everything; return (loader, accounts). Idempotent."""
    check_site()
    password = getattr(settings, "DEMO_PASSWORD", "") if accounts else ""
    if accounts and not password:
        raise DemoError(
            "Le réglage DEMO_PASSWORD est absent : les comptes de démonstration ne "
            "peuvent pas être créés."
        )
    loader = DemoLoader()
    with transaction.atomic():
        users = loader.accounts(password) if accounts else {}
        loader.experiences()
        loader.recaps()
        loader.articles()
        loader.booklet()
        loader.submissions(moderator=users.get("moderateur"))
    return loader, users
