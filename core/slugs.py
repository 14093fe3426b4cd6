"""Slugs the way a French address reads: « Sœur » → ``soeur``, « æ » → ``ae``,
accents dropped, a hyphen where an apostrophe or a ``/`` joined two words
(``voyage-d-etude``, ``grazailles-fleming-la-reille``), cut at a word boundary.

``french_slug`` is used wherever our code makes a slug (the submission → page
bridge, the demo loader); pages created in the admin get it too: a new page
whose slug was left as Wagtail's auto-fill made it from the title (or empty)
is given the French slug when it is first saved (``normalise_new_page_slug``).
A page that already exists keeps its slug, hence its address; when an editor
changes it, ``wagtail.contrib.redirects`` keeps the old address as a redirect.
"""

import re
import unicodedata

from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.text import slugify

from wagtail.models import Page

MAX_LENGTH = 70
LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss", "ø": "o", "Ø": "O"}
)
# Apostrophes (straight, typographic, modifier letter) and slashes join words.
JOINERS = re.compile(r"['’ʼ‘`´/\\]+")


def transliterate(text):
    """Latin letters only: ligatures spelt out, accents dropped."""
    text = unicodedata.normalize("NFKD", (text or "").translate(LIGATURES))
    return "".join(char for char in text if not unicodedata.combining(char))


def french_slug(text, max_length=MAX_LENGTH):
    """The slug of ``text``, at most ``max_length`` characters, cut between words."""
    slug = slugify(JOINERS.sub(" ", transliterate(text)))
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    if cut.endswith("-") or "-" not in cut:
        return cut[:max_length].strip("-")
    return cut[: cut.rindex("-")].strip("-")


def unique_child_slug(parent, base, exclude_pk=None):
    """``base``, or ``base-2``, ``base-3``… the first free among ``parent``'s
    children."""
    siblings = parent.get_children().filter(slug__startswith=base)
    if exclude_pk is not None:
        siblings = siblings.exclude(pk=exclude_pk)
    taken = set(siblings.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def auto_slugs(title):
    """What Wagtail's auto-fill (and its server-side default) make of a title."""
    return {
        "",
        slugify(title),
        slugify(title, allow_unicode=True),
        slugify(transliterate(title)),
    }


@receiver(pre_save, dispatch_uid="recueil_french_slug")
def normalise_new_page_slug(sender, instance, **kwargs):
    """A page's first save: a slug left automatic becomes its French slug."""
    if not isinstance(instance, Page) or instance.pk is not None:
        return
    if not instance.path or instance.depth is None or instance.depth < 2:
        return
    wanted = french_slug(instance.title)
    slug = instance.slug
    if not wanted or slug == wanted:
        return
    # The server's own default may have added "-2" to a slug already taken.
    stem = re.sub(r"-\d+$", "", slug)
    if slug not in auto_slugs(instance.title) and stem not in auto_slugs(
        instance.title
    ):
        return
    parent = instance.get_parent()
    instance.slug = unique_child_slug(parent, wanted)
    instance.set_url_path(parent)
