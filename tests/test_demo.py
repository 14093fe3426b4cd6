import datetime
import io
import itertools

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

import pytest
from taggit.models import Tag

from booklets.models import BookletPage
from demo import accounts, content
from demo.text import html
from experiences.constants import (
    GROUP_EDITORIAL_LEADS,
    GROUP_EDITORS,
    GROUP_MODERATORS,
    ContributorRole,
    Rubric,
)
from experiences.models import ExperiencePage, Submission, Theme
from experiences.states import TRANSITIONS, Status
from resources.models import ArticlePage, EventRecapPage
from trainings.constants import Status as RegistrationStatus
from trainings.models import TrainingCyclePage, TrainingSessionPage

pytestmark = pytest.mark.django_db

PLAINE_COMMUNE_SLUG = "conseils-citoyens-prendre-sa-place-dans-le-contrat-de-ville"
LAVAL_SLUG = "convention-citoyenne-des-quartiers-de-laval"
MINUTE = datetime.timedelta(minutes=1)

COUNTED = [
    ExperiencePage,
    EventRecapPage,
    ArticlePage,
    BookletPage,
    Submission,
    Tag,
    ModelLogEntry,
]


def counts():
    found = {model.__name__: model.objects.count() for model in COUNTED}
    found["images"] = get_image_model().objects.count()
    found["documents"] = get_document_model().objects.count()
    found["users"] = get_user_model().objects.count()
    return found


@pytest.fixture
def embedded_database(monkeypatch):
    """`load_demo` sees the embedded SQLite of `make run`, whatever the suite uses."""
    monkeypatch.setattr(accounts, "database_vendor", lambda: "sqlite")


@pytest.fixture
def server_database(monkeypatch):
    """`load_demo` sees a PostgreSQL server, whatever the suite uses."""
    monkeypatch.setattr(accounts, "database_vendor", lambda: "postgresql")


@pytest.fixture
def demo(site_tree, settings, embedded_database):
    """The demo as `make run` loads it: DEBUG on, embedded SQLite."""
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return site_tree


def assert_plaine_commune(client):
    page = ExperiencePage.objects.get(slug=PLAINE_COMMUNE_SLUG)
    assert page.rubric == Rubric.MOBILISING_FACTORS
    assert page.department.code == "93"
    assert (page.start_date.year, page.end_date.year) == (2016, 2017)
    assert "Extracité" in page.approach
    photo = page.photos.first()
    assert photo.credit == "Extracité"
    assert photo.image.file.read(3) == b"\xff\xd8\xff"  # a real JPEG
    document = page.documents.get().document
    assert document.title.startswith("Tableau de synthèse des propositions")
    assert document.file.read(5) == b"%PDF-"

    response = client.get(page.url)

    assert response.status_code == 200
    assert page.title in response.text
    assert "Extracité" in response.text


def assert_webinar(client):
    recap = EventRecapPage.objects.get(kind="webinaire")
    assert (recap.date.isoformat(), recap.start_time.isoformat()) == (
        "2024-07-09",
        "10:30:00",
    )
    assert recap.format == "visio"
    assert "ORS-CREAI Normandie" in recap.organiser
    assert recap.speakers.count() == 3
    cards = [block.value for block in recap.body if block.block_type == "practice_card"]
    assert [card["place"] for card in cards] == ["Bordeaux", "Toulouse", "Laval"]
    assert cards[2]["experience"].specific.slug == LAVAL_SLUG
    assert client.get(recap.url).status_code == 200


def assert_submissions():
    states = set(Submission.objects.values_list("status", flat=True))
    assert {
        Status.DRAFT,
        Status.RECEIVED,
        Status.IN_REVIEW,
        Status.CHANGES_REQUESTED,
        Status.ACCEPTED,
        Status.DECLINED,
    } <= states
    for submission in Submission.objects.exclude(status=Status.DRAFT):
        assert submission.reference.startswith("REX-")
        assert submission.submitted_at and submission.consent_data_text
        assert submission.email.endswith("@example.org")
        actions = set(
            ModelLogEntry.objects.for_instance(submission).values_list(
                "action", flat=True
            )
        )
        assert "recueil.submission.submit" in actions
    draft = Submission.objects.get(status=Status.DRAFT)
    assert draft.reference is None and draft.submitted_at is None


def test_loader_is_idempotent_and_cheap(
    demo, settings, capsys, django_assert_max_num_queries
):
    first = counts()
    assert first["ExperiencePage"] >= 18
    assert first["images"] >= 5 and first["documents"] >= 1

    with django_assert_max_num_queries(40):
        call_command("load_demo")

    assert counts() == first
    out = capsys.readouterr().out
    assert "déjà en place" in out
    assert settings.DEMO_PASSWORD in out
    assert "développement uniquement" in out


