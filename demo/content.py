"""The demo content as its TOML files under `demo/data/` hold it.

Each call reads the file afresh (a few milliseconds), so the loader may change
what it gets. TOML has dates and times but no month: months are "YYYY-MM", as
the contribution form takes them, and `month()` turns them into dates.
"""

import datetime
import tomllib
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


class DemoError(Exception):
    """The demo cannot be loaded: site not set up, a setting or a data file wrong."""


FILES = (
    "experiences",
    "recaps",
    "articles",
    "booklet",
    "submissions",
    "media",
    "trainings",
)


def read(name):
    with (DATA_DIR / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def experiences():
    return read("experiences")["experience"]


def recaps():
    return read("recaps")["recap"]


def articles():
    return read("articles")["article"]


def booklet():
    return read("booklet")


def submissions():
    return read("submissions")["submission"]


def media():
    """{"images": {key: …}, "documents": {key: …}}."""
    return read("media")


def pick(data, required, optional=""):
    """The values of the ``required`` keys and of the ``optional`` ones present
    (names separated by spaces), for a model's constructor: an absent optional
    key leaves the field to its default."""
    values = {name: data[name] for name in required.split()}
    values.update({name: data[name] for name in optional.split() if name in data})
    return values


def month(value):
    """The first day of month "YYYY-MM"; None for no value."""
    if not value:
        return None
    year, month_number = value.split("-")
    return datetime.date(int(year), int(month_number), 1)
