"""The best-scoring documents of one term, without Whoosh's per-match loops.

Whoosh scores a match through four Python calls (matcher, scorer, length
column, collector heap), ~1.5 µs each, and its block-quality skipping rarely
skips a block of a common word in short quotes: nearly every block holds a
short quote, so its upper bound stays above the heap's lowest score. For a
single term under BM25F a score depends only on the term's weight in the
document and the document's length byte, so here each block's scores come
from a table of at most 256 values per weight, indexed by a per-generation
copy of the length bytes, and only documents that beat the current k-th
score touch the heap. Blocks are skipped on the same bound Whoosh uses.

The result is Whoosh's, float for float: the same ``BM25FScorer`` computes
each table entry from the same weight (read back through a float32 array as
Whoosh does) and length, and ties keep the lower document number first, as
``TopCollector`` does. ``top_term`` returns None wherever that could not be
guaranteed (another codec or weighting), and the caller searches with Whoosh
instead. Deleted documents are left out as Whoosh leaves them out, and the
total is the term's document frequency less the deleted documents its
postings still hold, found by skipping to each (there are few).

A block is stored as a pickled, zlib-compressed tuple (document gaps, weights,
values); for text fields the values are positions, one bytes object per
posting, and unpickling them took most of a common word's scan (~0.5 s of
4,500 blocks at 10^6 quotes). Scoring needs only the gaps and weights, which
come first: ``_head`` inflates only the block's first bytes and unpickles
the first two items (3.6 times faster on those blocks).
"""

from __future__ import annotations

import heapq
import pickle
import re
import time
import zlib
from array import array
from collections.abc import Iterator, Mapping, Set
from itertools import accumulate
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query import Term
from whoosh.scoring import BM25FScorer
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from index.cache import as_mask
from index.frequent import FrequentPostings, Ids, Weights


class Deadline(Exception):
    """The scan ran past its deadline."""


class _ScoreTable(dict[float, list[float]]):
    """A term's score for a weight and each of the 256 length bytes, made on first use."""

    def __init__(self, scorer: BM25FScorer) -> None:
        super().__init__()
        self.scorer = scorer

    def __missing__(self, weight: float) -> list[float]:
        # Whoosh's length lookup: byte 0 (no length) is the scorer's default of 1
        scores = self[weight] = [
            self.scorer._score(weight, byte_to_length(b) if b else 1) for b in range(256)
        ]
        return scores


# The pickle (protocol 2) of a block's first two items, as Whoosh writes them: the document gaps (a
# tuple of 1-, 2- or 4-byte ints), then the weights (None, one float, or a tuple of floats), each
# tuple perhaps memoised. The opcode bytes fix the parse (a lone float is tried last, after the
# tuples that start with one), so a match is the two items' exact extent.
_INTS = rb"(?:\((?:K.|M..|J....)*t|(?:K.|M..|J....){1,3}[\x85\x86\x87])(?:q.|r....)?"
_FLOATS = rb"(?:N|\((?:G.{8})*t|(?:G.{8}){1,3}[\x85\x86\x87]|G.{8})(?:q.|r....)?"
_HEAD = re.compile(rb"\x80\x02" + _INTS + _FLOATS, re.DOTALL)
_TUPLE2_STOP = b"\x86."
_HEAD_BYTES_PER_POSTING = 14  # at most: a 4-byte gap (J....) and a float weight (G and 8 bytes)


def _head(matcher: W3LeafMatcher, inflate: int | None = None) -> tuple[Any, Any]:
    """The current block's (gaps, weights), as ``matcher._data[:2]``, without decoding its values.

    Inflates ``inflate`` bytes (by default the most a head of the block's postings can take:
    ``_HEAD_BYTES_PER_POSTING`` each); falls back to Whoosh's whole-block read when the head
    is not in them or not in the form above.
    """
    if inflate is None:
        inflate = _HEAD_BYTES_PER_POSTING * matcher._blocklength + 64
    if matcher._data is None:
        raw = matcher._postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
        head = zlib.decompressobj().decompress(raw, inflate) if matcher._compression else raw
        found = _HEAD.match(head)
        if found is not None:
            ids, weights = pickle.loads(head[: found.end()] + _TUPLE2_STOP)
            return ids, weights
        matcher._read_data()
    return matcher._data[0], matcher._data[1]


def _weights(block: Any, size: int) -> list[float]:
    """A block's weights as Whoosh's ``W3LeafMatcher.weight()`` returns them (float32-rounded)."""
    weights = block[1]
    if weights is None:
        return [1.0] * size
    if isinstance(weights, float):
        return [array("f", [weights])[0]] * size
    return list(weights)


def _block_ids(block: Any, offset: int) -> list[int]:
    """A decoded block's (global) document numbers: Whoosh stores the gaps between them."""
    return list(accumulate(block[0], initial=offset))[1:]


def _segments(searcher: Searcher, fieldname: str, texts: list[bytes]) -> Iterator[tuple[Any, Any, int]]:
    """(sub-searcher, reader, document offset) of each segment that holds all of ``texts``."""
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if all((fieldname, text) in reader for text in texts):
            yield sub, reader, offset


