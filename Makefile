# ICLC 2015 website. `make help` lists the targets.
PYTHON_SYSTEM ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/iclc
# One pytest worker per core (pytest-xdist), each with its own test database;
# tests marked with one xdist_group (the Varnish stack's) stay on one worker.
PYTEST_ARGS ?= -n auto --dist loadgroup
# How often `make run`'s scheduler publishes the pages editors scheduled.
SCHEDULER_INTERVAL ?= 60
# What `make run` and `make bench` use: the visitors' settings over plain HTTP.
DATABASE_URL ?= sqlite:///$(CURDIR)/db.sqlite3
RUN_ENV := DJANGO_SETTINGS_MODULE=iclc.settings.production DJANGO_HTTPS=0 \
	DJANGO_SERVE_MEDIA=1 DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DATABASE_URL=$(DATABASE_URL) \
	DJANGO_EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
# The server `make run` starts, and `make bench` measures. Threads: a slow or
# half-open client holds one thread, not a whole worker (there is no buffering
# proxy in front of `make run`; compose has one). Ctrl-C stops it within 10 s
# even with a request still open. No control socket: its one default path would
# be shared by every gunicorn on the machine (tests, bench, a second site).
GUNICORN := $(VENV)/bin/gunicorn iclc.wsgi --workers 2 --worker-class gthread --threads 8 \
	--graceful-timeout 10 --no-control-socket
BENCH_PORT ?= 8180
BENCH_DURATION ?= 8
BENCH_LOAD_DURATION ?= 60
# Parts of labels to measure only some addresses, e.g. BENCH_ONLY=PressReleasePage,SessionPage.
BENCH_ONLY ?=
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends

.DEFAULT_GOAL := help
.PHONY: help run dev test audit bench lint format messages lock setup-site deb-gettext \
	deb-browser deb-java deb-node deb-wrk deb-varnish deb-pango backup restore

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# Every package, transitive ones too, at the version and hashes of the lock
# files (`make lock` writes them from requirements*.txt).
$(VENV)/installed: requirements.lock
	test -x $(PY) || $(PYTHON_SYSTEM) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	touch $@

$(VENV)/installed-dev: $(VENV)/installed requirements-dev.lock
	$(PY) -m pip install -q --require-hashes -r requirements-dev.lock
	touch $@

LOCK := $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
lock: $(VENV)/installed ## Pin every package with hashes: requirements*.txt → requirements*.lock
	$(PY) -m pip install -q pip-tools
	$(LOCK) --output-file requirements.lock requirements.txt
	$(LOCK) --output-file requirements-dev.lock requirements-dev.txt

.env:
	@echo "DJANGO_SECRET_KEY=$$($(PYTHON_SYSTEM) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env
	@echo "Wrote a new secret key to .env (git-ignored)."

# Debian packages, installed only when missing (as root, or with sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
deb-gettext:
	@command -v msgfmt >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) $(APT_INSTALL) gettext; }
deb-wrk:
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) $(APT_INSTALL) wrk; }
deb-browser:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -q && $(SUDO) $(APT_INSTALL) chromium fonts-dejavu-core; }
deb-varnish:
	@command -v varnishd >/dev/null || test -x /usr/sbin/varnishd || { $(SUDO) apt-get update -q && $(SUDO) $(APT_INSTALL) varnish; }
deb-java:
	@command -v java >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) $(APT_INSTALL) default-jre-headless; }
deb-node:
	@command -v npm >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) $(APT_INSTALL) nodejs npm; }
# WeasyPrint (the printed programme and press kit) lays text out with Pango;
# DejaVu stands in for any character the site's Montserrat lacks.
PANGO_DEBS := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
deb-pango:
	@dpkg -s $(PANGO_DEBS) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) $(APT_INSTALL) $(PANGO_DEBS); }

# axe-core, vnu-jar and Lighthouse at the exact versions of package-lock.json.
# --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime; we use Debian's.
node_modules/.package-lock.json: package.json package-lock.json | deb-node
	npm ci --ignore-scripts --no-audit --no-fund

