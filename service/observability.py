"""Observability: one JSON access-log line per request, and Prometheus metrics at ``GET /metrics``.

``instrument(app, store)`` adds both to a Starlette app before it starts serving:

- logger ``quotesearch.access`` gets one JSON line per HTTP request: method,
  path, GraphQL operation name, status, duration in ms and the GraphQL error
  codes of the response. Headers are never logged, so neither is the bearer
  token; nor are query strings or variables.
- ``/metrics`` serves request counts by path, status and error code, a latency
  histogram by path, and the index's article, quote and person counts (read
  at scrape time). Each app has its own ``CollectorRegistry``; with several
  uvicorn workers each worker reports its own requests.

The middleware is pure ASGI: it keeps a copy of the (bounded) request and
response bodies as they pass, so nothing reads a body twice.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import parse_qs

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from index.fields import ARTICLE, PERSON, QUOTE
from index.store import IndexStore

access_logger = logging.getLogger("quotesearch.access")

MAX_CAPTURE = 256 * 1024  # bytes of a request/response body kept for the log; the rest passes untouched
OTHER_PATH = "other"  # label for paths the app does not serve: a scanner cannot blow up the label set
_OPERATION = re.compile(r"^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)")
_OPERATION_NAME = re.compile(rb'"operationName"\s*:\s*"([_A-Za-z][_0-9A-Za-z]*)"')
_QUERY_PREFIX = re.compile(rb'"query"\s*:\s*"((?:[^"\\]|\\.){0,512})')
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


def operation_name(method: str, query_string: bytes, body: bytes, complete: bool) -> str | None:
    """The GraphQL operation's name: ``operationName`` if given, else the document's first operation."""
    fields: dict[str, Any] = {}
    if method == "GET":
        fields = {k: v[0] for k, v in parse_qs(query_string.decode("latin-1")).items()}
    elif complete:
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):  # a batch: name the first operation
            parsed = parsed[0] if parsed else None
        if isinstance(parsed, dict):
            fields = parsed
    else:  # body too large to keep whole: look at its start only
        name = _OPERATION_NAME.search(body)
        if name:
            return name.group(1).decode()
        query = _QUERY_PREFIX.search(body)
        fields = {"query": query.group(1).decode("utf-8", "replace")} if query else {}
    name = fields.get("operationName")
    if isinstance(name, str) and name:
        return name[:100]
    document = fields.get("query")
    if isinstance(document, str):
        match = _OPERATION.match(document)
        if match:
            return match.group(1)
    return None


def error_codes(body: bytes) -> list[str]:
    """``errors[].extensions.code`` of a GraphQL JSON response (of each response in a batch)."""
    if b'"errors"' not in body:  # most responses: no need to parse them
        return []
    try:
        parsed = json.loads(body)
    except ValueError:
        return []
    responses = parsed if isinstance(parsed, list) else [parsed]
    codes: list[str] = []
    for response in responses:
        if not isinstance(response, dict):
            continue
        for error in response.get("errors") or []:
            code = error.get("extensions", {}).get("code") if isinstance(error, dict) else None
            if isinstance(code, str) and code not in codes:
                codes.append(code)
    return codes


class IndexCollector(Collector):
    """Document counts of the served index, read when Prometheus scrapes."""

    def __init__(self, store: IndexStore) -> None:
        self.store = store

    def collect(self) -> Iterable[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "quotesearch_index_documents",
            "Documents in the last committed index, by type.",
            labels=["doctype"],
        )
        for doctype in (ARTICLE, QUOTE, PERSON):
            family.add_metric([doctype], self.store.count(doctype))
        yield family
        generation = GaugeMetricFamily("quotesearch_index_generation", "The index's commit generation.")
        generation.add_metric([], self.store.generation())
        yield generation


class Metrics:
    """One app's metrics, in its own registry."""

    def __init__(self, store: IndexStore | None) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "quotesearch_http_requests",
            "HTTP requests by path, status and first GraphQL error code ('' when none).",
            ["path", "status", "code"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "quotesearch_http_request_duration_seconds",
            "Time from the request's arrival to its response's last byte, by path.",
            ["path"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        if store is not None:
            self.registry.register(IndexCollector(store))

    def observe(self, path: str, status: int, codes: list[str], seconds: float) -> None:
        self.requests.labels(path, str(status), codes[0] if codes else "").inc()
        self.latency.labels(path).observe(seconds)

    async def endpoint(self, request: Request) -> Response:
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


class _Capture:
    """A bounded copy of a body as its chunks pass."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.size = 0
        self.complete = True

    def add(self, chunk: bytes) -> None:
        if self.size + len(chunk) > MAX_CAPTURE:
            self.complete = False
            chunk = chunk[: max(0, MAX_CAPTURE - self.size)]
        self.chunks.append(chunk)
        self.size += len(chunk)

    def data(self) -> bytes:
        return b"".join(self.chunks)


class ObservabilityMiddleware:
    """Pure ASGI middleware: times each HTTP request, logs it as JSON, counts it."""

    def __init__(self, app: ASGIApp, metrics: Metrics, paths: set[str]) -> None:
        self.app = app
        self.metrics = metrics
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        request_body, response_body = _Capture(), _Capture()
        status = 500
        json_response = False

        async def receive_and_keep() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                request_body.add(message.get("body", b""))
            return message

        async def send_and_keep(message: Message) -> None:
            nonlocal status, json_response
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = dict(message.get("headers", []))
                json_response = headers.get(b"content-type", b"").startswith(b"application/json")
            elif message["type"] == "http.response.body" and json_response:
                response_body.add(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive_and_keep, send_and_keep)
        finally:
            seconds = time.perf_counter() - start
            path = scope["path"] if scope["path"] in self.paths else OTHER_PATH
            codes = error_codes(response_body.data()) if json_response and response_body.complete else []
            self.metrics.observe(path, status, codes, seconds)
            access_logger.info(
                json.dumps(
                    {
                        "method": scope["method"],
                        "path": scope["path"][:200],
                        "operation": operation_name(
                            scope["method"],
                            scope.get("query_string", b""),
                            request_body.data(),
                            request_body.complete,
                        ),
                        "status": status,
                        "duration_ms": round(seconds * 1000, 2),
                        "error_codes": codes,
                    }
                )
            )


def _ensure_access_log_handler() -> None:
    """Let the access log reach stderr in a server worker where nothing configured logging."""
    if access_logger.level == logging.NOTSET:
        access_logger.setLevel(logging.INFO)
    if not access_logger.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        access_logger.addHandler(handler)


def _route_paths(app: Starlette) -> Iterator[str]:
    for route in app.routes:
        path = getattr(route, "path", None)
        if isinstance(path, str):
            yield path


def instrument(app: Starlette, store: IndexStore | None) -> Metrics:
    """Add ``GET /metrics`` and the access-log/metrics middleware to ``app`` (before it serves)."""
    metrics = Metrics(store)
    app.router.routes.append(Route("/metrics", metrics.endpoint, methods=["GET"]))
    app.add_middleware(ObservabilityMiddleware, metrics=metrics, paths=set(_route_paths(app)))
    _ensure_access_log_handler()
    return metrics
