"""Builds the demo content from the data files, skipping what already exists.

Pages are found by slug, images and documents by title, submissions by their
contributor's example.org address and accounts by username, so that a second
run creates nothing and costs a handful of queries.
"""

import io
from collections import Counter

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from booklets.models import BookletIndexPage, BookletPage, BookletSheet
from demo import accounts, content, media, submissions
from demo import trainings as demo_trainings
from demo.checks import problems
from demo.content import DemoError, month, pick
from demo.text import html
from experiences import notifications
from experiences.constants import GROUP_MODERATORS, NARRATIVE_FIELDS, Rubric
from experiences.models import (
    CallForContributionsPage,
    Department,
    ExperienceDocument,
    ExperienceIndexPage,
    ExperienceLink,
    ExperiencePage,
    ExperiencePhoto,
    RubricPage,
    Theme,
)
from resources.models import (
    ArticleIndexPage,
    ArticlePage,
    EventRecapIndexPage,
    EventRecapPage,
    EventSpeaker,
)
from trainings import emails as training_emails
from trainings.models import TrainingIndexPage

IMAGE_TAG = "démonstration"


class DemoLoader:
    def __init__(self):
        self.created = Counter()
        self.skipped = Counter()
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}
        self.media = content.media()
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
            spec = self.media["images"][key]
            model = get_image_model()
            image = model.objects.filter(title=spec["title"]).first()
            if image is None:
                data = media.render_image(key, spec)
                image = model(
                    title=spec["title"],
                    description=spec["alt"],
                    file=ImageFile(io.BytesIO(data), name=f"{key}.jpg"),
                    file_size=len(data),
                    file_hash=hash_filelike(io.BytesIO(data)),
                )
                image.save()
                image.tags.add(IMAGE_TAG)
                self.created["images"] += 1
            self._images[key] = image
        return self._images[key]

    def document(self, key):
        if key not in self._documents:
            spec = self.media["documents"][key]
            model = get_document_model()
            document = model.objects.filter(title=spec["title"]).first()
            if document is None:
                data = media.render_pdf(spec)
                document = model(
                    title=spec["title"],
                    file=ContentFile(data, name=spec["filename"]),
                    file_size=len(data),
                    file_hash=hash_filelike(io.BytesIO(data)),
                )
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
        data_list = content.experiences()
        slugs = [data["slug"] for data in data_list]
        existing = set(
            ExperiencePage.objects.filter(slug__in=slugs).values_list("slug", flat=True)
        )
        rubric_pages = {page.rubric: page for page in RubricPage.objects.all()}
        for data in data_list:
            if data["slug"] in existing:
                continue
            self.publish_child(rubric_pages[data["rubric"]], self.experience_page(data))
            self.created["experiences"] += 1

    def experience_page(self, data):
        page = ExperiencePage(
            **pick(
                data,
                "title slug summary feature communes quartiers ongoing organisation",
                optional="contact_name contact_email",
            ),
            department=self.department(data["department"]),
            start_date=month(data["start"]),
            end_date=month(data.get("end")),
            contributor_role=data["role"],
            **{field: html(data[field]) for field in NARRATIVE_FIELDS},
        )
        page.themes.set(self.theme_list(data["themes"]))
        page.tags.add(*data["tags"])
        page.photos = [
            ExperiencePhoto(
                image=self.image(photo["image"]),
                caption=photo["caption"],
                credit=photo["credit"],
            )
            for photo in data.get("photos", [])
        ]
        page.documents = [
            ExperienceDocument(
                document=self.document(item["document"]), caption=item["caption"]
            )
            for item in data.get("documents", [])
        ]
        page.links = [
            ExperienceLink(url=link["url"], label=link["label"])
            for link in data.get("links", [])
        ]
        return page

    def recaps(self):
        index = EventRecapIndexPage.objects.get()
        existing = set(
            EventRecapPage.objects.child_of(index).values_list("slug", flat=True)
        )
        for data in content.recaps():
            if data["slug"] in existing:
                continue
            page = EventRecapPage(
                **pick(
                    data,
                    "title slug kind date start_time end_time format place organiser "
                    "summary",
                ),
                key_takeaways=html(data["key_takeaways"]),
                body=[self.block(block) for block in data["body"]],
            )
            page.speakers = [
                EventSpeaker(
                    name=speaker["name"],
                    affiliation=speaker["affiliation"],
                    key_points="\n".join(speaker["key_points"]),
                )
                for speaker in data["speakers"]
            ]
            page.themes.set(self.theme_list(data["themes"]))
            page.tags.add(*data["tags"])
            self.publish_child(index, page)
            self.created["recaps"] += 1

    @staticmethod
    def block(data):
        """A stream block from its table: ``type`` names it, a paragraph's text is
        plain, and a practice card names its experience by slug."""
        value = dict(data)
        kind = value.pop("type")
        if kind == "paragraph":
            return (kind, html(value["text"]))
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
        for data in content.articles():
            if data["slug"] in existing:
                continue
            page = ArticlePage(
                **pick(
                    data,
                    "title slug kind date author summary source",
                    optional="source_date",
                ),
                body=[self.block(block) for block in data["body"]],
            )
            page.rubrics.set([rubric_pages[rubric] for rubric in data["rubrics"]])
            page.themes.set(self.theme_list(data["themes"]))
            page.tags.add(*data["tags"])
            self.publish_child(index, page)
            self.created["articles"] += 1

    def booklet(self):
        data = content.booklet()
        index = BookletIndexPage.objects.get()
        if BookletPage.objects.child_of(index).filter(slug=data["slug"]).exists():
            return
        pages = {
            page.slug: page
            for page in ExperiencePage.objects.filter(slug__in=data["sheets"])
        }
        page = BookletPage(
            **pick(
                data,
                "title slug subtitle edition_date edition_number publisher licence",
            ),
            front_matter=[
                (
                    front["type"],
                    {
                        "title": front.get("title", ""),
                        "body": [self.block(block) for block in front["body"]],
                    },
                )
                for front in data.get("front_matter", [])
            ],
            cover_image=self.image(data["cover"]),
        )
        page.sheets = [BookletSheet(experience=pages[slug]) for slug in data["sheets"]]
        self.publish_child(index, page)
        self.created["booklets"] += 1

    # Submissions -----------------------------------------------------------

    def submissions(self, moderator=None):
        skipped = submissions.load(self, content.submissions(), moderator)
        if skipped:
            self.skipped["submissions"] += len(skipped)


