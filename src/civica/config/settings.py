"""Civica settings: one module, driven by the environment.

Every value that differs between a laptop and production comes from an environment variable with a
safe default for the embedded set-up (SQLite, database task queue, mail printed to the console).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

SRC_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = SRC_DIR.parent
VAR_DIR = Path(os.environ.get("CIVICA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("CIVICA_DEBUG", False)
# The embedded default must start with no configuration at all; production sets its own key and
# `manage.py check --deploy` warns when it has not.
DEVELOPMENT_SECRET_KEY = "civica-insecure-development-key-change-me-0123456789"  # noqa: S105 - public on purpose
SECRET_KEY = os.environ.get("CIVICA_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env_list("CIVICA_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CIVICA_CSRF_TRUSTED_ORIGINS")


def site_url_from_bind(bind: str) -> str:
    """The address people reach when CIVICA_SITE_URL is unset: the one gunicorn binds (CIVICA_BIND), so
    `make run` on another port prints links to that port in e-mails, calendar files and the HSDS root.
    A wildcard address binds every interface; links then name the loopback one."""
    if not bind or bind.startswith(("unix:", "fd://")):
        return "http://127.0.0.1:8000"
    host, _sep, port = bind.rpartition(":")
    if not host:  # a bare port
        host, port = "127.0.0.1", bind
    host = {"0.0.0.0": "127.0.0.1", "[::]": "[::1]", "": "127.0.0.1"}.get(host, host)  # noqa: S104
    return f"http://{host}:{port}"


SITE_URL = (
    os.environ.get("CIVICA_SITE_URL") or site_url_from_bind(os.environ.get("CIVICA_BIND", "127.0.0.1:8000"))
).rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Before allauth, so that Civica's layout and sign-in templates override allauth's own.
    "civica.web",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "ninja",
    "civica.core",
    "civica.accounts",
    "civica.organisations",
    "civica.cases",
    "civica.mediation",
    "civica.knowledge",
    "civica.timebank",
    "civica.sdg",
    "civica.groups",
    "civica.hub",
    "civica.directory",
    "civica.events",
    "civica.budgeting",
    "civica.partnerships",
    "civica.strategy",
    "civica.council",
    "civica.protection",
    "civica.helpline",
    "civica.citizens",
    "civica.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "civica.core.middleware.RefuseNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "civica.web.middleware.RequireTwoFactorMiddleware",
    "civica.core.middleware.ForbiddenAsNotFoundMiddleware",
]

ROOT_URLCONF = "civica.config.urls"
WSGI_APPLICATION = "civica.config.wsgi.application"
ASGI_APPLICATION = "civica.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "civica.web.context_processors.civica",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'civica.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default must work from a fresh clone: make the folder its file lives in.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL lets the web server and the task worker use the same file at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions -------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Authentication -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if env_bool("CIVICA_FAST_PASSWORD_HASHING", False):
    # Only for test runs: thousands of accounts are created, and PBKDF2 is slow on purpose.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "web:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("CIVICA_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Civica] "
ACCOUNT_ADAPTER = "civica.citizens.adapter.CitizenAccountAdapter"
ACCOUNT_FORMS = {"login": "civica.accounts.forms.SignInForm"}
# Sign-up asks for the preferred language and the privacy notice, and stores the consent.
ACCOUNT_SIGNUP_FORM_CLASS = "civica.citizens.forms.SignupExtraForm"
# Open sign-up is off by default: public administrations invite the people who work with them.
CIVICA_OPEN_SIGNUP = env_bool("CIVICA_OPEN_SIGNUP", False)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Civica"
# When on, members who handle sensitive data must turn on two-factor before they can go on.
CIVICA_REQUIRE_2FA_FOR_SENSITIVE = env_bool("CIVICA_REQUIRE_2FA_FOR_SENSITIVE", False)

# --- Internationalisation -----------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ro", _("Romanian")), ("it", _("Italian")), ("el", _("Greek"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("CIVICA_TIME_ZONE", "Europe/Bucharest")
# Dates, times and numbers as each language writes them (Django's "en" is American).
FORMAT_MODULE_PATH = ["civica.config.formats"]
USE_I18N = True
USE_TZ = True

# --- Static and media files ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise expects the folder even before the first collectstatic (a fresh clone, the tests).
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("CIVICA_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get(
            "CIVICA_STATICFILES_STORAGE", "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- E-mail -------------------------------------------------------------------------------------
# Every message goes through a task; the task sends it with CIVICA_EMAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "civica.core.mail.TaskQueueEmailBackend"
# The default prints that a message left, never what it says (stdout ends up in the logs).
CIVICA_EMAIL_DELIVERY_BACKEND = os.environ.get("CIVICA_EMAIL_BACKEND", "civica.core.mail.RedactedConsoleEmailBackend")
EMAIL_HOST = os.environ.get("CIVICA_EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("CIVICA_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("CIVICA_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("CIVICA_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("CIVICA_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("CIVICA_DEFAULT_FROM_EMAIL", "Civica <no-reply@civica.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks ---------------------------------------------------------------------------
CIVICA_TASK_BACKEND = os.environ.get("CIVICA_TASK_BACKEND", "database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "redis": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
# Finished task rows (their arguments and results) are deleted after this many days.
CIVICA_TASK_RESULT_RETENTION_DAYS = int(os.environ.get("CIVICA_TASK_RESULT_RETENTION_DAYS", "7"))
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[CIVICA_TASK_BACKEND], "QUEUES": ["default", "email"]}}
# RQ's queues are always described, so `civica worker` can serve them whenever the backend is "redis".
INSTALLED_APPS.append("django_rq")
RQ_QUEUES = {name: {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"} for name in ("default", "email")}

# --- Video meetings -----------------------------------------------------------------------------
CIVICA_JITSI_BASE_URL = os.environ.get("CIVICA_JITSI_BASE_URL", "https://meet.jit.si").rstrip("/")

# --- Documents ---------------------------------------------------------------------------------
# LibreOffice turns the DOCX documents into PDF; Debian's package is libreoffice-writer-nogui.
CIVICA_SOFFICE = os.environ.get("CIVICA_SOFFICE", "soffice")
CIVICA_PDF_TIMEOUT_SECONDS = int(os.environ.get("CIVICA_PDF_TIMEOUT_SECONDS", "120"))

# --- API ----------------------------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 25
NINJA_PAGINATION_MAX_PER_PAGE_SIZE = 100

# --- Security -----------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
# CIVICA_HTTPS=on (production behind TLS) turns on secure cookies, the redirect to https and HSTS at once;
# each can still be set on its own.
CIVICA_HTTPS = env_bool("CIVICA_HTTPS", False)
SESSION_COOKIE_SECURE = env_bool("CIVICA_SECURE_COOKIES", CIVICA_HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("CIVICA_SSL_REDIRECT", CIVICA_HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("CIVICA_HSTS_SECONDS", str(31_536_000 if CIVICA_HTTPS else 0)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("CIVICA_HSTS_INCLUDE_SUBDOMAINS", CIVICA_HTTPS)
SECURE_HSTS_PRELOAD = env_bool("CIVICA_HSTS_PRELOAD", CIVICA_HTTPS)
# The health check answers plain http to the load balancer.
SECURE_REDIRECT_EXEMPT = [r"^healthz"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("CIVICA_BEHIND_TLS_PROXY", CIVICA_HTTPS):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CIVICA_LOG_LEVEL", "WARNING")},
}

# The service directory's map: any tile server speaking the {z}/{x}/{y} scheme (OpenStreetMap's by
# default; a municipality may run its own). Its attribution is shown under the map.
CIVICA_MAP_TILE_URL = os.environ.get("CIVICA_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
CIVICA_MAP_ATTRIBUTION = os.environ.get(
    "CIVICA_MAP_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)
# How long a service's details stay trusted before its organisation is asked "is this still correct?".
CIVICA_DIRECTORY_CONFIRM_DAYS = int(os.environ.get("CIVICA_DIRECTORY_CONFIRM_DAYS", "180"))

# Encryption at rest of sensitive fields (violence, minors, health): Fernet keys, comma-separated, the
# first is used to encrypt and every one to decrypt (rotation: put the new key first, run
# `civica rotate-keys`, then drop the old one). A Fernet key (44 characters of url-safe base64) is
# used as it is; any other text is stretched into one. Without the variable a development key is
# derived from SECRET_KEY; `check --deploy` warns about it. Set it in CI and production.
CIVICA_ENCRYPTION_KEYS = env_list("CIVICA_ENCRYPTION_KEYS")
# Protection cases: counts below this are shown as "<5" in the statistics; closed cases are
# anonymised this many days after closing (unless a legal hold applies).
CIVICA_PROTECTION_SMALL_COUNT = int(os.environ.get("CIVICA_PROTECTION_SMALL_COUNT", "5"))
CIVICA_PROTECTION_RETENTION_DAYS = int(os.environ.get("CIVICA_PROTECTION_RETENTION_DAYS", str(5 * 365)))
# How long emergency ("break the glass") access lasts once granted.
CIVICA_PROTECTION_EMERGENCY_HOURS = int(os.environ.get("CIVICA_PROTECTION_EMERGENCY_HOURS", "12"))
# --- Youth helpline -------------------------------------------------------------------------------
# WhatsApp Cloud API: the app secret signs every webhook delivery (X-Hub-Signature-256); the verify
# token answers Meta's subscription handshake; replies go to {graph url}/{version}/{phone number id}/messages.
CIVICA_WHATSAPP_APP_SECRET = os.environ.get("CIVICA_WHATSAPP_APP_SECRET", "")
CIVICA_WHATSAPP_VERIFY_TOKEN = os.environ.get("CIVICA_WHATSAPP_VERIFY_TOKEN", "")
CIVICA_WHATSAPP_TOKEN = os.environ.get("CIVICA_WHATSAPP_TOKEN", "")
CIVICA_WHATSAPP_GRAPH_URL = os.environ.get("CIVICA_WHATSAPP_GRAPH_URL", "https://graph.facebook.com").rstrip("/")
CIVICA_WHATSAPP_API_VERSION = os.environ.get("CIVICA_WHATSAPP_API_VERSION", "v21.0")
CIVICA_WHATSAPP_TIMEOUT_SECONDS = float(os.environ.get("CIVICA_WHATSAPP_TIMEOUT_SECONDS", "10"))
# The inbound e-mail gateway (`civica mail-gateway`) and its alternative, IMAP polling (`civica mail-poll`).
CIVICA_MAIL_GATEWAY_HOST = os.environ.get("CIVICA_MAIL_GATEWAY_HOST", "127.0.0.1")
CIVICA_MAIL_GATEWAY_PORT = int(os.environ.get("CIVICA_MAIL_GATEWAY_PORT", "2525"))
CIVICA_MAIL_GATEWAY_MAX_BYTES = int(os.environ.get("CIVICA_MAIL_GATEWAY_MAX_BYTES", str(10 * 1024 * 1024)))
CIVICA_IMAP_HOST = os.environ.get("CIVICA_IMAP_HOST", "")
CIVICA_IMAP_PORT = int(os.environ.get("CIVICA_IMAP_PORT", "993"))
CIVICA_IMAP_USER = os.environ.get("CIVICA_IMAP_USER", "")
CIVICA_IMAP_PASSWORD = os.environ.get("CIVICA_IMAP_PASSWORD", "")
CIVICA_IMAP_FOLDER = os.environ.get("CIVICA_IMAP_FOLDER", "INBOX")
CIVICA_IMAP_SSL = env_bool("CIVICA_IMAP_SSL", True)
# The anonymous web chat: at most this many new conversations or messages per address and window.
CIVICA_HELPLINE_WEB_RATE = int(os.environ.get("CIVICA_HELPLINE_WEB_RATE", "10"))
CIVICA_HELPLINE_WEB_RATE_SECONDS = int(os.environ.get("CIVICA_HELPLINE_WEB_RATE_SECONDS", "600"))