setup-site: $(VENV)/installed .env deb-gettext deb-pango
	$(RUN_ENV) $(PY) manage.py check_database --create
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py update_translation_fields
	$(RUN_ENV) $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput -v 0
	$(RUN_ENV) $(PY) manage.py load_iclc_content --if-empty

run: setup-site ## Serve the site as visitors get it on http://127.0.0.1:$(PORT)/
	@echo ""
	@echo "  English: http://127.0.0.1:$(PORT)/en/   Spanish: http://127.0.0.1:$(PORT)/es/"
	@echo "  Admin:   http://127.0.0.1:$(PORT)/admin/  (create an account first:"
	@echo "           $(PY) manage.py createsuperuser  — DJANGO_SUPERUSER_PASSWORD works for scripts)"
	@echo ""
	@echo "  Scheduled pages are published by a scheduler beside the server (every $(SCHEDULER_INTERVAL) s)."
	@echo ""
	@$(RUN_ENV) $(PY) manage.py run_scheduler --interval $(SCHEDULER_INTERVAL) & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null; wait $$scheduler' EXIT INT TERM; \
	$(RUN_ENV) $(GUNICORN) --bind 127.0.0.1:$(PORT)

# The bench's Varnish listens on BENCH_PORT + 1, its Redis on BENCH_PORT + 9.
bench: setup-site deb-wrk deb-browser deb-varnish $(VENV)/installed-dev ## Load-test every page type, direct and through Varnish (docs/performance.md)
	$(RUN_ENV) $(PY) -m tools bench --port $(BENCH_PORT) --duration $(BENCH_DURATION) \
		--load-duration $(BENCH_LOAD_DURATION) --only "$(BENCH_ONLY)" \
		-- $(GUNICORN) --bind 127.0.0.1:$(BENCH_PORT)

dev: $(VENV)/installed deb-gettext deb-pango ## Serve with runserver and DEBUG on
	$(PY) manage.py migrate --noinput
	$(PY) manage.py update_translation_fields
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
	$(PY) manage.py load_iclc_content --if-empty
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/installed-dev deb-gettext deb-pango deb-browser deb-java deb-varnish node_modules/.package-lock.json ## Run the test suite against PostgreSQL
	@DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} DJANGO_SETTINGS_MODULE=iclc.settings.test $(PY) manage.py check_database
	DJANGO_SETTINGS_MODULE=iclc.settings.test $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(PY) -m pytest $(PYTEST_ARGS)

AUDIT_PORT ?= 8765
audit: setup-site deb-browser node_modules/.package-lock.json ## Lighthouse on the key pages, phone and desktop: docs/audit.md
	@$(RUN_ENV) $(VENV)/bin/gunicorn iclc.wsgi --bind 127.0.0.1:$(AUDIT_PORT) --workers 2 --log-level warning & \
	server=$$!; trap 'kill $$server' EXIT; \
	for i in $$(seq 60); do $(PY) -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$(AUDIT_PORT)/healthz', timeout=2)" 2>/dev/null && break; sleep 0.5; done; \
	$(RUN_ENV) $(PY) -m tools lighthouse_audit http://127.0.0.1:$(AUDIT_PORT)

lint: $(VENV)/installed-dev ## ruff check and format check, and the import contracts (lint-imports)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(VENV)/installed-dev ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/installed deb-gettext ## Regenerate and compile the Spanish catalogue
	$(PY) manage.py makemessages -l es --no-location --ignore=.venv --ignore=node_modules
	$(PY) manage.py compilemessages --ignore=.venv

# Backups (issue 11). In docker: `docker compose exec web python manage.py backup`.
BACKUP_DIR ?= backups
backup: $(VENV)/installed .env ## Write the database and media to backups/iclc-<time>.tar.gz
	$(RUN_ENV) $(PY) manage.py backup --output-dir $(BACKUP_DIR)

restore: $(VENV)/installed .env ## Bring back a backup: make restore FILE=backups/iclc-….tar.gz
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/iclc-<time>.tar.gz"; exit 2; }
	$(RUN_ENV) $(PY) manage.py restore "$(FILE)"
