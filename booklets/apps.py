from django.apps import AppConfig


class BookletsConfig(AppConfig):
    name = "booklets"
    verbose_name = "Livrets"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connects the receivers that rebuild the PDF when pages are republished.
        from booklets import signals  # noqa: F401
