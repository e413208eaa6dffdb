"""Settings for Sikejar, read from the environment.

Every variable is listed in the README. Production (``DJANGO_DEBUG`` off)
refuses to start without ``DJANGO_SECRET_KEY`` and ``DATABASE_URL``; the
embedded default (debug, or a test run) falls back to SQLite under ``var/``.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from sikejar.core.env import env_bool, env_int, env_list, env_required, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("SIKEJAR_VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DJANGO_DEBUG", default=False)
TESTING = env_bool("SIKEJAR_TESTING", default=False)
EMBEDDED = DEBUG or TESTING

if EMBEDDED:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY") or "insecure-key-for-local-use-only"
else:
    SECRET_KEY = env_required("DJANGO_SECRET_KEY")

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS",
    default=["127.0.0.1", "localhost", "testserver"] if EMBEDDED else [],
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "sikejar.core",
    "sikejar.integrity",
    "sikejar.accounts",
    "sikejar.companies",
    "sikejar.p2k3",
    "sikejar.decrees",
    "sikejar.transparency",
    "sikejar.complaints",
    "sikejar.demo",
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
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "sikejar.urls"
WSGI_APPLICATION = "sikejar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "sikejar" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sikejar.core.context_processors.service",
            ],
            "string_if_invalid": "",
        },
    }
]
FORM_RENDERER = "sikejar.core.forms.BootstrapFormRenderer"

# Databases. The embedded default is SQLite in WAL mode with immediate
# transactions, so that two writers queue instead of failing mid-way.
_database_url = env_str("DATABASE_URL")
if not _database_url:
    if not EMBEDDED:
        raise ImproperlyConfigured("DATABASE_URL must be set in production.")
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    _database_url = f"sqlite:///{VAR_DIR / 'sikejar.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        _database_url, conn_max_age=env_int("DJANGO_CONN_MAX_AGE", default=60)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": env_str("SIKEJAR_TEST_SQLITE")}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # Argon2 or PBKDF2 cost ~170 ms a login here; tests log in thousands of times.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: e-mail is the login, and it must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# allauth builds its sign-up form on this class, which adds the full name.
ACCOUNT_ADAPTER = "sikejar.accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "sikejar.accounts.forms.SignupForm"
if TESTING:
    # Tests sign in far faster than any person; allauth's limits stay on elsewhere.
    ACCOUNT_RATE_LIMITS = False
    # A test may compute a code in the last second of its period.
    MFA_TOTP_TOLERANCE = 1
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Sikejar"

# Internationalisation: Indonesian by default, English complete.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "sikejar" / "locale"]
TIME_ZONE = env_str("SIKEJAR_TIME_ZONE") or "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# Static files: our own, and Bootstrap's dist folder installed by npm ci.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT") or VAR_DIR / "static")
if EMBEDDED:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # Spares whitenoise's warning.
STATICFILES_DIRS = [
    BASE_DIR / "sikejar" / "static",
    ("bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
]
STORAGES = {
    # Uploads live outside the static root under random names and are only
    # ever served through views that check access.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env_str("SIKEJAR_MEDIA_ROOT") or VAR_DIR / "media"},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if EMBEDDED
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "/never-served/"  # Uploads are served only by views that check access.
FILE_UPLOAD_PERMISSIONS = 0o640
SIKEJAR_UPLOAD_MAX_BYTES = env_int("SIKEJAR_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail.
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend"
    if EMBEDDED
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST") or "localhost"
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL") or "sikejar@localhost"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background jobs: Celery with Redis in production; inline when no broker.
CELERY_TASK_ALWAYS_EAGER = not env_str("CELERY_BROKER_URL")
# Eager tasks never reach a broker; naming one keeps kombu from warning.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TIMEZONE = TIME_ZONE
# Periodic work for `celery -A sikejar beat` (or run the commands from cron).
CELERY_BEAT_SCHEDULE = {
    "clock-tick": {
        "task": "sikejar.transparency.tasks.clock_tick_task",
        "schedule": 3600,
    },
    "log-checkpoint": {
        "task": "sikejar.integrity.tasks.sign_checkpoint",
        "schedule": 86400,
    },
}

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env_str("REDIS_URL"),
        }
        if env_str("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sikejar API",
    "DESCRIPTION": "Open data and integration API of the Sikejar labour services.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and Redoc come from the drf-spectacular-sidecar package, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Swagger UI would otherwise send the schema to an outside validator.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
}

# Security. Production sits behind a TLS-terminating proxy.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not EMBEDDED:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        # Joining the browsers' preload list is the domain owner's decision.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("SIKEJAR_LOG_LEVEL") or "INFO"},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per task run is noise; failures still log at WARNING and above.
        "celery.app.trace": {"level": "WARNING"},
    },
}

# The service. Facts marked [P] or [?] in the domain brief are settings.
SIKEJAR_OFFICE_NAME = (
    env_str("SIKEJAR_OFFICE_NAME")
    or "Dinas Tenaga Kerja dan Transmigrasi Provinsi Jambi"
)
SIKEJAR_COMPLAINT_URL = env_str("SIKEJAR_COMPLAINT_URL") or "https://www.lapor.go.id/"
SIKEJAR_PROCESSING_WORKING_DAYS = env_int("SIKEJAR_PROCESSING_WORKING_DAYS", default=5)
SIKEJAR_SKP_WARNING_DAYS = [
    int(days) for days in env_list("SIKEJAR_SKP_WARNING_DAYS", default=["90", "30"])
]
SIKEJAR_BASE_URL = env_str("SIKEJAR_BASE_URL") or "http://127.0.0.1:8000"
# An SVG file of the office's emblem for the decree's letterhead (optional).
SIKEJAR_OFFICE_EMBLEM = env_str("SIKEJAR_OFFICE_EMBLEM") or ""
SIKEJAR_GOVERNMENT_NAME = (
    env_str("SIKEJAR_GOVERNMENT_NAME") or "Pemerintah Provinsi Jambi"
)
SIKEJAR_DECREE_NUMBER_FORMAT = (
    env_str("SIKEJAR_DECREE_NUMBER_FORMAT") or "560/{serial}/DISNAKERTRANS/{year}"
)
SIKEJAR_DECREE_COPIES = env_list(
    "SIKEJAR_DECREE_COPIES",
    default=["Menteri Ketenagakerjaan Republik Indonesia di Jakarta", "Gubernur Jambi"],
)

# Public pages of decrees: verification, register and the open data API.
# Whether the public sees committee members' names or only their roles.
SIKEJAR_PUBLIC_MEMBER_NAMES = env_bool("SIKEJAR_PUBLIC_MEMBER_NAMES", default=True)
# Unknown verification codes a client may try per window (seconds) before a 429.
SIKEJAR_VERIFY_MISS_LIMIT = env_int("SIKEJAR_VERIFY_MISS_LIMIT", default=20)
SIKEJAR_VERIFY_MISS_WINDOW = env_int("SIKEJAR_VERIFY_MISS_WINDOW", default=600)
# Requests an anonymous client may make to the API, in DRF's "<n>/<period>" form.
SIKEJAR_API_ANON_RATE = env_str("SIKEJAR_API_ANON_RATE") or "120/minute"
# The office's log key (Ed25519, PEM) that signs the audit log's checkpoints.
# The embedded default makes one under var/ on first use.
SIKEJAR_LOG_KEY_FILE = Path(env_str("SIKEJAR_LOG_KEY_FILE") or VAR_DIR / "log-key.pem")
SIKEJAR_LOG_ORIGIN = env_str("SIKEJAR_LOG_ORIGIN") or "sikejar-audit-log"
