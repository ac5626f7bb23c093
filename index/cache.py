"""Caches for the read side: a bounded LRU for results, and per-generation document data.

Everything cached is keyed by the index generation it was computed from, so a
commit makes old entries unreachable (they age out of the LRU) and no reader
ever sees a result from before a commit it has already observed.

``GenerationData`` holds what every search at one generation can share: for
each facet field, a value code per document number (facets become a count
over codes instead of a scored search), the publication day per document
(date order without Whoosh's sorting collector), which documents are live
quotes, and the document sets of filter values (stance, person, country...),
built once from their postings and reused by every query that filters on them.
"""

from __future__ import annotations

import os
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Hashable, Set
from typing import Any, Generic, TypeVar, cast

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.columns import NumericColumn
from whoosh.query import Term
from whoosh.searching import Searcher

from index.fields import QUOTE
from index.frequent import FrequentPostings, open_segment

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

CACHE_ENV = "QUOTESEARCH_RESULT_CACHE"
DEFAULT_RESULT_CACHE = 4096
FILTER_SETS = 512  # (field, value) document sets kept per generation
LOOKUPS = 20_000  # people by id and by name kept per generation


def result_cache_size(default: int = DEFAULT_RESULT_CACHE) -> int:
    """Entries of the result cache: ``$QUOTESEARCH_RESULT_CACHE`` ("0" turns it off), else ``default``."""
    value = os.environ.get(CACHE_ENV, "").strip()
    if not value:
        return default
    if value.lower() in ("off", "false", "no"):
        return 0
    if value.lower() in ("on", "true", "yes"):
        return default
    size = int(value)
    return default if size == 1 else max(0, size)


class LRU(Generic[K, V]):
    """A thread-safe, bounded least-recently-used map; ``maxsize`` 0 stores nothing."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: K) -> V | None:
        with self._lock:
            try:
                value = self._data[key]
            except KeyError:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: K, value: V) -> None:
        if self.maxsize <= 0:
            return
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def get_or_compute(self, key: K, compute: Callable[[], V]) -> V:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
            self.misses += 1
        value = compute()
        self.put(key, value)
        return value


class Column:
    """One field's value per document, as small integer codes into ``values``.

    ``codes`` is a numpy array, so counting a facet over a common word's
    hundreds of thousands of documents is one ``bincount`` rather than a
    Python-level tally (45 ms of a 60 ms facets request at 10^6 quotes).
    """

    def __init__(self, codes: npt.NDArray[np.int32], values: list[Any]) -> None:
        self.codes = codes
        self.values = values

    def counts(self, docs: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """How many of ``docs`` hold each value, by code (code 0, no value, included)."""
        return np.bincount(self.codes[docs], minlength=len(self.values))


class DocSet(set[int]):
    """A cached set of document numbers (never changed once made) that also lends itself as a
    numpy mask, for filtering a frequent word's document array at once (made on first use)."""

    _mask: npt.NDArray[np.bool_] | None = None

    def mask(self, size: int) -> npt.NDArray[np.bool_]:
        if self._mask is None or len(self._mask) != size:
            mask = np.zeros(size, dtype=np.bool_)
            mask[np.fromiter(self, dtype=np.int64, count=len(self))] = True
            self._mask = mask
        return self._mask


def as_mask(docs: Set[int], size: int) -> npt.NDArray[np.bool_]:
    """``docs`` as a boolean mask over ``size`` document numbers (cached when ``docs`` is a ``DocSet``)."""
    if isinstance(docs, DocSet):
        return docs.mask(size)
    return DocSet(docs).mask(size)


def _leaves(searcher: Searcher) -> list[tuple[Any, int]]:
    return list(searcher.reader().leaf_readers())


