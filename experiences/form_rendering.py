"""How the contribution form is laid out: its fieldsets, in the design's order,
and what the template needs to render each field the DSFR way."""

from django import forms
from django.utils.translation import gettext_lazy as _

FIELDSETS = [
    (
        "experience",
        _("Votre expérience"),
        ["title", "rubric", "summary"],
    ),
    (
        "ou-et-quand",
        _("Où et quand"),
        [
            "communes",
            "departement",
            "quartiers",
            "start_date",
            "end_date",
            "ongoing",
            "feature",
        ],
    ),
    (
        "deroulement",
        _("Ce qui s'est passé"),
        [
            "objectives",
            "approach",
            "actors",
            "results",
            "difficulties",
            "advice",
            "themes",
            "tags",
            "links",
        ],
    ),
    ("documents", _("Documents"), ["attachments"]),
    (
        "vous",
        _("Vous"),
        [
            "first_name",
            "last_name",
            "email",
            "phone",
            "role",
            "organisation",
            "council",
            "consent_data",
            "consent_licence",
            "consent_public_contact",
        ],
    ),
]


class FieldsetsMixin:
    """For ``ContributionForm``: ``required_for_submit`` and ``rubric_help`` are
    set by its ``__init__``."""

    def fieldsets(self):
        for slug, legend, names in FIELDSETS:
            yield {
                "slug": slug,
                "legend": legend,
                "fields": [self.field_info(name) for name in names],
            }

    def field_info(self, name):
        """What the template needs to render one field the DSFR way."""
        bound = self[name]
        field = bound.field
        widget = field.widget
        required = name in self.required_for_submit
        # CheckboxSelectMultiple is a RadioSelect subclass: test it first.
        if isinstance(widget, forms.CheckboxSelectMultiple):
            kind = "checkboxes"
        elif isinstance(widget, forms.RadioSelect):
            kind = "radio"
        elif isinstance(widget, forms.CheckboxInput):
            kind = "checkbox"
        elif isinstance(widget, forms.ClearableFileInput):
            kind = "file"
        elif isinstance(widget, forms.Select):
            kind = "select"
        else:
            kind = "textarea" if isinstance(widget, forms.Textarea) else "text"
        hint = [_("Obligatoire.") if required else _("Facultatif.")]
        max_length = getattr(field, "max_length", None)
        if (
            max_length
            and kind in ("text", "textarea")
            and name
            not in (
                "start_date",
                "end_date",
            )
        ):
            hint.append(_("%(max)s caractères au plus.") % {"max": max_length})
        if field.help_text:
            hint.append(str(field.help_text))
        # Django points aria-describedby at these ids (help text, errors).
        error_id = f"{bound.auto_id}_error"
        css = {"select": "fr-select", "file": "fr-upload"}.get(kind, "fr-input")
        if kind in ("text", "textarea", "select", "file"):
            widget.attrs["class"] = f"{css} {css}--error" if bound.errors else css
            if max_length and kind == "textarea":
                widget.attrs["data-counter"] = str(max_length)
        return {
            "name": name,
            "field": bound,
            "kind": kind,
            "required": required,
            "hint": " ".join(str(h) for h in hint),
            "error_id": error_id,
            "hint_id": f"{bound.auto_id}_helptext",
            "rubric_help": self.rubric_help if name == "rubric" else None,
        }
