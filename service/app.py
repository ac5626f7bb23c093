"""The Starlette application: /graphql (with GraphiQL), /healthz and /readyz."""

from __future__ import annotations

import hmac
import logging
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from extract.topics import Topic, load_topics
from index.fields import ARTICLE
from index.search import IndexReader
from index.store import IndexStore
from schema import Context, build_schema
from schema.context import Ingest
from schema.errors import PRE_EXECUTION, code_for
from service.bootstrap import open_index
from service.graphiql import STATIC_DIR, graphiql_html
from service.ingest import text_ingester
from service.limits import BodySizeLimit, RequestTimeout
from service.observability import instrument
from service.response_cache import ResponseCache
from service.settings import Settings

logger = logging.getLogger("quotesearch.app")


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


class QuoteSearchGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with our per-request context and bearer-token check."""

    def __init__(
        self,
        reader: IndexReader,
        topics: list[Topic],
        ingest: Ingest | None,
        token: str | None,
        introspection: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(build_schema(introspection=introspection), **kwargs)
        self.reader = reader
        self.topics = topics
        self.ingest = ingest
        self.token = token

    def authenticated(self, request: Request) -> bool:
        given = bearer_token(request)
        if self.token is None or given is None:
            return False
        return hmac.compare_digest(given.encode(), self.token.encode())

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(graphiql_html())

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        """Give every error an ``extensions.code``, including parse and validation errors."""
        response = await super().process_result(request, result)
        errors: list[dict[str, Any]] = response.get("errors") or []  # type: ignore[assignment]
        for error in errors:
            extensions = error.setdefault("extensions", {})
            extensions.setdefault("code", code_for(error["message"]).value)
        return response

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        """A request rejected before execution (bad syntax, invalid, too complex) is a 400."""
        response = super().create_response(response_data, sub_response)
        if isinstance(response_data, dict) and response_data.get("data") is None:
            errors: list[dict[str, Any]] = response_data.get("errors") or []  # type: ignore[assignment]
            codes = {e.get("extensions", {}).get("code") for e in errors}
            if codes and codes <= {c.value for c in PRE_EXECUTION}:
                response.status_code = 400
        return response

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        assert isinstance(request, Request)
        return Context(
            reader=self.reader,
            topics=self.topics,
            ingest=self.ingest,
            authenticated=self.authenticated(request),
        )


def create_app(settings: Settings | None = None) -> Starlette:
    """Open (or build) the index and serve it."""
    settings = settings or Settings()
    store = IndexStore(settings.index_dir, readonly=True) if settings.read_only else open_index(settings)
    reader = IndexReader(store, time_budget=settings.search_time_budget)
    topics = load_topics(settings.topics_file)
    token = settings.api_token.get_secret_value() if settings.api_token else None
    writable = token and not settings.read_only
    graphql = QuoteSearchGraphQL(
        reader,
        topics,
        ingest=text_ingester(store, topics) if writable else None,
        token=token,
        introspection=settings.introspection,
        graphql_ide="graphiql" if settings.graphiql else None,
    )

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        articles = store.count(ARTICLE)
        ready = articles > 0
        return JSONResponse({"ready": ready, "articles": articles}, status_code=200 if ready else 503)

    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
        ],
        middleware=[
            Middleware(BodySizeLimit, max_bytes=settings.max_body_bytes),
            Middleware(RequestTimeout, seconds=settings.request_time_budget),
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=["authorization", "content-type"],
            ),
            Middleware(ResponseCache, store=store, max_bytes=settings.response_cache_mb * 2**20),
        ],
    )
    instrument(app, store)
    return app
