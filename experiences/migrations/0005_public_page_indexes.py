"""Indexes that the public pages' plans use (bench/RESULTS-public.md):

- the themes and the tags of experiences by theme / tag, then page, newest
  first: the pools of related experiences (experiences.related) read the
  newest 40 of a theme or a tag through them, and the facet counts join on them;
- PostgreSQL only: the columns the facet statement reads from every
  experience in scope (experiences.facet_counts), so that it reads a narrow
  index instead of the wide rows (index-only scan);
- PostgreSQL only: the full-text document Wagtail's database backend searches
  (``title || body`` of its index entries), so that a search reads the GIN
  index instead of every entry.
"""

from django.db import migrations, models

THEME_INDEX = "experiences_theme_page_idx"
DOCUMENT_INDEX = "recueil_indexentry_document_gin"
FACETS_INDEX = "experiences_facets_idx"


def create(apps, schema_editor):
    execute = schema_editor.execute
    execute(
        f"CREATE INDEX IF NOT EXISTS {THEME_INDEX} ON "
        "experiences_experiencepage_themes (theme_id, experiencepage_id)"
    )
    if schema_editor.connection.vendor == "postgresql":
        execute(
            f"CREATE INDEX IF NOT EXISTS {FACETS_INDEX} ON experiences_experiencepage "
            "(page_ptr_id) INCLUDE (rubric, department_id, contributor_role, start_date)"
        )
        execute(
            f"CREATE INDEX IF NOT EXISTS {DOCUMENT_INDEX} ON "
            "wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {THEME_INDEX}")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {DOCUMENT_INDEX}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {FACETS_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("experiences", "0004_licence_consent_names_role_and_organisation"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="experiencepagetag",
            index=models.Index(
                fields=["tag", "content_object"], name="experiences_tag_page_idx"
            ),
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
