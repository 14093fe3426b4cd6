"""Who is told what after each transition: notifications.py decides, from
``Transition.notify_contributor`` and ``notify_moderators``."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Permission

import pytest

from core import letters
from core.models import OutboxEmail
from experiences import notifications
from experiences.states import TRANSITIONS, Status, apply
from tests.factories import make_submission

TEMPLATES = Path(settings.BASE_DIR) / "templates" / "experiences" / "emails"


def test_each_transition_that_notifies_has_its_email():
    told = {t.name for t in TRANSITIONS.values() if t.notify_contributor}
    assert told == set(notifications.CONTRIBUTOR_EMAILS)
    moderators = {t.name for t in TRANSITIONS.values() if t.notify_moderators}
    assert moderators == set(notifications.MODERATOR_EMAILS)
    for template in {
        *notifications.CONTRIBUTOR_EMAILS.values(),
        *notifications.MODERATOR_EMAILS.values(),
        "draft_saved",
        "message",
        "draft_reminder",
    }:
        assert template in letters.KINDS, template
        for suffix in (".subject.txt", ".txt", ".html"):
            assert (TEMPLATES / f"{template}{suffix}").exists(), template + suffix


@pytest.mark.django_db
def test_moderators_are_everyone_who_holds_the_permission(
    lead, moderator, editor, django_user_model, mailoutbox, settings
):
    settings.MODERATORS_EMAIL = []
    direct = django_user_model.objects.create_user(
        "directe", email="directe@example.org"
    )
    direct.user_permissions.add(Permission.objects.get(codename="moderate_submission"))
    django_user_model.objects.create_user(
        "inactive", email="inactive@example.org", is_active=False
    ).user_permissions.add(Permission.objects.get(codename="moderate_submission"))
    assert notifications.moderator_addresses() == sorted(
        [lead.email, moderator.email, direct.email]
    )
    assert editor.email not in notifications.moderator_addresses()


@pytest.mark.django_db
def test_a_submission_tells_the_contributor_and_the_moderators(
    moderator, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission(status=Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        apply(submission, "submit")
    assert {(e.template, e.audience) for e in OutboxEmail.objects.all()} == {
        ("receipt", notifications.CONTRIBUTOR),
        ("new_submission_moderators", notifications.MODERATORS),
    }
    assert sorted(m.to for m in mailoutbox) == sorted(
        [[submission.email], [moderator.email]]
    )


@pytest.mark.django_db
def test_transitions_that_say_nothing_send_nothing(moderator, mailoutbox):
    submission = make_submission()
    apply(submission, "take", user=moderator)
    apply(submission, "mark_spam", user=moderator)
    assert not OutboxEmail.objects.exists()


@pytest.mark.django_db
def test_nothing_is_queued_while_muted(moderator, django_capture_on_commit_callbacks):
    submission = make_submission(status=Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True), notifications.muted():
        apply(submission, "submit")
    assert not OutboxEmail.objects.exists()
    # And the hook speaks again afterwards.
    apply(submission, "withdraw")
    other = make_submission(status=Status.DRAFT)
    apply(other, "submit")
    assert OutboxEmail.objects.filter(object_id=str(other.pk)).count() == 2


@pytest.mark.django_db
def test_nobody_to_tell_means_no_email(settings, django_capture_on_commit_callbacks):
    settings.MODERATORS_EMAIL = []
    submission = make_submission(status=Status.DRAFT, email="")
    with django_capture_on_commit_callbacks(execute=True):
        apply(submission, "submit")
    assert not OutboxEmail.objects.exists()
