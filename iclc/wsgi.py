"""WSGI entry point; gunicorn serves the site with the production settings."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iclc.settings.production")

application = get_wsgi_application()
