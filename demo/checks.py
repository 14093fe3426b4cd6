"""Checks the demo data files: every key known, every reference resolved.

`load_demo` runs them before writing anything and tests/test_demo_data.py keeps
them empty, so that a typo in a data file is reported with its file, its record
and the wrong value, instead of a KeyError halfway through a load (or, worse, a
theme silently dropped).
"""

import datetime
import tomllib

from wagtail.blocks import ChoiceBlock

from booklets.models import FRONT_PAGES
from demo import content, media
from experiences.constants import DEFAULT_THEMES, ContributorRole, Rubric
from experiences.reference_data import read_rows
from experiences.states import TRANSITIONS, Status
from resources.models import ArticlePage, EventRecapPage

NAMES = {
    str: "un texte",
    list: "une liste",
    bool: "true ou false",
    int: "un nombre",
    datetime.date: "une date (AAAA-MM-JJ)",
    datetime.time: "une heure (HH:MM:SS)",
}


def _texts(names):
    """Keys (space-separated) that hold text."""
    return dict.fromkeys(names.split(), str)


# Record kind: (required keys, optional keys), each key with its TOML type.
SCHEMAS = {
    "experience": (
        _texts(
            "slug rubric title summary feature communes department quartiers start "
            "role organisation objectives approach actors results difficulties "
            "advice"
        )
        | {"ongoing": bool, "themes": list, "tags": list},
        _texts("end contact_name contact_email")
        | dict.fromkeys(["photos", "documents", "links"], list),
    ),
    "photo": (dict.fromkeys(["image", "caption", "credit"], str), {}),
    "document": (dict.fromkeys(["document", "caption"], str), {}),
    "link": (dict.fromkeys(["url", "label"], str), {}),
    "recap": (
        _texts("slug title kind format place organiser summary key_takeaways")
        | {"date": datetime.date}
        | dict.fromkeys(["start_time", "end_time"], datetime.time)
        | dict.fromkeys(["themes", "tags", "speakers", "body"], list),
        {},
    ),
    "speaker": (
        dict.fromkeys(["name", "affiliation"], str) | {"key_points": list},
        {},
    ),
    "article": (
        _texts("slug title kind author summary source")
        | {"date": datetime.date}
        | dict.fromkeys(["rubrics", "themes", "tags", "body"], list),
        {"source_date": datetime.date},
    ),
    "booklet": (
        _texts("slug title subtitle publisher licence cover")
        | {"edition_date": datetime.date, "edition_number": int, "sheets": list},
        {"front_matter": list},
    ),
    "submission": (
        _texts(
            "email status title rubric summary communes department quartiers start "
            "objectives approach tags first_name last_name role organisation"
        )
        | {"days_ago": int, "themes": list, "public_contact": bool},
        _texts("end feature results council")
        | {"ongoing": bool, "assigned": bool, "history": list, "signoff": bool},
    ),
    "step": ({"transition": str}, {"message": str}),
    "image": (
        dict.fromkeys(["title", "alt", "caption", "motif"], str),
        {"kicker": str},
    ),
    "pdf": (
        dict.fromkeys(["title", "filename", "heading"], str)
        | {"header": list, "rows": list},
        {},
    ),
}
# The blocks the loader knows how to build from a table (see DemoLoader.block).
BLOCK_TYPES = ("heading", "paragraph", "quote", "callout", "practice_card")

THEMES = {slug for slug, _label in DEFAULT_THEMES}


def _departments():
    return {row["code"] for row in read_rows("departements.csv")}


def _keys(where, record, kind):
    if not isinstance(record, dict):
        return [f"{where} : une table est attendue"]
    required, optional = SCHEMAS[kind]
    found = []
    for key in required:
        if key not in record:
            found.append(f"{where} : « {key} » manque")
    for key, value in record.items():
        expected = required.get(key) or optional.get(key)
        if expected is None:
            found.append(f"{where} : clé inconnue « {key} »")
        elif not isinstance(value, expected) or (
            expected is int and isinstance(value, bool)
        ):
            found.append(f"{where} : « {key} » doit être {NAMES[expected]}")
    return found


def _within(where, label, values, allowed):
    """Each value (one, or a list) is among ``allowed`` (slugs, codes: text)."""
    values = values if isinstance(values, list) else [values]
    return [
        f"{where} : {label} inconnu·e « {value} »"
        for value in values
        if not isinstance(value, str) or value not in allowed
    ]


