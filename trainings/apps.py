from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "trainings"
    verbose_name = "Formations"

    def ready(self):
        # Registers the emails with the outbox's registry (core.letters).
        from trainings import emails, signals  # noqa: F401
