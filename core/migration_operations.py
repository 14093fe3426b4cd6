"""Migration operations shared by the apps' migrations: imported by them, so
kept small and never changed in meaning."""

from django.db import migrations


def postgresql_only(create, drop):
    """A RunPython that executes the SQL statements ``create`` (forwards) and
    ``drop`` (backwards) on PostgreSQL only: triggers, text search
    configurations, GIN and trigram indexes; SQLite (the first run) goes
    without them."""
    create = [create] if isinstance(create, str) else list(create)
    drop = [drop] if isinstance(drop, str) else list(drop)

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in create:
                schema_editor.execute(statement)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in drop:
                schema_editor.execute(statement)

    return migrations.RunPython(forwards, backwards, elidable=False)
