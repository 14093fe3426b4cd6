"""Keep an experience's denormalised rubric right when it moves to another rubric.

`ExperiencePage.save()` copies the parent's rubric, but a move in the admin does
not save the page; the listings filter on that column, so fix it here."""

from django.dispatch import receiver

from wagtail.signals import post_page_move

from experiences.models import ExperiencePage, RubricPage


@receiver(post_page_move, dispatch_uid="recueil_experience_rubric_on_move")
def sync_rubric_on_move(sender, instance, parent_page_after, **kwargs):
    if not issubclass(instance.specific_class or sender, ExperiencePage):
        return
    rubric = (
        RubricPage.objects.filter(pk=parent_page_after.pk)
        .values_list("rubric", flat=True)
        .first()
    )
    if rubric:
        ExperiencePage.objects.filter(pk=instance.pk).update(rubric=rubric)
