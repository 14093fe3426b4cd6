"""The contributor's private tracking page: status, public history, withdrawal,
correction after a request for changes; private, uncached, unguessable."""

import re

from django.test import Client

import pytest

from experiences import moderation
from experiences.models import RubricPage, Submission
from experiences.models.submissions import hash_token
from experiences.states import Status, apply
from tests.factories import FORM_URL, valid_post


@pytest.fixture
def call(call_page):
    return call_page


@pytest.fixture
def submitted(client, call, django_capture_on_commit_callbacks):
    """A sent contribution and the path of its tracking page."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM_URL, valid_post(title="Charte <b>locale</b>"))
    page = client.get(response["Location"]).content.decode()
    path = re.search(r"http://testserver(/contribuer/suivi/[\w-]+/)", page)[1]
    return Submission.objects.get(), path


def test_tracking_page_shows_status_and_is_private(client, submitted):
    submission, path = submitted
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Reçue" in html
    assert submission.reference in html
    assert "Charte &lt;b&gt;locale&lt;/b&gt;" in html
    assert "Contribution reçue" in html  # history
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_the_token_is_long_and_only_its_hash_is_stored(submitted):
    submission, path = submitted
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert len(token) >= 43  # 32 random bytes, base64: 256 bits
    assert submission.token_hash == hash_token(token)
    assert token not in submission.token_hash


@pytest.mark.parametrize(
    "path",
    [
        "/contribuer/suivi/pas-le-bon-jeton/",
        "/contribuer/suivi/" + "A" * 43 + "/",
        "/contribuer/suivi/%00/",
    ],
)
def test_a_wrong_token_is_a_plain_404(client, call, submitted, path):
    assert client.get(path).status_code == 404
    assert client.post(path, {"title": "x"}).status_code == 404
    assert client.post(path + "retirer/").status_code == 404


def test_withdraw_needs_a_post_with_csrf(submitted):
    submission, path = submitted
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(path + "retirer/").status_code == 405
    assert browser.post(path + "retirer/").status_code == 403
    html = browser.get(path).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    response = browser.post(path + "retirer/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Status.WITHDRAWN
    html = browser.get(path).content.decode()
    assert "Vous avez retiré votre contribution" in html
    assert "Contribution retirée" in html
    assert "Retirer ma contribution" not in html


def test_changes_requested_reopens_the_form_to_correct_and_resubmit(
    client, submitted, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    submission, path = submitted
    with django_capture_on_commit_callbacks(execute=True):
        moderation.take(submission, moderator)
        moderation.request_changes(
            submission, moderator, "Précisez les dates & le rôle du <conseil>."
        )
    # The moderator's email carries a fresh link, which replaces the old one.
    assert client.get(path).status_code == 404
    email = mailoutbox[-1]
    path = re.search(r"http://testserver(/contribuer/suivi/[\w-]+/)", email.body)[1]

    html = client.get(path).content.decode()
    assert "Compléments demandés" in html
    assert "Précisez les dates &amp; le rôle du &lt;conseil&gt;." in html
    assert html.count("Précisez les dates") == 1
    assert 'value="Charte &lt;b&gt;locale&lt;/b&gt;"' in html  # pre-filled
    assert "Renvoyer ma contribution" in html
    assert "Enregistrer le brouillon" not in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, valid_post(start_date="2023-10"))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Status.IN_REVIEW
    assert str(submission.start_date) == "2023-10-01"
    assert Submission.objects.count() == 1
    confirmation = client.get(response["Location"]).content.decode()
    assert "Vos compléments sont envoyés" in confirmation
    assert submission.reference in confirmation


def test_history_shows_decline_reason(client, submitted, moderator):
    submission, path = submitted
    moderation.take(submission, moderator)
    moderation.decline(
        submission, moderator, "Hors du champ de l'appel.", note="Hors champ"
    )
    html = client.get(path).content.decode()
    assert "Contribution non retenue" in html
    assert "Hors du champ de l&#x27;appel." in html
    assert "Prise en charge par l&#x27;équipe éditoriale" in html
    assert "Retirer ma contribution" not in html


def test_history_shows_publication_with_the_page_address(
    client, submitted, moderator, rubrics
):
    from experiences.models import ExperiencePage

    submission, path = submitted
    apply(submission, "take", user=moderator)
    apply(submission, "accept", user=moderator)
    rubric = RubricPage.objects.get(rubric=submission.rubric)
    page = ExperiencePage(
        title="Une charte locale",
        slug="une-charte-locale",
        summary="Résumé.",
        department=submission.department,
        start_date=submission.start_date,
        submission=submission,
    )
    rubric.add_child(instance=page)
    page.save_revision().publish()
    submission.refresh_from_db()
    if submission.status != Status.PUBLISHED:
        apply(submission, "publish")
    html = client.get(path).content.decode()
    assert "Expérience publiée" in html
    assert page.full_url in html


def test_a_sent_contribution_cannot_be_edited_through_its_link(client, submitted):
    submission, path = submitted
    response = client.post(path, valid_post(title="Modifié"))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.title == "Charte <b>locale</b>"
    assert 'name="title"' not in client.get(path).content.decode()
