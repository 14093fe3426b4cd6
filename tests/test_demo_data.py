"""The demo's data files parse, and every reference between them resolves."""

import io
import shutil

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from demo import checks, content
from experiences.models import ExperiencePage


@pytest.mark.parametrize("name", content.FILES)
def test_data_file_parses(name):
    assert content.read(name)


def test_every_reference_between_the_data_files_resolves():
    problems = checks.problems()

    assert problems == [], "\n".join(problems)


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of demo/data/ that the test may break; the loader reads it."""
    copy = tmp_path / "data"
    shutil.copytree(content.DATA_DIR, copy)
    monkeypatch.setattr(content, "DATA_DIR", copy)

    def replace(name, old, new):
        path = copy / f"{name}.toml"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace


TYPOS = [
    (
        "experiences",
        'image = "petit-dejeuner-roubaix"',
        'image = "petit-dejeuner-roubai"',
        "expérience « petit-dejeuner-mensuel-du-conseil-citoyen » : image inconnu·e "
        "« petit-dejeuner-roubai »",
    ),
    (
        "experiences",
        'themes = ["cohesion-sociale", "citoyennete-participation"]',
        'themes = ["cohesion-socile", "citoyennete-participation"]',
        "thématique inconnu·e « cohesion-socile »",
    ),
    (
        "experiences",
        'department = "59"',
        'department = "599"',
        "département inconnu·e « 599 »",
    ),
    (
        "experiences",
        'start = "2018-09"',
        'start = "2018-13"',
        "« start » doit être un mois AAAA-MM, pas « 2018-13 »",
    ),
    (
        "experiences",
        "summary = ",
        "sumary = ",
        "clé inconnue « sumary »",
    ),
    (
        "recaps",
        'experience = "convention-citoyenne-des-quartiers-de-laval"',
        'experience = "convention-citoyenne-de-laval"',
        "expérience inconnu·e « convention-citoyenne-de-laval »",
    ),
    (
        "recaps",
        'type = "quote"',
        'type = "citation"',
        "type de bloc inconnu « citation »",
    ),
    (
        "articles",
        '"faire-emerger-une-dynamique-collective"',
        '"faire-emerger-la-dynamique"',
        "rubrique inconnu·e « faire-emerger-la-dynamique »",
    ),
    (
        "booklet",
        '"reunions-du-contrat-de-ville-en-soiree"',
        '"reunions-du-soir"',
        "booklet.toml : expérience inconnu·e « reunions-du-soir »",
    ),
    (
        "booklet",
        'cover = "couverture-livret"',
        'cover = "couverture"',
        "image de couverture inconnu·e « couverture »",
    ),
    (
        "submissions",
        'transition = "take"',
        'transition = "accept"',
        "« accept » impossible depuis « recue »",
    ),
    (
        "submissions",
        'email = "marc.lefort@example.org"',
        'email = "marc.lefort@gmail.com"',
        "l'adresse doit être fictive, en @example.org",
    ),
    (
        "media",
        'motif = "map"',
        'motif = "carte"',
        "motif inconnu·e « carte »",
    ),
    (
        "recaps",
        "date = 2024-07-09",
        'date = "9 juillet 2024"',
        "« date » doit être une date (AAAA-MM-JJ)",
    ),
    ("recaps", "[[recap]]", "[[recaps]]", "recaps.toml : TOML invalide"),
    ("booklet", "sheets = [", "sheet = [", "booklet.toml : « sheets » manque"),
    (
        "submissions",
        '[[submission.history]]\ntransition = "take"',
        'history = ["take"]',
        "submissions.toml : structure inattendue",
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    TYPOS,
    ids=[f"{name}-{number}" for number, (name, *_rest) in enumerate(TYPOS)],
)
def test_a_typo_in_a_data_file_is_named(data_copy, name, old, new, message):
    data_copy(name, old, new)

    problems = checks.problems()

    assert any(message in problem for problem in problems), problems
    assert all(problem.startswith(f"{name}.toml") for problem in problems)


def test_a_broken_data_file_stops_the_load_before_anything(site_tree, data_copy):
    data_copy("booklet", '"reunions-du-contrat-de-ville-en-soiree"', '"soiree"')

    with pytest.raises(CommandError, match="demo/data/") as refused:
        call_command("load_demo", "--no-accounts", stdout=io.StringIO())

    assert "booklet.toml : expérience inconnu·e « soiree »" in str(refused.value)
    assert not ExperiencePage.objects.exists()
