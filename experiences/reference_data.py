"""The official lists shipped with the project: régions, départements, themes."""

import csv
from pathlib import Path

from experiences.constants import DEFAULT_THEMES

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_rows(name):
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def load_reference_data(region_model, department_model, theme_model):
    """Create or update the régions, départements and default themes (idempotent)."""
    regions = {}
    for row in read_rows("regions.csv"):
        regions[row["code"]], _ = region_model.objects.update_or_create(
            code=row["code"], defaults={"name": row["nom"], "slug": row["slug"]}
        )
    for row in read_rows("departements.csv"):
        department_model.objects.update_or_create(
            code=row["code"],
            defaults={"name": row["nom"], "region": regions[row["region"]]},
        )
    for position, (slug, label) in enumerate(DEFAULT_THEMES):
        theme_model.objects.get_or_create(
            slug=slug, defaults={"label": label, "sort_order": position}
        )
