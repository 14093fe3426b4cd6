"""The site's identity moves to core (core.SiteIdentity): its row is copied
with its id, and its content type follows it, so that the groups' permission
to change it and the history of its changes are kept. Then the old table goes.

When core's content type already exists (``migrate core`` was run on its own
first), the grants and the history are moved onto it instead."""

from django.core.management.color import no_style
from django.db import migrations

FIELDS = (
    "service_name",
    "service_tagline",
    "operator_name",
    "contact_email",
    "footer_text",
)
MODEL = "siteidentity"


def copy_rows(schema_editor, source, target):
    db = schema_editor.connection.alias
    for row in source.objects.using(db).all():
        target.objects.using(db).update_or_create(
            pk=row.pk, defaults={name: getattr(row, name) for name in FIELDS}
        )
    # Ids were given: the table's sequence (PostgreSQL) starts after them.
    for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [target]):
        schema_editor.execute(sql)


def move_content_type(apps, db, old_label, new_label):
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(db)
    old = content_types.filter(app_label=old_label, model=MODEL).first()
    if old is None:
        return
    new = content_types.filter(app_label=new_label, model=MODEL).first()
    if new is None:
        old.app_label = new_label
        old.save(update_fields=["app_label"])
        return
    permissions = apps.get_model("auth", "Permission").objects.using(db)
    for permission in permissions.filter(content_type=old):
        target, _ = permissions.get_or_create(
            content_type=new,
            codename=permission.codename,
            defaults={"name": permission.name},
        )
        for group in permission.group_set.all():
            group.permissions.add(target)
        for user in permission.user_set.all():
            user.user_permissions.add(target)
    log_entries = apps.get_model("wagtailcore", "ModelLogEntry").objects.using(db)
    log_entries.filter(content_type=old).update(content_type=new)
    old.delete()


def forwards(apps, schema_editor):
    old, new = (
        apps.get_model("home", "SiteIdentity"),
        apps.get_model("core", "SiteIdentity"),
    )
    copy_rows(schema_editor, old, new)
    move_content_type(apps, schema_editor.connection.alias, "home", "core")


def backwards(apps, schema_editor):
    old, new = (
        apps.get_model("home", "SiteIdentity"),
        apps.get_model("core", "SiteIdentity"),
    )
    copy_rows(schema_editor, new, old)
    move_content_type(apps, schema_editor.connection.alias, "core", "home")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_siteidentity"),
        ("home", "0002_french_unaccent_search"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="SiteIdentity"),
    ]
