"""Settings shared by every environment. Secrets and hosts come from DJANGO_* variables."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False

INSTALLED_APPS = [
    # The project's rooms, lowest first (docs/architecture.md; lint-imports enforces the order).
    "core",
    "people",
    "notifications",
    "modules",
    "cohorts",
    "assessments",
    "certificates",
    "offline",
    "reports",
    "portal",
    "demo",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "people.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.LeanApiHeadersMiddleware",  # JSON answers of /api/ without page headers
    "core.middleware.PrivatePagesMiddleware",  # signed in: private, no-store
    "certificates.middleware.CertificateFileMiddleware",  # signed links: like a static file
    "core.middleware.TextGZipMiddleware",  # pages and JSON; inside the file links above
    "core.middleware.SiteCSPMiddleware",  # django-csp; admin previews framed by the admin
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.RefuseNulMiddleware",  # NUL in any input: 400 (PostgreSQL refuses it)
    "core.cache.PinnedVersionsMiddleware",  # one cache round trip for the versions (core/cache.py)
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the 429 page
]

ROOT_URLCONF = "lms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # `|num`: numbers in the reader's locale on every page (core/numbers.py).
            "builtins": ["core.templatetags.numbers"],
        },
    },
]

WSGI_APPLICATION = "lms.wsgi.application"

# SQLite is the embedded default; DATABASE_URL (postgres://...) selects PostgreSQL via psycopg 3.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles any query it guesses to be costly; for the reports' per-row
    # subqueries the guess is wrong and compiling took 0.6 s of a 0.8 s query (bench/scale.py).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "lms.User"
AUTHENTICATION_BACKENDS = [
    "people.backends.LoginThrottleBackend",  # django-axes: refuses while locked out
    "people.backends.UsernameOrPhoneBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Indonesian first; English through the language switch (cookie), never the browser header.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
# locale/: the project's own strings (makemessages writes there). locale_wagtail/: Indonesian for
# Wagtail admin strings its own id_ID catalogue lacks ("Page title", "Download XLSX", ...);
# written by hand, so makemessages never drops them. Earlier paths win over apps' catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wagtail"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
WAGTAIL_CONTENT_LANGUAGES = [("id", "Bahasa Indonesia")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Media (certificates, evidence, images) in S3-compatible object storage when DJANGO_S3_BUCKET
# is set, so every app server and worker sees the same files; MEDIA_ROOT on local disk otherwise.
if os.environ.get("DJANGO_S3_BUCKET"):
    _s3_env = {
        "endpoint_url": "DJANGO_S3_ENDPOINT_URL",  # MinIO and other providers; AWS when unset
        "region_name": "DJANGO_S3_REGION",
        "access_key": "DJANGO_S3_ACCESS_KEY_ID",  # unset: boto3's own chain (role, ~/.aws)
        "secret_key": "DJANGO_S3_SECRET_ACCESS_KEY",
        "custom_domain": "DJANGO_S3_CUSTOM_DOMAIN",  # a CDN: its URLs are not signed
        "location": "DJANGO_S3_LOCATION",  # a key prefix, to share a bucket
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DJANGO_S3_BUCKET"],
            **{k: os.environ[v] for k, v in _s3_env.items() if os.environ.get(v)},
            # Certificates and evidence are private: objects get no public ACL, any URL the
            # storage makes is signed and short-lived, and downloads go through the app's own
            # permission-checked views anyway.
            "default_acl": None,
            "querystring_auth": True,
            # Image links on pages are signed for 24 h: cached pages keep them up to 12 h
            # (lms/cache.py), so a link served is always good for hours.
            "querystring_expire": int(os.environ.get("DJANGO_S3_LINK_SECONDS", "86400")),
            "signature_version": "s3v4",  # botocore would sign links with v2, which is retired
            "file_overwrite": False,  # a second upload of a name never replaces the first
        },
    }

# Redis through REDIS_URL when set (Django's backend, sharing one client: lms/cache.py); local
# memory otherwise.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "core.cache.SharedClientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page chrome (header, footer: base.html) per language and kind of user. It changes only
# with a deploy, so each process keeps its own copy in local memory: no network round trip.
CACHES["chrome"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "chrome",
}
# Page views read published content and permissions from the cache, under version numbers that
# a change replaces (lms/cache.py). Only right when every process shares the cache: on with
# Redis; off with local memory (several gunicorn workers would each keep their own).
VERSIONED_CACHE = bool(os.environ.get("REDIS_URL"))
# Rate limits (core/ratelimit.py) count in the cache, shared through Redis. Without Redis each
# process has its own memory, so production counts in the database instead (production.py).
RATE_LIMIT_STORE = "cache"

# Background work through the django-tasks API: run at once in development and tests; in
# production queued in the database (django-tasks-db) and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The course cards of the catalogue and the home page are kept in the shared cache under the
# content version (modules/catalogue_cache.py), for at most this long: they hold cover URLs,
# which S3 signs for DJANGO_S3_LINK_SECONDS (24 h), so keep it well under that.
CATALOGUE_CACHE_SECONDS = int(os.environ.get("DJANGO_CATALOGUE_CACHE_SECONDS", "600"))

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "PSM Belajar"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_BASE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000")
# Documents: office files, PDF and text only (HTML/SVG run script when opened from our origin;
# CSV invites formula injection). Served through Django so collection privacy applies.
WAGTAILDOCS_EXTENSIONS = ["docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # never SVG (scriptable)
# Pages show WebP renditions at phone widths (srcset); 75 is libwebp's own default quality, a
# little smaller than Wagtail's 80 and no visible loss on a phone screen.
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAIL_PASSWORD_RESET_ENABLED = True

# Email: SMTP when DJANGO_EMAIL_HOST is set, else printed to the console (development).
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("DJANGO_EMAIL_USE_TLS", "1" if EMAIL_HOST else "0") == "1"
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@psm.local")

# Web push (notifications/channels.py): `manage.py make_vapid_keys` prints a pair. Without
# keys the push channel is skipped and the settings page offers no phone notifications.
VAPID_PUBLIC_KEY = os.environ.get("DJANGO_VAPID_PUBLIC_KEY", "")
VAPID_PRIVATE_KEY = os.environ.get("DJANGO_VAPID_PRIVATE_KEY", "")
VAPID_SUBJECT = os.environ.get("DJANGO_VAPID_SUBJECT", "mailto:admin@psm.local")

# --- Security (production.py adds HTTPS: Secure cookies, HSTS, redirect, proxy header) ---
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # the site's own scripts read it for the API
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page may be framed. Wagtail's preview views (the admin's preview panel iframe) set
# SAMEORIGIN on their own responses (wagtail.utils.decorators.xframe_options_sameorigin_override)
# and core.middleware.SiteCSPMiddleware gives them frame-ancestors 'self'.
X_FRAME_OPTIONS = "DENY"

# Addresses of reverse proxies whose X-Forwarded-For is believed (core.ratelimit.client_ip);
# empty: only REMOTE_ADDR counts, so a forged header changes nothing.
TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("DJANGO_TRUSTED_PROXIES", "").split(",") if p.strip()
]

# Registration attempts (POSTs) per connecting address per hour; a training session behind one
# office connection registers a few dozen people at most.
REGISTRATION_RATE_LIMIT = int(os.environ.get("DJANGO_REGISTRATION_RATE_LIMIT", "30"))

# Text messages (SMS/WhatsApp): core.gateway. The default outbox sends nothing; the office hands
# reset codes over from its desk in the admin.
MESSAGE_GATEWAY = os.environ.get("DJANGO_MESSAGE_GATEWAY", "core.gateway.OutboxGateway")
MESSAGE_GATEWAY_URL = os.environ.get("DJANGO_MESSAGE_GATEWAY_URL", "")
MESSAGE_GATEWAY_TOKEN = os.environ.get("DJANGO_MESSAGE_GATEWAY_TOKEN", "")

# Password reset by phone (people/reset_services.py): requests per phone (counted in its +62
# form, whichever way it was typed) and per connecting address per hour; code entries per address
# per 15 minutes (each code also dies after PASSWORD_RESET_CODE_TRIES wrong tries).
PASSWORD_RESET_PHONE_LIMIT = int(os.environ.get("DJANGO_PASSWORD_RESET_PHONE_LIMIT", "3"))
PASSWORD_RESET_ADDRESS_LIMIT = int(os.environ.get("DJANGO_PASSWORD_RESET_ADDRESS_LIMIT", "20"))
PASSWORD_RESET_CODE_ENTRY_LIMIT = int(
    os.environ.get("DJANGO_PASSWORD_RESET_CODE_ENTRY_LIMIT", "30")
)
PASSWORD_RESET_CODE_MINUTES = 10
PASSWORD_RESET_CODE_TRIES = 5
# Activation (people.services.account_activate): attempts per phone and per address per hour.
# A code also dies after 5 wrong tries; these stop a guesser moving from phone to phone.
ACTIVATION_RATE_LIMIT_PHONE = int(os.environ.get("DJANGO_ACTIVATION_RATE_LIMIT_PHONE", "10"))
ACTIVATION_RATE_LIMIT_IP = int(os.environ.get("DJANGO_ACTIVATION_RATE_LIMIT_IP", "30"))
ACTIVATION_CODE_DAYS = 30

# Content Security Policy (django-csp 4) for the public site: scripts only from our own static
# files (or a `{{ request.csp_nonce }}`), never inline. Inline *styles* stay allowed (a few
# templates set bar widths with style=""); style injection cannot run code. Videos are
# third-party iframes (YouTube etc.), hence frame-src https:. The Wagtail admin is excluded:
# it relies on inline scripts and styles of its own, is reachable only by staff, and keeps
# X-Frame-Options and CSRF protection.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        # DJANGO_CSP_IMG_SRC: extra image origins, e.g. an S3 media bucket's URL
        "img-src": [SELF, "data:", *os.environ.get("DJANGO_CSP_IMG_SRC", "").split()],
        "font-src": [SELF],
        "connect-src": [SELF],
        "worker-src": [SELF],  # /sw.js (offline app)
        "manifest-src": [SELF],
        "frame-src": [SELF, "https:"],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Login throttling (django-axes): the counter is per account *and* connecting address, so a
# stranger guessing elsewhere cannot lock a volunteer out of their own phone. The lock ends by
# itself after the cool-off. Account key: core.ratelimit.axes_username (phone → its account).
AXES_ENABLED = True
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "core.ratelimit.axes_username"
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.axes_client_ip"
AXES_LOCKOUT_CALLABLE = "core.ratelimit.axes_lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_ENABLE_ADMIN = False  # Wagtail is the admin; attempts are in the axes tables
AXES_DISABLE_ACCESS_LOG = True  # keep failures only: no log of every successful login (UU 27/2022)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Practice evidence: all of one volunteer's uploads together (photos lose their metadata first).
EVIDENCE_QUOTA_BYTES = int(os.environ.get("DJANGO_EVIDENCE_QUOTA_MB", "50")) * 1024 * 1024
