"""What resolvers get from the service: the index reader, topics and the ingest hook."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from extract.models import ArticleMeta
from extract.registry import PersonRecord
from extract.topics import Topic
from index.models import ArticleRecord, QuoteRecord
from index.search import IndexReader

T = TypeVar("T")
Ingest = Callable[[str, ArticleMeta], ArticleRecord]

# Blocking index work runs here. A bare executor hop costs less than anyio's ``to_thread``
# (its capacity limiter and cancel scope added ~10% to a cheap request); 40 threads as anyio had.
INDEX_THREADS = ThreadPoolExecutor(max_workers=40, thread_name_prefix="quotesearch-index")


@dataclass
class Context:
    """Per-request context. ``ingest`` is None when mutations are disabled (no token configured)."""

    reader: IndexReader
    topics: list[Topic]
    ingest: Ingest | None = None
    authenticated: bool = False
    people: DataLoader[str, PersonRecord | None] = field(init=False)
    articles: DataLoader[str, ArticleRecord | None] = field(init=False)
    quotes: DataLoader[str, QuoteRecord | None] = field(init=False)

    def __post_init__(self) -> None:
        # One thread-pool hop per batch of lookups on a page, not one per node.
        self.people = DataLoader(load_fn=self._batch(self.reader.person))
        self.articles = DataLoader(load_fn=self._batch(self.reader.article))
        self.quotes = DataLoader(load_fn=self._batch(self.reader.quote))

    def _batch(self, get: Callable[[str], T]) -> Callable[[list[str]], Awaitable[list[T]]]:
        async def load(ids: list[str]) -> list[T]:
            return await self.run(lambda: [get(i) for i in ids])

        return load

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking index work in the thread pool, never on the event loop."""
        return await asyncio.get_running_loop().run_in_executor(INDEX_THREADS, partial(fn, *args, **kwargs))
