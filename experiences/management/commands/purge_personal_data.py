"""Erase the personal data that Recueil no longer needs (RGPD).

- declined, withdrawn and spam submissions, ``PURGE_AFTER_DAYS`` after the
  decision (12 months by default);
- drafts never submitted, ``PURGE_DRAFTS_AFTER_DAYS`` after their last change
  (3 months by default), once their author has been warned a month before;
- the address left with an error report, ``ERROR_REPORT_EMAIL_DAYS`` after
  it was sent (the report itself stays);
- contributors' files that no record refers to (left by a killed worker, see
  ``experiences.staging.sweep``).

The record itself stays, emptied (reference, state, rubric, département and
dates), with an entry in its history: a trace that it existed. Safe to run
daily: each record is purged once, each warning sent once per draft version.

It also deletes the task rows finished more than ``TASKS_KEEP_FINISHED_DAYS``
ago, the expired sessions and the queue's expired exports.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.log_actions import log

from core import retention
from experiences import notifications, queue_exports
from experiences.models import ErrorReport, Submission
from experiences.moderation import purge_personal_data
from experiences.staging import sweep
from experiences.states import CLOSED_STATES, Status

WARNING_DAYS = 30


class Command(BaseCommand):
    help = (
        "Purge les données personnelles des contributions non retenues, retirées, "
        "indésirables et des brouillons abandonnés ; prévient un mois avant."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Dire ce qui serait fait, sans rien changer ni envoyer.",
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        closed_cutoff = now - datetime.timedelta(days=settings.PURGE_AFTER_DAYS)
        draft_cutoff = now - datetime.timedelta(days=settings.PURGE_DRAFTS_AFTER_DAYS)
        warning_cutoff = draft_cutoff + datetime.timedelta(days=WARNING_DAYS)
        prefix = "[simulation] " if dry_run else ""

        pending = Submission.objects.filter(personal_data_purged_at__isnull=True)

        # 1. Drafts about to expire: warn their authors, once per version.
        to_warn = (
            pending.filter(status=Status.DRAFT, updated_at__lte=warning_cutoff)
            .exclude(email="")
            .filter(
                Q(draft_reminder_sent_at__isnull=True)
                | Q(draft_reminder_sent_at__lt=F("updated_at"))
            )
        )
        warned = 0
        for submission in to_warn.iterator():
            warned += 1
            if dry_run:
                continue
            purge_on = max(
                submission.updated_at
                + datetime.timedelta(days=settings.PURGE_DRAFTS_AFTER_DAYS),
                now + datetime.timedelta(days=WARNING_DAYS),
            )
            with transaction.atomic():
                entry = log(
                    instance=submission,
                    action="recueil.submission.reminder",
                    data={"purge_on": timezone.localdate(purge_on).isoformat()},
                )
                notifications.draft_expiring(submission, entry)
                # update(): a warning is not an edit, updated_at must not move.
                Submission.objects.filter(pk=submission.pk).update(
                    draft_reminder_sent_at=now
                )
        self.stdout.write(f"{prefix}Brouillons : {warned} avertissement(s) envoyé(s).")

        # 2. Closed submissions past the retention period.
        closed = pending.filter(status__in=CLOSED_STATES).annotate(
            closed_at=Coalesce("decided_at", "updated_at")
        )
        closed = closed.filter(closed_at__lte=closed_cutoff)
        # 3. Drafts past their period whose authors were warned long enough ago
        #    (or could not be warned: no address).
        warned_long_ago = now - datetime.timedelta(days=WARNING_DAYS)
        drafts = pending.filter(
            status=Status.DRAFT, updated_at__lte=draft_cutoff
        ).filter(
            Q(email="")
            | Q(
                draft_reminder_sent_at__gte=F("updated_at"),
                draft_reminder_sent_at__lte=warned_long_ago,
            )
        )
        for label, queryset in (
            ("Contributions closes", closed),
            ("Brouillons abandonnés", drafts),
        ):
            count = 0
            for submission in queryset.iterator():
                count += 1
                reference = submission.reference or f"brouillon n° {submission.pk}"
                if not dry_run:
                    purge_personal_data(submission, now=now)
                self.stdout.write(
                    f"{prefix}  purgé : {reference} ({submission.get_status_display()})"
                )
            self.stdout.write(f"{prefix}{label} : {count} purgée(s).")

        # Addresses left with error reports, once kept long enough to answer.
        report_cutoff = now - datetime.timedelta(days=settings.ERROR_REPORT_EMAIL_DAYS)
        reports = ErrorReport.objects.filter(created__lte=report_cutoff).exclude(
            email=""
        )
        erased = reports.count() if dry_run else reports.update(email="")
        self.stdout.write(
            f"{prefix}Signalements d'erreur : {erased} adresse(s) effacée(s)."
        )

        for label, count in retention.run_registered_purges(now=now, dry_run=dry_run):
            self.stdout.write(f"{prefix}{label} : {count} purgée(s).")
        # 4. Files left behind by a worker killed in the middle of a post.
        swept = sweep(dry_run=dry_run)
        self.stdout.write(
            f"{prefix}Fichiers orphelins : {swept.removed_staged} en attente et "
            f"{swept.removed_private} sans contribution supprimé(s), "
            f"{swept.moved} rangé(s) à leur place."
        )
        if swept.missing:
            self.stdout.write(
                f"{prefix}Pièces jointes sans fichier : {len(swept.missing)} "
                f"(n° {', '.join(str(pk) for pk in swept.missing[:20])})."
            )
        # 5. What the site no longer needs to remember.
        if dry_run:
            return
        tasks = retention.prune_finished_tasks(now=now)
        retention.clear_expired_sessions()
        expired_exports = queue_exports.purge_expired(now=now)
        self.stdout.write(
            f"Tâches terminées supprimées : {tasks} ; sessions expirées supprimées ; "
            f"exports expirés supprimés : {expired_exports}."
        )
