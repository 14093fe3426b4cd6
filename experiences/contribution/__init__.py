"""The public side of contributions.

- ``views``: the form, the receipt, the draft-saved page, the private tracking
  page and the withdrawal (served by ``CallForContributionsPage``'s routes);
- ``services``: what those pages change (drafts, submissions, withdrawals),
  from plain data, through ``experiences.states``;
- ``history``: what the tracking page tells the contributor (state, history).

The captions of the files have their own view and form: ``experiences.captions``.
"""

from experiences.contribution.views import (
    confirmation_view,
    draft_saved_view,
    form_view,
    tracking_view,
    withdraw_view,
)

__all__ = [
    "confirmation_view",
    "draft_saved_view",
    "form_view",
    "tracking_view",
    "withdraw_view",
]
