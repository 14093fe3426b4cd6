from django.apps import AppConfig


class ExperiencesConfig(AppConfig):
    name = "experiences"
    verbose_name = "Expériences"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # publication: the page_published receiver that closes a submission;
        # rubric_sync: re-derives an experience's rubric when the page moves.
        from experiences import publication, rubric_sync  # noqa: F401
