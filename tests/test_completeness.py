"""The completeness guide: the rubric's checklist, the score and the missing
points computed on the server, shown on the form and the tracking page, and
never a reason to refuse a submission."""

import datetime
import re

import pytest

from experiences import completeness
from experiences.checklist_defaults import default_items
from experiences.constants import GROUP_EDITORIAL_LEADS, Rubric
from experiences.models import (
    RubricChecklistItem,
    RubricPage,
    Submission,
)
from tests.factories import member
from tests.factories.samples import FORM_URL, valid_post
from tests.factories.submissions import add_attachment, make_submission

RULES = "etablir-les-regles-de-la-co-construction"


def text_item(part, minimum):
    return completeness.Item("texte", part, part=part, minimum=minimum)


# --- the score, from plain data ---------------------------------------------


def test_a_text_part_counts_once_it_reaches_its_useful_length():
    items = [text_item("approach", 20)]
    short = completeness.evaluate(
        completeness.Sheet(texts={"approach": "Trois"}), items
    )
    assert short.score == 0
    assert short.missing[0].detail == "5 caractères, environ 20 sont utiles"
    empty = completeness.evaluate(completeness.Sheet(), items)
    assert empty.missing[0].detail == "pas encore rédigé"
    # Runs of spaces and line breaks count as one character.
    long_enough = completeness.Sheet(texts={"approach": "Trois   ateliers\n\npuis une"})
    assert completeness.evaluate(long_enough, items).score == 100


def test_the_score_is_the_share_of_points_met_rounded_half_up():
    items = [text_item(part, 1) for part in ("objectives", "approach")] + [
        completeness.Item("photo", "Photo"),
    ] * 6
    sheet = completeness.Sheet(texts={"objectives": "x"})
    result = completeness.evaluate(sheet, items)
    assert len(result.met) == 1 and len(result.missing) == 7
    assert result.score == 13  # 12.5 % rounds up, as the form's script does


def test_period_themes_place_and_photo_points():
    period = completeness.Item("periode", "Période")
    themes = completeness.Item("thematiques", "Thèmes", minimum=2)
    place = completeness.Item("lieu", "Lieu")
    photo = completeness.Item("photo", "Photo")
    items = [period, themes, place, photo]

    blank = completeness.evaluate(completeness.Sheet(), items)
    assert [c.detail for c in blank.missing] == [
        "le début manque",
        "0 thématique choisie sur 2",
        "ni commune ni département",
        "aucune photo jointe",
    ]
    started = completeness.Sheet(
        start_date=datetime.date(2024, 1, 1), themes=1, photo_credits=[""]
    )
    details = [c.detail for c in completeness.evaluate(started, items).missing]
    assert details[0] == "la fin, ou « en cours », manque"
    assert details[1] == "1 thématique choisie sur 2"
    assert details[-1] == "photo jointe, son crédit manque"
    full = completeness.Sheet(
        start_date=datetime.date(2024, 1, 1),
        ongoing=True,
        themes=2,
        department=True,
        photo_credits=["", "Ville de Saint-Denis"],
    )
    assert completeness.evaluate(full, items).score == 100


def test_values_as_typed_are_read_like_cleaned_data():
    from django.http import QueryDict

    post = QueryDict(mutable=True)
    post.update({"objectives": "Donner une place", "start_date": "2024-01"})
    post.setlist("themes", ["a", "b"])
    sheet = completeness.sheet_from_values(post, [])
    assert sheet.themes == 2
    assert sheet.texts["objectives"] == "Donner une place"
    assert sheet.start_date == "2024-01" and not sheet.ongoing


# --- the checklist, from the rubric page -------------------------------------


def test_every_rubric_page_gets_the_default_checklist(site_tree):
    for page in RubricPage.objects.all():
        items = completeness.checklist(page.rubric)
        assert [i.label for i in items] == [
            v["label"] for v in default_items(page.rubric)
        ]
        assert page.checklist_items.count() == len(items)
    approach = next(i for i in completeness.checklist(RULES) if i.part == "approach")
    assert "charte locale" in approach.hint


