"""The lean copy of Wagtail's search index (core.models.SearchDocument).

PostgreSQL only: a trigger on ``wagtailsearch_indexentry`` keeps the copy in
step with every write Wagtail makes (its raw upserts, its raw deletes, a
rebuild, a truncation), the GIN index that the searches read, and the copy of
the entries already there. On SQLite the table stays empty.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from core.migration_operations import postgresql_only

GIN_INDEX = "core_searchdocument_document_gin"

CREATE = f"""
CREATE FUNCTION core_searchdocument_copy() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM core_searchdocument WHERE id = OLD.id;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.id <> OLD.id THEN
        DELETE FROM core_searchdocument WHERE id = OLD.id;
    END IF;
    -- Keys of at most 9 digits fit an integer (every page's does).
    IF NEW.object_id ~ '^[0-9]{{1,9}}$' THEN
        INSERT INTO core_searchdocument
            (id, content_type_id, object_id, document, title, title_norm)
        VALUES (NEW.id, NEW.content_type_id, NEW.object_id::integer,
                NEW.title || NEW.body, NEW.title, NEW.title_norm)
        ON CONFLICT (id) DO UPDATE SET
            content_type_id = EXCLUDED.content_type_id,
            object_id = EXCLUDED.object_id,
            document = EXCLUDED.document,
            title = EXCLUDED.title,
            title_norm = EXCLUDED.title_norm;
    ELSE
        DELETE FROM core_searchdocument WHERE id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION core_searchdocument_clear() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- DELETE, not TRUNCATE: a TRUNCATE of both tables at once (Django's
    -- flush) holds the copy, and a nested TRUNCATE of it would fail.
    DELETE FROM core_searchdocument;
    RETURN NULL;
END
$$;

-- Every write, even of the same values: ``update_index`` rewrites every
-- entry, and so repairs the copy too.
CREATE TRIGGER core_searchdocument_write
AFTER INSERT OR UPDATE OR DELETE ON wagtailsearch_indexentry
FOR EACH ROW EXECUTE FUNCTION core_searchdocument_copy();

CREATE TRIGGER core_searchdocument_truncate
AFTER TRUNCATE ON wagtailsearch_indexentry
FOR EACH STATEMENT EXECUTE FUNCTION core_searchdocument_clear();

INSERT INTO core_searchdocument
    (id, content_type_id, object_id, document, title, title_norm)
SELECT id, content_type_id, object_id::integer, title || body, title, title_norm
FROM wagtailsearch_indexentry
WHERE object_id ~ '^[0-9]{{1,9}}$';

-- Built after the copy. No pending list (fastupdate): a search never reads
-- a list of entries not yet merged, and the planner never shuns the index
-- for it; each publication writes a handful of entries, not thousands.
CREATE INDEX {GIN_INDEX} ON core_searchdocument USING gin (document)
    WITH (fastupdate = off);

ANALYZE core_searchdocument;
"""

DROP = f"""
DROP TRIGGER IF EXISTS core_searchdocument_write ON wagtailsearch_indexentry;
DROP TRIGGER IF EXISTS core_searchdocument_truncate ON wagtailsearch_indexentry;
DROP FUNCTION IF EXISTS core_searchdocument_copy();
DROP FUNCTION IF EXISTS core_searchdocument_clear();
DROP INDEX IF EXISTS {GIN_INDEX};
"""


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_siteidentity"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.IntegerField(primary_key=True, serialize=False)),
                ("object_id", models.IntegerField()),
                ("document", django.contrib.postgres.search.SearchVectorField()),
                ("title", django.contrib.postgres.search.SearchVectorField()),
                ("title_norm", models.FloatField(default=1.0)),
                (
                    "content_type",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
            ],
            options={
                "verbose_name": "document de recherche",
                "verbose_name_plural": "documents de recherche",
                "indexes": [
                    models.Index(
                        fields=["object_id"], name="core_searchdoc_object_idx"
                    )
                ],
            },
        ),
        postgresql_only(CREATE, DROP),
    ]
