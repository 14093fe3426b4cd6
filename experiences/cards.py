"""What an experience's card shows (components/experience_card.html), read as
plain values: a filtered listing's page of twelve cards comes with its facet
counts, in the same statement (experiences.facet_counts), without a query nor
twelve page instances of its own.

A ``Card`` answers the card template as an ``ExperiencePage`` does (title,
summary, rubric label, communes, department, start date, state) and its link
as ``core.urls.page_path`` reckons a page's: from its ``url_path``.
"""

import datetime
import json
from typing import NamedTuple

from django.db import connection

from wagtail.models import Page

from core.sql import column, table
from experiences.constants import RUBRIC_LABELS
from experiences.models import ExperiencePage


class Department(NamedTuple):
    code: str
    name: str


class Card(NamedTuple):
    pk: int
    title: str
    url_path: str
    summary: str
    rubric: str
    communes: str
    department: Department | None
    start_date: object
    ongoing: bool

    @property
    def rubric_label(self):
        return RUBRIC_LABELS.get(self.rubric, self.rubric)


def card_join(key):
    """SQL: the tables a card's other values are read from (``card_values``),
    joined to the experience of key ``key`` (a column reference)."""
    link = column(ExperiencePage, "page_ptr")
    return (
        f"JOIN {table(Page)} cp ON cp.id = {key} "
        f"JOIN {table(ExperiencePage)} ce ON ce.{link} = {key}"
    )


# What a card shows beside the listing row's values, as card_join reads them.
VALUES = (
    ("cp", Page, "url_path"),
    ("ce", ExperiencePage, "summary"),
    ("ce", ExperiencePage, "communes"),
    ("ce", ExperiencePage, "start_date"),
    ("ce", ExperiencePage, "ongoing"),
)


def card_values(rubric, code, name):
    """SQL: a card's values but its key and title, as one text (a JSON array,
    for a statement's column of text: experiences.facet_counts): its rubric,
    department code and name (column references to the listing row's), and
    the others, from ``card_join``'s tables."""
    columns = ", ".join(
        (rubric, code, name)
        + tuple(f"{alias}.{column(model, field)}" for alias, model, field in VALUES)
    )
    if connection.vendor == "postgresql":
        return f"CAST(json_build_array({columns}) AS TEXT)"
    return f"json_array({columns})"


def card_from_row(key, title, values):
    """The card of the experience ``key`` from its title and the text of
    ``card_values``."""
    rubric, code, name, url_path, summary, communes, start, ongoing = json.loads(values)
    return Card(
        int(key),
        title,
        url_path,
        summary,
        rubric,
        communes,
        Department(code, name) if code is not None else None,
        datetime.date.fromisoformat(start) if start else None,
        bool(ongoing),
    )
