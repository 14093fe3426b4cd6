"""« Signaler une erreur »: the form at the end of a sheet, its bot trap, the
reports beside the page in the admin, and the purge of their addresses."""

import datetime
import html as html_lib
import re

from django.core.management import call_command

import pytest

from experiences.models import Department, ErrorReport, ExperiencePage, RubricPage

MESSAGE = "La date de début est 2018, pas 2019 : « l'été » d'après le compte rendu."


def experience(publish=True):
    parent = RubricPage.objects.get(rubric="rendre-compte-des-travaux")
    page = ExperiencePage(
        title="Une gazette de quartier",
        slug="une-gazette-de-quartier",
        summary="Une gazette écrite par les habitants.",
        department=Department.objects.get(code="53"),
        start_date=datetime.date(2019, 3, 1),
        live=False,
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def hidden(html, name):
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, name
    return html_lib.unescape(found.group(1))


def fresh_form(client, page):
    html = client.get(f"/signaler-une-erreur/{page.pk}/").content.decode()
    return {"nonce": hidden(html, "nonce"), "rendered_at": hidden(html, "rendered_at")}


def post(client, page, **data):
    return client.post(f"/signaler-une-erreur/{page.pk}/", data)


def test_the_sheet_carries_the_form_without_a_csrf_token(client, site_tree):
    page = experience()
    html = client.get(page.url).content.decode()
    assert "Signaler une erreur" in html
    assert f'action="/signaler-une-erreur/{page.pk}/"' in html
    assert 'name="site_internet"' in html and 'name="rendered_at"' in html
    # A CSRF token would keep every sheet out of the page cache.
    assert "csrfmiddlewaretoken" not in html


def test_a_report_is_recorded_and_thanked(client, site_tree):
    page = experience()
    tokens = fresh_form(client, page)
    response = post(client, page, message=MESSAGE, email="lea@example.org", **tokens)
    assert response.status_code == 302
    assert response["Location"] == f"/signaler-une-erreur/{page.pk}/merci/"
    report = ErrorReport.objects.get()
    assert (report.page_id, report.message, report.email) == (
        page.pk,
        MESSAGE,
        "lea@example.org",
    )
    assert not report.handled
    thanks = client.get(response["Location"])
    assert "Merci, votre signalement a été transmis" in thanks.content.decode()
    assert "no-store" in thanks["Cache-Control"]


def test_the_form_on_the_sheet_itself_posts(client, site_tree):
    page = experience()
    html = client.get(page.url).content.decode()
    tokens = {
        "nonce": hidden(html, "nonce"),
        "rendered_at": hidden(html, "rendered_at"),
    }
    response = post(client, page, message=MESSAGE, **tokens)
    assert response.status_code == 302
    assert ErrorReport.objects.get().email == ""


def test_a_reused_timestamp_shows_the_form_again_with_the_typing(client, site_tree):
    """As when two readers get the same sheet from the page cache."""
    page = experience()
    tokens = fresh_form(client, page)
    assert post(client, page, message="Premier.", **tokens).status_code == 302
    response = post(client, page, message=MESSAGE, email="lea@example.org", **tokens)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Votre message n'a pas pu être transmis" in html
    assert html_lib.escape(MESSAGE) in html and 'value="lea@example.org"' in html
    assert ErrorReport.objects.count() == 1
    # The form shown again carries a fresh timestamp: sending it again works.
    again = {"nonce": hidden(html, "nonce"), "rendered_at": hidden(html, "rendered_at")}
    assert again != tokens
    assert post(client, page, message=MESSAGE, **again).status_code == 302
    assert ErrorReport.objects.count() == 2


def test_the_honeypot_refuses_without_saying_why(client, site_tree):
    page = experience()
    tokens = fresh_form(client, page)
    response = post(client, page, message=MESSAGE, site_internet="http://x", **tokens)
    assert response.status_code == 200
    assert "Votre message n'a pas pu être transmis" in response.content.decode()
    assert not ErrorReport.objects.exists()


def test_the_rate_limit_counts_per_client(client, site_tree, settings):
    settings.SUBMISSION_RATE_LIMIT = 2
    page = experience()
    for _ in range(2):
        tokens = fresh_form(client, page)
        assert post(client, page, message=MESSAGE, **tokens).status_code == 302
    tokens = fresh_form(client, page)
    response = post(client, page, message=MESSAGE, **tokens)
    assert response.status_code == 200
    assert ErrorReport.objects.count() == 2
    # Another address is not held back by the first one's posts.
    tokens = fresh_form(client, page)
    response = client.post(
        f"/signaler-une-erreur/{page.pk}/",
        {"message": MESSAGE, **tokens},
        REMOTE_ADDR="192.0.2.44",
    )
    assert response.status_code == 302


def test_errors_are_french_and_keep_the_typing(client, site_tree):
    page = experience()
    response = post(
        client, page, message="", email="lea@example", **fresh_form(client, page)
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Écrivez votre message : quelle erreur avez-vous vue ?" in html
    assert "Cette adresse électronique n&#x27;est pas valide" in html
    assert 'value="lea@example"' in html
    response = post(client, page, message="x" * 2001, **fresh_form(client, page))
    html = response.content.decode()
    assert "Votre message dépasse 2000 caractères (2001)" in html
    assert "x" * 2001 in html
    assert not ErrorReport.objects.exists()


def test_only_live_sheets_take_reports(client, site_tree):
    draft = experience(publish=False)
    assert client.get(f"/signaler-une-erreur/{draft.pk}/").status_code == 404
    assert client.post(f"/signaler-une-erreur/{draft.pk}/", {}).status_code == 404
    assert client.post("/signaler-une-erreur/999999/", {}).status_code == 404


def test_editors_see_the_reports_beside_the_page_and_close_them(
    client, site_tree, editor
):
    page = experience()
    report = ErrorReport.objects.create(page=page, message=MESSAGE)
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "1 signalement(s) d&#x27;erreur à traiter sur cette fiche." in edit
    listing_url = f"/admin/signalements/?page={page.pk}&handled=false"
    assert listing_url.replace("&", "&amp;") in edit
    listing = client.get(listing_url).content.decode()
    assert "La date de début est 2018" in listing
    response = client.post(f"/admin/signalements/edit/{report.pk}/", {"handled": "on"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.handled
    assert report.message == MESSAGE
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "signalement(s) d&#x27;erreur à traiter" not in edit


def test_moderators_without_the_permission_do_not_see_them(
    client, site_tree, moderator
):
    page = experience()
    ErrorReport.objects.create(page=page, message=MESSAGE)
    client.force_login(moderator)
    response = client.get("/admin/signalements/")
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(("age", "kept"), [(10, True), (120, False)])
def test_purge_erases_old_addresses_only(site_tree, settings, age, kept):
    settings.ERROR_REPORT_EMAIL_DAYS = 90
    page = experience()
    report = ErrorReport.objects.create(
        page=page, message=MESSAGE, email="lea@example.org"
    )
    sent = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=age)
    ErrorReport.objects.filter(pk=report.pk).update(created=sent)
    call_command("purge_personal_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    report.refresh_from_db()
    assert report.email == ("lea@example.org" if kept else "")
    assert report.message == MESSAGE
