"""Django settings, read from the environment.

The defaults give the embedded mode: SQLite under ``var/``, console e-mail, eager Celery.
Set DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, DEBUG and EMAIL_URL to deploy.
"""

import os
import secrets
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("CLEARINGHOUSE_VAR", Path.cwd() / "var"))

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# HTTPS governs redirects, secure cookies and HSTS; off only for local HTTP serving and tests.
HTTPS = env.bool("HTTPS", default=not DEBUG)


def _embedded_secret_key() -> str:
    """Return a secret key kept in ``var/``, created once, for the embedded mode."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="") or _embedded_secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "clearinghouse.core",
    "clearinghouse.audit",
    "clearinghouse.access",
    "clearinghouse.registry",
    "clearinghouse.jobs",
    "clearinghouse.mandates",
    "clearinghouse.assistance",
    "clearinghouse.coordination",
    "clearinghouse.finance",
    "clearinghouse.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "clearinghouse.audit.middleware.AuditActorMiddleware",
]

ROOT_URLCONF = "clearinghouse.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clearinghouse.web.context.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "clearinghouse.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'clearinghouse.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while a job writes progress.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "dashboard"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="clearinghouse@localhost")

REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
# Without a broker every task runs in the calling process, so the embedded mode needs no service.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Page size for lists and API pages.
PAGE_SIZE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    # A second connection to the same database, for job progress written mid-transaction.
    # SQLite has one writer at a time, so there progress shares the default connection.
    DATABASES["progress"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}

# Clearing-house clocks: days within which the Secretariat should respond to a request
# (match, decline) before it shows in the escalation queue.
RESPONSE_TARGET_DAYS_URGENT = env.int("RESPONSE_TARGET_DAYS_URGENT", default=14)
RESPONSE_TARGET_DAYS = env.int("RESPONSE_TARGET_DAYS", default=60)
BROKERAGE_TIME_LIMIT = env.float("BROKERAGE_TIME_LIMIT", default=30.0)

# IATI publishing: the reporting organisation's identifier and name in the export.
IATI_REPORTING_ORG_REF = env.str("IATI_REPORTING_ORG_REF", default="XM-CLEARINGHOUSE")
IATI_REPORTING_ORG_NAME = env.str(
    "IATI_REPORTING_ORG_NAME",
    default="United Nations crime prevention and criminal justice programme")
# VI.3(a): "a limited number of areas of recognized need"; the dashboard warns above this.
CONCENTRATION_MAX_AREAS = env.int("CONCENTRATION_MAX_AREAS", default=5)
