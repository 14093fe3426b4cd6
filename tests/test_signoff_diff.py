"""The word-level diff of the sign-off page, on French text."""

from experiences.signoff import diff
from experiences.signoff.comparison import rich_text_to_plain


def test_unchanged_text_has_no_marks():
    text = "Le conseil citoyen s'est réuni à l'école Jean-Jaurès."
    html = diff.render(text, text)
    assert html == (
        "<p>Le conseil citoyen s&#x27;est réuni à l&#x27;école Jean-Jaurès.</p>"
    )
    assert not diff.has_changes(text, text)


def test_changed_word_is_said_in_words():
    html = diff.render("Les habitants ont voté.", "Les habitantes ont voté.")
    assert "<del" in html and "<ins" in html
    assert "[début de suppression] </span>habitants" in html
    assert "[début d'insertion] </span>habitantes" in html
    assert "[fin d'insertion]" in html and "[fin de suppression]" in html
    # Only the word changed: the rest is plain.
    assert html.startswith("<p>Les <del")
    assert html.endswith(" ont voté.</p>")


def test_accents_are_words_not_a_change_of_each_letter():
    ops = diff.operations("Une réunion était prévue.", "Une réunion été prévue.")
    changed = [(kind, token) for kind, token in ops if kind != diff.EQUAL]
    assert changed == [(diff.DELETE, "était"), (diff.INSERT, "été")]


def test_apostrophes_and_punctuation_are_tokens_of_their_own():
    ops = diff.operations("l'atelier, ouvert", "l’atelier ; ouvert")
    changed = [(kind, token) for kind, token in ops if kind != diff.EQUAL]
    assert (diff.DELETE, "'") in changed and (diff.INSERT, "’") in changed
    assert (diff.DELETE, ",") in changed and (diff.INSERT, ";") in changed
    assert all(token != "atelier" for _kind, token in changed)


def test_hyphenated_words_and_inclusive_forms_stay_whole():
    assert diff.tokens("co-construction") == ["co-construction"]
    ops = diff.operations("les élus", "les élu·e·s")
    assert ops == [
        (diff.EQUAL, "les"),
        (diff.DELETE, "élus"),
        (diff.INSERT, "élu·e·s"),
    ]


def test_a_rewritten_sentence_reads_as_one_deletion_then_one_insertion():
    html = diff.render(
        "Le conseil citoyen anime des ateliers.", "Un chapô revu, plus court."
    )
    assert html.count("<del") == 1 and html.count("<ins") == 1
    assert "</span>Le conseil citoyen anime des ateliers<span" in html
    assert "</span>Un chapô revu, plus court<span" in html


def test_spaces_stay_between_words():
    html = diff.render("un deux trois", "un trois")
    assert html == (
        '<p>un <del class="recueil-diff__del"><span class="fr-sr-only">'
        '[début de suppression] </span>deux<span class="fr-sr-only"> '
        "[fin de suppression]</span></del> trois</p>"
    )


def test_paragraphs_are_kept_and_a_change_never_spans_them():
    old = "Premier paragraphe.\n\nDeuxième paragraphe."
    new = "Premier paragraphe enrichi.\n\nUn ajout.\n\nDeuxième paragraphe."
    html = diff.render(old, new)
    assert html.count("<p>") == 3
    assert html.count("<ins") == html.count("</ins>") >= 2
    assert html.endswith("<p>Deuxième paragraphe.</p>")
    for paragraph in html.split("</p>")[:-1]:
        assert paragraph.count("<ins") == paragraph.count("</ins>")


def test_text_is_escaped():
    html = diff.render("a", "<script>alert(1)</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_empty_sides():
    assert diff.render("", "") == ""
    assert "<del" in diff.render("Supprimé", "")
    assert "<ins" in diff.render("", "Ajouté")


def test_rich_text_reads_back_as_paragraphs():
    html = "<p>Un &amp; deux</p><p>Trois<br/>quatre</p><ul><li>cinq</li></ul>"
    assert rich_text_to_plain(html) == "Un & deux\n\nTrois quatre\n\ncinq"
