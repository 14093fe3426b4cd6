"""core.page_views: the views the pages' routes look up by name."""

from django.core.exceptions import ImproperlyConfigured

import pytest

from core import page_views
from experiences import captions, contribution
from trainings import views as training_views


def test_every_route_finds_its_view_once_the_apps_are_ready():
    assert page_views.view("experiences.form") is contribution.form_view
    assert page_views.view("experiences.withdraw") is contribution.withdraw_view
    assert page_views.view("experiences.captions") is captions.captions_view
    assert page_views.view("trainings.session") is training_views.session_page
    assert page_views.view("trainings.ics") is training_views.public_ics


def test_an_unknown_or_doubled_name_is_refused():
    with pytest.raises(ImproperlyConfigured, match="ready"):
        page_views.view("experiences.nowhere")
    with pytest.raises(ImproperlyConfigured, match="Two page views"):
        page_views.register("experiences.form")(lambda request, page: None)
    assert page_views.view("experiences.form") is contribution.form_view