def top_term(
    searcher: Searcher,
    term: Term,
    k: int,
    lengths: bytes,
    deleted_matches: Set[int],
    deadline: float,
    allowed: Set[int] | None = None,
    frequent: Mapping[str, FrequentPostings] | None = None,
) -> tuple[list[tuple[float, int]], int] | None:
    """The ``k`` best (score, docnum) of ``term``, best first, and how many live documents it matches.

    ``lengths`` holds the length byte of ``term``'s field for every document number
    (``GenerationData.lengths``); ``deleted_matches`` every deleted document that may
    hold the term (the others are known not to). With ``allowed`` (live documents only,
    like a filter set), only those count and rank. A segment's postings come from
    ``frequent`` (``GenerationData.frequent``) when the term is frequent there. None if
    Whoosh must do it. Raises ``Deadline`` past ``deadline`` (perf_counter).
    """
    field = searcher.schema[term.fieldname]
    if type(term) is not Term or term.boost != 1.0 or term.minquality or not field.scorable:
        return None
    text = field.to_bytes(term.text)
    heap: list[tuple[float, int]] = []  # (score, -docnum): the lowest is the first to go
    total = 0
    table: _ScoreTable | None = None  # BM25F's statistics are the whole index's: one table serves all
    for sub, reader, offset in _segments(searcher, term.fieldname, [text]):
        scorer = searcher.weighting.scorer(sub, term.fieldname, text)
        if not isinstance(scorer, BM25FScorer):
            return None
        table = table or _ScoreTable(scorer)
        flat = _flat(frequent, reader, term.fieldname, text)
        if flat is not None:
            if time.perf_counter() > deadline:
                raise Deadline
            total += _rank_flat(flat, offset, table, lengths, k, heap, deleted_matches, allowed)
            continue
        matcher, deleted = _unfiltered(reader.postings(term.fieldname, text, scorer=scorer), offset)
        if type(matcher) is not W3LeafMatcher:
            return None
        counted = _scan(matcher, scorer, table, lengths, offset, k, heap, deleted, allowed, deadline)
        if counted is None:
            return None
        if allowed is None:
            gone = sorted(d - offset for d in deleted & deleted_matches)
            counted = int(reader.doc_frequency(term.fieldname, text))
            counted -= _present(reader, term.fieldname, text, gone)
        total += counted
    return [(score, -negdoc) for score, negdoc in sorted(heap, reverse=True)], total


def term_docs(
    searcher: Searcher,
    term: Term,
    deadline: float,
    frequent: Mapping[str, FrequentPostings] | None = None,
    deleted_matches: Set[int] = frozenset(),
) -> npt.NDArray[np.int64] | None:
    """Every live document holding ``term``, in order, from ``frequent`` or read a block at a time;
    None: ask Whoosh. ``deleted_matches`` (as for ``top_term``) are left out of ``frequent``'s
    arrays, which still list them.

    Whoosh's ``docs_for_query`` yields each document through a generator chain (~0.8 µs each at
    10^6 quotes); here a block's numbers are decoded at once. Raises ``Deadline`` past ``deadline``.
    """
    text = searcher.schema[term.fieldname].to_bytes(term.text)
    parts: list[npt.NDArray[np.int64]] = []
    for _, reader, offset in _segments(searcher, term.fieldname, [text]):
        flat = _flat(frequent, reader, term.fieldname, text)
        if flat is not None:
            if time.perf_counter() > deadline:
                raise Deadline
            ids, deleted = flat[0].astype(np.int64) + offset, deleted_matches
        else:
            matcher, deleted = _unfiltered(reader.postings(term.fieldname, text), offset)
            found = _doc_ids(matcher, offset, deadline)
            if found is None:
                return None
            ids = np.array(found, dtype=np.int64)
        parts.append(ids[_live(ids, deleted)] if deleted else ids)
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)


def _flat(
    frequent: Mapping[str, FrequentPostings] | None, reader: Any, fieldname: str, text: bytes
) -> tuple[Ids, Weights] | None:
    """A segment's postings of a term as arrays, if the segment lists it as frequent."""
    postings = frequent.get(reader.segment().segment_id()) if frequent else None
    return postings.get(fieldname, text) if postings is not None else None


def _live(docs: npt.NDArray[np.int64], deleted: Set[int]) -> npt.NDArray[np.bool_]:
    return ~np.isin(docs, np.fromiter(deleted, dtype=np.int64, count=len(deleted)))


