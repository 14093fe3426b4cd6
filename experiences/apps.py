from django.apps import AppConfig


class ExperiencesConfig(AppConfig):
    name = "experiences"
    verbose_name = "Expériences"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connects the page_published receiver that closes a submission.
        from experiences import publication  # noqa: F401
