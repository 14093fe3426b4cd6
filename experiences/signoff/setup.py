"""The sign-off task's place in the publication workflow."""

from django.db.models import F

from wagtail.models import WorkflowTask

from experiences.constants import TASK_SIGNOFF
from experiences.models import ContributorSignoffTask


def insert_signoff_task(workflow, *, after, leads):
    """Create the task once and put it right after ``after`` (the editorial
    review). Once it exists, leave it alone: editorial leads may have moved it
    or taken it out of the workflow on purpose."""
    if ContributorSignoffTask.objects.exists():
        return ContributorSignoffTask.objects.order_by("pk").first()
    task = ContributorSignoffTask.objects.create(name=TASK_SIGNOFF)
    task.groups.set([leads])
    position = (
        WorkflowTask.objects.filter(workflow=workflow, task=after)
        .values_list("sort_order", flat=True)
        .first()
    )
    position = 0 if position is None else position + 1
    WorkflowTask.objects.filter(workflow=workflow, sort_order__gte=position).update(
        sort_order=F("sort_order") + 1
    )
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=position)
    return task
