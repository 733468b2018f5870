"""Django settings for Leitstand, read from environment variables (see README: Configuration)."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from leitstand.config import env_bool, env_int, env_list, env_str, secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("LEITSTAND_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = secret_key(VAR_DIR)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "leitstand.core.staticfiles.LeitstandStaticFilesConfig",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "auditlog",
    "csp",
    "django_htmx",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "django_prometheus",
    "leitstand.core",
    "leitstand.accounts",
    "leitstand.tenancy",
    "leitstand.inventory",
    "leitstand.cockpit",
    "leitstand.flows",
    "leitstand.assessment",
    "leitstand.findings",
    "leitstand.processes",
    "leitstand.kpis",
    "leitstand.surveys",
    "leitstand.roadmap",
    "leitstand.resilience",
    "leitstand.continuity",
    "leitstand.security_check",
    "leitstand.maturity",
    "leitstand.onboarding",
    "leitstand.funding",
    "leitstand.demo",
    "leitstand.imports",
    "leitstand.exports",
    "leitstand.api",
    "leitstand.products",
    "leitstand.reports",
]

MIDDLEWARE = [
    # Prometheus: the first and the last middleware time every request (leitstand.core.operations).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
    "leitstand.tenancy.stamps.LandscapeStampMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Innermost, so that "being computed" (leitstand.landscape.cache) is an answer, not an
    # exception in the metrics.
    "leitstand.landscape.middleware.BeingComputedMiddleware",
]

ROOT_URLCONF = "leitstand.urls"
WSGI_APPLICATION = "leitstand.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "leitstand.tenancy.context_processors.organisation",
            ],
        },
    },
]

FORM_RENDERER = "leitstand.core.forms.FormRenderer"

# Database: embedded SQLite under var/ unless DATABASE_URL names another (PostgreSQL).
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'leitstand.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
SQLITE_BUSY_TIMEOUT_MS = env_int("LEITSTAND_SQLITE_BUSY_TIMEOUT_MS", 20000, minimum=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets gunicorn workers read while one writes; IMMEDIATE avoids lock upgrades.
        # A writer waits up to LEITSTAND_SQLITE_BUSY_TIMEOUT_MS for the lock (large imports
        # write in short batches, leitstand/imports/staging.py); past it the request gets
        # 503 with Retry-After (leitstand.core.operations.server_error), never 500.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS};"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    # Tests use a file rather than Django's shared in-memory database, so the browser tests'
    # live server threads get connections of their own instead of sharing the test's one.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-leitstand.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A cache all server processes share (used e.g. to refuse a two-factor code used twice).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: e-mail + password, no usernames; TOTP with recovery codes.
ACCOUNT_ADAPTER = "leitstand.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env_str("LEITSTAND_EMAIL_VERIFICATION", "optional")
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
LEITSTAND_OPEN_SIGNUP = env_bool("LEITSTAND_OPEN_SIGNUP", True)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Leitstand"

# django-axes: lock an account/address pair out after repeated failed logins.
AXES_FAILURE_LIMIT = env_int("LEITSTAND_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("LEITSTAND_LOGIN_COOLOFF_MINUTES", 15, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "leitstand.accounts.lockout.username_for_lockout"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# E-mail: console (or a file folder) by default, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
elif env_str("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Leitstand <leitstand@localhost>")

# Languages: German and English, chosen in the header; default from the browser.
LANGUAGE_CODE = "en"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [
    BASE_DIR / "leitstand" / "locale",
    # "Sie" instead of django-allauth's "du" on the login and account pages
    BASE_DIR / "leitstand" / "accounts" / "allauth_locale",
]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Berlin")
USE_TZ = True
LANGUAGE_COOKIE_NAME = "leitstand_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
FORMAT_MODULE_PATH = ["leitstand.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise warns on every request when the folder is missing (before collectstatic ran).
STATIC_ROOT.mkdir(exist_ok=True)
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/cytoscape", NODE_MODULES / "cytoscape" / "dist"),
    ("vendor/layout-base", NODE_MODULES / "layout-base"),
    ("vendor/cose-base", NODE_MODULES / "cose-base"),
    ("vendor/cytoscape-fcose", NODE_MODULES / "cytoscape-fcose"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "leitstand.core.staticfiles.StaticStorage"
            if env_bool("LEITSTAND_MANIFEST_STATIC", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
WHITENOISE_USE_FINDERS = DEBUG

# Security headers. HTTPS-only flags follow LEITSTAND_HTTPS (on behind a TLS proxy).
HTTPS = env_bool("LEITSTAND_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("LEITSTAND_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("LEITSTAND_HSTS_SECONDS", 31536000 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Probes and Prometheus may ask over plain HTTP on the host itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Server-rendered SVG charts carry their own <style>; no inline script is allowed.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Audit log: who changed what, when, in which organisation.
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_ON_RAW_SAVE = True

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "leitstand.api.schema.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["leitstand.api.filtering.FilterBackend"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "leitstand.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "leitstand.api.pagination.Pagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Leitstand API",
    "DESCRIPTION": (
        "Everything an organisation records in Leitstand, under /api/v1/o/{org}/. "
        "Authenticate with `Authorization: Bearer <token>` (tokens are created on the "
        "organisation's API tokens page) or with your signed-in browser session."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1/o/\{org\}",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ScoreMethodEnum": "leitstand.assessment.models.ScoreMethod",
        "StrategyEnum": "leitstand.assessment.models.StrategyChoice",
        "DamageLevelEnum": "leitstand.continuity.models.DamageLevel",
        "AssessmentStatusEnum": "leitstand.maturity.models.AssessmentStatus",
    },
}

# Logs: plain lines, or one JSON object per line with LOG_FORMAT=json (leitstand.core.logs).
LOG_FORMAT = env_str("LOG_FORMAT", "text").strip().lower()
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r} is neither 'text' nor 'json'.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "leitstand.core.logs.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Prometheus metrics at /metrics: with this token (Authorization: Bearer ...) from anywhere,
# without one only from this machine (leitstand.core.operations).
LEITSTAND_METRICS_TOKEN = env_str("LEITSTAND_METRICS_TOKEN")
PROMETHEUS_LATENCY_BUCKETS = (
    0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, float("inf"),
)  # fmt: skip

# Method defaults (DOMAIN.md); each organisation can change its own copy.
LEITSTAND_DEFAULT_LABOUR_COST_PER_HOUR = "45.00"
LEITSTAND_DEFAULT_WORKING_DAYS_PER_YEAR = 220
LEITSTAND_DEFAULT_PRODUCTIVE_HOURS_PER_FTE = 1600
LEITSTAND_DEFAULT_WRAP_MIN_MANUAL_HOURS = 100
LEITSTAND_PAGE_SIZE = env_int("LEITSTAND_PAGE_SIZE", 25, minimum=5)
# Analyses kept per worker until the landscape changes (leitstand.landscape.cache).
LEITSTAND_ANALYSIS_CACHE_SIZE = env_int("LEITSTAND_ANALYSIS_CACHE_SIZE", 8, minimum=0)
# A kept analysis of at least this many systems plus flows is left out of Python's garbage
# collection while it is kept (gc.freeze): its full collections paused requests for about a
# second at 10,000 systems / 50,000 flows.
LEITSTAND_GC_FREEZE_ROWS = env_int("LEITSTAND_GC_FREEZE_ROWS", 5_000, minimum=1)
# ... and by size: at most this many systems plus flows in all kept analyses together (the
# memory of an analysis grows with them, about 2.5 kB each); the latest one is always kept.
LEITSTAND_ANALYSIS_CACHE_ROWS = env_int("LEITSTAND_ANALYSIS_CACHE_ROWS", 60_000, minimum=0)
# The cockpit of an organisation with at least this many systems plus flows is shown from the
# previous landscape's figures while the current ones are computed in the background (seconds
# at 10,000 systems / 50,000 flows); 0: always computed in the request.
LEITSTAND_STALE_COCKPIT_ROWS = env_int("LEITSTAND_STALE_COCKPIT_ROWS", 5_000, minimum=0)
# The operating system's priority (nice, 0 to 19) of the threads that compute values in the
# background: requests answered meanwhile get the processor first (Linux; elsewhere ignored).
LEITSTAND_BACKGROUND_NICE = env_int("LEITSTAND_BACKGROUND_NICE", 19, minimum=0)

# glibc's malloc arenas per server process (leitstand.landscape.memory); 0: the library's
# default (up to eight per processor, which kept freed analyses' memory in the worker).
LEITSTAND_MALLOC_ARENAS = env_int("LEITSTAND_MALLOC_ARENAS", 2, minimum=0)

# Pages that show nothing but the landscape (cockpit, systems, findings, roadmap), kept per
# worker until the landscape changes (leitstand.tenancy.pagecache): up to this many MB, each for
# at most this many seconds; 0 MB turns it off.
LEITSTAND_PAGE_CACHE_MB = env_int("LEITSTAND_PAGE_CACHE_MB", 32, minimum=0)
LEITSTAND_PAGE_CACHE_SECONDS = env_int("LEITSTAND_PAGE_CACHE_SECONDS", 300, minimum=1)

# Import: larger uploads are refused before they are parsed.
# Background jobs (large reports): the database queue, worked by `leitstand db_worker`;
# "django_tasks.backends.immediate.ImmediateBackend" runs them at once (tests, small set-ups).
TASKS = {
    "default": {
        "BACKEND": env_str("LEITSTAND_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# Reports of organisations with more systems than this render in the background task worker.
LEITSTAND_REPORT_INLINE_SYSTEMS = env_int("LEITSTAND_REPORT_INLINE_SYSTEMS", 1000, minimum=0)
LEITSTAND_IMPORT_MAX_BYTES = env_int("LEITSTAND_IMPORT_MAX_MB", 20, minimum=1) * 1024 * 1024
# The largest organisation Leitstand supports (README: Size limits); imports beyond it are
# refused before anything is written.
LEITSTAND_MAX_SYSTEMS = env_int("LEITSTAND_MAX_SYSTEMS", 10_000, minimum=1)
LEITSTAND_MAX_INTEGRATIONS = env_int("LEITSTAND_MAX_INTEGRATIONS", 50_000, minimum=1)
# The integration map draws up to this many systems one by one; a larger landscape is shown
# by department or capability (leitstand.flows.mapgroups), a larger group as a list.
LEITSTAND_MAP_MAX_NODES = env_int("LEITSTAND_MAP_MAX_NODES", 300, minimum=10)