class GenerationData:
    """Per-document data of one index generation, shared by every thread's searcher at it."""

    def __init__(self, generation: int, doc_count_all: int) -> None:
        self.generation = generation
        self.size = doc_count_all
        self._lock = threading.Lock()
        self._made: dict[tuple[str, ...], Any] = {}
        self.filter_sets: LRU[tuple[str, ...], Set[int]] = LRU(FILTER_SETS)
        self.lookups: LRU[tuple[str, str], Any] = LRU(LOOKUPS)

    def _once(self, key: tuple[str, ...], make: Callable[[], V]) -> V:
        """``make()``'s result, made by the first thread to ask and kept for the generation."""
        found = self._made.get(key)
        if found is None:
            with self._lock:
                found = self._made.get(key)
                if found is None:
                    found = self._made[key] = make()
        return cast(V, found)

    def column(self, searcher: Searcher, field: str) -> Column:
        """Value codes of ``field`` (a sortable field) for every document; code 0 is "no value"."""
        return self._once(("column", field), lambda: self._read_column(searcher, field))

    def _read_column(self, searcher: Searcher, field: str) -> Column:
        mapping: dict[Any, int] = {None: 0, "": 0, b"": 0}
        values: list[Any] = [None]
        codes = np.zeros(self.size, dtype=np.int32)
        for reader, offset in _leaves(searcher):
            if not reader.has_column(field):
                continue
            for i, value in enumerate(reader.column_reader(field, translate=True)):
                code = mapping.get(value)
                if code is None:
                    code = mapping[value] = len(values)
                    values.append(value)
                codes[offset + i] = code
        return Column(codes, values)

    def days(self, searcher: Searcher) -> array[int]:
        """Publication day of every document (``published_sort``: 0 when it has none)."""
        return self._once(("days",), lambda: self._read_days(searcher))

    def _read_days(self, searcher: Searcher) -> array[int]:
        days = array("q", bytes(8 * self.size))
        for reader, offset in _leaves(searcher):
            if not reader.has_column("published_sort"):
                continue
            for i, value in enumerate(reader.column_reader("published_sort", translate=True)):
                if value:
                    days[offset + i] = int(value)
        return days

    def lengths(self, searcher: Searcher, field: str) -> bytes:
        """The length byte Whoosh scores ``field`` with, for every document (0: none)."""
        return self._once(("lengths", field), lambda: self._read_lengths(searcher, field))

    def _read_lengths(self, searcher: Searcher, field: str) -> bytes:
        out = bytearray(self.size)
        for reader, offset in _leaves(searcher):
            count = int(reader.doc_count_all())
            out[offset : offset + count] = segment_lengths(reader._perdoc, field, count)
        return bytes(out)

    def frequent(self, searcher: Searcher) -> dict[str, FrequentPostings]:
        """Each segment's frequent terms' postings (``index.frequent``), by segment id."""
        return self._once(
            ("frequent",),
            lambda: {
                reader.segment().segment_id(): postings
                for reader, _ in _leaves(searcher)
                if (postings := open_segment(reader)) is not None
            },
        )

    def deleted_quotes(self, searcher: Searcher) -> frozenset[int]:
        """Deleted documents that were quotes (replaced ones): the only deletions quote fields hold."""
        return self._once(
            ("deleted_quotes",),
            lambda: frozenset(
                offset + d
                for reader, offset in _leaves(searcher)
                if reader.has_deletions()
                for d in reader.deleted_docs_set
                if reader.stored_fields(d).get("doctype") == QUOTE
            ),
        )

    def quotes(self, searcher: Searcher) -> bytearray:
        """1 for every live quote's document number."""
        return self._once(("quotes",), lambda: self._read_quotes(searcher))

    def _read_quotes(self, searcher: Searcher) -> bytearray:
        live = bytearray(self.size)
        for docnum in searcher.docs_for_query(Term("doctype", QUOTE)):
            live[docnum] = 1
        return live

    def docs(self, searcher: Searcher, field: str, value: str) -> Set[int]:
        """Live documents whose ``field`` holds ``value``, from its postings, cached."""
        return self.filter_sets.get_or_compute(
            (field, value), lambda: set(searcher.docs_for_query(Term(field, value)))
        )


def segment_lengths(perdoc: Any, field: str, count: int) -> bytes:
    """A segment's length bytes for ``field`` (from its per-document reader), else read value by value."""
    column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
    if column is None:
        return bytes(count)
    if isinstance(column, NumericColumn.Reader) and column._typecode == "B":
        stored = bytes(column._dbfile.get(column._basepos, min(column._count, count)))
        return stored + bytes(count - len(stored))
    return bytes(column[d] for d in range(count))
