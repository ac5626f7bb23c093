# quotesearch: the GraphQL API over an index built from seed/ at image build time.
#
# Two stages on the same base: `build` installs the hash-pinned dependencies into /opt/venv and
# builds the seed index; the runtime stage copies only the venv, the code and the index, so pip,
# the build secret and anything else the build needed stay behind.
#
# Builds from the official python:3.11-slim (the default: the Python the lock and the test suite
# are run with) or from any Debian-like base whose python3 is 3.11 and has the venv module, e.g. a
# debootstrapped bookworm with python3-venv:
#   docker build -t quotesearch .
#   podman build --build-arg BASE=localhost/quotesearch-base:bookworm ...   (.ci/container-test)
# Behind a TLS-intercepting proxy, give pip the CA bundle as a build secret; it is mounted only
# while pip runs and is not left in any layer:
#   docker build --secret id=pip_ca,src=/etc/ssl/certs/ca-certificates.crt -t quotesearch .
ARG BASE=python:3.11-slim

FROM ${BASE} AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    QUOTESEARCH_INDEX_DIR=/app/data/index \
    QUOTESEARCH_SEED_DIR=/app/seed \
    QUOTESEARCH_TOPICS_FILE=/app/seed/topics.toml

WORKDIR /app

# Dependencies first (hash-pinned, no resolution), so code changes reuse this layer. pip and
# setuptools are then removed from the venv (nothing imports them at run time), and so are
# pycountry's 22 MB of translations (quotesearch uses the English names only), numpy's 17 MB
# of its own tests, english-words' 15 MB of word lists other than the lower-cased GCIDE one, and
# the names package's 3 MB surname list (only its given-name lists are read).
COPY requirements.lock ./
RUN --mount=type=secret,id=pip_ca \
    if [ -s /run/secrets/pip_ca ]; then export PIP_CERT=/run/secrets/pip_ca; fi \
    && python3 -m venv /opt/venv \
    && pip install --require-hashes --no-deps -r requirements.lock \
    && pip uninstall --yes --quiet pip setuptools \
    && rm -rf /opt/venv/lib/python3*/site-packages/pycountry/locales \
    && find /opt/venv/lib/python3*/site-packages/english_words/data -name '*.pickle' ! -name gcide_lower.pickle -delete \
    && rm /opt/venv/lib/python3*/site-packages/names/dist.all.last \
    && find /opt/venv/lib/python3*/site-packages/numpy -type d -name tests -prune -exec rm -rf {} +

# The code runs from /app (PYTHONPATH): nothing but requirements.lock is downloaded, and the
# package data that a wheel would leave out (service/static) stays next to the code. Byte code is
# compiled here because a read-only container cannot write it.
COPY extract ./extract
COPY index ./index
COPY schema ./schema
COPY service ./service
COPY bench ./bench
COPY seed ./seed
RUN printf '#!/opt/venv/bin/python\nimport sys\nfrom service.cli import main\nif __name__ == "__main__":\n    sys.exit(main())\n' \
        > /opt/venv/bin/quotesearch \
    && chmod 0755 /opt/venv/bin/quotesearch \
    && python3 -m compileall -q extract index schema service bench \
    && quotesearch build-index \
    && rm requirements.lock

FROM ${BASE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    PORT=8000 \
    QUOTESEARCH_INDEX_DIR=/app/data/index \
    QUOTESEARCH_SEED_DIR=/app/seed \
    QUOTESEARCH_TOPICS_FILE=/app/seed/topics.toml

RUN useradd --system --uid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin quotesearch
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
# Only the index is the server's to write (ingestArticle); the code stays root's.
RUN chown -R quotesearch /app/data

USER 10001
EXPOSE 8000
# PORT only tells the check where to look: set it too when serving on another --port.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)"]
CMD ["quotesearch", "serve", "--host", "0.0.0.0", "--port", "8000"]
