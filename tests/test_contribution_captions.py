"""Captions and photo credits set by the contributor on their tracking page,
while the submission is open; refused once it is closed."""

import re

from django.test import Client

from wagtail.models import ModelLogEntry

import pytest

from experiences import captions
from experiences.states import LOG_ACTIONS, Status
from tests.factories import add_attachment, make_submission

OPEN = [Status.DRAFT, Status.RECEIVED, Status.IN_REVIEW, Status.CHANGES_REQUESTED]
CLOSED = [
    Status.ACCEPTED,
    Status.PUBLISHED,
    Status.DECLINED,
    Status.WITHDRAWN,
    Status.SPAM,
]


@pytest.fixture
def call(call_page):
    return call_page


def make(status=Status.RECEIVED):
    submission = make_submission(status=status)
    token = submission.set_token()
    submission.save()
    photo = add_attachment(submission, "image", name="atelier.png")
    document = add_attachment(submission, "document", name="compte-rendu.pdf")
    return submission, photo, document, f"/contribuer/suivi/{token}/"


@pytest.fixture
def received(call):
    return make()


def post_data(photo, document, **overrides):
    data = {
        f"caption-{photo.pk}": "L'atelier du 12 mars au pied de la tour",
        f"credit-{photo.pk}": "Photo : Camille Durand",
        f"caption-{document.pk}": "Compte rendu de la première réunion",
    }
    data.update(overrides)
    return data


def caption_section(html):
    match = re.search(r'<section[^>]*id="legendes".*?</section>', html, re.S)
    return match[0] if match else ""


def log_entries(submission):
    return ModelLogEntry.objects.for_instance(submission).filter(
        action=captions.LOG_ACTION
    )


def test_the_tracking_page_lists_each_file_with_its_fields(client, received):
    submission, photo, document, path = received
    response = client.get(path)
    assert response.status_code == 200
    section = caption_section(response.content.decode())
    assert 'action="' + path + 'legendes/"' in section
    assert 'method="post"' in section
    assert "csrfmiddlewaretoken" in section
    # One fieldset per file, its legend naming the file, its type and size.
    assert section.count("<fieldset") == 2
    assert section.count("<legend") == 2
    assert "atelier.png" in section and "Photo PNG" in section
    assert "compte-rendu.pdf" in section and "Document PDF" in section
    # Every input has its label; a credit for the photo only.
    for name in (f"caption-{photo.pk}", f"credit-{photo.pk}", f"caption-{document.pk}"):
        assert f'name="{name}"' in section
        assert f'<label class="fr-label" for="id_{name}">' in section
    assert f'name="credit-{document.pk}"' not in section
    assert 'maxlength="255"' in section
    assert " style=" not in section and "<script" not in section


def test_captions_and_credits_are_saved_and_logged(client, received):
    submission, photo, document, path = received
    response = client.post(path + "legendes/", post_data(photo, document))
    assert response.status_code == 302
    assert response["Location"] == path
    photo.refresh_from_db()
    document.refresh_from_db()
    assert photo.caption == "L'atelier du 12 mars au pied de la tour"
    assert photo.credit == "Photo : Camille Durand"
    assert document.caption == "Compte rendu de la première réunion"
    page = client.get(path).content.decode()
    assert "Les légendes et crédits de vos fichiers sont enregistrés." in page
    # The fields now show what was saved.
    assert 'value="Photo : Camille Durand"' in caption_section(page)
    (entry,) = log_entries(submission)
    assert entry.user is None
    assert entry.data["attachments"] == [
        {
            "id": photo.pk,
            "name": "atelier.png",
            "caption": "L'atelier du 12 mars au pied de la tour",
            "credit": "Photo : Camille Durand",
        },
        {
            "id": document.pk,
            "name": "compte-rendu.pdf",
            "caption": "Compte rendu de la première réunion",
        },
    ]
    assert str(LOG_ACTIONS[captions.LOG_ACTION]) == (
        "Légendes des pièces jointes modifiées"
    )


def test_nothing_changed_is_not_logged(client, received):
    submission, photo, document, path = received
    data = {f"caption-{photo.pk}": "", f"credit-{photo.pk}": ""}
    data[f"caption-{document.pk}"] = ""
    response = client.post(path + "legendes/", data, follow=True)
    assert "Aucune modification à enregistrer." in response.content.decode()
    assert not log_entries(submission).exists()


def test_a_credit_is_never_stored_for_a_document(client, received):
    submission, photo, document, path = received
    data = post_data(photo, document, **{f"credit-{document.pk}": "Moi"})
    client.post(path + "legendes/", data)
    document.refresh_from_db()
    assert document.caption == "Compte rendu de la première réunion"
    assert document.credit == ""
    entry = log_entries(submission).get()
    assert "credit" not in entry.data["attachments"][1]


def test_text_is_one_plain_line(client, received):
    submission, photo, document, path = received
    data = post_data(
        photo, document, **{f"caption-{photo.pk}": "  Un\r\natelier\tde\x07 quartier  "}
    )
    client.post(path + "legendes/", data)
    photo.refresh_from_db()
    assert photo.caption == "Un atelier de quartier"


def test_a_file_missing_from_the_post_is_left_alone(client, received):
    submission, photo, document, path = received
    document.caption = "Déjà décrit"
    document.save()
    client.post(path + "legendes/", {f"caption-{photo.pk}": "Nouvelle légende"})
    document.refresh_from_db()
    photo.refresh_from_db()
    assert document.caption == "Déjà décrit"
    assert photo.caption == "Nouvelle légende"


