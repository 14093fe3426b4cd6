"""Put back in the queue the tasks whose worker died, and the waiting emails
whose task was lost (``db_worker`` does it every minute by itself)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from core.worker import reclaim


class Command(BaseCommand):
    help = (
        "Remet en file les tâches restées « en cours » (worker arrêté net) et les "
        "courriels en attente dont la tâche s'est perdue."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.TASKS_RECLAIM_AFTER_SECONDS,
            help="Âge minimal, en secondes (défaut : TASKS_RECLAIM_AFTER_SECONDS).",
        )

    def handle(self, *args, older_than, **options):
        tasks, emails = reclaim(older_than)
        self.stdout.write(
            f"{tasks} tâche(s) remise(s) en file, {emails} courriel(s) relancé(s)."
        )
