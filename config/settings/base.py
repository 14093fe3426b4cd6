"""Settings shared by every environment; each value comes from the environment."""

from pathlib import Path

from django.utils.csp import CSP

import dj_database_url

from config import env
from config.env import cache_backend, cache_config, env_bool, env_int, env_list, env_str

# The features' limits and delays (config/settings/features.py).
from .features import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "dsfr",
    "widget_tweaks",
    "axes",
]
# `core` (the bottom layer) comes before django_tasks_db so that its `db_worker`
# command replaces the library's one (see core/management/commands/db_worker.py).
FIRST_APPS = ["core"]
LOCAL_APPS = [
    "home",
    "experiences",
    "resources",
    "booklets",
    "trainings",
    "demo",
]
INSTALLED_APPS = DJANGO_APPS + FIRST_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    # Innermost, so that every other middleware also handles cached pages.
    "core.cache.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite under var/ for the first run; PostgreSQL (DATABASE_URL) in production and CI.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'recueil.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;"}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT, and random_page_cost for data in memory (config.env).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = env.postgresql_options(
        env_str("DATABASE_RANDOM_PAGE_COST")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr-fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Contributors' files never sit under MEDIA_ROOT: they are served only through
# permission-checked views.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
# A post's files wait here until its transaction commits (experiences.staging);
# purge_personal_data removes what a killed worker left.
UPLOAD_STAGING_ROOT = Path(env_str("UPLOAD_STAGING_ROOT", str(VAR_DIR / "staging")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
    "private": {"BACKEND": "experiences.storage.PrivateStorage"},
    "staging": {"BACKEND": "experiences.storage.StagingStorage"},
}
if env_str("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
    # Contributors' files go to a bucket of their own, private, never served by
    # an address: every app server reads and erases them there.
    STORAGES["private"] = {
        "BACKEND": "experiences.storage_s3.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_PRIVATE_STORAGE_BUCKET_NAME", required=True),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
# Uploads larger than this are streamed to a temporary file, never held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# A post with more files than this is refused before any is read (HTTP 400);
# up to it, the form says how many are too many and keeps what was typed.
DATA_UPLOAD_MAX_NUMBER_FILES = 50
FILE_UPLOAD_PERMISSIONS = 0o640

# CACHE_BACKEND chooses the cache of pages and data: `redis` (REDIS_URL, shared
# by every app server), `locmem` (per process) or `dummy` (nothing remembered:
# every request costs what a first visit costs). Default: redis when REDIS_URL
# is set, else locmem. The abuse counters (rate limits, the bot trap's replayed
# tokens) live in their own `counters` cache, never a dummy one: a dummy cache
# would switch them off.
CACHE_BACKEND = cache_backend(env_str("CACHE_BACKEND"), env_str("REDIS_URL"))
CACHES = {
    "default": cache_config(CACHE_BACKEND, env_str("REDIS_URL"), "recueil"),
    "counters": cache_config(
        "redis" if env_str("REDIS_URL") else "locmem",
        env_str("REDIS_URL"),
        "recueil-counters",
    ),
}
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 300)
# `Cache-Control: public, s-maxage` of anonymous pages, for a proxy or a CDN in
# front; with FRONTEND_CACHE_PURGE_URL, publishing purges the pages it changes.
PUBLIC_PROXY_SECONDS = env_int("PUBLIC_PROXY_SECONDS", 60)

# Email through Django 6.1's MAILERS (EMAIL_BACKEND and friends are deprecated).
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Recueil <ne-pas-repondre@recueil.local>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MODERATORS_EMAIL = env_list("MODERATORS_EMAIL")
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": env_str("EMAIL_HOST_USER", ""),
            "password": env_str("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "timeout": 20,
        },
    }
}

# Background work (emails, booklet PDFs, Wagtail's search index): the database
# backend and `manage.py db_worker` in production; run at once when "immediate".
# A task still RUNNING after TASKS_RECLAIM_AFTER_SECONDS is taken to belong to
# a dead worker and put back in the queue; finished task rows are deleted by
# `purge_personal_data` after TASKS_KEEP_FINISHED_DAYS.
TASKS_RECLAIM_AFTER_SECONDS = env_int("TASKS_RECLAIM_AFTER_SECONDS", 600)
TASKS_KEEP_FINISHED_DAYS = env_int("TASKS_KEEP_FINISHED_DAYS", 7)
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TASKS_BACKEND == "immediate"
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}

WAGTAIL_SITE_NAME = "Recueil — conseils citoyens"
# The public origin: every absolute address comes from it (core.urls), the
# admin's and the API's too; `setup_site` gives the default Site its host and
# port. `make run` derives it from PORT.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILAPI_BASE_URL = SITE_URL
# Avatars without an outside service (the admin's policy allows only 'self').
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # French stemming and accents ignored (home/migrations/0002 creates it on
        # PostgreSQL; SQLite's FTS5 ignores this option).
        "SEARCH_CONFIG": "french_unaccent",
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "ods", "xlsx", "odp", "pptx", "csv"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document is a download, never rendered inline in the site's origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAIL_TAG_SPACES_ALLOWED = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Slugs in ASCII (core.slugs gives new pages their French slug: « Sœur » →
# soeur); a changed slug leaves a redirect from the old address.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILREDIRECTS_AUTO_CREATE = True
# A proxy cache in front (Varnish, nginx): Wagtail sends it an HTTP PURGE for
# each page that publishing changes (experiences/page_cache.py). Off when unset.
WAGTAILFRONTENDCACHE = (
    {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
        }
    }
    if env_str("FRONTEND_CACHE_PURGE_URL")
    else {}
)
TAGGIT_CASE_INSENSITIVE = True

# The reverse proxies in front of gunicorn (addresses or CIDR ranges): behind
# one of them, the client is the right-most untrusted X-Forwarded-For address
# (core.client_address). Empty: REMOTE_ADDR is the client.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# Brute-force protection of the admin login (django-axes). A username is locked
# for one client address only (IPv6 per /64): a stranger who mistypes a
# moderator's password five times locks themselves out, not the moderator.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"

# Security headers (the production settings add HTTPS-only ones).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The public site runs no inline script or style; the admin gets its own policy
# (see config.middleware).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# A preview of a public page, framed by the admin's preview panel.
PREVIEW_CSP = {**SECURE_CSP, "frame-ancestors": [CSP.SELF]}
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}

# Private tokens in request paths are masked on the way to every handler
# (core.log_filters): the root's console, runserver's lines and django.request.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_tokens": {"()": "core.log_filters.MaskTokensFilter"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_tokens"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["mask_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces the handlers of Django's default logging (a console handler
        # in DEBUG without the mask): "django.*" records reach the root's
        # masked console only (a CSRF refusal names the private page's path).
        "django": {"handlers": []},
        "django.request": {"level": "WARNING", "filters": ["mask_tokens"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["mask_tokens"],
        },
        "django.tasks": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