def test_another_submissions_files_cannot_be_changed(client, received):
    submission, photo, document, path = received
    other, other_photo, other_document, _ = make()
    data = post_data(photo, document, **{f"caption-{other_photo.pk}": "Piraté"})
    data[f"credit-{other_photo.pk}"] = "Piraté"
    client.post(path + "legendes/", data)
    other_photo.refresh_from_db()
    assert (other_photo.caption, other_photo.credit) == ("", "")
    assert not log_entries(other).exists()


@pytest.mark.parametrize("status", OPEN)
def test_open_submissions_accept_captions(client, call, status):
    submission, photo, document, path = make(status)
    page = client.get(path).content.decode()
    assert f'name="caption-{photo.pk}"' in caption_section(page)
    response = client.post(path + "legendes/", post_data(photo, document))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.credit == "Photo : Camille Durand"


@pytest.mark.parametrize("status", CLOSED)
def test_closed_submissions_refuse_captions(client, call, status):
    submission, photo, document, path = make(status)
    page = client.get(path).content.decode()
    assert caption_section(page) == ""
    assert "caption-" not in page
    response = client.post(path + "legendes/", post_data(photo, document))
    assert response.status_code == 302
    photo.refresh_from_db()
    document.refresh_from_db()
    assert (photo.caption, photo.credit, document.caption) == ("", "", "")
    assert not log_entries(submission).exists()
    page = client.get(response["Location"]).content.decode()
    assert "ne peuvent plus être modifiés" in page


def test_a_decision_taken_meanwhile_wins(call, received):
    submission, photo, document, path = received
    form = captions.captions_form(submission, post_data(photo, document))
    assert form.is_valid()
    type(submission).objects.filter(pk=submission.pk).update(status=Status.ACCEPTED)
    assert captions.save(submission, form) is None
    photo.refresh_from_db()
    assert photo.caption == ""
    assert not log_entries(submission).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_wrong_token_is_a_plain_404(client, received, method):
    submission, photo, document, path = received
    response = getattr(client, method)(
        "/contribuer/suivi/pas-le-bon-jeton/legendes/", post_data(photo, document)
    )
    assert response.status_code == 404
    photo.refresh_from_db()
    assert photo.caption == ""


def test_get_changes_nothing(client, received):
    submission, photo, document, path = received
    response = client.get(path + "legendes/", post_data(photo, document))
    assert response.status_code == 405
    photo.refresh_from_db()
    assert photo.caption == ""


def test_csrf_is_enforced(call, received):
    submission, photo, document, path = received
    client = Client(enforce_csrf_checks=True)
    response = client.post(path + "legendes/", post_data(photo, document))
    assert response.status_code == 403
    photo.refresh_from_db()
    assert photo.caption == ""
    # With the token of the page, the same post goes through.
    page = client.get(path).content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    data = post_data(photo, document, csrfmiddlewaretoken=csrf)
    assert client.post(path + "legendes/", data).status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "L'atelier du 12 mars au pied de la tour"


def test_html_is_shown_as_typed(client, django_user_model, received):
    submission, photo, document, path = received
    typed = '<script>alert("x")</script><b>gras</b>'
    data = post_data(
        photo,
        document,
        **{f"caption-{photo.pk}": typed, f"credit-{photo.pk}": "<i>Camille</i>"},
    )
    client.post(path + "legendes/", data)
    photo.refresh_from_db()
    assert photo.caption == typed  # stored as typed, escaped when shown
    html = client.get(path).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;gras" in html
    assert "&lt;i&gt;Camille&lt;/i&gt;" in html
    assert "<b>gras" not in html and "<i>Camille" not in html
    assert '<script>alert("x")' not in html


def test_moderators_see_captions_and_credits_escaped(client, moderator, received):
    submission, photo, document, path = received
    photo.caption = "<b>Atelier</b> du 12 mars"
    photo.credit = "Photo : Camille Durand"
    photo.save()
    client.force_login(moderator)
    html = client.get(f"/admin/contributions/inspect/{submission.pk}/").content
    html = html.decode()
    assert "Légende : &lt;b&gt;Atelier&lt;/b&gt; du 12 mars" in html
    assert "Crédit : Photo : Camille Durand" in html


def test_a_too_long_caption_is_refused_in_french_and_kept(client, received):
    submission, photo, document, path = received
    too_long = "é" * 256
    data = post_data(photo, document, **{f"caption-{photo.pk}": too_long})
    response = client.post(path + "legendes/", data)
    assert response.status_code == 200
    html = response.content.decode()
    section = caption_section(html)
    assert "<title>Erreur : Suivi de votre contribution" in html
    assert "Les légendes n'ont pas été enregistrées" in html
    assert "au plus 255 caractères (actuellement 256)" in section
    # The error is beside its field, which points at it.
    assert f'id="id_caption-{photo.pk}_error"' in section
    assert 'aria-invalid="true"' in section
    assert f'value="{too_long}"' in section
    assert 'value="Photo : Camille Durand"' in section  # the other fields too
    # Nothing is saved, not even the valid fields.
    photo.refresh_from_db()
    document.refresh_from_db()
    assert (photo.caption, photo.credit, document.caption) == ("", "", "")
    assert not log_entries(submission).exists()
    # Still the private, uncached, unindexed tracking page.
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "same-origin"


def test_errors_on_a_draft_keep_the_contribution_form(client, call):
    submission, photo, document, path = make(Status.DRAFT)
    data = post_data(photo, document, **{f"credit-{photo.pk}": "x" * 300})
    html = client.post(path + "legendes/", data).content.decode()
    assert "Reprendre votre brouillon" in html  # the contribution form is there
    assert "au plus 255 caractères (actuellement 300)" in caption_section(html)


def test_a_submission_without_files_shows_no_captions_form(client, call):
    submission = make_submission(status=Status.RECEIVED)
    token = submission.set_token()
    submission.save()
    html = client.get(f"/contribuer/suivi/{token}/").content.decode()
    assert caption_section(html) == ""
