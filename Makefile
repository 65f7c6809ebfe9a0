# Two commands matter: `make run` and `make test`. Both install into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint check pytest e2e bench messages compilemessages clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# Workbox 7 for the service worker (offline/): npm ci, then its prebuilt files into
# static/vendor/workbox/ (gitignored; collectstatic and the test servers pick them up there).
WORKBOX := static/vendor/workbox
WORKBOX_STAMP := $(WORKBOX)/.installed
WORKBOX_PACKAGES := core routing strategies precaching

$(WORKBOX_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(WORKBOX) && mkdir -p $(WORKBOX)
	for p in $(WORKBOX_PACKAGES); do cp node_modules/workbox-$$p/build/workbox-$$p.prod.js* $(WORKBOX)/; done
	cp node_modules/workbox-core/LICENSE $(WORKBOX)/LICENSE.txt
	touch $(WORKBOX_STAMP)

install: $(STAMP) $(WORKBOX_STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --if-empty
	@echo ""
	@echo "  PSM Learning runs at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "  Demo logins, password psm-demo-2026: relawan (volunteer), pelatih (trainer), admin (office), lulus (Kompeten, certified)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: install
	DJANGO_SETTINGS_MODULE=lms.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=lms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# Both cores (pytest-xdist); PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= 2
pytest: install
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test: lint check pytest

# Real-browser journeys (Playwright + Debian's /usr/bin/chromium + axe-core); not part of `make
# test` (pyproject's addopts leave the e2e marker out). Screenshots go to tests/e2e/artifacts/.
e2e: install
	$(BIN)/pytest tests/e2e -p no:cacheprovider -m e2e $(E2E_ARGS)

# Benchmarks (not part of `make test`): gunicorn + locust + db_worker on the machine's PostgreSQL
# and Redis, in throw-away databases; prints the table, writes bench/out/results.json. ~15 min.
bench: install
	# nginx: the HTTPS + HTTP/2 front the offline bench measures through (bench/h2front.py)
	test -x /usr/sbin/nginx || apt-get install -y nginx-light || apt-get install -y nginx
	$(BIN)/python bench/run.py

# Translations: `make messages` extracts strings into locale/id; the .mo files are committed.
messages: install
	$(BIN)/python manage.py makemessages -l id --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench --no-obsolete
	$(BIN)/python manage.py makemessages -d djangojs -l id --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench --no-obsolete

compilemessages: install
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles media-test .pytest_cache .ruff_cache node_modules $(WORKBOX)
