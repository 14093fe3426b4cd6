from django.core.management.base import BaseCommand

from home.setup import setup_site


class Command(BaseCommand):
    help = (
        "Create or complete the page tree, the editorial groups and the "
        "publication workflow. Safe to run on every deploy."
    )

    def handle(self, *args, **options):
        home, groups, workflow = setup_site()
        self.stdout.write(
            self.style.SUCCESS(
                f"Site prêt : « {home.title} », groupes {', '.join(groups)}, "
                f"workflow « {workflow.name} »."
            )
        )
