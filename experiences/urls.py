"""Addresses served outside the page tree by the experiences app."""

urlpatterns = []
