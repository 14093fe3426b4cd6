"""A word-level diff of two texts, readable with a screen reader.

Insertions and deletions are ``<ins>``/``<del>`` with their start and end said
in words (visually hidden text), not only shown in colour. Paragraphs (blank
lines) are kept as ``<p>``; a change that spans paragraphs is closed and
reopened at each boundary, so the HTML stays well formed.
"""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# A paragraph break, a run of other whitespace, a word (letters with their
# accents, digits, inner hyphens and middle dots of inclusive forms) or a
# single other character (punctuation, apostrophes straight or curly).
TOKEN_RE = re.compile(r"\n\s*\n|\s+|\w+(?:[-·]\w+)*|[^\w\s]", re.UNICODE)
PARAGRAPH = "\n\n"

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
MARKS = {
    INSERT: ("ins", "début d'insertion", "fin d'insertion"),
    DELETE: ("del", "début de suppression", "fin de suppression"),
}


def units(text):
    """[(token, separator)…]: each word or sign with the space after it
    (" " or ""); paragraph breaks are tokens of their own."""
    found = []
    for token in TOKEN_RE.findall((text or "").replace("\r\n", "\n").strip()):
        if not token.strip():
            if token.count("\n") >= 2:
                found.append((PARAGRAPH, ""))
            elif found and found[-1][0] != PARAGRAPH:
                found[-1] = (found[-1][0], " ")
        else:
            found.append((token, ""))
    return found


def tokens(text):
    return [token for token, _separator in units(text)]


def _operations(old, new):
    before, after = units(old), units(new)
    matcher = difflib.SequenceMatcher(
        a=[t for t, _s in before], b=[t for t, _s in after], autojunk=False
    )
    result = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend((EQUAL, *unit) for unit in after[j1:j2])
            continue
        if tag in ("delete", "replace"):
            result.extend((DELETE, *unit) for unit in before[i1:i2])
        if tag in ("insert", "replace"):
            result.extend((INSERT, *unit) for unit in after[j1:j2])
    return result


def operations(old, new):
    """[(kind, token)…] turning ``old`` into ``new``, word by word."""
    return [(kind, token) for kind, token, _separator in _operations(old, new)]


def has_changes(old, new):
    return any(kind != EQUAL for kind, _token in operations(old, new))


def _paragraphs(ops):
    paragraph = []
    for kind, token, separator in ops:
        if token == PARAGRAPH:
            if kind == DELETE:
                # A paragraph break removed: said where it was.
                paragraph.append((DELETE, "¶", " "))
                continue
            yield paragraph
            paragraph = []
            continue
        paragraph.append((kind, token, separator))
    yield paragraph


def _runs(paragraph):
    runs = []
    for kind, token, separator in paragraph:
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(token + separator)
        else:
            runs.append((kind, [token + separator]))
    return runs


def _render_run(kind, text):
    if kind == EQUAL:
        return escape(text)
    words = text.rstrip()
    space = text[len(words) :]
    tag, start, end = MARKS[kind]
    return (
        f'<{tag} class="recueil-diff__{tag}">'
        f'<span class="fr-sr-only">[{start}] </span>{escape(words)}'
        f'<span class="fr-sr-only"> [{end}]</span></{tag}>{space}'
    )


def render(old, new):
    """The HTML of ``new`` with what changed from ``old`` marked."""
    html = []
    for paragraph in _paragraphs(_operations(old, new)):
        runs = _runs(paragraph)
        content = "".join(_render_run(kind, "".join(words)) for kind, words in runs)
        if content.strip():
            html.append(f"<p>{content.strip()}</p>")
    return mark_safe("".join(html))  # noqa: S308 - every text is escaped above
