"""Users, with their editorial group."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

import factory
from factory.django import DjangoModelFactory

from experiences import permissions

PASSWORD = "motdepasse-de-test"


class UserFactory(DjangoModelFactory):
    """A user; ``group`` names the editorial group (it must exist: the
    ``groups`` fixture creates them as ``setup_site`` does)."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"personne{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = factory.LazyAttribute(lambda o: o.username.capitalize())
    password = PASSWORD

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        manager = cls._get_manager(model_class)
        existing = manager.filter(username=kwargs["username"]).first()
        return existing or manager.create_user(*args, **kwargs)

    @factory.post_generation
    def group(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


def member(username, group_name):
    return UserFactory(username=username, group=group_name)


def history_moderator():
    """Who moved the factories' submissions through moderation: an account of
    its own, holding the permission but no address (no email goes to it)."""
    user, created = get_user_model().objects.get_or_create(
        username="historique-moderation", defaults={"email": ""}
    )
    if created:
        app_label, codename = permissions.MODERATE.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user
