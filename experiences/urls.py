"""Addresses served outside the page tree by the experiences app."""

from django.urls import path

from experiences import error_reports
from experiences.feeds import ExperienceFeed
from experiences.open_data import experiences_csv

urlpatterns = [
    path(
        "signaler-une-erreur/<int:page_id>/",
        error_reports.report_view,
        name="error_report",
    ),
    path(
        "signaler-une-erreur/<int:page_id>/merci/",
        error_reports.thanks_view,
        name="error_report_thanks",
    ),
    path("experiences/export.csv", experiences_csv, name="experiences_csv"),
    path("flux/experiences/", ExperienceFeed(), name="experiences_feed"),
    path(
        "flux/experiences/<slug:rubrique>/",
        ExperienceFeed(),
        name="experiences_rubric_feed",
    ),
]