def _month(where, key, value):
    try:
        content.month(value)
    except (ValueError, TypeError):
        return [f"{where} : « {key} » doit être un mois AAAA-MM, pas « {value} »"]
    return []


def _unique(file, label, values):
    seen, found = set(), []
    for value in values:
        if value in seen:
            found.append(f"{file} : {label} « {value} » en double")
        seen.add(value)
    return found


def _common(where, record, departments):
    """Rubric, role, département, themes and months, as the form takes them."""
    found = []
    if "rubric" in record:
        found += _within(where, "rubrique", record["rubric"], Rubric.values)
    if "role" in record:
        found += _within(where, "rôle", record["role"], ContributorRole.values)
    if "department" in record:
        found += _within(where, "département", record["department"], departments)
    if isinstance(record.get("themes"), list):
        found += _within(where, "thématique", record["themes"], THEMES)
    for key in ("start", "end"):
        if isinstance(record.get(key), str):
            found += _month(where, key, record[key])
    return found


def _media(data):
    found = []
    for key, spec in data.get("images", {}).items():
        where = f"media.toml, image « {key} »"
        found += _keys(where, spec, "image")
        motifs = [*media.MOTIFS, media.COVER]
        found += _within(where, "motif", spec.get("motif", ""), motifs)
        if spec.get("motif") == media.COVER and not spec.get("kicker"):
            found.append(f"{where} : une couverture a besoin d'un « kicker »")
    for key, spec in data.get("documents", {}).items():
        where = f"media.toml, document « {key} »"
        found += _keys(where, spec, "pdf")
        rows = [spec.get("header", []), *spec.get("rows", [])]
        if any(not isinstance(row, list) or len(row) != 2 for row in rows):
            found.append(f"{where} : chaque ligne du tableau a deux cellules")
    found += _unique(
        "media.toml", "titre", [s["title"] for s in data["images"].values()]
    )
    return found


def _experiences(data_list, images, documents, departments):
    found = _unique("experiences.toml", "slug", [d.get("slug") for d in data_list])
    for data in data_list:
        where = f"experiences.toml, expérience « {data.get('slug')} »"
        found += _keys(where, data, "experience") + _common(where, data, departments)
        for photo in data.get("photos", []):
            found += _keys(f"{where}, photo", photo, "photo")
            found += _within(where, "image", photo.get("image", ""), images)
        for item in data.get("documents", []):
            found += _keys(f"{where}, document", item, "document")
            found += _within(where, "document", item.get("document", ""), documents)
        for link in data.get("links", []):
            found += _keys(f"{where}, lien", link, "link")
        if not data.get("ongoing") and not data.get("end"):
            found.append(f"{where} : sans « end », l'expérience doit être « ongoing »")
    return found


def _body(where, body, stream_block, experiences):
    found = []
    for position, block in enumerate(body, start=1):
        kind = block.get("type") if isinstance(block, dict) else None
        here = f"{where}, bloc {position}"
        if kind not in BLOCK_TYPES or kind not in stream_block.child_blocks:
            found.append(f"{here} : type de bloc inconnu « {kind} »")
            continue
        child = stream_block.child_blocks[kind]
        keys = {key for key in block if key != "type"}
        names = set(getattr(child, "child_blocks", {"text": None}))
        found += [f"{here} : clé inconnue « {key} »" for key in keys - names]
        required = {
            name
            for name, sub in getattr(child, "child_blocks", {}).items()
            if sub.required
        } or {"text"}
        found += [f"{here} : « {key} » manque" for key in required - keys]
        found += [
            f"{here} : « {key} » doit être {NAMES[str]}"
            for key in keys
            if not isinstance(block[key], str)
        ]
        for key in keys & names:
            sub = getattr(child, "child_blocks", {}).get(key)
            if isinstance(sub, ChoiceBlock):
                allowed = [value for value, _label in sub.field.choices if value]
                found += _within(here, f"« {key} »", block[key], allowed)
        if "experience" in block:
            found += _within(here, "expérience", block["experience"], experiences)
    return found


def _pages(file, label, kind, model, data_list, experiences, more):
    """Recaps and articles: keys, type, themes, body; ``more`` checks the rest."""
    found = _unique(file, "slug", [d.get("slug") for d in data_list])
    stream_block = model._meta.get_field("body").stream_block
    for data in data_list:
        where = f"{file}, {label} « {data.get('slug')} »"
        found += _keys(where, data, kind) + _common(where, data, set())
        found += _within(where, "type", data.get("kind", ""), model.Kind.values)
        found += more(where, data)
        found += _body(where, data.get("body", []), stream_block, experiences)
    return found


