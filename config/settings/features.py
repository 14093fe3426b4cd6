"""Settings of the site's features (contribution form, outbox, retention,
moderation exports, sign-off, updates, trainings): their limits and delays,
each one from the environment. ``base`` imports them all."""

from config.env import env_int, env_list

# Outbox emails: attempts before an email is marked failed, and the delay
# between attempts (doubled each time, capped).
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 8)
EMAIL_RETRY_BASE_SECONDS = env_int("EMAIL_RETRY_BASE_SECONDS", 60)
EMAIL_RETRY_MAX_SECONDS = env_int("EMAIL_RETRY_MAX_SECONDS", 21600)
# Draft-saved and receipt emails sent to one address, at most, per window.
EMAIL_RATE_LIMIT = env_int("EMAIL_RATE_LIMIT", 10)
EMAIL_RATE_WINDOW_SECONDS = env_int("EMAIL_RATE_WINDOW_SECONDS", 3600)

# Contribution form limits and anti-abuse rules.
SUBMISSION_MAX_FILES = 5
SUBMISSION_MAX_FILE_SIZE = 10 * 1024 * 1024
# A photo with more pixels is refused from its header, before it is decoded: a
# small file can hold a huge image (13 000 × 13 000 px fit in 480 KiB and take
# hundreds of megabytes once decoded).
SUBMISSION_MAX_IMAGE_PIXELS = 40_000_000
SUBMISSION_MIN_SECONDS = env_int("SUBMISSION_MIN_SECONDS", 3)
SUBMISSION_RATE_LIMIT = env_int("SUBMISSION_RATE_LIMIT", 10)
SUBMISSION_RATE_WINDOW_SECONDS = env_int("SUBMISSION_RATE_WINDOW_SECONDS", 3600)
PURGE_AFTER_DAYS = env_int("PURGE_AFTER_DAYS", 365)
PURGE_DRAFTS_AFTER_DAYS = env_int("PURGE_DRAFTS_AFTER_DAYS", 90)
# The optional address left with an error report, kept to answer, then erased.
ERROR_REPORT_EMAIL_DAYS = env_int("ERROR_REPORT_EMAIL_DAYS", 90)
# Exports of the moderation queue: built by a task, kept this many days in
# private storage, then erased by purge_personal_data. A selection of at most
# QUEUE_EXPORT_DIRECT_MAX_ROWS submissions may also be downloaded at once.
QUEUE_EXPORT_KEEP_DAYS = env_int("QUEUE_EXPORT_KEEP_DAYS", 7)
QUEUE_EXPORT_DIRECT_MAX_ROWS = env_int("QUEUE_EXPORT_DIRECT_MAX_ROWS", 1000)
# The contributor's sign-off of the edited sheet: reminders after these days,
# then an editorial lead may approve in their stead (experiences.signoff).
SIGNOFF_REMINDER_DAYS = tuple(
    int(days) for days in env_list("SIGNOFF_REMINDER_DAYS", ["7", "14"])
)
SIGNOFF_TACIT_DAYS = env_int("SIGNOFF_TACIT_DAYS", 21)
# « Où en est votre expérience ? »: months after publication.
UPDATE_PROMPT_MONTHS = env_int("UPDATE_PROMPT_MONTHS", 12)

# Training sessions (trainings app): how long a person offered a freed seat has
# to claim it (shortened to half the time left when the session is nearer), and
# how long registrations are kept after their session.
TRAINING_CLAIM_HOURS = env_int("TRAINING_CLAIM_HOURS", 48)
TRAINING_RETENTION_MONTHS = env_int("TRAINING_RETENTION_MONTHS", 12)