def check_site():
    """The loader completes a site that `setup_site` has built."""
    if not (
        ExperienceIndexPage.objects.exists()
        and RubricPage.objects.count() == len(Rubric.choices)
        and CallForContributionsPage.objects.exists()
        and EventRecapIndexPage.objects.exists()
        and ArticleIndexPage.objects.exists()
        and BookletIndexPage.objects.exists()
        and TrainingIndexPage.objects.exists()
        and Group.objects.filter(name=GROUP_MODERATORS).exists()
    ):
        raise DemoError(
            "Le site n'est pas encore installé : lancez d'abord "
            "« python manage.py setup_site »."
        )


def check_data():
    """Every reference between the data files resolves (see demo.checks)."""
    found = problems()
    if found:
        raise DemoError(
            "Les fichiers de démonstration (demo/data/) ont des erreurs :\n- "
            + "\n- ".join(found)
        )


def load_demo(with_accounts=True):
    """Load everything; return (loader, accounts). Idempotent."""
    check_data()
    check_site()
    password = getattr(settings, "DEMO_PASSWORD", "") if with_accounts else ""
    if with_accounts and not password:
        raise DemoError(
            "Le réglage DEMO_PASSWORD est absent : les comptes de démonstration ne "
            "peuvent pas être créés."
        )
    loader = DemoLoader()
    # Nobody hears of the demo's transitions: no email to a contributor or to
    # the moderators.
    with notifications.muted(), training_emails.muted(), transaction.atomic():
        users = (
            accounts.create_accounts(password, loader.created) if with_accounts else {}
        )
        loader.experiences()
        loader.recaps()
        demo_trainings.load(loader)
        loader.articles()
        loader.booklet()
        loader.submissions(moderator=users.get(accounts.MODERATOR))
    return loader, users
