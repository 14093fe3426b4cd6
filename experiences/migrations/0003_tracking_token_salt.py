"""Tracking links become derived from a per-submission salt.

Every existing submission gets a salt and the hash of its derived token: the
links sent before this migration stop working (the README says so). Task rows
of the former email task, which carried addresses, links and message bodies,
are deleted once finished; those still waiting cannot run any more (drain the
queue before deploying, see the README)."""

import base64
import hashlib
import secrets

from django.conf import settings
from django.db import migrations, models
from django.utils.crypto import salted_hmac

import experiences.models.submissions

LEGACY_EMAIL_TASK = "experiences.emails.send_email"


def derive_links(apps, schema_editor):
    Submission = apps.get_model("experiences", "Submission")
    for submission in Submission.objects.only("pk").iterator():
        salt = secrets.token_urlsafe(24)
        digest = salted_hmac(
            "recueil.tracking-link", salt, secret=settings.SECRET_KEY, algorithm="sha256"
        ).digest()
        token = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        Submission.objects.filter(pk=submission.pk).update(
            token_salt=salt, token_hash=hashlib.sha256(token.encode()).hexdigest()
        )


def forget_legacy_email_tasks(apps, schema_editor):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(
        task_path=LEGACY_EMAIL_TASK, status__in=["SUCCESSFUL", "FAILED"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("experiences", "0002_reference_data"),
        ("django_tasks_database", "0013_separate_exception_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="token_salt",
            field=models.CharField(
                default=experiences.models.submissions.new_salt,
                editable=False,
                max_length=64,
            ),
        ),
        migrations.RunPython(derive_links, migrations.RunPython.noop),
        migrations.RunPython(forget_legacy_email_tasks, migrations.RunPython.noop),
    ]
