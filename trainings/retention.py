"""Registrations are erased ``TRAINING_RETENTION_MONTHS`` after their session
(12 by default), with every email about them (core.retention); the session
keeps how many were registered and how many came."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dateutil.relativedelta import relativedelta

from core import retention
from trainings.constants import Status
from trainings.models import Registration, TrainingSessionPage


def cutoff(now=None):
    months = settings.TRAINING_RETENTION_MONTHS
    return (now or timezone.now()) - relativedelta(months=months)


def purge_registrations(now=None, dry_run=False):
    """Erase the registrations of sessions ended before the cutoff; return how
    many were erased."""
    sessions = TrainingSessionPage.objects.filter(
        ends_at__lte=cutoff(now), registrations__isnull=False
    ).distinct()
    erased = 0
    for session_id in list(sessions.values_list("pk", flat=True)):
        registrations = Registration.objects.filter(session_id=session_id)
        if dry_run:
            erased += registrations.count()
            continue
        with transaction.atomic():
            TrainingSessionPage.objects.select_for_update(of=("self",)).get(
                pk=session_id
            )
            TrainingSessionPage.objects.filter(pk=session_id).update(
                kept_registered_count=registrations.filter(
                    status=Status.CONFIRMED
                ).count(),
                kept_attended_count=registrations.filter(attended=True).count(),
            )
            for registration in registrations:
                retention.forget_emails_about(registration)
                registration.delete()
                erased += 1
    return erased


retention.register_purge(_("Inscriptions aux formations"), purge_registrations)