def test_experiences_cover_rubrics_roles_themes_and_regions(demo, client):
    pages = ExperiencePage.objects.live().select_related("department__region")
    assert pages.count() >= 18
    for rubric in Rubric.values:
        assert pages.filter(rubric=rubric).count() >= 3, rubric
    assert set(pages.values_list("contributor_role", flat=True)) == set(
        ContributorRole.values
    )
    used = set(Theme.objects.filter(experience_pages__live=True).values_list("pk"))
    assert used == set(Theme.objects.values_list("pk"))
    assert len({page.department.region_id for page in pages}) >= 4
    assert all(page.tags.exists() for page in pages)
    assert all(page.start_date and page.start_date.day == 1 for page in pages)
    assert_plaine_commune(client)


def test_text_helper_makes_paragraphs_and_lists():
    text = """
Un paragraphe
sur deux lignes.

- un élément
  qui continue
- l'autre élément
"""
    assert html(text) == (
        "<p>Un paragraphe sur deux lignes.</p>"
        "<ul><li>un élément qui continue</li><li>l'autre élément</li></ul>"
    )


def test_demo_texts_fit_their_fields():
    for data in content.experiences():
        assert len(data["summary"]) <= 300, data["slug"]
        assert len(data["feature"]) <= 200, data["slug"]
        assert "lorem" not in str(data).lower()


def test_recaps_article_and_booklet(demo, client):
    assert_webinar(client)
    training = EventRecapPage.objects.get(slug="master-class-citoyenne-seance-sante")
    assert training.speakers.exists() and training.key_takeaways
    article = ArticlePage.objects.get(kind="texte-de-reference")
    assert article.source.startswith("Conseils citoyens, cadre de référence")
    assert article.rubrics.exists() and article.tags.exists()
    booklet = BookletPage.objects.get()
    assert booklet.cover_image is not None
    assert [page.kind for page in booklet.front_pages] == [
        "foreword",
        "thanks",
        "framework",
    ]
    rubrics = [sheet.experience.rubric for sheet in booklet.sheets.all()]
    assert len(rubrics) == 12
    assert all(rubrics.count(rubric) == 2 for rubric in Rubric.values)


def test_submissions_and_accounts(demo, settings):
    users = get_user_model().objects
    assert (
        users.get(username="moderateur").groups.filter(name=GROUP_MODERATORS).exists()
    )
    assert users.get(username="redacteur").groups.filter(name=GROUP_EDITORS).exists()
    assert (
        users.get(username="responsable")
        .groups.filter(name=GROUP_EDITORIAL_LEADS)
        .exists()
    )
    assert users.get(username="admin").is_superuser
    assert all(user.email.endswith("@example.org") for user in users.all())
    assert_submissions()

    user = users.get(username="redacteur")
    user.set_password("autre-chose")
    user.save()
    call_command("load_demo", stdout=io.StringIO())

    user.refresh_from_db()
    assert user.check_password(settings.DEMO_PASSWORD)


