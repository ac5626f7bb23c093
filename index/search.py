"""Reading the index: quote, article and people searches returning pydantic models.

Each thread keeps one Whoosh searcher and refreshes it only when a commit has
made it stale, so searches reuse open files and see new articles right after
they are committed. Query strings use Whoosh's query language on quote text
with two limits that keep it fast: a wildcard must be a trailing ``*`` after at
least three letters, and only the fields in ``QUERY_FIELDS`` may be named.
"""

from __future__ import annotations

import heapq
import json
import re
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Set
from datetime import date
from typing import Any, Concatenate, ParamSpec, TypeVar

import numpy as np
import numpy.typing as npt
import pycountry
from whoosh import highlight
from whoosh.collectors import Collector, FilterCollector, TimeLimit, WrappingCollector
from whoosh.fields import Schema
from whoosh.qparser import QueryParser
from whoosh.query import (
    And,
    AndMaybe,
    AndNot,
    Every,
    FuzzyTerm,
    NullQuery,
    Or,
    Phrase,
    Prefix,
    Query,
    Require,
    Term,
    Wildcard,
)
from whoosh.searching import Results, Searcher

from extract.registry import PersonRecord, fold
from index.cache import LRU, DocSet, GenerationData, as_mask, result_cache_size
from index.fields import ARTICLE, PAIR_SEP, PERSON, QUOTE, name_analyzer
from index.models import (
    ArticleRecord,
    FacetCount,
    Facets,
    Page,
    QuoteFilter,
    QuoteHit,
    QuoteOrder,
    QuoteRecord,
)
from index.store import IndexStore, sort_day
from index.topterm import Deadline, term_docs, top_term

T = TypeVar("T")
P = ParamSpec("P")
SEARCHERS = 4  # searchers per process: 2 cores and the GIL gain nothing from more at once
RECHECK = 0.2  # seconds a lent searcher may go without asking whether another process committed

QUERY_FIELDS = {"text", "speaker", "mentions", "office", "country", "stance", "topic", "kind"}
FACET_FIELDS = {
    "stance": "stance",
    "person": "speaker_id",
    "country": "country",
    "office": "office",
    "topic": "topic",
}
# Fields only quote documents have: a query that needs one of them cannot match
# an article or a person, so it needs no ``doctype:quote`` clause (which would
# make Whoosh walk the postings of every quote alongside it).
QUOTE_ONLY_FIELDS = frozenset(
    {"text", "speaker", "speaker_id", "mentions", "mention_ids", "stance", "topic", "kind", "article_ids"}
)
_TRAILING_WILDCARD = re.compile(r"^\w{3,}\*$")
HIGHLIGHT_MAX_CHARS = 300
MAX_QUERY_CHARS = 2000


class QueryError(ValueError):
    """A search string that cannot be run as written; the message says why."""


class SearchTimeout(RuntimeError):
    """A search ran past its time budget and was stopped."""


def _payload(fields: dict[str, Any]) -> dict[str, Any]:
    return dict(json.loads(fields["payload"]))


def country_key(value: str) -> str:
    """An ISO code for a country name, code or demonym-free spelling; the folded text otherwise."""
    try:
        return str(pycountry.countries.lookup(value.strip()).alpha_2)
    except LookupError:
        matches = pycountry.countries.search_fuzzy(value) if len(value) >= 4 else []
        return str(matches[0].alpha_2) if len(matches) == 1 else fold(value)


def _name_terms(name: str) -> list[str]:
    return [t.text for t in name_analyzer()(name)]


def _check_query(query: Query, fields: set[str]) -> None:
    """Refuse leading or short wildcards and a lone ``*`` (they scan everything), and unknown fields."""
    for leaf in query.leaves():
        if isinstance(leaf, Every):
            raise QueryError("a lone * matches everything: leave `query` out to list all results")
        if isinstance(leaf, Wildcard | Prefix):
            text = leaf.text + ("*" if isinstance(leaf, Prefix) else "")
            if not _TRAILING_WILDCARD.match(text):
                raise QueryError(
                    f"wildcard {text!r} not allowed: only a trailing * after at least 3 letters (e.g. deplo*)"
                )
        fieldname = getattr(leaf, "fieldname", None)
        if fieldname and fieldname not in fields:
            raise QueryError(f"unknown field {fieldname!r}; searchable fields: {', '.join(sorted(fields))}")


