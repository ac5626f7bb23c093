"""Whole GraphQL answers kept while the index is unchanged: a repeated query skips execution.

An app asking the same thing again (the same document, variables and
operation, byte for byte) gets the bytes of the earlier answer, as long as the
index generation it was computed at is still the current one. Executing a
GraphQL request costs about a millisecond in Strawberry and graphql-core even
when the search itself is a cached microsecond; a hit costs a dictionary
lookup.

Only what cannot change the index or depend on the caller is looked up:
POSTed JSON without an ``Authorization`` header (such responses say
``x-quotesearch-cache: hit`` or ``miss``). Only a ``query`` operation's answer
is kept, answered 200 in one body without ``errors``.

The generation is asked of Whoosh at most every ``RECHECK`` seconds (it lists
the index folder), and at once after a commit by this process, as the
searchers ask it (``index.search.SearcherPool``). A searcher may thus still
show the previous generation for ``RECHECK`` seconds after this cache has seen
a new one, so answers are kept only once a generation has been seen for twice
that long: an older answer is never kept under a newer generation.

Example: ``ResponseCache(app, store, max_bytes=64 * 2**20)`` wraps the
GraphQL route's app; ``max_bytes=0`` turns it off.
"""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from functools import lru_cache

from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from index.search import RECHECK
from index.store import IndexStore

CACHE_HEADER = b"x-quotesearch-cache"
MAX_REQUEST = 16 * 1024  # larger requests are not kept: they are not the repeated kind, and keys cost memory
Key = tuple[int, bytes, bytes]
Answer = tuple[list[tuple[bytes, bytes]], bytes]


@lru_cache(maxsize=1024)
def is_query(document: str, operation: str | None) -> bool:
    """Whether ``document`` run as ``operation`` only reads (the one chosen operation is a query)."""
    try:
        definitions = parse(document).definitions
    except GraphQLError:
        return False
    operations = [d for d in definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [
        o for o in operations if operation is None or (o.name is not None and o.name.value == operation)
    ]
    return len(chosen) == 1 and chosen[0].operation is OperationType.QUERY


def _read_only_request(body: bytes) -> bool:
    try:
        request = json.loads(body)
    except ValueError:
        return False
    if not isinstance(request, dict):  # a batch, or not a GraphQL request at all
        return False
    document, operation = request.get("query"), request.get("operationName")
    return isinstance(document, str) and isinstance(operation, str | None) and is_query(document, operation)


def _cost(key: Key, answer: Answer) -> int:
    return len(key[1]) + len(key[2]) + len(answer[1])


class _Answers:
    """Answers by request, least recently used dropped first, bounded by their bytes and their keys'."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._data: OrderedDict[Key, Answer] = OrderedDict()

    def get(self, key: Key) -> Answer | None:
        answer = self._data.get(key)
        if answer is not None:
            self._data.move_to_end(key)
        return answer

    def put(self, key: Key, answer: Answer) -> None:
        if _cost(key, answer) > self.max_bytes // 8:  # one huge answer must not flush all the others
            return
        old = self._data.pop(key, None)
        if old is not None:
            self.size -= _cost(key, old)
        self._data[key] = answer
        self.size += _cost(key, answer)
        while self.size > self.max_bytes:
            dropped = self._data.popitem(last=False)
            self.size -= _cost(*dropped)


class ResponseCache:
    """Pure ASGI middleware over the GraphQL endpoint (see the module docstring)."""

    def __init__(self, app: ASGIApp, store: IndexStore, max_bytes: int, path: str = "/graphql") -> None:
        self.app = app
        self.store = store
        self.path = path
        self.answers = _Answers(max_bytes)
        self._generation = -1
        self._commits = -1
        self._checked = 0.0
        self._seen_since = 0.0

    def generation(self) -> tuple[int, bool]:
        """The index generation (asked of Whoosh only after a local commit or ``RECHECK`` seconds),
        and whether it is settled: seen long enough for every searcher to have caught up."""
        commits, now = self.store.local_commits(), time.monotonic()
        if commits != self._commits or now - self._checked > RECHECK:
            generation = self.store.generation()
            if generation != self._generation or commits != self._commits:
                self._seen_since = now
            self._generation, self._commits, self._checked = generation, commits, now
        return self._generation, now - self._seen_since > 2 * RECHECK

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope["headers"]) if scope["type"] == "http" else {}
        if (
            self.answers.max_bytes <= 0
            or scope["type"] != "http"
            or scope["path"] != self.path
            or scope["method"] != "POST"
            or b"authorization" in headers
            or not headers.get(b"content-type", b"").startswith(b"application/json")
        ):
            await self.app(scope, receive, send)
            return
        body, gone = await _read_body(receive)
        if gone:  # the client went away mid-body: nothing to answer
            return
        if len(body) > MAX_REQUEST:
            await self.app(scope, _replay(body, receive), send)
            return
        generation, settled = self.generation()
        key = (generation, headers.get(b"accept", b""), body)
        answer = self.answers.get(key)
        if answer is not None:
            await _send(send, 200, [*answer[0], (CACHE_HEADER, b"hit")], answer[1])
            return
        await self._answer(scope, _replay(body, receive), key if settled else None, send)

    async def _answer(self, scope: Scope, receive: Receive, key: Key | None, send: Send) -> None:
        """Run the request on the app, keep its answer under ``key`` if it may be reused, pass it on.

        The answer is held until its last byte (GraphQL answers here are one
        body), then sent with its ``miss`` header.
        """
        start: Message | None = None
        chunks: list[bytes] = []

        async def hold(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    await self._finish(key, start, b"".join(chunks), send)
            else:
                await send(message)

        await self.app(scope, receive, hold)

    async def _finish(self, key: Key | None, start: Message, response: bytes, send: Send) -> None:
        headers: list[tuple[bytes, bytes]] = list(start.get("headers", []))
        if key and start["status"] == 200 and b'"errors"' not in response and _read_only_request(key[2]):
            self.answers.put(key, (headers, response))
        await _send(send, start["status"], [*headers, (CACHE_HEADER, b"miss")], response)


async def _read_body(receive: Receive) -> tuple[bytes, bool]:
    """The whole request body, and whether the client disconnected before its end."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks), True
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks), False


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the app the body already read, then listens to the client again."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if replayed:
            return await receive()
        replayed = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