def test_accounts_refused_without_debug(site_tree, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")

    assert not get_user_model().objects.exists()
    assert not ExperiencePage.objects.exists()


def test_content_only_without_debug(site_tree, settings):
    settings.DEBUG = False

    call_command("load_demo", "--no-accounts", stdout=io.StringIO())

    assert ExperiencePage.objects.live().count() >= 18
    assert not get_user_model().objects.exists()


def test_refused_before_setup_site(db, settings, embedded_database):
    settings.DEBUG = True

    with pytest.raises(CommandError, match="setup_site"):
        call_command("load_demo")


def test_submissions_went_through_the_state_machine_then_back_in_time(
    site_tree, settings, embedded_database, mailoutbox
):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    # Demo contributors are not told of anything (see demo.loader._quiet); the
    # sheet waiting for sign-off only reached Wagtail's own team notifications.
    contributors = {data["email"] for data in content.submissions()}
    assert not [m for m in mailoutbox if contributors & set(m.to)]

    moderator = get_user_model().objects.get(username=accounts.MODERATOR)
    now = timezone.now()
    for data in content.submissions():
        submission = Submission.objects.get(email=data["email"])
        entries = list(
            ModelLogEntry.objects.for_instance(submission).order_by("timestamp", "pk")
        )
        moment = entries[0].timestamp
        ago = now - moment
        assert abs(ago - datetime.timedelta(days=data["days_ago"])) < MINUTE * 5
        assert submission.created_at < moment
        assert submission.updated_at == entries[-1].timestamp
        assert submission.status == data["status"]
        if data["status"] == Status.DRAFT:
            assert [entry.action for entry in entries] == ["recueil.submission.draft"]
            continue
        steps = ["submit", *(step["transition"] for step in data.get("history", []))]
        if data.get("signoff"):
            # Accepted into a page whose review is done: it awaits sign-off.
            steps.append("accept")
            requested = entries.pop()
            assert requested.action == "recueil.signoff.requested"
            assert requested.timestamp == entries[-1].timestamp
        assert [entry.action for entry in entries] == [
            TRANSITIONS[name].log_action for name in steps
        ]
        # Each entry is the state machine's: from where the previous one led.
        state = Status.DRAFT
        for entry in entries:
            assert entry.data["from"] == state
            state = entry.data["to"]
        assert state == submission.status
        assert submission.submitted_at == moment
        assert all(
            later.timestamp - earlier.timestamp == datetime.timedelta(days=1)
            for earlier, later in itertools.pairwise(entries)
        )
        assert all(entry.user == moderator for entry in entries[1:])
        if submission.status in (Status.ACCEPTED, Status.DECLINED):
            assert submission.decided_at == entries[-1].timestamp
        for message in submission.messages.all():
            assert message.author == moderator
            assert message.created_at == entries[-1].timestamp
            assert entries[-1].data["message"] == message.body


# Accounts only where nobody else logs in ----------------------------------------


def test_accounts_follow_the_database_really_in_use(site_tree, settings):
    """No stand-in here: the suite's own database decides (SQLite or PostgreSQL)."""
    settings.DEBUG = True

    if connection.vendor == "sqlite":
        call_command("load_demo", stdout=io.StringIO())
        assert get_user_model().objects.count() == len(accounts.ACCOUNTS)
    else:
        with pytest.raises(CommandError, match="pas la base SQLite intégrée"):
            call_command("load_demo")
        assert not get_user_model().objects.exists()


def test_accounts_refused_on_a_database_server(site_tree, settings, server_database):
    settings.DEBUG = True

    with pytest.raises(CommandError, match="PostgreSQL, pas la base SQLite") as refused:
        call_command("load_demo")

    assert "--no-accounts" in str(refused.value)
    assert "--force" in str(refused.value)
    assert not get_user_model().objects.exists()
    assert not ExperiencePage.objects.exists()


@pytest.mark.parametrize("debug", [True, False])
def test_force_creates_the_accounts_anyway(
    site_tree, settings, server_database, capsys, debug
):
    settings.DEBUG = debug

    call_command("load_demo", "--force")

    usernames = get_user_model().objects.values_list("username", flat=True)
    assert set(usernames) == set(accounts.ACCOUNTS)
    assert Submission.objects.count() == len(content.submissions())
    assert settings.DEMO_PASSWORD in capsys.readouterr().out


def test_content_without_accounts_on_a_database_server(
    site_tree, settings, server_database, capsys
):
    settings.DEBUG = True
    moderated = [data for data in content.submissions() if data.get("history")]

    call_command("load_demo", "--no-accounts")

    assert ExperiencePage.objects.live().count() == len(content.experiences())
    assert not get_user_model().objects.exists()
    # Nobody moderated: only what a contributor does alone is there.
    loaded = Submission.objects.values_list("status", flat=True)
    assert set(loaded) == {Status.DRAFT, Status.RECEIVED}
    assert len(loaded) == len(content.submissions()) - len(moderated)
    out = capsys.readouterr().out
    assert f"{len(moderated)} contributions en cours de modération non chargées" in out
    assert settings.DEMO_PASSWORD not in out

    call_command("load_demo", "--force", stdout=io.StringIO())

    assert Submission.objects.count() == len(content.submissions())


def test_the_training_cycle_of_seed_003(demo, client):
    cycle = TrainingCyclePage.objects.get()
    sessions = TrainingSessionPage.objects.child_of(cycle)
    assert sessions.count() == 12
    introductory = sessions.filter(kind="introductive")
    assert set(introductory.values_list("sector", flat=True)) == {
        "littoral",
        "metropole-europeenne-de-lille",
        "douaisis-valenciennois",
        "cambresis-sambre-avesnois",
    }
    states = [session.state() for session in sessions]
    assert states.count("ouverte") >= 4 and states.count("complete") == 1
    full = next(s for s in sessions if s.state() == "complete")
    assert full.registrations.filter(status=RegistrationStatus.WAITING).count() == 3
    past = [s for s in sessions if s.is_past]
    assert sum(1 for s in past if s.synthesis_id) == 2
    assert all(s.registrations.filter(attended=True).exists() for s in past)
    assert client.get(cycle.url).status_code == 200
