"""The moderation queue at 50 000 submissions (issue 11).

- The queue's order (newest first, the key breaking ties) over what was sent:
  a partial index on both databases.
- PostgreSQL only: ``search_document``, a stored generated ``tsvector`` of the
  searched fields in the ``french_unaccent`` configuration (words, stemmed,
  accents ignored) with its GIN index; and a trigram GIN index over the fields
  searched as substrings (reference, email, names), so that « REX-2026-0004 »
  or « camille.dur » still find what they found. experiences.queue_search
  writes the same expressions in its queries: they must stay identical.
  The column is not in the model (SQLite has no such type): Django never
  selects it. Nothing else to do on SQLite, whose queue search stays a simple
  ``icontains``.
"""

from django.db import migrations, models

from core.migration_operations import postgresql_only

# The same configuration as home's 0002 migration, created here too if it is
# missing so that this app does not depend on the home app's migrations.
CONFIGURATION = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""
CREATE = """
ALTER TABLE experiences_submission ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (to_tsvector('french_unaccent'::regconfig,
        coalesce(reference, '') || ' ' || title || ' ' || summary || ' '
        || objectives || ' ' || approach || ' ' || results || ' '
        || first_name || ' ' || last_name || ' ' || email)) STORED;
CREATE INDEX submission_search_document ON experiences_submission
    USING gin (search_document);
CREATE INDEX submission_identity_trgm ON experiences_submission USING gin (
    (coalesce(reference, '') || ' ' || email || ' ' || first_name || ' '
     || last_name) gin_trgm_ops);
"""
DROP = """
DROP INDEX IF EXISTS submission_identity_trgm;
DROP INDEX IF EXISTS submission_search_document;
ALTER TABLE experiences_submission DROP COLUMN IF EXISTS search_document;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("experiences", "0004_licence_consent_names_role_and_organisation"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="submission",
            index=models.Index(
                condition=models.Q(("submitted_at__isnull", False)),
                fields=["-submitted_at", "-id"],
                name="submission_queue_order",
            ),
        ),
        postgresql_only((CONFIGURATION, CREATE), DROP),
    ]