def _rank_flat(
    flat: tuple[Ids, Weights],
    offset: int,
    table: _ScoreTable,
    lengths: bytes,
    k: int,
    heap: list[tuple[float, int]],
    excluded: Set[int],
    allowed: Set[int] | None,
) -> int:
    """``_scan`` on a frequent term's arrays: offer the segment's best ``k`` to ``heap`` and return
    how many live (and allowed) documents it holds.

    Scores come from the same table as ``_scan``'s, so they are the same floats; the
    segment's best are taken by (score, then lower document number) and offered in
    document order, as a scan offers them.
    """
    ids, weights = flat
    docs = ids.astype(np.int64) + offset
    keep = _live(docs, excluded) if excluded else None
    if allowed is not None:
        permitted = as_mask(allowed, len(lengths))[docs]
        keep = permitted if keep is None else keep & permitted
    if keep is not None:
        docs, weights = docs[keep], weights[keep]
    if not len(docs):
        return 0
    distinct = np.unique(weights)
    rows = np.array([table[float(w)] for w in distinct])
    by_length = np.frombuffer(lengths, dtype=np.uint8)[docs]
    row = np.searchsorted(distinct, weights) if len(distinct) > 1 else 0
    scores = rows[row, by_length]
    best = np.arange(len(docs))
    if len(docs) > k:
        threshold = np.partition(scores, len(docs) - k)[len(docs) - k]
        above = np.flatnonzero(scores > threshold)
        ties = np.flatnonzero(scores == threshold)[: k - len(above)]
        best = np.union1d(above, ties)
    _push(heap, k, scores[best].tolist(), docs[best].tolist())
    return len(docs)


def _doc_ids(matcher: Any, offset: int, deadline: float) -> list[int] | None:
    """A segment's posting document numbers (global), a block at a time; None: not a form handled here."""
    if type(matcher) is not W3LeafMatcher:
        return None
    docs: list[int] = []
    while not matcher._atend:
        if time.perf_counter() > deadline:
            raise Deadline
        if matcher._byteids:
            return None
        docs.extend(_block_ids(_head(matcher), offset))
        matcher._next_block()
    return docs


def _unfiltered(matcher: Any, offset: int) -> tuple[Any, frozenset[int]]:
    """A segment's raw postings and the (global) deleted documents Whoosh's wrapper left out."""
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        return matcher.child, frozenset(d + offset for d in matcher._ids)
    return matcher, frozenset()


def _present(reader: Any, fieldname: str, text: bytes, docnums: list[int]) -> int:
    """How many of the (sorted, segment-local) ``docnums`` the term's postings hold."""
    if not docnums:
        return 0
    postings = reader.postings(fieldname, text)
    if isinstance(postings, FilterMatcher):
        postings = postings.child
    found = 0
    for docnum in docnums:
        if not postings.is_active():
            break
        postings.skip_to(docnum)
        found += postings.is_active() and postings.id() == docnum
    return found


def _scan(
    matcher: W3LeafMatcher,
    scorer: BM25FScorer,
    table: _ScoreTable,
    lengths: bytes,
    offset: int,
    k: int,
    heap: list[tuple[float, int]],
    excluded: frozenset[int],
    allowed: Set[int] | None,
    deadline: float,
) -> int | None:
    """Add one segment's best matches to ``heap``; None if a block is in a form not handled here.

    Without ``allowed``, blocks that cannot beat the k-th score are skipped unread (and 0 is
    returned); with it, every block is read and the allowed matches are counted and returned.
    """
    counted = 0
    while not matcher._atend:
        if time.perf_counter() > deadline:
            raise Deadline
        # the same bound as Whoosh's skip_to_quality: nothing in the block can beat the k-th
        hopeless = len(heap) >= k and scorer.block_quality(matcher) <= heap[0][0]
        if hopeless and allowed is None:
            matcher._next_block()
            continue
        if matcher._byteids:
            return None
        block = _head(matcher)
        ids = _block_ids(block, offset)
        weights = _weights(block, len(ids))
        if allowed is not None:
            pairs = [(w, d) for w, d in zip(weights, ids, strict=True) if d in allowed]
            counted += len(pairs)
            weights, ids = [w for w, _ in pairs], [d for _, d in pairs]
        if not hopeless and ids:
            _offer(heap, k, table, weights, ids, lengths, excluded)
        matcher._next_block()
    return counted


def _offer(
    heap: list[tuple[float, int]],
    k: int,
    table: _ScoreTable,
    weights: list[float],
    ids: list[int],
    lengths: bytes,
    excluded: frozenset[int],
) -> None:
    """Push the documents of a block that beat the k-th score (ties: the lower number stays)."""
    distinct = set(weights)
    if len(distinct) == 1:
        scores = table[weights[0]]
        values = [scores[lengths[d]] for d in ids]
    else:
        by_weight = {w: table[w] for w in distinct}
        values = [by_weight[w][lengths[d]] for w, d in zip(weights, ids, strict=True)]
    if len(heap) >= k and max(values) <= heap[0][0]:
        return
    _push(heap, k, values, ids, excluded)


def _push(
    heap: list[tuple[float, int]],
    k: int,
    values: list[float],
    ids: list[int],
    excluded: frozenset[int] = frozenset(),
) -> None:
    """Offer (score, docnum) pairs in document order; a score must beat the k-th to displace it."""
    for score, docnum in zip(values, ids, strict=True):
        if docnum in excluded:
            continue
        if len(heap) < k:
            heapq.heappush(heap, (score, -docnum))
        elif score > heap[0][0]:
            heapq.heapreplace(heap, (score, -docnum))
