#!/bin/sh
# Container start: bring the database up to date, then serve.
set -e
python manage.py migrate --noinput
python manage.py update_translation_fields
python manage.py collectstatic --noinput -v 0
python manage.py load_iclc_content --if-empty
# No gunicorn access log: the site logs one line per request itself, without
# query strings (iclc.middleware.RequestLogMiddleware). Errors go to stderr.
# Proxy headers are trusted by Django only with DJANGO_BEHIND_PROXY=1.
exec gunicorn iclc.wsgi --bind "0.0.0.0:${PORT:-8000}" --workers "${WEB_CONCURRENCY:-3}" \
    --worker-class gthread --threads 4 \
    --timeout 30 --graceful-timeout 20 --max-requests 2000 --max-requests-jitter 200 \
    --error-logfile -
