# quotesearch: the GraphQL API over an index built from seed/ at image build time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    QUOTESEARCH_INDEX_DIR=/app/data/index \
    QUOTESEARCH_SEED_DIR=/app/seed \
    QUOTESEARCH_TOPICS_FILE=/app/seed/topics.toml

WORKDIR /app

# Dependencies first (hash-pinned), so code changes reuse this layer.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

COPY pyproject.toml README.md ./
COPY extract ./extract
COPY index ./index
COPY schema ./schema
COPY service ./service
COPY seed ./seed
RUN pip install --no-deps . \
    && useradd --system --uid 10001 --home-dir /app quotesearch \
    && quotesearch build-index \
    && chown -R quotesearch /app/data

USER quotesearch
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["quotesearch", "serve", "--host", "0.0.0.0", "--port", "8000"]
