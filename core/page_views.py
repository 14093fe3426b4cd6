"""The registry of the views that pages' routes serve, filled by the domain apps.

A page model cannot import its views at module level: the views import the
models. So a views module registers each view under a name
(``@page_views.register("experiences.form")``), the app's ``ready()`` imports
that module, and the page's route (``RoutablePageMixin``) calls
``page_views.view("experiences.form")(request, self, ...)``. The routes, their
addresses and their names stay on the page model.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

VIEWS: dict[str, Callable] = {}


def register(name):
    """Declare the decorated function as the view named ``name``."""

    def decorator(function):
        if VIEWS.get(name, function) is not function:
            raise ImproperlyConfigured(f"Two page views are named {name!r}.")
        VIEWS[name] = function
        return function

    return decorator


def view(name):
    """The view registered as ``name`` (its module imported by an app's ready())."""
    try:
        return VIEWS[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"No page view named {name!r}: is its module imported by its app's ready()?"
        ) from None