def _recap(where, data):
    formats = EventRecapPage.Format.values
    found = _within(where, "format", data.get("format", ""), formats)
    for speaker in data.get("speakers", []):
        found += _keys(f"{where}, intervenant·e", speaker, "speaker")
    return found


def _article(where, data):
    return _within(where, "rubrique", data.get("rubrics", []), Rubric.values)


def _booklet(data, images, experiences):
    where = "booklet.toml"
    found = _keys(where, data, "booklet")
    found += _within(where, "image de couverture", data.get("cover", ""), images)
    found += _within(where, "expérience", data.get("sheets", []), experiences)
    found += _unique(where, "fiche", data.get("sheets", []))
    kinds = [front.get("type") for front in data.get("front_matter", [])]
    found += _within(where, "page liminaire", kinds, FRONT_PAGES)
    found += _unique(where, "page liminaire", kinds)
    return found


def _history(where, data):
    """The history leads from the sent state to the declared one."""
    status, steps = data.get("status"), data.get("history", [])
    if status not in Status.values:
        return [f"{where} : état inconnu « {status} »"]
    if status == Status.DRAFT:
        return [f"{where} : un brouillon n'a pas d'historique"] if steps else []
    found, state = [], TRANSITIONS["submit"].target
    for step in steps:
        found += _keys(f"{where}, étape", step, "step")
        transition = TRANSITIONS.get(step.get("transition"))
        if transition is None:
            found.append(f"{where} : transition inconnue « {step.get('transition')} »")
            return found
        if state not in transition.sources:
            found.append(
                f"{where} : « {transition.name} » impossible depuis « {state} »"
            )
            return found
        if transition.message_required and not step.get("message", "").strip():
            found.append(f"{where} : « {transition.name} » demande un message")
        state = transition.target or state
    if data.get("signoff"):
        # Accepted by the loader, which makes the page and approves its review.
        if state != Status.IN_REVIEW:
            found.append(f"{where} : « signoff » demande un historique « en-examen »")
        state = Status.ACCEPTED
    if state != status:
        found.append(f"{where} : l'historique mène à « {state} », pas à « {status} »")
    if data.get("assigned") and "take" not in [s.get("transition") for s in steps]:
        found.append(f"{where} : « assigned » demande une étape « take »")
    return found


def _submissions(data_list, departments):
    emails = [d.get("email") for d in data_list]
    found = _unique("submissions.toml", "adresse", emails)
    for data in data_list:
        where = f"submissions.toml, contribution « {data.get('email')} »"
        found += _keys(where, data, "submission") + _common(where, data, departments)
        if not str(data.get("email", "")).endswith("@example.org"):
            found.append(f"{where} : l'adresse doit être fictive, en @example.org")
        found += _history(where, data)
    return found


def _section(file, check):
    """One file's problems; a shape the checks above do not expect (a table
    where a list belongs…) is reported rather than raised."""
    try:
        return check()
    except tomllib.TOMLDecodeError as error:
        return [f"{file}.toml : TOML invalide ({error})"]
    except (AttributeError, KeyError, TypeError) as error:
        return [
            f"{file}.toml : structure inattendue ({type(error).__name__} : {error})"
        ]


def _names(read):
    """The keys or slugs the other files refer to (none if unreadable)."""
    try:
        return set(read())
    except (tomllib.TOMLDecodeError, AttributeError, KeyError, TypeError):
        return set()


def problems():
    """Every problem found in the data files, in French; empty when all is well."""
    departments = _departments()
    images = _names(lambda: content.media()["images"])
    documents = _names(lambda: content.media()["documents"])
    slugs = _names(lambda: [data["slug"] for data in content.experiences()])
    return [
        *_section("media", lambda: _media(content.media())),
        *_section(
            "experiences",
            lambda: _experiences(content.experiences(), images, documents, departments),
        ),
        *_section(
            "recaps",
            lambda: _pages(
                "recaps.toml",
                "compte rendu",
                "recap",
                EventRecapPage,
                content.recaps(),
                slugs,
                _recap,
            ),
        ),
        *_section(
            "articles",
            lambda: _pages(
                "articles.toml",
                "article",
                "article",
                ArticlePage,
                content.articles(),
                slugs,
                _article,
            ),
        ),
        *_section("booklet", lambda: _booklet(content.booklet(), images, slugs)),
        *_section(
            "submissions", lambda: _submissions(content.submissions(), departments)
        ),
    ]
