"""The public contribution form: display, opening dates, submission, drafts,
receipt and moderators' notification, replays and a mail server that is down."""

import datetime
import re
from pathlib import Path

from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from core import outbox
from core.models import OutboxEmail
from experiences.contribution import services
from experiences.models import (
    ReferenceSequence,
    RubricPage,
    Submission,
    SubmissionAttachment,
)
from experiences.states import Status
from tests.factories import (
    FORM_URL,
    form_tokens,
    jpeg_with_gps,
    pdf_file,
    valid_post,
)

CONTRACT_NAMES = [
    "title",
    "rubric",
    "summary",
    "communes",
    "departement",
    "quartiers",
    "start_date",
    "end_date",
    "ongoing",
    "feature",
    "objectives",
    "approach",
    "actors",
    "results",
    "difficulties",
    "advice",
    "themes",
    "tags",
    "links",
    "attachments",
    "first_name",
    "last_name",
    "email",
    "phone",
    "role",
    "organisation",
    "council",
    "consent_data",
    "consent_licence",
    "consent_public_contact",
]


@pytest.fixture
def call(call_page):
    return call_page


def post(client, capture, data, url=FORM_URL):
    with capture(execute=True):
        return client.post(url, data)


def tracking_url_from(text):
    return re.search(r"http://testserver(/contribuer/suivi/[\w-]+/)", text)[1]


# --- display ---------------------------------------------------------------------


def test_form_uses_the_public_field_names_in_the_design_order(client, call):
    response = client.get(FORM_URL)
    html = response.content.decode()
    assert response.status_code == 200
    for name in CONTRACT_NAMES:
        assert f'name="{name}"' in html, name
    legends = [
        "Votre expérience",
        "Où et quand",
        "Ce qui s&#x27;est passé",
        "Documents",
        "Vous",
    ]
    positions = [html.index(f'fr-h4 fr-mb-0">{legend}</h2>') for legend in legends]
    assert positions == sorted(positions)
    assert 'enctype="multipart/form-data"' in html


def test_form_shows_rubric_help_regions_limits_and_requirements(client, call, rubrics):
    rubric = RubricPage.objects.get(rubric="rendre-compte-des-travaux")
    rubric.expected_experiences = "Des comptes rendus partagés & lisibles."
    rubric.save_revision().publish()
    html = client.get(FORM_URL).content.decode()
    assert "Expériences attendues : Des comptes rendus partagés &amp; lisibles." in html
    assert '<optgroup label="Île-de-France">' in html
    assert '<option value="93">93 – Seine-Saint-Denis</option>' in html
    assert '<option value="2A">' in html
    assert "5 fichiers au plus, 10\u00a0Mo chacun au plus" in html
    assert "PDF, ODT, DOCX, ODS, XLSX, JPEG, PNG ou WebP" in html
    assert "Obligatoire. 200 caractères au plus." in html  # title
    assert "Facultatif. 255 caractères au plus." in html  # quartiers
    assert "Enregistrer le brouillon" in html
    assert '<input type="checkbox" id="id_themes_0" name="themes"' in html
    assert '<input type="radio" id="id_rubric_0" name="rubric"' in html
    assert '<input type="radio" id="id_role_0" name="role"' in html


def test_form_can_be_prefilled_by_a_link(client, call):
    html = client.get(
        FORM_URL + "?title=Ma+charte&departement=2A&themes=jeunesse"
    ).content.decode()
    assert 'value="Ma charte"' in html
    assert '<option value="2A" selected>' in html
    assert 'value="jeunesse" checked' in html


def test_form_is_never_stored_by_a_shared_cache(client, call):
    response = client.get(FORM_URL)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("opens", "closes", "text"),
    [
        (10, 40, "L'appel n'est pas encore ouvert"),
        (-40, -10, "L'appel est clos"),
    ],
)
def test_outside_its_dates_the_call_shows_no_form(
    client, call, django_capture_on_commit_callbacks, opens, closes, text
):
    now = timezone.now()
    call.opens_at = now + datetime.timedelta(days=opens)
    call.closes_at = now + datetime.timedelta(days=closes)
    call.save_revision().publish()
    response = client.get(FORM_URL)
    html = response.content.decode()
    assert text in html
    assert 'name="title"' not in html
    assert f"{call.closes_at.astimezone().year}" in html
    response = post(client, django_capture_on_commit_callbacks, valid_post())
    assert response.status_code == 200
    assert not Submission.objects.exists()


