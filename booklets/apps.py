from django.apps import AppConfig


class BookletsConfig(AppConfig):
    name = "booklets"
    verbose_name = "Livrets"
    default_auto_field = "django.db.models.BigAutoField"
