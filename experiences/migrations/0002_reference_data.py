from django.db import migrations


def load(apps, schema_editor):
    from experiences.reference_data import load_reference_data

    load_reference_data(
        apps.get_model("experiences", "Region"),
        apps.get_model("experiences", "Department"),
        apps.get_model("experiences", "Theme"),
    )


class Migration(migrations.Migration):
    dependencies = [("experiences", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
