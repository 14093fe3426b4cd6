from django.core.management.base import BaseCommand

from experiences.signoff.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Rappelle aux personnes contributrices qu'une fiche attend leur accord "
        "(à lancer chaque jour par un minuteur)."
    )

    def handle(self, *args, **options):
        count = send_reminders()
        self.stdout.write(f"{count} rappel(s) envoyé(s).")