def _unstemmed_prefixes(query: Query, text: str) -> Query:
    """Match ``deploy*`` on the words as typed too: the parser stems prefix text ("deploi")."""
    typed = {w.lower() for w in re.findall(r"(\w{3,})\*", text)}

    def widen(node: Query) -> Query:
        if isinstance(node, Prefix):
            raw = [w for w in typed if w.startswith(node.text[:3]) and w != node.text]
            return Or([node, *(Prefix(node.fieldname, w) for w in raw)]) if raw else node
        return node.apply(widen)

    return widen(query)


def parse_user_query(parser: QueryParser, text: str, fields: set[str]) -> Query:
    """Parse a user's query string, turning every way it can fail into a ``QueryError``."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long: at most {MAX_QUERY_CHARS} characters")
    for name in re.findall(r"(\w+):", text):
        if name in parser.schema.names() and name not in fields:
            raise QueryError(f"unknown field {name!r}; searchable fields: {', '.join(sorted(fields))}")
    try:
        query = parser.parse(text)
    except Exception as e:  # whoosh raises plain exceptions for fields it cannot search
        raise QueryError(f"cannot parse query: {e}") from e
    _check_query(query, fields)
    return _unstemmed_prefixes(query, text)


def _pair_term(query: Query, schema: Schema) -> Term | None:
    """The ``pairs`` term of a two-word phrase on quote text, if the index has pairs (else None).

    It matches the same documents as the phrase (``index.fields.pair_analyzer``)
    and ranks them by the pair's own BM25 weight; the phrase stays the query that
    highlights them.
    """
    if (
        type(query) is Phrase
        and query.fieldname == "text"
        and len(query.words) == 2
        and query.slop == 1
        and query.boost == 1.0
        and "pairs" in schema
    ):
        return Term("pairs", PAIR_SEP.join(query.words))
    return None


def _dated(days: array[int], after: date | None, before: date | None) -> set[int]:
    """The documents published from ``after`` to ``before`` (either may be open), by their
    ``published_sort`` day; undated ones (day 0) never match a date range."""
    found = np.frombuffer(days, dtype=np.int64)
    inside = found != 0
    if after:
        inside &= found >= sort_day(after)
    if before:
        inside &= found <= sort_day(before)
    return set(np.flatnonzero(inside).tolist())


def _confined(query: Query) -> bool:
    """Whether every document ``query`` matches is a quote (it requires a quote-only field)."""
    if isinstance(query, And | Require):
        return any(_confined(q) for q in query.children())
    if isinstance(query, AndNot | AndMaybe):
        return _confined(query.children()[0])
    if isinstance(query, Or):
        children = query.children()
        return bool(children) and all(_confined(q) for q in children)
    if query is NullQuery:
        return True
    fieldname = getattr(query, "fieldname", None)
    return query.is_leaf() and fieldname in QUOTE_ONLY_FIELDS


class _Budget(WrappingCollector):  # type: ignore[misc]
    """Stops a search past its time budget, checking the clock every 256 matches (no timer thread).

    The check sits in ``matches()``, which every collector wrapped around this
    one iterates (a ``FilterCollector`` skips disallowed matches there).
    """

    def __init__(self, child: Collector, seconds: float) -> None:
        self.child = child
        self.seconds = seconds

    def computes_count(self) -> bool:
        return bool(self.child.computes_count())

    def matches(self) -> Iterator[int]:
        deadline = time.perf_counter() + self.seconds
        for n, sub_docnum in enumerate(self.child.matches()):
            if not n & 255 and time.perf_counter() > deadline:
                raise TimeLimit
            yield sub_docnum

    def collect_matches(self) -> None:
        collect = self.child.collect
        for sub_docnum in self.matches():
            collect(sub_docnum)


class SearcherPool:
    """At most ``size`` open searchers, lent to one thread at a time and reused.

    The resolvers' thread pool has dozens of threads; a searcher per thread
    would hold dozens of copies of each segment's readers and caches. A lent
    searcher is replaced by a new one when a commit has made it stale: at once
    after a commit by this process, within ``recheck`` seconds after one by
    another process (asking Whoosh lists the index folder, which cost 4% of a
    cheap request when done on every call).
    """

    def __init__(self, store: IndexStore, size: int = SEARCHERS, recheck: float = RECHECK) -> None:
        self.store = store
        self.recheck = recheck
        self._slots = threading.BoundedSemaphore(size)
        self._free: list[tuple[Searcher, int, float]] = []  # searcher, local commits, time checked
        self._lent: dict[int, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def _fresh(self) -> Searcher:
        return self.store.index.searcher()

    def acquire(self) -> Searcher:
        self._slots.acquire()
        try:
            with self._lock:
                entry = self._free.pop() if self._free else None
            commits, now = self.store.local_commits(), time.monotonic()
            if entry is None:
                searcher, checked = self._fresh(), now
            else:
                searcher, seen, checked = entry
                if seen != commits or now - checked > self.recheck:
                    checked = now
                    if not searcher.up_to_date():
                        # not refresh(): it shares segment readers with the old searcher,
                        # so closing the old one would close them under the new one.
                        searcher.close()
                        searcher = self._fresh()
            with self._lock:
                self._lent[id(searcher)] = (commits, checked)
            return searcher
        except BaseException:
            self._slots.release()
            raise

    def release(self, searcher: Searcher) -> None:
        with self._lock:
            commits, checked = self._lent.pop(id(searcher))
            self._free.append((searcher, commits, checked))
        self._slots.release()


def _pooled(method: Callable[Concatenate[IndexReader, P], T]) -> Callable[Concatenate[IndexReader, P], T]:
    """Run a reader method with a searcher lent from the pool (the outermost call borrows it)."""

    def wrapper(self: IndexReader, /, *args: P.args, **kwargs: P.kwargs) -> T:
        local = self._local
        if getattr(local, "held", None) is not None:
            return method(self, *args, **kwargs)
        searcher = self._pool.acquire()
        local.held = searcher
        try:
            return method(self, *args, **kwargs)
        finally:
            local.held = None
            self._pool.release(searcher)

    wrapper.__name__, wrapper.__doc__ = method.__name__, method.__doc__
    return wrapper


class IndexReader:
    """Searches over an ``IndexStore`` with a small pool of reused searchers.

    Results are cached (bounded LRU, ``cache_size`` entries; by default
    ``$QUOTESEARCH_RESULT_CACHE`` or 4096, 0 turns it off) under the index
    generation they were computed at; filters, facets and date order read
    per-generation document data (``index.cache.GenerationData``) instead of
    running a scored search.
    """

    def __init__(self, store: IndexStore, time_budget: float = 2.0, cache_size: int | None = None) -> None:
        self.store = store
        self.time_budget = time_budget
        self._local = threading.local()
        self._parser = QueryParser("text", store.index.schema)
        self._article_parser = QueryParser("body", store.index.schema)
        self.results: LRU[tuple[Any, ...], Any] = LRU(
            result_cache_size() if cache_size is None else cache_size
        )
        self._generations: dict[int, GenerationData] = {}
        self._generations_lock = threading.Lock()
        self._pool = SearcherPool(store)

    def searcher(self) -> Searcher:
        """The searcher this thread holds for a reader call; outside one, a thread-own searcher.

        Either is refreshed if a commit happened since it was opened.
        """
        held: Searcher | None = getattr(self._local, "held", None)
        if held is not None:
            return held
        current: Searcher | None = getattr(self._local, "searcher", None)
        if current is None:
            current = self.store.index.searcher()
        elif not current.up_to_date():
            # not current.refresh(): it shares segment readers with the old searcher,
            # so closing the old one would close them under the new one.
            current.close()
            current = self.store.index.searcher()
        self._local.searcher = current
        return current

    def _data(self, searcher: Searcher) -> GenerationData:
        """The shared per-document data of ``searcher``'s generation (older generations dropped)."""
        generation = int(searcher.reader().generation())
        data = self._generations.get(generation)
        if data is None:
            with self._generations_lock:
                data = self._generations.get(generation)
                if data is None:
                    data = GenerationData(generation, int(searcher.reader().doc_count_all()))
                    newest = max([generation, *self._generations])
                    self._generations = {g: d for g, d in self._generations.items() if g >= newest - 1} | {
                        generation: data
                    }
        return data

    def _cached(self, searcher: Searcher, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        full = (int(searcher.reader().generation()), *key)
        value: T | None = self.results.get(full)
        if value is None:
            value = compute()
            self.results.put(full, value)
        return value

    # -- single documents -------------------------------------------------

    @_pooled
    def _get(self, doctype: str, doc_id: str) -> str | None:
        searcher = self.searcher()

        def load() -> str:
            fields = searcher.document(id=f"{doctype}:{doc_id}")
            return str(fields["payload"]) if fields else ""

        return self._cached(searcher, ("doc", doctype, doc_id), load) or None

    def quote(self, quote_id: str) -> QuoteRecord | None:
        data = self._get(QUOTE, quote_id)
        return QuoteRecord.model_validate_json(data) if data else None

    def article(self, article_id: str) -> ArticleRecord | None:
        data = self._get(ARTICLE, article_id)
        return ArticleRecord.model_validate_json(data) if data else None

    @_pooled
    def person(self, person_id: str) -> PersonRecord | None:
        """A person by id; kept per generation (people are few, and every quote names its speaker)."""
        searcher = self.searcher()

        def load() -> PersonRecord | None:
            data = searcher.document(id=f"{PERSON}:{person_id}")
            return PersonRecord.model_validate_json(data["payload"]) if data else None

        person: PersonRecord | None = self._data(searcher).lookups.get_or_compute(("person", person_id), load)
        return person

    def _speaker(self, record: QuoteRecord) -> PersonRecord | None:
        """The speaker of a hit, looked up with its page: a result list shows who said it."""
        return self.person(record.speaker_id) if record.speaker_id else None

    @_pooled
    def count(self, doctype: str) -> int:
        return int(self.searcher().doc_frequency("doctype", doctype))

    # -- quotes -------------------------------------------------------------

    def parse(self, text: str) -> Query:
        """Parse a user query on quote text, refusing what would be slow or meaningless."""
        return parse_user_query(self._parser, text, QUERY_FIELDS)

    @_pooled
    def _people_matching(self, name: str) -> list[str]:
        """Ids of people whose name or alias matches, ignoring accents, case and a one-letter slip."""
        searcher = self.searcher()

        def find() -> list[str]:
            terms = _name_terms(name)
            if not terms:
                return []
            clauses = [
                FuzzyTerm("name", t, maxdist=1, prefixlength=1) if len(t) >= 5 else Term("name", t)
                for t in terms
            ]
            hits = searcher.search(And([Term("doctype", PERSON), *clauses]), limit=50)
            return [str(_payload(hit.fields())["id"]) for hit in hits]

        # per generation, not in the result cache: a name's people are index structure, like filter sets
        ids: list[str] = self._data(searcher).lookups.get_or_compute(("people-matching", name), find)
        return ids

    def _conditions(self, flt: QuoteFilter) -> list[tuple[str, list[str]]]:
        """Every exact condition of ``flt`` as (field, accepted values); no values matches nothing."""
        conditions: list[tuple[str, list[str]]] = []
        for ids in (flt.person_ids, self._people_matching(flt.person) if flt.person else None):
            if ids is not None:
                conditions.append(("speaker_id", list(ids)))
        if flt.mentions:
            conditions.append(("mention_ids", self._people_matching(flt.mentions)))
        exact = {
            "stance": flt.stance.value if flt.stance else None,
            "country": country_key(flt.country) if flt.country else None,
            "office": fold(flt.office) if flt.office else None,
            "topic": flt.topic,
            "kind": flt.kind.value if flt.kind else None,
            "article_ids": flt.article_id,
        }
        conditions.extend((field, [value]) for field, value in exact.items() if value)
        return conditions

    def _stopped(self) -> SearchTimeout:
        return SearchTimeout(f"search stopped after its {self.time_budget:g} s budget")

    def _run(
        self, searcher: Searcher, query: Query, filter: set[int] | None = None, **kwargs: Any
    ) -> Results:
        """Search within the time budget; ``filter`` is a set of the only document numbers allowed."""
        collector = _Budget(searcher.collector(**kwargs), self.time_budget)
        if filter is not None:
            collector = FilterCollector(collector, allow=filter)
        try:
            searcher.search_with_collector(query, collector)
        except TimeLimit as e:
            raise self._stopped() from e
        return collector.results()

    def _matching_docs(self, searcher: Searcher, query: Query) -> npt.NDArray[np.int64]:
        """Every live document number ``query`` matches, in order, unscored, within the time budget."""
        deadline = time.perf_counter() + self.time_budget
        query = _pair_term(query, searcher.schema) or query
        if type(query) is Term:
            data = self._data(searcher)
            frequent, deleted = data.frequent(searcher), data.deleted_quotes(searcher)
            try:
                found = term_docs(searcher, query, deadline, frequent, deleted)
            except Deadline as e:
                raise self._stopped() from e
            if found is not None:
                return found
        docs: list[int] = []
        for n, docnum in enumerate(searcher.docs_for_query(query)):
            docs.append(docnum)
            if not n & 4095 and time.perf_counter() > deadline:
                raise self._stopped()
        return np.array(docs, dtype=np.int64)

    def _filtered_docs(self, searcher: Searcher, flt: QuoteFilter) -> DocSet | None:
        """The live quotes every condition of ``flt`` (all but its text query) allows, cached.

        Built from the cached document set of each condition, so a filter used
        by many queries is intersected once per index generation. None when
        the filter has no condition (every quote is allowed).
        """
        conditions = self._conditions(flt)
        dated = bool(flt.published_after or flt.published_before)
        if not conditions and not dated:
            return None
        data = self._data(searcher)
        key = ("allowed", repr(conditions), str(flt.published_after), str(flt.published_before))

        def intersect() -> DocSet:
            # a set (never changed once cached): Whoosh takes a set, not a frozenset, as a filter
            sets: list[Set[int]] = []
            for field, values in conditions:
                if len(values) == 1:
                    sets.append(data.docs(searcher, field, values[0]))
                else:
                    sets.append(set().union(*(data.docs(searcher, field, v) for v in values)))
            if dated:
                sets.append(_dated(data.days(searcher), flt.published_after, flt.published_before))
            sets.sort(key=len)
            first, *others = sets
            live = data.quotes(searcher)
            return DocSet(d for d in first if live[d] and all(d in other for other in others))

        allowed = data.filter_sets.get_or_compute(key, intersect)
        assert isinstance(allowed, DocSet)
        return allowed

    def _known_total(self, searcher: Searcher, query: Query) -> int | None:
        """How many documents match, when the index knows without a search: one term's frequency."""
        if isinstance(query, Term) and not searcher.reader().has_deletions():
            return int(searcher.doc_frequency(query.fieldname, query.text))
        return None

    @_pooled
    def quotes(
        self,
        flt: QuoteFilter,
        offset: int = 0,
        limit: int = 10,
        order: QuoteOrder | None = None,
        highlights: bool = False,
    ) -> Page[QuoteHit]:
        """One page of quotes matching ``flt``, and how many match in all."""
        order = order or QuoteOrder()
        searcher = self.searcher()
        key = ("quotes", flt.model_dump_json(), offset, limit, order.by, order.descending, highlights)
        return self._cached(
            searcher, key, lambda: self._quotes(searcher, flt, offset, limit, order, highlights)
        )

    def _quotes(
        self,
        searcher: Searcher,
        flt: QuoteFilter,
        offset: int,
        limit: int,
        order: QuoteOrder,
        highlights: bool,
    ) -> Page[QuoteHit]:
        if not (flt.query and flt.query.strip()):
            return self._filter_page(searcher, flt, offset, limit, order)
        query, allowed = self._text_and_filter(searcher, flt)
        results, total = self._top_hits(searcher, query, allowed, offset + limit, order)
        if highlights:
            results.fragmenter = highlight.ContextFragmenter(maxchars=HIGHLIGHT_MAX_CHARS, surround=60)
            results.formatter = _MarkFormatter()
        hits = []
        for hit in results[offset : offset + limit]:
            record = QuoteRecord.model_validate_json(hit.fields()["payload"])
            marked = hit.highlights("text", text=record.text[:20_000]) if highlights else None
            hits.append(
                QuoteHit(
                    record=record, speaker=self._speaker(record), score=hit.score, highlight=marked or None
                )
            )
        return Page(items=hits, total=total, offset=offset)

    def _top_hits(
        self, searcher: Searcher, query: Query, allowed: set[int] | None, k: int, order: QuoteOrder
    ) -> tuple[Results, int]:
        """The ``k`` best matches of ``query`` among ``allowed`` (all if None), and how many match."""
        if order.by != "date":
            found = self._fast_top(searcher, query, k, allowed)
            if found is not None:
                top, total = found
                return Results(searcher, query, top), total
        known = self._known_total(searcher, query) if allowed is None else None
        # Whoosh's block-quality skipping (``optimize``) scores fewer matches but leaves the total
        # uncounted; unless the index knows it, counting took a second, unscored pass over every
        # match (for a phrase, matching every span again), which cost more than the skipping saved.
        kwargs: dict[str, Any] = {"limit": k, "optimize": known is not None}
        if allowed is not None:
            kwargs["filter"] = allowed
        if order.by == "date":
            kwargs.update(sortedby="published_sort", reverse=order.descending)
        results = self._run(searcher, query, **kwargs)
        return results, known if known is not None else len(results)

    def _fast_top(
        self, searcher: Searcher, query: Query, k: int, allowed: set[int] | None
    ) -> tuple[list[tuple[float, int]], int] | None:
        """Whoosh's top ``k`` and total of one term, or of a two-word phrase's pair term, among
        ``allowed`` if given (``index.topterm``). None for any other query: search with Whoosh.
        """
        query = _pair_term(query, searcher.schema) or query
        if type(query) is not Term:
            return None
        data = self._data(searcher)
        lengths = data.lengths(searcher, query.fieldname)
        deadline = time.perf_counter() + self.time_budget
        try:
            deleted = data.deleted_quotes(searcher)
            return top_term(searcher, query, k, lengths, deleted, deadline, allowed, data.frequent(searcher))
        except Deadline as e:
            raise self._stopped() from e

    def _text_and_filter(self, searcher: Searcher, flt: QuoteFilter) -> tuple[Query, set[int] | None]:
        """The text query to score, and the cached set of quotes the other conditions allow.

        Whoosh checks each text match against the set instead of intersecting
        the postings of every condition (stance alone lists a third of all
        quotes) on each search and again to count.
        """
        assert flt.query
        text = self.parse(flt.query)
        allowed = self._filtered_docs(searcher, flt)
        if allowed is None and not _confined(text):
            text = And([Term("doctype", QUOTE), text])
        return text, allowed

    def _filter_page(
        self, searcher: Searcher, flt: QuoteFilter, offset: int, limit: int, order: QuoteOrder
    ) -> Page[QuoteHit]:
        """A page of a filter-only search: cached document sets, ordered by date (or index order)."""
        data = self._data(searcher)
        docs: Iterable[int] | None = self._filtered_docs(searcher, flt)
        if docs is None:
            live = data.quotes(searcher)
            docs = [d for d, is_quote in enumerate(live) if is_quote]
        count = offset + limit
        if order.by == "date":
            days = data.days(searcher)
            # newest first; among one day's quotes the later-indexed first (and the reverse ascending)
            pick = heapq.nlargest if order.descending else heapq.nsmallest
            top = pick(count, docs, key=lambda d: (days[d], d))
        else:
            top = heapq.nsmallest(count, docs)
        records = [
            QuoteRecord.model_validate_json(searcher.stored_fields(d)["payload"]) for d in top[offset:count]
        ]
        hits = [QuoteHit(record=r, speaker=self._speaker(r)) for r in records]
        total = len(docs) if isinstance(docs, list | set) else sum(1 for _ in docs)
        return Page(items=hits, total=total, offset=offset)

    @_pooled
    def facets(self, flt: QuoteFilter, size: int = 10) -> Facets:
        """Counts by stance, speaker, country, office and topic over every quote matching ``flt``.

        Each facet lists its ``size`` most frequent values (ties by value): a common word's
        quotes have thousands of speakers, and a count object for each cost more than counting.
        """
        searcher = self.searcher()
        return self._cached(
            searcher, ("facets", flt.model_dump_json(), size), lambda: self._facets(searcher, flt, size)
        )

    def _facets(self, searcher: Searcher, flt: QuoteFilter, size: int) -> Facets:
        data = self._data(searcher)
        if flt.query and flt.query.strip():
            query, allowed = self._text_and_filter(searcher, flt)
            numbers = self._matching_docs(searcher, query)
            if allowed is not None:
                numbers = numbers[as_mask(allowed, data.size)[numbers]]
        else:
            found = self._filtered_docs(searcher, flt)
            live = data.quotes(searcher)
            docs = found if found is not None else [d for d, q in enumerate(live) if q]
            numbers = np.fromiter(docs, dtype=np.int64)
        counts = {}
        for name, field in FACET_FIELDS.items():
            column = data.column(searcher, field)
            tally = column.counts(numbers)
            tally[0] = 0  # no value
            named = ((str(column.values[code]), int(tally[code])) for code in np.flatnonzero(tally))
            top = heapq.nsmallest(size, named, key=lambda pair: (-pair[1], pair[0]))
            counts[name] = [FacetCount(value=value, count=count) for value, count in top]
        return Facets(**counts)

    # -- articles and people -------------------------------------------------

    @_pooled
    def articles(self, query: str | None, offset: int = 0, limit: int = 10) -> Page[ArticleRecord]:
        """Articles whose title or text matches ``query`` (all articles, newest first, without one)."""
        searcher = self.searcher()
        return self._cached(
            searcher,
            ("articles", query, offset, limit),
            lambda: self._articles(searcher, query, offset, limit),
        )

    def _articles(
        self, searcher: Searcher, query: str | None, offset: int, limit: int
    ) -> Page[ArticleRecord]:
        clauses: list[Query] = [Term("doctype", ARTICLE)]
        kwargs: dict[str, Any] = {"limit": offset + limit}
        if query and query.strip():
            parsed = parse_user_query(self._article_parser, query, {"body", "title"})
            clauses.append(Or([parsed, parsed.accept(_to_title)]))
        else:
            kwargs.update(sortedby="published_sort", reverse=True)
        results = self._run(searcher, And(clauses), **kwargs)
        items = [
            ArticleRecord.model_validate_json(h.fields()["payload"]) for h in results[offset : offset + limit]
        ]
        return Page(items=items, total=len(results), offset=offset)

    @_pooled
    def people(
        self, name: str | None = None, country: str | None = None, office: str | None = None
    ) -> list[PersonRecord]:
        """People by name (fuzzy, as for quotes), country and office; all people without filters."""
        searcher = self.searcher()
        return self._cached(
            searcher, ("people", name, country, office), lambda: self._people(searcher, name, country, office)
        )

    def _people(
        self, searcher: Searcher, name: str | None, country: str | None, office: str | None
    ) -> list[PersonRecord]:
        clauses: list[Query] = [Term("doctype", PERSON)]
        if name:
            ids = self._people_matching(name)
            clauses.append(Or([Term("id", f"{PERSON}:{i}") for i in ids]) if ids else NullQuery)
        if country:
            clauses.append(Term("country", country_key(country)))
        if office:
            clauses.append(Term("office", fold(office)))
        hits = searcher.search(And(clauses), limit=None)
        people = [PersonRecord.model_validate_json(h.fields()["payload"]) for h in hits]
        return sorted(people, key=lambda p: fold(p.name))

    @_pooled
    def stance_summary(self, person_id: str) -> dict[tuple[str | None, str], int]:
        """How many of a person's quotes take each stance, per topic."""
        searcher = self.searcher()
        return self._cached(
            searcher, ("stance-summary", person_id), lambda: self._stance_summary(searcher, person_id)
        )

    def _stance_summary(self, searcher: Searcher, person_id: str) -> dict[tuple[str | None, str], int]:
        data = self._data(searcher)
        live = data.quotes(searcher)
        docs = np.fromiter((d for d in data.docs(searcher, "speaker_id", person_id) if live[d]), np.int64)
        topics, stances = data.column(searcher, "topic"), data.column(searcher, "stance")
        width = len(stances.values)
        pairs = topics.codes[docs].astype(np.int64) * width + stances.codes[docs]
        tally = np.bincount(pairs)
        counts: dict[tuple[str | None, str], int] = {}
        for pair in np.flatnonzero(tally):
            topic, stance = divmod(int(pair), width)
            if stance:
                counts[(topics.values[topic] or None, str(stances.values[stance]))] = int(tally[pair])
        return counts


def _to_title(query: Query) -> Query:
    """The same query on the title field (titles weigh double in the schema)."""
    if hasattr(query, "fieldname") and query.fieldname == "body":
        query = query.copy()
        query.fieldname = "title"
    return query


class _MarkFormatter(highlight.Formatter):  # type: ignore[misc]
    """Matched terms wrapped in a bare ``<mark>``, the text around them HTML-escaped."""

    between = " … "

    def _text(self, text: str) -> str:
        return str(highlight.htmlescape(text))

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"<mark>{self._text(highlight.get_text(text, token, replace))}</mark>"