def test_an_editorial_lead_changes_a_rubric_checklist(site_tree):
    page = RubricPage.objects.get(rubric=RULES)
    page.checklist_items.all().delete()
    RubricChecklistItem.objects.create(
        page=page, kind="texte", part="advice", minimum=10, label="Un conseil"
    )
    assert completeness.checklist(RULES) == [
        completeness.Item("texte", "Un conseil", part="advice", minimum=10)
    ]
    # Another rubric keeps its own.
    other = completeness.checklist(Rubric.REPORTING)
    assert len(other) == len(default_items(Rubric.REPORTING))


def test_no_rubric_yet_uses_the_default_checklist(db):
    assert len(completeness.checklist("")) == len(default_items(""))


# --- stored with the submission ------------------------------------------------


@pytest.fixture
def call(call_page, rubrics):
    return call_page


def test_a_submission_stores_its_score_and_is_never_refused(client, call):
    response = client.post(
        FORM_URL,
        valid_post(approach="Court.", difficulties="", advice="", themes=[]),
    )
    assert response.status_code == 302  # sent, however incomplete
    submission = Submission.objects.get()
    assert submission.status == "recue"
    assert submission.completeness == completeness.for_submission(submission).score
    assert submission.completeness < 50


def test_a_saved_draft_shows_its_summary_again(client, call):
    post = valid_post(submit_form=None, save_draft="1", advice="", themes=[])
    response = client.post(FORM_URL, post)
    assert response.status_code == 302
    draft = Submission.objects.get()
    stored = draft.completeness
    assert stored == completeness.for_submission(draft).score
    page = client.get(tracking_path(draft)).content.decode()
    summary = summary_html(page)
    assert f"Complétude : <strong>{stored} %</strong>" in summary
    assert "Donner un conseil" in summary and "pas encore rédigé" in summary
    assert "Aucun n'est obligatoire" in summary
    assert "ne doit pas devenir un carcan" in summary
    # Above the send button, inside the form, with its script.
    assert page.index('id="completude"') < page.index('name="submit_form"')
    assert "js/completeness.js" in page


def test_the_form_shows_the_summary_and_keeps_it_on_an_invalid_post(client, call):
    page = client.get(FORM_URL).content.decode()
    assert "Complétude : <strong>0 %</strong>" in summary_html(page)
    response = client.post(FORM_URL, valid_post(email="pas-une-adresse"))
    assert response.status_code == 200
    summary = summary_html(response.content.decode())
    # Computed from the post as typed: the period and themes are there, the
    # démarche is short, no photo yet.
    assert "(2 repères sur 9)" in summary
    approach = valid_post()["approach"]
    assert f"{len(approach)} caractères, environ 400 sont utiles" in summary
    assert "aucune photo jointe" in summary


def test_the_tracking_page_of_a_sent_submission_shows_its_summary(client, call):
    submission = make_submission(rubric=RULES, themes=["cohesion-sociale"])
    add_attachment(submission, credit="Ville de Saint-Denis")
    html = client.get(tracking_path(submission)).content.decode()
    summary = summary_html(html)
    assert "Joindre une photo avec son crédit" in summary
    result = completeness.for_submission(submission)
    assert f"{result.score} %" in summary
    assert 'id="formulaire-contribution"' not in html
    assert "aria-live" not in summary  # nothing updates it there
    assert "vous pouvez envoyer" not in summary


def test_a_credit_set_on_the_tracking_page_refreshes_the_score(client, call):
    submission = make_submission(rubric=RULES, themes=["cohesion-sociale"])
    photo = add_attachment(submission)
    completeness.refresh(submission)
    before = Submission.objects.get(pk=submission.pk).completeness
    path = tracking_path(submission)
    client.post(
        path + "legendes/",
        {f"caption-{photo.pk}": "Atelier", f"credit-{photo.pk}": "Ville"},
    )
    assert Submission.objects.get(pk=submission.pk).completeness > before


def tracking_path(submission):
    return f"/contribuer/suivi/{submission.tracking_token()}/"


def summary_html(html):
    match = re.search(r'<section class="recueil-completeness.*?</section>', html, re.S)
    assert match, "no completeness summary"
    return match[0]


def test_editorial_leads_edit_the_checklist_on_the_rubric_page(client, site_tree):
    page = RubricPage.objects.get(rubric=RULES)
    client.force_login(member("responsable", GROUP_EDITORIAL_LEADS))
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Repères de complétude" in html
    assert "jamais une condition" in html
    assert "Raconter la démarche" in html  # a default item, editable
