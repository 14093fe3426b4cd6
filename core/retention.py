"""What the daily purge removes beside the domain's own records: finished task
rows, expired sessions, and every trace of an object that is erased (its
outbox emails, their tasks and audit-log entries, the session keys that name
it)."""

import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils import timezone

from wagtail.models import ModelLogEntry

from django_tasks_db.models import DBTaskResult

from core import outbox
from core.models import OutboxEmail

SEND_TASK_PATH = outbox.send_outbox_email.module_path


def prune_finished_tasks(days=None, *, now=None):
    """Delete task rows finished more than ``days`` ago; return how many."""
    days = settings.TASKS_KEEP_FINISHED_DAYS if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _ = (
        DBTaskResult.objects.finished().filter(finished_at__lte=cutoff).delete()
    )
    return deleted


def clear_expired_sessions():
    """What ``manage.py clearsessions`` does, for the configured engine."""
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()


def forget_emails_about(instance, *, mentioning=()):
    """Delete the outbox emails about ``instance``, the task rows that name
    them, their audit-log entries, and any task row whose arguments contain
    one of the ``mentioning`` texts (rows queued before the outbox carried
    addresses and links). Returns the number of emails deleted."""
    emails = outbox.emails_about(instance)
    ids = list(emails.values_list("pk", flat=True))
    tasks = Q(task_path=SEND_TASK_PATH, args_kwargs__args__0__in=ids) if ids else Q()
    for text in mentioning:
        if text:
            tasks |= Q(args_kwargs__icontains=text)
    if tasks:
        DBTaskResult.objects.filter(tasks).delete()
    if ids:
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(OutboxEmail),
            object_id__in=[str(pk) for pk in ids],
        ).delete()
    emails.delete()
    return len(ids)


def forget_in_sessions(keys, value):
    """Remove from every live database session the ``keys`` whose ``"id"`` is
    ``value``; a session left empty is deleted. Returns how many changed."""
    changed = 0
    live = Session.objects.filter(expire_date__gt=timezone.now())
    for session in live.iterator():
        data = session.get_decoded()
        stale = [
            key
            for key in keys
            if isinstance(data.get(key), dict) and data[key].get("id") == value
        ]
        if not stale:
            continue
        for key in stale:
            del data[key]
        Session.objects.save(session.session_key, data, session.expire_date)
        changed += 1
    return changed


# What the domain apps add to `purge_personal_data` (core imports no app): each
# registers a function ``purge(now, dry_run)`` that returns how many records it
# erased, with the French label the command prints.
PURGES: dict[str, object] = {}


def register_purge(label, purge):
    PURGES[label] = purge


def run_registered_purges(*, now, dry_run=False):
    """[(label, count)] for each registered purge, run in turn."""
    return [(label, purge(now, dry_run)) for label, purge in PURGES.items()]
