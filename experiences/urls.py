"""Addresses served outside the page tree by the experiences app."""

from django.urls import path

from experiences import attestation, error_reports, update_views
from experiences.feeds import ExperienceFeed
from experiences.open_data import experiences_csv
from experiences.signoff import views as signoff_views

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
        "suivi/<str:token>/accord/",
        signoff_views.signoff_view,
        name="recueil_signoff",
    ),
    path(
        "suivi/<str:token>/attestation.pdf",
        attestation.attestation_view,
        name="recueil_attestation",
    ),
    path(
        "suivi/<str:token>/mise-a-jour/",
        update_views.start_view,
        name="recueil_update_start",
    ),
    path(
        "suivi/<str:token>/fin/",
        update_views.close_view,
        name="recueil_update_close",
    ),
    path(
        "flux/experiences/<slug:rubrique>/",
        ExperienceFeed(),
        name="experiences_rubric_feed",
    ),
]
