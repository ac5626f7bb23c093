# The contract every check uses: install, run, test (and later bench, container-test).
PY        ?= python3.11
VENV      := .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
INDEX_DIR ?= data/index
HOST      ?= 127.0.0.1
PORT      ?= 8000

.PHONY: install run test lint lock schema clean container-test bench

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
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links --extra dev -o requirements-dev.lock pyproject.toml

# Benchmark: extraction, index builds (10^4, 10^5 quotes) and search over HTTP against its floors;
# ~6 min. BENCH_ARGS="--sizes 1000000" opts in to 10^6 quotes (a 9 min build on 2 cores, about 19 min in all).
bench: install
	$(BIN)/quotesearch bench run $(BENCH_ARGS)

schema: install
	$(BIN)/quotesearch schema > schema.graphql

# Build the Dockerfile's image with podman (installed from Debian if missing) on a debootstrapped
# bookworm base, lint it, run it and check it serves (see the README's "Container").
container-test:
	bash .ci/container-test

clean:
	rm -rf $(VENV) data .mypy_cache .pytest_cache .ruff_cache