# --- submitting ------------------------------------------------------------------


def test_submit_stores_everything_and_confirms_with_reference_and_link(
    client, call, moderator, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = ["equipe@example.org"]
    data = valid_post(consent_public_contact="on")
    data["attachments"] = [pdf_file(), jpeg_with_gps()]
    response = post(client, django_capture_on_commit_callbacks, data)
    assert response.status_code == 302
    assert response["Location"] == "/contribuer/merci/"

    submission = Submission.objects.get()
    year = timezone.localdate().year
    assert submission.reference == f"REX-{year}-00001"
    assert submission.status == Status.RECEIVED
    assert submission.submitted_at is not None
    assert submission.department.code == "93"
    assert submission.start_date == datetime.date(2023, 9, 1)
    assert submission.end_date == datetime.date(2024, 6, 1)
    assert set(submission.themes.values_list("slug", flat=True)) == {
        "citoyennete-participation",
        "cohesion-sociale",
    }
    assert submission.consent_data_text == call.privacy_consent_text
    assert submission.consent_licence_text == call.licence_consent_text
    assert submission.consent_public_contact_text == call.public_contact_consent_text
    assert submission.consent_data_at and submission.consent_licence_at
    assert submission.attachments.count() == 2
    assert (
        ModelLogEntry.objects.for_instance(submission)
        .filter(action="recueil.submission.submit")
        .exists()
    )

    page = client.get(response["Location"]).content.decode()
    assert f"REX-{year}-00001" in page
    tracking_path = tracking_url_from(page)
    tracking = client.get(tracking_path)
    assert tracking.status_code == 200
    assert "Reçue" in tracking.content.decode()

    receipt, notification = sorted(mailoutbox, key=lambda m: m.to != [data["email"]])
    assert receipt.to == ["awa.diallo@example.org"]
    assert f"REX-{year}-00001" in receipt.subject
    assert tracking_path in receipt.body
    assert receipt.alternatives[0].mimetype == "text/html"
    assert "remplace les précédents" in receipt.body
    assert set(notification.to) == {"moderateur@example.org", "equipe@example.org"}
    assert "awa.diallo" not in notification.body


def test_references_follow_each_other_without_gaps(
    client, call, django_capture_on_commit_callbacks
):
    for _ in range(3):
        post(client, django_capture_on_commit_callbacks, valid_post())
    year = timezone.localdate().year
    assert sorted(Submission.objects.values_list("reference", flat=True)) == [
        f"REX-{year}-00001",
        f"REX-{year}-00002",
        f"REX-{year}-00003",
    ]


def test_a_new_submission_is_inserted_once_then_moved_by_its_transition(client, call):
    """One INSERT with its token, one UPDATE (state and reference) by
    ``states.apply``: nothing is written twice."""
    with CaptureQueriesContext(connection) as queries:
        assert client.post(FORM_URL, valid_post()).status_code == 302
    writes = [
        q["sql"].split()[0]
        for q in queries.captured_queries
        if re.match(r'(INSERT INTO|UPDATE) "experiences_submission"[ (]', q["sql"])
    ]
    assert writes == ["INSERT", "UPDATE"]
    submission = Submission.objects.get()
    assert submission.status == Status.RECEIVED
    assert submission.tracking_token()


def test_a_failure_mid_submission_stores_nothing_and_takes_no_number(
    client, call, monkeypatch
):
    def broken_apply(*args, **kwargs):
        raise RuntimeError("panne")

    monkeypatch.setattr(services, "apply", broken_apply)
    private = Path(SubmissionAttachment._meta.get_field("file").storage.location)
    before = set(private.rglob("*"))
    data = valid_post()
    data["attachments"] = [pdf_file()]
    with pytest.raises(RuntimeError):
        client.post(FORM_URL, data)
    assert not Submission.objects.exists()
    assert not ReferenceSequence.objects.filter(last_number__gt=0).exists()
    written = [p for p in set(private.rglob("*")) - before if p.is_file()]
    assert written == []


def test_a_double_click_or_replayed_post_creates_one_submission(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    data = valid_post()
    first = post(client, django_capture_on_commit_callbacks, data)
    second = post(client, django_capture_on_commit_callbacks, data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == "/contribuer/merci/"
    assert Submission.objects.count() == 1
    assert len([m for m in mailoutbox if m.to == [data["email"]]]) == 1
    # Another browser replaying the post sees the reference, not the link.
    other = post(type(client)(), django_capture_on_commit_callbacks, data)
    assert other.status_code == 302
    assert Submission.objects.count() == 1


# --- errors ----------------------------------------------------------------------


def test_errors_are_shown_next_to_fields_and_in_a_summary_keeping_everything(
    client, call, django_capture_on_commit_callbacks
):
    data = valid_post(title="", end_date="2022-01", email="pas-une-adresse")
    data["attachments"] = [pdf_file("programme.pdf")]
    response = post(client, django_capture_on_commit_callbacks, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Erreur : " in html
    assert 'id="resume-erreurs" tabindex="-1"' in html
    assert "Le formulaire contient 3 erreurs" in html
    assert (
        '<a href="#id_title">Titre de l&#x27;expérience : Ce champ est obligatoire.'
        in (html)
    )
    assert 'href="#id_end_date"' in html
    assert "La fin ne peut pas précéder le début." in html
    assert 'aria-invalid="true"' in html
    # Everything typed is kept, files included.
    assert 'value="Saint-Denis"' in html
    assert "Trois ateliers, puis une séance de signature." in html
    assert "Retirer « programme.pdf »" in html
    held = Submission.objects.get()
    assert held.status == Status.DRAFT
    assert held.reference is None

    # The same form, corrected, is sent again (same nonce, no new file).
    fixed = dict(data, title="Une charte", end_date="2024-06", email="a@example.org")
    fixed.update(form_tokens(html))
    assert fixed["form_nonce"] == data["form_nonce"]
    fixed.pop("attachments")
    response = post(client, django_capture_on_commit_callbacks, fixed)
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.pk == held.pk
    assert submission.status == Status.RECEIVED
    assert [a.original_name for a in submission.attachments.all()] == ["programme.pdf"]


def test_end_month_or_ongoing_is_required_and_formats_are_checked(client, call):
    html = client.post(
        FORM_URL, valid_post(end_date="", start_date="09/2023", links="pas un lien")
    ).content.decode()
    assert "sous la forme AAAA-MM" in html
    assert "n&#x27;est pas une adresse web" in html
    html = client.post(FORM_URL, valid_post(end_date="")).content.decode()
    assert "Indiquez la fin, ou cochez" in html
    response = client.post(FORM_URL, valid_post(end_date="", ongoing="on"))
    assert response.status_code == 302


def test_html_typed_in_a_field_is_shown_escaped(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    title = '<script>alert("x")</script><b>Charte</b>'
    response = post(client, django_capture_on_commit_callbacks, valid_post(title=title))
    assert Submission.objects.get().title == title
    page = client.get(response["Location"]).content.decode()
    tracking = client.get(tracking_url_from(page)).content.decode()
    assert "<script>alert" not in tracking
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;Charte" in tracking
    )
    receipt = next(m for m in mailoutbox if m.to == ["awa.diallo@example.org"])
    assert title in receipt.body  # plain text: shown as typed
    assert "<script>" not in receipt.alternatives[0].content


# --- drafts ----------------------------------------------------------------------


def test_a_draft_needs_only_an_email_and_its_link_reopens_everything(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    tokens = valid_post()
    data = {
        "email": "brouillon@example.org",
        "title": "Un début de récit",
        "communes": "Aubervilliers",
        "form_nonce": tokens["form_nonce"],
        "rendered_at": tokens["rendered_at"],
        "save_draft": "1",
        "attachments": [pdf_file("notes.pdf")],
    }
    response = post(client, django_capture_on_commit_callbacks, data)
    assert response.status_code == 302
    assert response["Location"] == "/contribuer/brouillon-enregistre/"
    draft = Submission.objects.get()
    assert draft.status == Status.DRAFT
    assert draft.reference is None
    saved_page = client.get(response["Location"]).content.decode()
    assert "brouillon@example.org" in saved_page

    (email,) = mailoutbox
    assert email.to == ["brouillon@example.org"]
    link = tracking_url_from(email.body)
    reopened = client.get(link).content.decode()
    assert 'value="Un début de récit"' in reopened
    assert 'value="Aubervilliers"' in reopened
    assert "Retirer « notes.pdf »" in reopened
    assert "Reprendre votre brouillon" in reopened

    # Finish it from the link: remove the file, complete, send.
    attachment = draft.attachments.get()
    complete = valid_post(email="brouillon@example.org")
    complete["remove_attachments"] = [str(attachment.pk)]
    response = post(client, django_capture_on_commit_callbacks, complete, url=link)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.RECEIVED
    assert draft.reference
    assert not draft.attachments.exists()
    assert not attachment.file.storage.exists(attachment.file.name)


def test_saving_a_draft_again_from_its_link_keeps_the_link(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    data = valid_post(save_draft="1", submit_form=None)
    post(client, django_capture_on_commit_callbacks, data)
    link = tracking_url_from(mailoutbox[0].body)
    again = dict(valid_post(save_draft="1", submit_form=None), title="Nouveau titre")
    response = post(client, django_capture_on_commit_callbacks, again, url=link)
    assert response.status_code == 302
    assert response["Location"] == link
    assert len(mailoutbox) == 1
    assert Submission.objects.get().title == "Nouveau titre"
    assert client.get(link).status_code == 200


def test_a_draft_without_email_is_refused_with_a_message(client, call):
    html = client.post(
        FORM_URL, valid_post(email="", save_draft="1", submit_form=None)
    ).content.decode()
    assert "Adresse électronique : Ce champ est obligatoire." in html
    assert not Submission.objects.exists()


# --- email delivery ----------------------------------------------------------------


def test_a_mail_server_that_is_down_never_loses_the_submission(
    client, call, moderator, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}
    }
    dummy = outbox.send_outbox_email.get_backend()

    def refuse(self, messages):
        raise ConnectionRefusedError("serveur de courriel injoignable")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)

    response = post(client, django_capture_on_commit_callbacks, valid_post())
    assert response.status_code == 302
    assert Submission.objects.get().status == Status.RECEIVED
    emails = {email.template: email for email in OutboxEmail.objects.all()}
    assert set(emails) == {"receipt", "new_submission_moderators"}
    sends = [r for r in dummy.results if r.task.name == "send_outbox_email"]
    assert sorted(r.args[0] for r in sends) == sorted(e.pk for e in emails.values())

    receipt = emails["receipt"]
    task = next(r for r in sends if r.args == [receipt.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert task.task.call(*task.args) == OutboxEmail.Status.PENDING
    receipt.refresh_from_db()
    assert receipt.attempts == 1
    assert "ConnectionRefusedError" in receipt.last_error
    retry = dummy.results[-1]
    assert retry.args == [receipt.pk]  # second attempt, deferred
    assert retry.task.run_after > timezone.now()


# --- what the published page shows ---------------------------------------------------


def test_the_form_says_role_and_organisation_are_public(client, call):
    html = client.get(FORM_URL).content.decode()
    assert "Votre rôle figure sur la fiche publiée, avec votre structure." in html
    assert "Votre structure figure sur la fiche publiée, avec votre rôle." in html
    assert "La fiche publiée indique mon rôle (professionnel·le, élu·e…) et ma " in (
        call.licence_consent_text
    )
    assert "ma structure" in html.split('name="consent_licence"')[1][:800]


def test_existing_call_pages_get_the_new_licence_consent():
    from importlib import import_module

    migration = import_module(
        "experiences.migrations.0004_licence_consent_names_role_and_organisation"
    )
    assert migration.updated(migration.PREVIOUS) == migration.CURRENT
    custom = "J'accepte la Licence Ouverte."
    assert migration.updated(custom) == (
        "J'accepte la Licence Ouverte. La fiche publiée indique mon rôle et ma "
        "structure."
    )
    already = "Mon rôle et ma structure seront publiés."
    assert migration.updated(already) == already


def test_the_migration_updates_the_live_call_page_and_its_latest_revision(call):
    from importlib import import_module

    from django.apps import apps

    migration = import_module(
        "experiences.migrations.0004_licence_consent_names_role_and_organisation"
    )
    call.licence_consent_text = migration.PREVIOUS
    call.save_revision().publish()
    call.title = "Brouillon en cours"
    call.save_revision()  # a draft newer than the live page
    migration.forwards(apps, None)
    call.refresh_from_db()
    assert call.licence_consent_text == migration.CURRENT
    draft = call.get_latest_revision_as_object()
    assert draft.title == "Brouillon en cours"
    assert draft.licence_consent_text == migration.CURRENT
