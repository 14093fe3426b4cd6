from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer: what every app shares; it imports no other project app."""

    name = "core"
    verbose_name = "Socle"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # In ready(): both read models, which exist only once the apps are loaded.
        # checks: the system checks; cache: the page cache's invalidation receivers.
        from core import cache, checks  # noqa: F401
