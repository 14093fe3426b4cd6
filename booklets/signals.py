"""Keep the PDF in step with the pages: publishing or unpublishing the booklet,
an experience or a rubric queues a build (which does nothing if the PDF shown
would not change)."""

from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from booklets.models import BookletPage
from booklets.tasks import enqueue_all_live, enqueue_build
from experiences.models import ExperiencePage, RubricPage


def _on_change(instance):
    if isinstance(instance, BookletPage):
        enqueue_build(instance.pk)
    elif isinstance(instance, ExperiencePage | RubricPage):
        enqueue_all_live()


@receiver(page_published)
def rebuild_on_publish(sender, instance, **kwargs):
    _on_change(instance)


@receiver(page_unpublished)
def rebuild_on_unpublish(sender, instance, **kwargs):
    _on_change(instance)
