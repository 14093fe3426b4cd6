"""Dates the way French typography writes them: « 1er décembre 2026 »."""

import datetime

from django.utils import timezone

# Written out: the date reads the same whatever language is active (a task, a
# management command).
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_date(value):
    """« 1er décembre 2026 », « 2 janvier 2027 »; a datetime is first put in the
    site's time zone; "" for nothing."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"
