from django.core.management.base import BaseCommand

from trainings import reminders


class Command(BaseCommand):
    help = (
        "Rappels des séances de formation : places proposées expirées, rappel 48 h "
        "avant, séances remplies à 80 % et 100 %, synthèses attendues et publiées. "
        "Chaque courriel part une fois ; à lancer par un minuteur (toutes les heures)."
    )

    def handle(self, *args, **options):
        done = reminders.run()
        self.stdout.write(
            f"Places proposées expirées : {done['expired_offers']} ; "
            f"rappels vérifiés : {done['reminders']} ; "
            f"synthèses réclamées : {done['synthesis_missing']} ; "
            f"participant·e·s prévenu·e·s de la synthèse : {done['synthesis_sent']}."
        )
