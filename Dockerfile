# The production image: gunicorn behind a buffering proxy, as a non-root user that
# cannot rewrite the code. Pin the base image by digest when you build a release
# (`docker buildx imagetools inspect python:3.11.11-slim-bookworm`).
FROM python:3.11.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=iclc.settings.production PORT=8000

# pg_dump/pg_restore for `manage.py backup` must match the PostgreSQL 16 server
# in docker-compose.yml; Debian 12 ships 15, so take the client from PGDG. Pango
# and a fallback font for WeasyPrint: the scheduler makes the printed editions.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext libpq5 curl ca-certificates \
        libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && install -d /usr/share/postgresql-common/pgdg \
    && curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc \
        https://www.postgresql.org/media/keys/ACCC4CF8.asc \
    && echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt bookworm-pgdg main" \
        > /etc/apt/sources.list.d/pgdg.list \
    && apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client-16 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 iclc

WORKDIR /app
COPY requirements.lock .
RUN pip install --no-cache-dir --require-hashes -r requirements.lock

# The code belongs to root: the app user writes only media, static and backups.
COPY . .
RUN DJANGO_SETTINGS_MODULE=iclc.settings.dev python manage.py compilemessages --ignore=.venv \
    && mkdir -p /app/media /app/static_collected /app/backups \
    && chown -R iclc:iclc /app/media /app/static_collected /app/backups

USER iclc
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1
CMD ["sh", "docker/start.sh"]
