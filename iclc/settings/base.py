"""Settings shared by every environment: apps, i18n, Wagtail."""

import hashlib

from django.utils.translation import gettext_lazy as _

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .environment import BASE_DIR, code_release, env, env_list, load_dotenv

load_dotenv()

SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    # modeltranslation must patch Page before any subclass registers (design/i18n.md).
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "pages",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    # Security (issue 11): failed-login throttling, Content-Security-Policy.
    "axes",
    "csp",
]

MIDDLEWARE = [
    # Security (issue 11): answer /healthz before host checks and the HTTPS
    # redirect (docker asks over plain HTTP on 127.0.0.1), then log every request.
    "iclc.middleware.HealthCheckMiddleware",
    "iclc.middleware.RequestLogMiddleware",
    # A cached page is returned here, logged but before any other middleware;
    # the headers the others added (security, CSP, language) were stored with it.
    "pages.serving.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # django-csp's middleware, with the admin's policy and Permissions-Policy.
    "iclc.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pages.serving.compression.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The site and its home page from the cache, not two queries a request.
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the login view's response (issue 11).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "iclc.urls"
WSGI_APPLICATION = "iclc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "iclc" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite lets a newcomer run the site with no server; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Internationalisation: plain "es", because modeltranslation names columns after it.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Mexico_City"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["iclc.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
# The team writes every page in both languages at once: show both side by side
# (the admin's language picker can still hide one).
WAGTAILMODELTRANSLATION_LOCALE_PICKER_DEFAULT = ("en", "es")

STATIC_URL = "/static/"
STATIC_ROOT = env("DJANGO_STATIC_ROOT", str(BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "iclc" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# One cache shared by every gunicorn worker, so that an editor's publish empties it
# for all of them: Redis in production (REDIS_URL), files on a newcomer's machine.
# Keys are prefixed per database and per release: a cache never serves pages or
# site paths that another database (an earlier DATABASE_URL, a test cluster)
# filled it with, nor values that older code pickled.
REDIS_URL = env("REDIS_URL")
CACHE_KEY_PREFIX = (
    "iclc-"
    + hashlib.sha256(
        (env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}").encode()
    ).hexdigest()[:10]
    + "-"
    + code_release()
)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {
                # A cache that is down slows the site, it does not break it.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("DJANGO_CACHE_DIR") or str(BASE_DIR / ".cache"),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Full pages for anonymous visitors (pages/serving/cache.py); 0 turns the page
# cache off.
PAGE_CACHE_SECONDS = int(env("DJANGO_PAGE_CACHE_SECONDS") or 600)
# The query parameters pages read (search, pagination, the programme's and the
# showcase's filters); any other stays out of the page cache's keys. `make bench`
# adds one of its own, to make every request of an uncached run a new address.
PAGE_CACHE_QUERY_PARAMETERS = {"day", "page", "q", "theme", "type", "venue"} | set(
    env_list("DJANGO_PAGE_CACHE_EXTRA_PARAMETERS")
)
PAGE_CACHE_EXCLUDED_PATHS = (
    "/admin/",
    "/documents/",
    "/healthz",
    "/media/",
    "/static/",
)

# The HTTP cache in front (issue 26, docs/scaling.md): a page the page cache may
# store is sent with `s-maxage` for this long (0: none is), and any content
# change purges it through Wagtail's frontend cache (pages/serving/frontend_cache.py).
# Off unless the environment names a cache: DJANGO_FRONTEND_CACHE_URL for
# Varnish (compose: http://proxy:80), or a CDN's own variables.
SHARED_CACHE_SECONDS = int(env("DJANGO_SHARED_CACHE_SECONDS") or 300)
WAGTAILFRONTENDCACHE = {}
if env("DJANGO_FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "pages.serving.frontend_cache.VarnishBanBackend",
        "LOCATION": env("DJANGO_FRONTEND_CACHE_URL"),
    }
if env("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONEID"),
    }
if env("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }
# The URLs purged are those of each language already (translated slugs): Wagtail
# must not rewrite /en/ into /es/ on top of them.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Background work (django_tasks): Wagtail's own (reference index, focal points)
# and making the renditions of what is published (pages/renditions/tasks.py), run
# at once in the process that asks, after its transaction commits.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "renditions": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "printing": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

WAGTAIL_SITE_NAME = "ICLC 2015"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# One rule for slugs, ASCII, whether a page is loaded or made in the admin (the
# admin writes "ciudad-de-mexico", not "ciudad-de-méxico"; pages/editorial/editing.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents only through Wagtail's view (privacy checked), always as downloads.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_IMAGE_MODEL = "pages.SiteImage"

# Moderation e-mail: Wagtail writes to the members of the workflow task's group
# (Moderators) on submission, and to the submitter on approval or rejection.
# Superusers are left out so that the right group, not every admin, is told.
# The backend is set per environment: console (dev), locmem (test), SMTP (production).
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "ICLC 2015 <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_NOTIFICATION_USE_HTML = True

# Serve uploads from Django itself: `make run` has no front web server.
SERVE_MEDIA = False


# ---------------------------------------------------------------------------
# Security, uploads, faults and logs (issue 11). Kept together so that merges
# with other work on these settings stay easy; HTTPS-only settings are in
# production.py.
# ---------------------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    # Axes refuses a login attempt for a locked-out username + address first.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Five wrong passwords for one username from one address lock that pair out for
# an hour. Keying on the pair stops a password list without letting a stranger
# lock an editor out from elsewhere. Staff unlock under Settings → Locked-out
# sign-ins, or with `manage.py axes_reset_username <name>`.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_CLIENT_IP_CALLABLE = "iclc.security.client_ip"
# Failures count under the name as Django's sign-in form reads it (NFKC, any case).
AXES_USERNAME_CALLABLE = "iclc.security.sign_in_name"

# Content-Security-Policy for the public site: scripts only from our own files
# (or an inline <script nonce="{{ request.csp_nonce }}">), never framed.
# The admin gets the looser policy below (SecurityHeadersMiddleware): Wagtail's
# widgets still carry inline scripts, and its preview frames our own pages.
_VIDEO_FRAMES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, *_VIDEO_FRAMES],
        # The programme offline (pages/offline/): the service worker at /sw.js
        # and the web app manifest of each language, both our own.
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_URL_PREFIXES = ("/admin/",)
ADMIN_CONTENT_SECURITY_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https:"],
    "frame-ancestors": [SELF],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Session keys that Django did not make never reach the database.
SESSION_ENGINE = "iclc.sessions"
# The admin makes no requests to other sites (gravatar.com, releases.wagtail.org),
# so its policy needs no holes for them.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Uploads: photos and documents only, of a sane size. SVG is not an image format
# here (it can carry scripts); Pillow's bomb guard matches Wagtail's pixel limit.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "iclc.security.SafeDocumentForm"
# Uploaded photos lose their location and personal metadata (iclc/security.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "iclc.security.PrivateImageForm"
# Every document is a download (Content-Disposition: attachment), never rendered
# inline by the browser under our origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
DATA_UPLOAD_MAX_MEMORY_SIZE = 35 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

# Logs: one line per request on stdout, warnings and errors (with tracebacks) on
# stderr; known secrets are masked in every record.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact": {"()": "iclc.log_filters.RedactSecretsFilter"},
        "bad_host": {"()": "iclc.log_filters.BadHostAsWarning"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "request": {"format": "%(asctime)s %(message)s"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",
            "filters": ["redact"],
        },
        "requests": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "request",
            "filters": ["redact"],
        },
    },
    "loggers": {
        "iclc.requests": {
            "handlers": ["requests"],
            "level": "INFO",
            "propagate": False,
        },
        # Django logs every 4xx as a warning; our request line already has it.
        "django.request": {
            "handlers": ["stderr"],
            "level": "ERROR",
            "propagate": False,
        },
        "axes": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        # Wagtail's frontend cache logs every URL it purges at INFO; failures
        # are warnings (pages/serving/frontend_cache.py).
        "wagtail.frontendcache": {
            "handlers": ["stderr"],
            "level": "WARNING",
            "propagate": False,
        },
        "django.security.DisallowedHost": {
            "handlers": ["stderr"],
            "filters": ["bad_host"],
            "propagate": False,
        },
        # When the scheduler beside the server starts and stops.
        "iclc.scheduler": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}
