"""The permissions of the outbox (editorial leads hold both)."""

VIEW_EMAILS = "core.view_outboxemail"
RESEND_EMAILS = "core.resend_outboxemail"
