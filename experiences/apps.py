from django.apps import AppConfig


class ExperiencesConfig(AppConfig):
    name = "experiences"
    verbose_name = "Expériences"
    default_auto_field = "django.db.models.BigAutoField"
