import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import accounts
from demo.content import DemoError
from demo.loader import load_demo
from experiences.models import SignoffTaskState
from experiences.signoff.events import signoff_path

LABELS = {
    "experiences": "expériences",
    "recaps": "comptes rendus d'événements",
    "articles": "ressources",
    "booklets": "livret",
    "submissions": "contributions",
    "images": "images",
    "documents": "documents",
    "accounts": "comptes",
    "training_cycles": "cycle de formation",
    "training_sessions": "séances",
    "registrations": "inscriptions",
}


class Command(BaseCommand):
    help = (
        "Load the demo content (experiences, recaps, articles, booklet, "
        "submissions) and the demo accounts. Run after setup_site; idempotent. "
        "Accounts are refused unless DEBUG is on and the database is the embedded "
        "SQLite, or --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts",
            action="store_true",
            help="Load the content only, without the demo accounts.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Create the demo accounts even without DEBUG or on another database "
                "than the embedded SQLite (a developer's own PostgreSQL)."
            ),
        )

    def handle(self, *args, no_accounts=False, force=False, **options):
        with_accounts = not no_accounts
        if with_accounts and not force:
            refusal = accounts.refusal(
                debug=settings.DEBUG, vendor=accounts.database_vendor()
            )
            if refusal:
                raise CommandError(refusal)
        started = time.monotonic()
        try:
            loader, users = load_demo(with_accounts=with_accounts)
        except DemoError as error:
            raise CommandError(str(error)) from error
        elapsed = time.monotonic() - started

        if loader.created:
            made = ", ".join(
                f"{count} {LABELS.get(kind, kind)}"
                for kind, count in loader.created.items()
            )
            summary = f"Contenu de démonstration chargé ({made} créés)"
        else:
            summary = "Contenu de démonstration déjà en place, rien à créer"
        self.stdout.write(self.style.SUCCESS(f"{summary} en {elapsed:.1f} s."))
        if loader.skipped["submissions"]:
            self.stdout.write(
                self.style.WARNING(
                    f"{loader.skipped['submissions']} contributions en cours de "
                    "modération non chargées : sans compte de démonstration, personne "
                    "ne les a modérées. Relancez sans --no-accounts (avec --force hors "
                    "de la base SQLite intégrée) pour les ajouter."
                )
            )
        if users:
            self.print_accounts(users)

    def print_accounts(self, users):
        password = settings.DEMO_PASSWORD
        rows = [("Identifiant", "Rôle", "Mot de passe")]
        rows += [
            (username, accounts.ACCOUNTS[username][3], password) for username in users
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        line = "+-" + "-+-".join("-" * width for width in widths) + "-+"
        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING(
                "Comptes de démonstration — pour le développement uniquement, "
                "jamais en production :"
            )
        )
        self.stdout.write(line)
        for index, row in enumerate(rows):
            cells = " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row))
            self.stdout.write(f"| {cells} |")
            if index == 0:
                self.stdout.write(line)
        self.stdout.write(line)
        self.stdout.write("Administration : /admin/")
        for state in SignoffTaskState.objects.filter(
            status=SignoffTaskState.STATUS_IN_PROGRESS,
            submission__email__endswith="@example.org",
        ).select_related("submission"):
            self.stdout.write(
                f"Accord attendu de la personne contributrice (« "
                f"{state.submission.title} ») : {signoff_path(state.submission)}"
            )
