from django.core.management.base import BaseCommand

from experiences.updates import send_prompts


class Command(BaseCommand):
    help = (
        "Écrit « Où en est votre expérience ? » aux personnes dont l'expérience "
        "est publiée depuis UPDATE_PROMPT_MONTHS mois (à lancer chaque jour)."
    )

    def handle(self, *args, **options):
        count = send_prompts()
        self.stdout.write(f"{count} courriel(s) envoyé(s).")
