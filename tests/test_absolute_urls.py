"""Every absolute address comes from SITE_URL (core.urls), on whatever port the
site is served: sitemap, API, emails, the booklet's « Pour citer » address."""

import datetime
import subprocess
from pathlib import Path

from django.core.management import call_command

from wagtail.models import Site

import pytest

from booklets.composition import compose
from booklets.models import BookletIndexPage, BookletPage, BookletSheet
from booklets.pdf import render_print_html
from core.urls import absolute, page_url
from experiences.models import Department, ExperiencePage, RubricPage, Submission
from experiences.states import Status, apply

ROOT = Path(__file__).resolve().parent.parent


def serve_on(settings, port):
    """What `PORT=<port> make run` does: SITE_URL from the port, then setup_site."""
    origin = f"http://127.0.0.1:{port}"
    settings.SITE_URL = origin
    settings.WAGTAILADMIN_BASE_URL = origin
    settings.WAGTAILAPI_BASE_URL = origin
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
    call_command("setup_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return origin


def published_experience(title="Un forum des habitants"):
    parent = RubricPage.objects.get(rubric="rendre-compte-des-travaux")
    page = ExperiencePage(
        title=title,
        slug="un-forum-des-habitants",
        summary="Un forum ouvert à tous.",
        start_date=datetime.date(2020, 1, 1),
        department=Department.objects.get(code="93"),
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_absolute_joins_the_site_url(settings):
    settings.SITE_URL = "https://recueil.example.org"
    assert absolute("/experiences/") == "https://recueil.example.org/experiences/"
    assert absolute("a/b/") == "https://recueil.example.org/a/b/"
    assert absolute("https://ailleurs.example/") == "https://ailleurs.example/"


@pytest.mark.parametrize("port", [8123, 8124])
def test_every_address_follows_the_port(client, site_tree, settings, port):
    origin = serve_on(settings, port)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", port)
    page = published_experience()
    expected = f"{origin}/experiences/rendre-compte-des-travaux/un-forum-des-habitants/"
    assert page_url(page) == expected

    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{expected}</loc>" in sitemap
    assert ":8000" not in sitemap and "testserver" not in sitemap

    feed = client.get("/flux/experiences/").content.decode()
    assert f"<link>{expected}</link>" in feed
    assert f"<link>{origin}/experiences/</link>" in feed
    assert "testserver" not in feed

    listing = client.get("/api/v2/pages/", {"type": "experiences.ExperiencePage"})
    item = listing.json()["items"][0]
    assert item["meta"]["html_url"] == expected
    assert item["meta"]["detail_url"] == f"{origin}/api/v2/pages/{page.pk}/"

    index = BookletIndexPage.objects.get()
    booklet = BookletPage(
        title="Livret",
        slug="livret",
        edition_date=datetime.date(2026, 12, 1),
        edition_number=1,
        publisher="Agence nationale de la cohésion des territoires",
        live=False,
    )
    booklet.sheets = [BookletSheet(experience=page)]
    index.add_child(instance=booklet)
    booklet.save_revision().publish()
    booklet = BookletPage.objects.get(pk=booklet.pk)
    html = render_print_html(booklet, compose(booklet))
    # The sheet's « Pour citer » line carries its permanent address as a link.
    cite = html.split("Pour citer cette fiche :")[1]
    assert f'<a href="{expected}">{expected}</a>' in cite.split("</footer>")[0]


def test_a_second_run_on_another_port_moves_the_site(site_tree, settings):
    serve_on(settings, 8123)
    serve_on(settings, 8124)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8124)
    assert site.root_page.full_url == "http://127.0.0.1:8124/"


def test_emails_link_to_the_site_url(
    site_tree, moderator, settings, mailoutbox, django_capture_on_commit_callbacks
):
    origin = serve_on(settings, 8123)
    submission = Submission.objects.create(
        status=Status.DRAFT,
        title="Un forum des habitants",
        rubric="rendre-compte-des-travaux",
        first_name="Camille",
        email="camille@example.org",
    )
    with django_capture_on_commit_callbacks(execute=True):
        apply(submission, "submit")
    to_moderators = next(m for m in mailoutbox if m.to == [moderator.email])
    assert f"{origin}/admin/" in to_moderators.body
    receipt = next(m for m in mailoutbox if m.to == [submission.email])
    assert f"{origin}/contribuer/suivi/" in receipt.body
    assert ":8000" not in receipt.body + to_moderators.body


@pytest.mark.parametrize("port", ["8123", "8124"])
def test_make_run_derives_site_url_from_port(port):
    probe = 'print-site-url:\n\t@echo "$$SITE_URL"\n'
    result = subprocess.run(  # noqa: S603
        ["make", "-s", "-f", "Makefile", "-f", "-", "print-site-url", f"PORT={port}"],  # noqa: S607
        input=probe,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.strip() == f"http://127.0.0.1:{port}"


def test_an_explicit_site_url_wins_over_the_port():
    probe = 'print-site-url:\n\t@echo "$$SITE_URL"\n'
    result = subprocess.run(  # noqa: S603
        ["make", "-s", "-f", "Makefile", "-f", "-", "print-site-url", "PORT=8123"],  # noqa: S607
        input=probe,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={"PATH": "/usr/bin:/bin", "SITE_URL": "https://recueil.example.org"},
    )
    assert result.stdout.strip() == "https://recueil.example.org"
