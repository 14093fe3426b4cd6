"""The published page shows the contributor's role and organisation: the
licence consent of existing call pages says so (live page and latest revision),
as the text of a new one does (home.setup)."""

from django.db import migrations

PREVIOUS = (
    "J'accepte que le récit de mon expérience (sans mes coordonnées) soit publié, "
    "éventuellement remanié, sous Licence Ouverte 2.0, sur ce site et dans le "
    "livret de fiches pratiques."
)
CURRENT = (
    "J'accepte que le récit de mon expérience soit publié, éventuellement "
    "remanié, sous Licence Ouverte 2.0, sur ce site et dans le livret de fiches "
    "pratiques. La fiche publiée indique mon rôle (professionnel·le, élu·e…) et "
    "ma structure ; mon nom et mes coordonnées n'y figurent qu'avec l'accord "
    "ci-dessous."
)
ADDED = " La fiche publiée indique mon rôle et ma structure."


def updated(text):
    if text.strip() == PREVIOUS:
        return CURRENT
    if "structure" in text.lower():
        return text  # an editor already said it in their own words
    return text.rstrip() + ADDED


def forwards(apps, schema_editor):
    CallPage = apps.get_model("experiences", "CallForContributionsPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in CallPage.objects.all():
        page.licence_consent_text = updated(page.licence_consent_text)
        page.save(update_fields=["licence_consent_text"])
        if page.latest_revision_id is None:
            continue
        revision = Revision.objects.filter(pk=page.latest_revision_id).first()
        if revision is not None and "licence_consent_text" in revision.content:
            revision.content["licence_consent_text"] = updated(
                revision.content["licence_consent_text"]
            )
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("experiences", "0003_tracking_token_salt"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
