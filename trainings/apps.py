from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "trainings"
    verbose_name = "Formations"

    def ready(self):
        # Registers the emails (core.letters), the purge (core.retention) and
        # the signal receivers.
        from trainings import emails, retention, signals  # noqa: F401
