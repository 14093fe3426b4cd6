from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The top layer beside `home`: the demo loader and its data files."""

    name = "demo"
    verbose_name = "Démonstration"
    default_auto_field = "django.db.models.BigAutoField"
