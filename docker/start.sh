#!/bin/sh
# Container start: bring the database up to date, then serve.
set -e
python manage.py migrate --noinput
python manage.py update_translation_fields
python manage.py collectstatic --noinput -v 0
python manage.py load_iclc_content --if-empty
exec gunicorn iclc.wsgi --bind "0.0.0.0:${PORT:-8000}" --workers "${WEB_CONCURRENCY:-3}" \
    --access-logfile - --forwarded-allow-ips '*'
