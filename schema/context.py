"""What resolvers get from the service: the index reader, topics and the ingest hook."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from anyio import to_thread

from extract.models import ArticleMeta
from extract.topics import Topic
from index.models import ArticleRecord
from index.search import IndexReader

T = TypeVar("T")
Ingest = Callable[[str, ArticleMeta], ArticleRecord]


@dataclass
class Context:
    """Per-request context. ``ingest`` is None when mutations are disabled (no token configured)."""

    reader: IndexReader
    topics: list[Topic]
    ingest: Ingest | None = None
    authenticated: bool = False

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking index work in the thread pool, never on the event loop."""
        return await to_thread.run_sync(partial(fn, *args, **kwargs))
