"""The listing rows (experiences.models.facets.ListingRow), filled from the
experiences already published."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    # The live code, as 0006_facet_counts: an empty database runs two empty
    # statements. The searched rows come later (0014), with their table.
    from experiences.listing_rows import rebuild

    rebuild(searched=False)


class Migration(migrations.Migration):
    dependencies = [
        ("experiences", "0010_merge_checklists"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListingRow",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="experiences.experiencepage",
                    ),
                ),
                ("rubric", models.CharField(max_length=60)),
                ("region", models.CharField(max_length=100, null=True)),
                ("region_name", models.CharField(max_length=100, null=True)),
                ("department", models.CharField(max_length=3, null=True)),
                ("department_name", models.CharField(max_length=100, null=True)),
                ("role", models.CharField(blank=True, max_length=30)),
                ("year", models.PositiveIntegerField(null=True)),
                ("ongoing", models.BooleanField()),
                ("over", models.BooleanField()),
                ("published", models.DateTimeField(null=True)),
                ("title", models.CharField(max_length=255)),
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
