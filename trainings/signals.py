"""A session published as cancelled tells every registrant, once (the outbox
key makes a second publication send nothing more)."""

from django.dispatch import receiver

from wagtail.signals import page_published

from trainings import emails
from trainings.constants import ACTIVE
from trainings.models import TrainingSessionPage


@receiver(page_published, sender=TrainingSessionPage)
def session_published(sender, instance, **kwargs):
    if not instance.cancelled:
        return
    for registration in instance.registrations.filter(status__in=ACTIVE):
        emails.session_cancelled(registration)
