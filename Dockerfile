# The production image: gunicorn behind whatever proxy you run, as a non-root user.
FROM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=iclc.settings.production PORT=8000

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext libpq5 curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 iclc

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY --chown=iclc:iclc . .
RUN DJANGO_SETTINGS_MODULE=iclc.settings.dev python manage.py compilemessages --ignore=.venv \
    && mkdir -p /app/media /app/static_collected \
    && chown -R iclc:iclc /app/media /app/static_collected

USER iclc
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1
CMD ["sh", "docker/start.sh"]
