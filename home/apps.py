from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import cache  # noqa: F401 - connects the cache invalidation
