"""The registration form (stable field names, see issue 12) and the form a
registrant uses to correct what they told."""

from django import forms
from django.utils.translation import gettext_lazy as _

from trainings.models import Registration

FIELDS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "role",
    "organisation",
    "territory",
    "needs",
    "transport",
]
CHANGEABLE = ["phone", "organisation", "territory", "needs", "transport"]
HINTS = {
    "email": _("Format attendu : nom@domaine.fr. Votre lien personnel y est envoyé."),
    "phone": _("Facultatif. Pour vous prévenir d'un changement de dernière minute."),
    "organisation": _("Facultatif. Votre conseil citoyen, association ou service."),
    "territory": _("La commune ou l'intercommunalité (EPCI) de votre quartier."),
    "needs": _(
        "Facultatif. Accessibilité, garde d'enfant, interprétariat, régime alimentaire…"
    ),
    "transport": _(
        "Facultatif. Enquête mobilité de la séance : comment pensez-vous venir ?"
    ),
}
RADIO_FIELDS = {"role", "transport"}


class DsfrFieldsMixin:
    """Widgets with the DSFR classes; errors tied to their field for assistive
    technologies (``aria-invalid``, ``aria-describedby``)."""

    def style(self):
        for name, field in self.fields.items():
            field.help_text = HINTS.get(name, "")
            widget = field.widget
            if isinstance(widget, forms.RadioSelect | forms.CheckboxInput):
                continue
            css = "fr-select" if isinstance(widget, forms.Select) else "fr-input"
            widget.attrs.setdefault("class", css)
            widget.attrs["aria-describedby"] = f"id_{name}-aide"

    def mark_errors(self):
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"id_{name}-aide id_{name}-erreur"


class RegistrationForm(DsfrFieldsMixin, forms.ModelForm):
    consent_data = forms.BooleanField(
        label=_(
            "J'accepte que ces informations servent à organiser la séance. Elles "
            "sont effacées un an après la séance au plus tard."
        ),
        error_messages={"required": _("Cochez cette case pour vous inscrire.")},
    )

    class Meta:
        model = Registration
        fields = FIELDS
        widgets = {
            "role": forms.RadioSelect,
            "transport": forms.RadioSelect,
            "needs": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "first_name": {"required": _("Indiquez votre prénom.")},
            "last_name": {"required": _("Indiquez votre nom.")},
            "email": {
                "required": _("Indiquez votre adresse électronique."),
                "invalid": _(
                    "Cette adresse électronique n'est pas valide : vérifiez-la "
                    "(format nom@domaine.fr)."
                ),
            },
            "role": {"required": _("Choisissez ce qui vous décrit le mieux.")},
            "territory": {"required": _("Indiquez votre commune ou votre EPCI.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["transport"].choices = [
            c for c in self.fields["transport"].choices if c[0]
        ]
        self.fields["role"].choices = [c for c in self.fields["role"].choices if c[0]]
        self.fields["email"].widget.attrs.update(
            {"autocomplete": "email", "spellcheck": "false"}
        )
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "type": "tel"})
        self.style()

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def validate_unique(self):
        # One registration per address is decided under the session's lock
        # (trainings.registration.register), which resends the existing link.
        pass

    def registration_data(self):
        return {name: self.cleaned_data[name] for name in FIELDS}


class ChangeForm(DsfrFieldsMixin, forms.ModelForm):
    class Meta:
        model = Registration
        fields = CHANGEABLE
        widgets = RegistrationForm.Meta.widgets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="modifier", **kwargs)
        self.fields["transport"].choices = [
            c for c in self.fields["transport"].choices if c[0]
        ]
        self.style()
        for name in self.fields:
            self.fields[name].widget.attrs["aria-describedby"] = (
                f"id_modifier-{name}-aide"
            )

    def mark_errors(self):
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {
                        "aria-invalid": "true",
                        "aria-describedby": (
                            f"id_modifier-{name}-aide id_modifier-{name}-erreur"
                        ),
                    }
                )
