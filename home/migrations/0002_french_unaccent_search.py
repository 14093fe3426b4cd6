"""PostgreSQL: a French full-text configuration that also ignores accents, so
that « évaluation » finds « evaluations » (stemming alone keeps the accent).
Nothing to do on SQLite."""

from django.db import migrations

from core.migration_operations import postgresql_only

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
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
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;"


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [postgresql_only(CREATE, DROP)]
