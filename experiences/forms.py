"""The public contribution form.

Its HTML field names are a public contract (DESIGN.md, "The form's public
contract"): links may pre-fill it and outside tools rely on them. Everything is
plain text; templates escape it wherever it is shown.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from experiences import uploads
from experiences.constants import RUBRIC_EXPECTED, ContributorRole, Rubric
from experiences.form_fields import MonthField, MultipleFileField, PlainTextField
from experiences.form_rendering import FieldsetsMixin

LONG_TEXT = 5000
MAX_TAGS = 10
MAX_TAG_LENGTH = 50
MAX_LINKS = 10
MAX_THEMES = 12

# Fields a draft needs; every other field becomes optional when saving a draft.
DRAFT_REQUIRED = {"email"}
# What the published page shows of the contributor (the licence consent says so
# too, see home.setup).
ROLE_IS_PUBLIC = _("Votre rôle figure sur la fiche publiée, avec votre structure.")
ORGANISATION_IS_PUBLIC = _(
    "Votre structure figure sur la fiche publiée, avec votre rôle."
)


class ContributionForm(FieldsetsMixin, forms.Form):
    # Votre expérience
    title = PlainTextField(label=_("Titre de l'expérience"), max_length=200)
    rubric = forms.ChoiceField(
        label=_("Rubrique"),
        choices=Rubric.choices,
        widget=forms.RadioSelect,
        help_text=_("Choisissez la rubrique la plus proche de votre expérience."),
    )
    summary = PlainTextField(
        label=_("Résumé en quelques phrases"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Il sera le chapô de la fiche publiée."),
    )
    # Où et quand
    communes = PlainTextField(label=_("Commune(s) ou intercommunalité"), max_length=255)
    departement = forms.ChoiceField(label=_("Département"))
    quartiers = PlainTextField(
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
    feature = PlainTextField(
        label=_("Signe particulier"),
        max_length=200,
        required=False,
        help_text=_("Ce qui rend votre expérience singulière, en une phrase."),
    )
    # Ce qui s'est passé
    objectives = PlainTextField(
        label=_("Objectifs"), max_length=LONG_TEXT, widget=forms.Textarea
    )
    approach = PlainTextField(
        label=_("La démarche"),
        max_length=LONG_TEXT,
        widget=forms.Textarea,
        help_text=_("Comment vous avez fait, étape par étape."),
    )
    actors = PlainTextField(
        label=_("Acteurs et partenaires"),
        max_length=LONG_TEXT,
        required=False,
        widget=forms.Textarea,
    )
    results = PlainTextField(
        label=_("Résultats et sujets de satisfaction"),
        max_length=LONG_TEXT,
        required=False,
        widget=forms.Textarea,
    )
    difficulties = PlainTextField(
        label=_("Difficultés et freins"),
        max_length=LONG_TEXT,
        required=False,
        widget=forms.Textarea,
    )
    advice = PlainTextField(
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
    tags = PlainTextField(
        label=_("Mots-clés"),
        max_length=500,
        required=False,
        help_text=_("Séparés par des virgules, par exemple : charte, formation."),
    )
    links = PlainTextField(
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
    first_name = PlainTextField(label=_("Prénom"), max_length=100)
    last_name = PlainTextField(label=_("Nom"), max_length=100)
    email = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        help_text=_("Format attendu : nom@domaine.fr"),
    )
    phone = PlainTextField(
        label=_("Téléphone"),
        max_length=30,
        required=False,
        help_text=_("Format attendu : 01 23 45 67 89"),
    )
    role = forms.ChoiceField(
        label=_("Vous êtes"),
        choices=ContributorRole.choices,
        widget=forms.RadioSelect,
        help_text=ROLE_IS_PUBLIC,
    )
    organisation = PlainTextField(
        label=_("Structure"),
        max_length=200,
        help_text=format_lazy(
            "{} {}",
            _("Commune, association, conseil citoyen, bailleur…"),
            ORGANISATION_IS_PUBLIC,
        ),
    )
    council = PlainTextField(
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
        self.rubric_help = rubric_help or {
            value: RUBRIC_EXPECTED[value] for value in Rubric.values
        }
        self.fields["departement"].choices = [
            ("", _("Choisissez un département")),
            *departements,
        ]
        self.fields["themes"].choices = list(themes)
        self.show_attachments(existing_attachments)
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
        self.check_files(cleaned)
        return cleaned

    def check_files(self, cleaned):
        """Count the files of the whole submission (those already joined, minus
        those removed, plus this post's) before looking inside any; then check
        each in turn (name, size, type, pixels: nothing is decoded here)."""
        self.checked_files = []
        files = cleaned.get("attachments") or []
        if not files:
            return
        kept = len(self.existing_attachments) - len(
            cleaned.get("remove_attachments") or []
        )
        if kept + len(files) > uploads.max_files():
            self.add_error(
                "attachments",
                ValidationError(
                    _(
                        "%(max)s fichiers au plus : vous en avez %(count)s. Retirez-en "
                        "avant d'en ajouter."
                    )
                    % {"max": uploads.max_files(), "count": kept + len(files)},
                    code="too_many",
                ),
            )
            return
        errors = []
        for upload in files:
            try:
                self.checked_files.append(uploads.check_upload(upload))
            except ValidationError as error:
                errors.append(error)
        if errors:
            self.add_error("attachments", errors)
        else:
            cleaned["attachments"] = self.checked_files

    def show_attachments(self, attachments):
        """The files already kept on the submission, each with its remove box."""
        self.existing_attachments = list(attachments)
        self.fields["remove_attachments"].choices = [
            (str(a.pk), a.original_name) for a in self.existing_attachments
        ]

    def valid_uploads(self):
        """Files of this post that passed their checks (kept even on errors)."""
        return getattr(self, "checked_files", [])

    @classmethod
    def initial_from_data(cls, data):
        """What was posted, as the initial values of an unbound form: a post
        that is not validated (refused by the bot trap, or that the database
        could not store) is shown again as typed, with no error and no file."""
        initial = {}
        for name, field in cls.base_fields.items():
            if isinstance(field, forms.FileField) or name not in data:
                continue
            if isinstance(field, forms.MultipleChoiceField):
                initial[name] = data.getlist(name)
            elif isinstance(field, forms.BooleanField):
                initial[name] = field.to_python(data.get(name))
            else:
                initial[name] = data.get(name)
        return initial
