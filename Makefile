# The contract every check uses: install, run, test (and later bench, container-test).
PY        ?= python3.11
VENV      := .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
INDEX_DIR ?= data/index
HOST      ?= 127.0.0.1
PORT      ?= 8000

.PHONY: install run test lint lock schema clean container-test

$(STAMP): requirements-dev.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/quotesearch serve --host $(HOST) --port $(PORT) --index-dir $(INDEX_DIR)

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-resolve the pinned, hashed locks from pyproject.toml (needs the network):
# requirements.lock for the container, requirements-dev.lock (plus test tools) for make.
lock: install
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		-o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra dev \
		-o requirements-dev.lock pyproject.toml

schema: install
	$(BIN)/quotesearch schema > schema.graphql

# Build the Dockerfile's image with podman (installed from Debian if missing) on a debootstrapped
# bookworm base, lint it, run it and check it serves (see the README's "Container").
container-test:
	bash .ci/container-test

clean:
	rm -rf $(VENV) data .mypy_cache .pytest_cache .ruff_cache
