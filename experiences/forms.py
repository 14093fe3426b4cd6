"""The public contribution form.

Its HTML field names are a public contract (DESIGN.md, "The form's public
contract"): links may pre-fill it and outside tools rely on them. Everything is
plain text; templates escape it wherever it is shown.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from experiences import uploads
from experiences.constants import RUBRIC_EXPECTED, ContributorRole, Rubric

MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
LONG_TEXT = 5000
MAX_TAGS = 10
MAX_TAG_LENGTH = 50
MAX_LINKS = 10
MAX_THEMES = 12

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

# Fields a draft needs; every other field becomes optional when saving a draft.
DRAFT_REQUIRED = {"email"}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one name; each is checked by ``uploads``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            files = [f for f in data if f]
        else:
            files = [data] if data else []
        errors = []
        checked = []
        for upload in files:
            try:
                checked.append(uploads.check_upload(upload))
            except ValidationError as error:
                errors.append(error)
        if errors:
            # Valid files of the same post are kept; the view stores them.
            self.valid_files = checked
            raise ValidationError(errors)
        return checked


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


class ContributionForm(forms.Form):
    # Votre expérience
    title = forms.CharField(label=_("Titre de l'expérience"), max_length=200)
    rubric = forms.ChoiceField(
        label=_("Rubrique"),
        choices=Rubric.choices,
        widget=forms.RadioSelect,
        help_text=_("Choisissez la rubrique la plus proche de votre expérience."),
    )
    summary = forms.CharField(
        label=_("Résumé en quelques phrases"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Il sera le chapô de la fiche publiée."),
    )
    # Où et quand
    communes = forms.CharField(
        label=_("Commune(s) ou intercommunalité"), max_length=255
    )
    departement = forms.ChoiceField(label=_("Département"))
    quartiers = forms.CharField(
        label=_("Quartier(s) prioritaire(s)"), max_length=255, required=False
    )
    start_date = MonthField(
        label=_("Début (mois et année)"),
        help_text=_("Format : AAAA-MM, par exemple 2024-09."),
    )
    end_date = MonthField(
        label=_("Fin (mois et année)"),
        required=False,
        help_text=_(
            "Format : AAAA-MM, par exemple 2025-06. Laissez vide si l'expérience "
            "est en cours."
        ),
    )
    ongoing = forms.BooleanField(label=_("L'expérience est en cours"), required=False)
    feature = forms.CharField(
        label=_("Signe particulier"),
        max_length=200,
        required=False,
        help_text=_("Ce qui rend votre expérience singulière, en une phrase."),
    )
    # Ce qui s'est passé
    objectives = forms.CharField(
        label=_("Objectifs"), max_length=LONG_TEXT, widget=forms.Textarea
    )
    approach = forms.CharField(
        label=_("La démarche"),
        max_length=LONG_TEXT,
        widget=forms.Textarea,
        help_text=_("Comment vous avez fait, étape par étape."),
    )
    actors = forms.CharField(
        label=_("Acteurs et partenaires"),
        max_length=LONG_TEXT,
        required=False,
        widget=forms.Textarea,
    )
    results = forms.CharField(
        label=_("Résultats et sujets de satisfaction"),
        max_length=LONG_TEXT,
        required=False,
        widget=forms.Textarea,
    )
    difficulties = forms.CharField(
        label=_("Difficultés et freins"),
        max_length=LONG_TEXT,
        required=False,
        widget=forms.Textarea,
    )
    advice = forms.CharField(
        label=_("Conseils pour celles et ceux qui voudraient faire de même"),
        max_length=LONG_TEXT,
        required=False,
        widget=forms.Textarea,
    )
    themes = forms.MultipleChoiceField(
        label=_("Thématiques"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(
        label=_("Mots-clés"),
        max_length=500,
        required=False,
        help_text=_("Séparés par des virgules, par exemple : charte, formation."),
    )
    links = forms.CharField(
        label=_("Liens pour en savoir plus"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Une adresse par ligne (site, vidéo…), commençant par https://."),
    )
    attachments = MultipleFileField(
        label=_("Ajouter des fichiers"),
        required=False,
    )
    remove_attachments = forms.MultipleChoiceField(
        label=_("Fichiers déjà joints"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Vous
    first_name = forms.CharField(label=_("Prénom"), max_length=100)
    last_name = forms.CharField(label=_("Nom"), max_length=100)
    email = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        help_text=_("Format attendu : nom@domaine.fr"),
    )
    phone = forms.CharField(
        label=_("Téléphone"),
        max_length=30,
        required=False,
        help_text=_("Format attendu : 01 23 45 67 89"),
    )
    role = forms.ChoiceField(
        label=_("Vous êtes"),
        choices=ContributorRole.choices,
        widget=forms.RadioSelect,
    )
    organisation = forms.CharField(
        label=_("Structure"),
        max_length=200,
        help_text=_("Commune, association, conseil citoyen, bailleur…"),
    )
    council = forms.CharField(
        label=_("Nom du conseil citoyen"), max_length=200, required=False
    )
    consent_data = forms.BooleanField()
    consent_licence = forms.BooleanField()
    consent_public_contact = forms.BooleanField(required=False)

    # The bot trap and the replay guard.
    form_nonce = forms.CharField(widget=forms.HiddenInput, max_length=64)
    rendered_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args,
        draft=False,
        call=None,
        departements=(),
        themes=(),
        rubric_help=None,
        existing_attachments=(),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.draft = draft
        self.existing_attachments = list(existing_attachments)
        self.rubric_help = rubric_help or {
            value: RUBRIC_EXPECTED[value] for value in Rubric.values
        }
        self.fields["departement"].choices = [
            ("", _("Choisissez un département")),
            *departements,
        ]
        self.fields["themes"].choices = list(themes)
        self.fields["remove_attachments"].choices = [
            (str(a.pk), a.original_name) for a in self.existing_attachments
        ]
        if call is not None:
            self.fields["consent_data"].label = call.privacy_consent_text
            self.fields["consent_licence"].label = call.licence_consent_text
            self.fields[
                "consent_public_contact"
            ].label = call.public_contact_consent_text
        self.fields["attachments"].help_text = uploads.limits_text()
        self.fields["attachments"].widget.attrs["accept"] = uploads.ACCEPT_ATTRIBUTE
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["phone"].widget.input_type = "tel"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        for name in ("start_date", "end_date"):
            self.fields[name].widget.attrs.update(
                {"inputmode": "numeric", "placeholder": "AAAA-MM"}
            )
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxSelectMultiple):
                message = _("Cochez au moins une case.")
            elif isinstance(field.widget, forms.RadioSelect):
                message = _("Choisissez une réponse.")
            elif isinstance(field.widget, forms.CheckboxInput):
                message = _("Cochez cette case pour envoyer votre contribution.")
            elif isinstance(field.widget, forms.Select):
                message = _("Choisissez dans la liste.")
            else:
                message = _("Ce champ est obligatoire.")
            field.error_messages["required"] = message
        self.fields["form_nonce"].required = True
        self.required_for_submit = {
            name for name, field in self.fields.items() if field.required
        } - {"form_nonce"}
        if draft:
            for name, field in self.fields.items():
                if name not in DRAFT_REQUIRED and name != "form_nonce":
                    field.required = False

    # --- cleaning

    def clean_tags(self):
        tags = [t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()]
        if len(tags) > MAX_TAGS:
            raise ValidationError(
                _("%(max)s mots-clés au plus.") % {"max": MAX_TAGS}, code="max"
            )
        if any(len(t) > MAX_TAG_LENGTH for t in tags):
            raise ValidationError(
                _("Chaque mot-clé fait %(max)s caractères au plus.")
                % {"max": MAX_TAG_LENGTH},
                code="max_length",
            )
        return ", ".join(tags)

    def clean_links(self):
        lines = [
            line.strip()
            for line in self.cleaned_data["links"].splitlines()
            if line.strip()
        ]
        if len(lines) > MAX_LINKS:
            raise ValidationError(
                _("%(max)s liens au plus.") % {"max": MAX_LINKS}, code="max"
            )
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(
                    _(
                        "« %(link)s » n'est pas une adresse web : elle doit commencer "
                        "par https:// (une adresse par ligne)."
                    )
                    % {"link": line[:100]},
                    code="invalid",
                ) from None
        return "\n".join(lines)

    def clean_themes(self):
        themes = self.cleaned_data["themes"]
        if len(themes) > MAX_THEMES:
            raise ValidationError(_("Trop de thématiques choisies."), code="max")
        return themes

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not re.fullmatch(r"[0-9+(). \-]{6,30}", phone):
            raise ValidationError(
                _(
                    "Écrivez un numéro de téléphone avec des chiffres, par exemple "
                    "01 23 45 67 89."
                ),
                code="invalid",
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        ongoing = cleaned.get("ongoing")
        if start and end and end < start:
            self.add_error(
                "end_date",
                ValidationError(
                    _("La fin ne peut pas précéder le début."), code="before_start"
                ),
            )
        if ongoing and end:
            self.add_error(
                "end_date",
                ValidationError(
                    _(
                        "Vous avez indiqué une fin et coché « en cours » : gardez "
                        "l'une ou l'autre."
                    ),
                    code="both",
                ),
            )
        if (
            not self.draft
            and start
            and not end
            and not ongoing
            and "end_date" not in self.errors
        ):
            self.add_error(
                "end_date",
                ValidationError(
                    _("Indiquez la fin, ou cochez « L'expérience est en cours »."),
                    code="required",
                ),
            )
        kept = len(self.existing_attachments) - len(
            cleaned.get("remove_attachments") or []
        )
        new = len(cleaned.get("attachments") or [])
        if kept + new > uploads.max_files():
            self.add_error(
                "attachments",
                ValidationError(
                    _(
                        "%(max)s fichiers au plus : vous en avez %(count)s. Retirez-en "
                        "avant d'en ajouter."
                    )
                    % {"max": uploads.max_files(), "count": kept + new},
                    code="too_many",
                ),
            )
        return cleaned

    # --- rendering helpers

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

    def valid_uploads(self):
        """Files of this post that passed their checks (kept even on errors)."""
        if self.is_bound and "attachments" in getattr(self, "cleaned_data", {}):
            return self.cleaned_data["attachments"]
        return getattr(self.fields["attachments"], "valid_files", [])
