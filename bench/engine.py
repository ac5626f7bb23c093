"""In-process measurements: the engine floor (raw Whoosh) and our ``IndexReader`` without HTTP.

The engine floor runs each request of the mix as a hand-written Whoosh query
on one reused searcher, in one thread: parse the terms, search the top hits,
load their stored fields (and facets or highlights where the request asks),
the least work any Whoosh-based service must do. The reader figures run the
same requests through ``IndexReader`` as the resolvers call it, which shows
what our index layer adds before GraphQL and HTTP do.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import highlight, sorting
from whoosh.qparser import QueryParser
from whoosh.query import And, Or, Query, Term
from whoosh.searching import Searcher

from bench.load import summary
from bench.mix import Request
from extract.models import Stance
from extract.registry import PersonRecord
from index.models import QuoteFilter, QuoteOrder
from index.search import IndexReader
from index.store import IndexStore

FACETS = {
    "stance": "stance",
    "person": "speaker_id",
    "country": "country",
    "office": "office",
    "topic": "topic",
}


def _timed(fn: Callable[[], Any], reps: int) -> list[float]:
    out = []
    for _ in range(reps):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


class RawWhoosh:
    """The mix as plain Whoosh calls."""

    def __init__(self, store: IndexStore) -> None:
        self.searcher: Searcher = store.index.searcher()
        self.parser = QueryParser("text", store.index.schema)

    def _person_ids(self, name: str) -> list[str]:
        return [PersonRecord.id_for(name)]

    def run(self, request: Request) -> Any:
        s, kind, term = self.searcher, request.kind, request.term
        if kind == "person":
            query: Query = Or([Term("speaker_id", i) for i in self._person_ids(term)])
            hits = s.search(query, limit=10, sortedby="published_sort", reverse=True)
            return [h.fields() for h in hits], len(hits)
        query = self.parser.parse(term)
        if kind == "stance":
            query = And([query, Term("stance", Stance.OPPOSE.value)])
        if kind == "facets":
            groups = sorting.Facets()
            for name, field in FACETS.items():
                groups.add_facet(name, sorting.FieldFacet(field, maptype=sorting.Count))
            hits = s.search(query, limit=1, groupedby=groups)
            return {name: hits.groups(name) for name in FACETS}, len(hits)
        if kind == "page5":
            hits = s.search(query, limit=50)
            return [h.fields() for h in hits[40:50]], len(hits)
        hits = s.search(query, limit=10)
        if kind == "highlight":
            hits.fragmenter = highlight.ContextFragmenter(maxchars=300, surround=60)
            return [h.highlights("text", text=h["payload"]) for h in hits], len(hits)
        return [h.fields() for h in hits], len(hits)


def reader_call(reader: IndexReader, request: Request) -> Any:
    """The reader calls the resolvers make for a request (without the per-speaker lookups)."""
    kind, term = request.kind, request.term
    if kind == "person":
        return reader.quotes(QuoteFilter(person=term), 0, 10, QuoteOrder(by="date"))
    if kind == "stance":
        return reader.quotes(QuoteFilter(query=term, stance=Stance.OPPOSE), 0, 10)
    if kind == "facets":
        return reader.quotes(QuoteFilter(query=term), 0, 1), reader.facets(QuoteFilter(query=term))
    if kind == "page5":
        return reader.quotes(QuoteFilter(query=term), 40, 10)
    # highlights only where the GraphQL request selects them, as the resolver decides
    return reader.quotes(QuoteFilter(query=term), 0, 10, None, kind == "highlight")


def measure(
    index_dir: Path, requests: dict[str, list[Request]], reps: int = 3, reader_cache: bool = False
) -> dict[str, dict[str, dict[str, Any]]]:
    """p50/p95/p99 per kind for raw Whoosh and for ``IndexReader``, one thread, after one warm-up pass."""
    store = IndexStore(index_dir)
    raw = RawWhoosh(store)
    reader = IndexReader(store, time_budget=60.0, cache_size=None if reader_cache else 0)
    out: dict[str, dict[str, dict[str, Any]]] = {"engine": {}, "reader": {}}
    for kind, pool in requests.items():
        for request in pool:  # warm-up: open files, fill the OS cache and per-generation caches
            raw.run(request)
            reader_call(reader, request)
        engine_times: list[float] = []
        reader_times: list[float] = []
        for request in pool:
            engine_times += _timed(lambda r=request: raw.run(r), reps)  # type: ignore[misc]
            reader_times += _timed(lambda r=request: reader_call(reader, r), reps)  # type: ignore[misc]
        out["engine"][kind] = summary(engine_times, sum(engine_times))
        out["reader"][kind] = summary(reader_times, sum(reader_times))
    raw.searcher.close()
    store.index.close()
    return out
