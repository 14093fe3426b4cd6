from django.apps import AppConfig


class ExperiencesConfig(AppConfig):
    name = "experiences"
    verbose_name = "Expériences"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # In ready(): these modules import models, loaded only after the apps.
        # publication: the page_published receiver that closes a submission;
        # page_files: the copies of its files follow the page (published,
        # unpublished, deleted); rubric_sync: re-derives an experience's
        # rubric when the page moves; notifications: the emails that follow
        # each transition (the one hook of states.apply); page_cache: saving a
        # theme makes the cached pages stale; queue_exports: its email;
        # signoff.events: what follows each step of the contributor's sign-off
        # task; updates: publishing a page closes its accepted updates.
        from experiences import (  # noqa: F401
            notifications,
            page_cache,
            page_files,
            publication,
            queue_exports,
            rubric_sync,
            states,
            updates,
        )
        from experiences.signoff import events  # noqa: F401

        states.set_after_transition(notifications.transition_applied)
