# Leitstand: `make demo` runs the demo, `make test` runs every test. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: demo stop test check bench lint format locks setup product messages run clean

# Everything for development and tests; `make demo` installs only what the product needs.
setup: product $(VENV)/.dev-installed

product: $(VENV)/.installed node_modules/.installed translations

# pip keeps downloaded packages in its cache (~/.cache/pip, or PIP_CACHE_DIR): a second clone
# installs from there.
$(VENV)/.installed: requirements/pip.txt requirements/base.txt pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/pip.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/base.txt
# (setuptools warns on every editable install that a folder of the same name may shadow it)
	PYTHONWARNINGS=ignore::UserWarning $(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements/dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/base.txt -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json .npmrc
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

translations: $(VENV)/.installed
	$(BIN)/leitstand compile_translations

demo: product
	@$(BIN)/leitstand migrate --noinput -v0
	@$(BIN)/leitstand load_demo
	@$(BIN)/leitstand collectstatic --noinput -v0
	@echo ""
	@echo "Leitstand runs at http://127.0.0.1:$(PORT)/ – log in with the demo login above."
	@echo "Ctrl+C or 'make stop' (in another terminal) ends it."
	@$(BIN)/gunicorn leitstand.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --pid var/gunicorn.pid --log-level warning

stop:
	@if [ -f var/gunicorn.pid ]; then kill $$(cat var/gunicorn.pid) && echo "Leitstand stopped."; else echo "Leitstand is not running."; fi

check: setup
	$(BIN)/leitstand check
	$(BIN)/leitstand makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

# Bytecode is kept (__pycache__, ignored by git) even where the environment says
# PYTHONDONTWRITEBYTECODE: else both test workers and every command a test starts compile the
# project and pytest rewrites every test module again.
test: check
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest -n 2 $(PYTEST_ARGS)

bench: setup
	$(BIN)/python -m bench

lint: setup
	$(BIN)/ruff check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: setup
	$(BIN)/leitstand makemessages -l de -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var --ignore='leitstand/demo/*' --ignore=e2e --ignore=bench --ignore=tests
	$(BIN)/leitstand compile_translations

locks:
	uv pip compile --generate-hashes --python-version 3.11 requirements/pip.in -o requirements/pip.txt
	uv pip compile --generate-hashes --python-version 3.11 requirements/base.in -o requirements/base.txt
	uv pip compile --generate-hashes --python-version 3.11 requirements/dev.in -o requirements/dev.txt

clean:
	rm -rf $(VENV) node_modules var/static
