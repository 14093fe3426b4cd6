"""Stored facet counts (experiences.models.facets.FacetCount), filled from the
experiences already published."""

from django.db import migrations, models


def fill(apps, schema_editor):
    # The live code, not historical models: the counts follow today's rules, and
    # an empty database (a fresh install) runs nothing but a few empty queries.
    from experiences.facet_counts import refresh_stored_counts

    # The listing rows come later (0011_listing_rows), with their table.
    refresh_stored_counts(rows=False)


class Migration(migrations.Migration):
    dependencies = [
        ("experiences", "0005_public_page_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="FacetCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("scope", models.CharField(blank=True, max_length=60)),
                ("facet", models.CharField(max_length=20)),
                ("value", models.CharField(max_length=255)),
                ("label", models.CharField(blank=True, max_length=255)),
                ("count", models.PositiveIntegerField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("scope", "facet", "value"),
                        name="experiences_facet_unique",
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
