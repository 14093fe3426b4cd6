"""Fields of the contribution form: plain text without control characters, a
month typed as ``YYYY-MM``, and several files under one name."""

import datetime
import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
# Kept in multi-line fields; every other control character goes.
LAYOUT_CONTROLS = {"\n", "\t"}
# Not characters at all: XML (hence XLSX and ODS) refuses them.
NONCHARACTERS = {"\ufffe", "\uffff"}


def plain_text(value, *, multiline):
    """``value`` without control characters. Multi-line text keeps its line
    breaks (as ``\\n``) and tabs; one line gets a space for any whitespace
    control character."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for char in value:
        if char in NONCHARACTERS:
            continue
        layout = multiline and char in LAYOUT_CONTROLS
        if unicodedata.category(char) != "Cc" or layout:
            kept.append(char)
        elif char.isspace():
            kept.append(" ")
    return "".join(kept)


class PlainTextField(forms.CharField):
    """Text as typed, minus the control characters (NUL, escape, backspace…)
    that no person means to type and that break exports and emails."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        multiline = isinstance(self.widget, forms.Textarea)
        cleaned = plain_text(value, multiline=multiline)
        return cleaned.strip() if self.strip else cleaned


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one name. Only collected here: the form counts them
    before ``experiences.uploads`` looks inside any."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [f for f in data if f]
        return [data] if data else []


class MonthField(forms.CharField):
    """A month typed as ``YYYY-MM``; cleans to the first day of that month."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs["maxlength"] = "7"

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        match = MONTH_RE.match(value)
        if not match:
            raise ValidationError(
                _("Écrivez l'année puis le mois, sous la forme AAAA-MM (2024-09)."),
                code="invalid",
            )
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12 or not 1990 <= year <= 2100:
            raise ValidationError(
                _("Ce mois n'existe pas : écrivez-le sous la forme AAAA-MM (2024-09)."),
                code="invalid",
            )
        return datetime.date(year, month, 1)

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value:%Y-%m}"
        return value
