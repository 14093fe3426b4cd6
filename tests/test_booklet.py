"""The booklet page: composition, HTML view, PDF link, rebuilds and admin status.

PDF rendering itself is replaced here by a stub (WeasyPrint is exercised in
test_booklet_pdf.py); everything around it is real."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from booklets import pdf
from booklets.composition import compose, fingerprint
from booklets.models import BookletPage, BookletSheet
from experiences.constants import Rubric
from experiences.models import Theme
from tests.factories import FAKE_PDF, make_booklet, make_booklet_experience


@pytest.fixture
def experiences(rubrics, booklet_index):
    return {
        "report": make_booklet_experience(
            Rubric.REPORTING, "Des comptes rendus partagés"
        ),
        "forum": make_booklet_experience(
            Rubric.COLLECTIVE_DYNAMIC, "Un forum des conseils"
        ),
        "assoc": make_booklet_experience(
            Rubric.COLLECTIVE_DYNAMIC, "Associer les conseils au contrat", photo=True
        ),
        "bilan": make_booklet_experience(
            Rubric.EVALUATION, "Une réunion bilan annuelle"
        ),
        "draft": make_booklet_experience(
            Rubric.RULES, "Une charte encore en brouillon", publish=False
        ),
    }


def titles(composition):
    return [[page.title for page in chapter.sheets] for chapter in composition.chapters]


def test_chapters_follow_the_six_rubrics_and_drop_unpublished_sheets(experiences):
    e = experiences
    booklet = make_booklet(
        [e["bilan"], e["draft"], e["forum"], e["report"], e["assoc"]]
    )

    composition = compose(booklet)

    assert [c.rubric for c in composition.chapters] == [
        Rubric.COLLECTIVE_DYNAMIC,
        Rubric.REPORTING,
        Rubric.EVALUATION,
    ]
    # Hand order is kept inside a rubric.
    assert titles(composition) == [
        ["Un forum des conseils", "Associer les conseils au contrat"],
        ["Des comptes rendus partagés"],
        ["Une réunion bilan annuelle"],
    ]
    assert [page.title for page in composition.dropped] == [
        "Une charte encore en brouillon"
    ]
    assert [c.position for c in composition.chapters] == [1, 5, 6]
    assert composition.chapters[0].expected.startswith("Une personne ou un petit")
    assert [s.booklet_number for s in composition.sheets] == [1, 2, 3, 4]


def test_unpublishing_a_sheet_removes_it(experiences):
    e = experiences
    booklet = make_booklet([e["forum"], e["report"]])
    e["report"].unpublish()

    composition = compose(booklet)

    assert titles(composition) == [["Un forum des conseils"]]
    assert [p.title for p in composition.dropped] == ["Des comptes rendus partagés"]


def test_saved_selection_by_rubric_theme_and_tag(experiences):
    e = experiences
    theme = Theme.objects.get(slug="jeunesse")
    e["forum"].themes.add(theme)
    e["forum"].save_revision().publish()
    e["bilan"].themes.add(theme)
    e["bilan"].tags.add("bilan")
    e["bilan"].save_revision().publish()

    by_theme = make_booklet(slug="jeunesse")
    by_theme.selection_themes.add(theme)
    assert titles(compose(by_theme)) == [
        ["Un forum des conseils"],
        ["Une réunion bilan annuelle"],
    ]

    by_rubric = make_booklet(slug="dynamique")
    by_rubric.selection_rubrics.add(e["forum"].get_parent().specific)
    by_rubric.selection_tags.clear()
    assert sorted(titles(compose(by_rubric))[0]) == [
        "Associer les conseils au contrat",
        "Un forum des conseils",
    ]

    by_theme_and_tag = make_booklet(slug="theme-et-tag")
    by_theme_and_tag.selection_themes.add(theme)
    by_theme_and_tag.selection_tags.add(e["bilan"].tags.get(name="bilan"))
    assert titles(compose(by_theme_and_tag)) == [["Une réunion bilan annuelle"]]


def test_hand_picked_sheets_come_first_and_other_orders_sort_each_rubric(
    experiences,
):
    e = experiences
    booklet = make_booklet([e["forum"]])
    booklet.selection_rubrics.add(e["forum"].get_parent().specific)
    assert titles(compose(booklet)) == [
        ["Un forum des conseils", "Associer les conseils au contrat"]
    ]

    booklet.sheet_order = BookletPage.SheetOrder.TITLE
    assert titles(compose(booklet)) == [
        ["Associer les conseils au contrat", "Un forum des conseils"]
    ]


def test_html_view_reads_on_screen_without_inline_code(client, experiences):
    e = experiences
    booklet = make_booklet([e["bilan"], e["forum"], e["report"], e["draft"]])

    response = client.get(booklet.url)

    assert response.status_code == 200
    html = response.content.decode()
    positions = [
        html.index(title)
        for title in (
            "Faire émerger une dynamique collective",
            "Un forum des conseils",
            "Rendre compte des travaux",
            "Des comptes rendus partagés",
            "Évaluer le travail partenarial",
            "Une réunion bilan annuelle",
        )
    ]
    assert positions == sorted(positions)
    assert "Une charte encore en brouillon" not in html
    assert "Expériences attendues" in html
    assert "Signe particulier" in html and "Quand ?" in html
    assert "camille.martin@example.org" in html
    assert "/static/css/booklet.css" in html
    assert " style=" not in html and "<style" not in html
    assert "<script>" not in html
    assert f'href="{booklet.url}pdf/"' in html
    assert "Content-Security-Policy" in response.headers


def test_html_view_queries_do_not_grow_with_sheets(client, rubrics, booklet_index):
    small = make_booklet(
        [
            make_booklet_experience(Rubric.REPORTING, f"Petite {n}", photo=True)
            for n in range(2)
        ],
        slug="petit",
    )
    large = make_booklet(
        [
            make_booklet_experience(rubric, f"Grande {rubric} {n}", photo=True)
            for rubric in Rubric.values
            for n in range(2)
        ],
        slug="grand",
    )
    client.get(small.url)  # warm renditions and caches
    client.get(large.url)

    with CaptureQueriesContext(connection) as few:
        assert client.get(small.url).status_code == 200
    with CaptureQueriesContext(connection) as many:
        assert client.get(large.url).status_code == 200

    assert len(many) <= len(few) + 2, [q["sql"] for q in many.captured_queries]


def test_pdf_link_builds_once_then_serves_the_stored_file(client, experiences, renders):
    booklet = make_booklet([experiences["forum"]])

    first = client.get(booklet.url + "pdf/")
    second = client.get(booklet.url + "pdf/")

    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert 'filename="co-construction-edition-1.pdf"' in first["Content-Disposition"]
    assert b"".join(second.streaming_content) == FAKE_PDF
    assert renders == [booklet.pk]
    booklet.refresh_from_db()
    assert booklet.pdf_document.file_size == len(FAKE_PDF)
    assert booklet.pdf_fingerprint == fingerprint(booklet, compose(booklet))


def test_pdf_link_during_a_first_build_asks_to_come_back(client, experiences, renders):
    booklet = make_booklet([experiences["forum"]])
    # Another process has queued the first build, and another one runs it.
    BookletPage.objects.filter(pk=booklet.pk).update(
        pdf_build_requested_at=timezone.now(), pdf_build_started_at=timezone.now()
    )

    response = client.get(booklet.url + "pdf/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "en cours de préparation" in response.content.decode()
    assert renders == []


def test_pdf_link_of_a_draft_booklet_is_not_found(client, experiences, renders):
    booklet = make_booklet([experiences["forum"]], publish=False)

    assert client.get("/livrets/co-construction/pdf/").status_code == 404
    assert renders == []
    assert booklet.pdf_document is None


def test_publishing_rebuilds_after_commit_and_replaces_the_document(
    experiences, renders, django_capture_on_commit_callbacks
):
    e = experiences
    with django_capture_on_commit_callbacks(execute=True):
        booklet = make_booklet([e["forum"], e["report"]])
    booklet.refresh_from_db()
    first_document = booklet.pdf_document
    assert first_document is not None and renders == [booklet.pk]

    # A sheet is republished: the booklet is rebuilt, the old file goes.
    e["report"].summary = "Un chapô revu."
    with django_capture_on_commit_callbacks(execute=True):
        e["report"].save_revision().publish()
    booklet.refresh_from_db()
    assert renders == [booklet.pk, booklet.pk]
    assert booklet.pdf_document.pk != first_document.pk
    assert not type(first_document).objects.filter(pk=first_document.pk).exists()

    # An unrelated booklet edit keeps the build fields (never restored from a
    # revision), and a new publication of the booklet rebuilds it.
    second_document = booklet.pdf_document
    booklet.subtitle = "Deuxième tirage"
    with django_capture_on_commit_callbacks(execute=True):
        booklet.save_revision().publish()
    booklet.refresh_from_db()
    assert len(renders) == 3
    assert booklet.pdf_document_id != second_document.pk
    assert booklet.pdf_built_at is not None

    # The PDF being current, a build asked for again does nothing.
    from booklets.tasks import build_booklet_pdf

    assert build_booklet_pdf.enqueue(booklet.pk).return_value is None
    assert len(renders) == 3


def test_unpublishing_a_sheet_rebuilds_without_it(
    experiences, renders, django_capture_on_commit_callbacks
):
    e = experiences
    with django_capture_on_commit_callbacks(execute=True):
        booklet = make_booklet([e["forum"], e["report"]])
    with django_capture_on_commit_callbacks(execute=True):
        e["report"].unpublish()
    booklet.refresh_from_db()
    assert len(renders) == 2
    assert booklet.pdf_fingerprint == fingerprint(booklet, compose(booklet))
    assert len(compose(booklet)) == 1


def test_revision_content_never_overwrites_build_fields(experiences, renders):
    booklet = make_booklet([experiences["forum"]])
    revision = booklet.save_revision()
    pdf.build(booklet)
    booklet.refresh_from_db()
    built = booklet.pdf_document_id

    revision.publish()

    booklet.refresh_from_db()
    assert booklet.pdf_document_id == built


def test_admin_status_panel_tells_what_is_missing_and_if_pdf_is_current(
    client, superuser, experiences, renders
):
    e = experiences
    booklet = make_booklet([e["forum"], e["draft"]])
    client.force_login(superuser)
    edit_url = reverse("wagtailadmin_pages:edit", args=[booklet.pk])

    html = client.get(edit_url).content.decode()
    assert "1 fiche" in html
    assert "Absentes du livret car leur page n'est pas publiée (1)" in html
    assert "Une charte encore en brouillon" in html
    assert "Pas encore de PDF" in html

    pdf.build(booklet)
    assert "<strong>à jour</strong>" in client.get(edit_url).content.decode()

    e["forum"].summary = "Modifié"
    e["forum"].save_revision().publish()  # no on_commit here: stays stale
    assert "<strong>pas à jour</strong>" in client.get(edit_url).content.decode()

    rebuild_url = reverse("booklets_rebuild", args=[booklet.pk])
    assert client.get(rebuild_url).status_code == 200
    response = client.post(rebuild_url)
    assert response.status_code == 302
    assert "<strong>à jour</strong>" in client.get(edit_url).content.decode()


def test_saving_a_booklet_with_an_unpublished_sheet_warns_the_editor(
    client, superuser, experiences
):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    booklet = make_booklet([experiences["forum"]])
    client.force_login(superuser)
    data = nested_form_data(
        {
            "title": booklet.title,
            "slug": booklet.slug,
            "subtitle": booklet.subtitle,
            "edition_date": "2020-10-01",
            "edition_number": 1,
            "front_matter": streamfield(
                [
                    (
                        "foreword",
                        {
                            "title": "",
                            "body": streamfield(
                                [("paragraph", rich_text("<p>Avant-propos</p>"))]
                            ),
                        },
                    )
                ]
            ),
            "publisher": booklet.publisher,
            "licence": booklet.licence,
            "sheet_order": "manuel",
            "sheets": inline_formset(
                [
                    {"experience": experiences["forum"].pk},
                    {"experience": experiences["draft"].pk},
                ]
            ),
        }
    )

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[booklet.pk]), data, follow=True
    )

    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any(
        "n'apparaît pas dans le livret" in m and "Une charte encore en brouillon" in m
        for m in messages
    ), messages
    assert BookletSheet.objects.filter(booklet=booklet).count() == 1  # draft only


def test_index_lists_published_booklets_with_their_pdf_link(client, experiences):
    booklet = make_booklet([experiences["forum"]])
    make_booklet(slug="brouillon", title="Un livret en préparation", publish=False)

    html = client.get("/livrets/").content.decode()

    assert booklet.title in html
    assert f'href="{booklet.url}pdf/"' in html
    assert "Un livret en préparation" not in html
