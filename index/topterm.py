"""The best-scoring documents of one term, and all of them, without Whoosh's per-match loops.

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
"""

from __future__ import annotations

import heapq
import time
from array import array
from collections.abc import Set
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query import Term
from whoosh.scoring import BM25FScorer
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length


class Deadline(Exception):
    """The scan ran past its deadline."""


def _weights(block: Any, size: int) -> list[float]:
    """A block's weights as Whoosh's ``W3LeafMatcher.weight()`` returns them (float32-rounded)."""
    weights = block[1]
    if weights is None:
        return [1.0] * size
    if isinstance(weights, float):
        return [array("f", [weights])[0]] * size
    return list(weights)


def top_term(
    searcher: Searcher,
    term: Term,
    k: int,
    lengths: bytes,
    deleted_matches: Set[int],
    deadline: float,
) -> tuple[list[tuple[float, int]], int] | None:
    """The ``k`` best (score, docnum) of ``term``, best first, and how many live documents it matches.

    ``lengths`` holds the length byte of ``term``'s field for every document number
    (``GenerationData.lengths``); ``deleted_matches`` every deleted document that may
    hold the term (the others are known not to). None if Whoosh must do it. Raises
    ``Deadline`` past ``deadline`` (perf_counter).
    """
    field = searcher.schema[term.fieldname]
    if type(term) is not Term or term.boost != 1.0 or term.minquality or not field.scorable:
        return None
    text = field.to_bytes(term.text)
    heap: list[tuple[float, int]] = []  # (score, -docnum): the lowest is the first to go
    total = 0
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if (term.fieldname, text) not in reader:
            continue
        scorer = searcher.weighting.scorer(sub, term.fieldname, text)
        matcher = reader.postings(term.fieldname, text, scorer=scorer)
        matcher, deleted = _unfiltered(matcher, offset)
        if not isinstance(scorer, BM25FScorer) or type(matcher) is not W3LeafMatcher:
            return None
        gone = sorted(d - offset for d in deleted & deleted_matches)
        live = int(reader.doc_frequency(term.fieldname, text)) - _present(reader, term.fieldname, text, gone)
        if not _scan(matcher, scorer, lengths, offset, k, heap, deleted, deadline):
            return None
        total += live
    return [(score, -negdoc) for score, negdoc in sorted(heap, reverse=True)], total


def term_docs(searcher: Searcher, term: Term, deadline: float) -> list[int] | None:
    """Every live document holding ``term``, in order, read a block at a time; None: ask Whoosh.

    Whoosh's ``docs_for_query`` yields each document through a generator chain (~0.8 µs each at
    10^6 quotes); here a block's numbers are decoded at once. Raises ``Deadline`` past ``deadline``.
    """
    text = searcher.schema[term.fieldname].to_bytes(term.text)
    docs: list[int] = []
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if (term.fieldname, text) not in reader:
            continue
        matcher, deleted = _unfiltered(reader.postings(term.fieldname, text), offset)
        if type(matcher) is not W3LeafMatcher:
            return None
        while not matcher._atend:
            if time.perf_counter() > deadline:
                raise Deadline
            if matcher._data is None:
                matcher._read_data()
            if matcher._byteids:
                return None
            ids = accumulate(matcher._data[0], initial=offset)
            next(ids)  # the offset itself
            if deleted:
                docs.extend(d for d in ids if d not in deleted)
            else:
                docs.extend(ids)
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
    lengths: bytes,
    offset: int,
    k: int,
    heap: list[tuple[float, int]],
    deleted: frozenset[int],
    deadline: float,
) -> bool:
    """Add one segment's best matches to ``heap``; False if a block is in a form not handled here."""
    tables: dict[float, list[float]] = {}

    def table(weight: float) -> list[float]:
        scores = tables.get(weight)
        if scores is None:
            # Whoosh's length lookup: byte 0 (no length) is the scorer's default of 1
            scores = tables[weight] = [
                scorer._score(weight, byte_to_length(b) if b else 1) for b in range(256)
            ]
        return scores

    while not matcher._atend:
        if time.perf_counter() > deadline:
            raise Deadline
        # the same bound as Whoosh's skip_to_quality: nothing in the block can beat the k-th
        if len(heap) >= k and scorer.block_quality(matcher) <= heap[0][0]:
            matcher._next_block()
            continue
        if matcher._data is None:
            matcher._read_data()
        if matcher._byteids:
            return False
        block = matcher._data
        ids = list(accumulate(block[0], initial=offset))[1:]  # global document numbers
        weights = _weights(block, len(ids))
        distinct = set(weights)
        if len(distinct) == 1:
            scores = table(weights[0])
            values = [scores[lengths[d]] for d in ids]
        else:
            by_weight = {w: table(w) for w in distinct}
            values = [by_weight[w][lengths[d]] for w, d in zip(weights, ids, strict=True)]
        floor = heap[0][0] if len(heap) >= k else None
        if floor is None or max(values) > floor:
            for score, docnum in zip(values, ids, strict=True):
                if docnum in deleted:
                    continue
                if len(heap) < k:
                    heapq.heappush(heap, (score, -docnum))
                elif score > heap[0][0]:
                    heapq.heapreplace(heap, (score, -docnum))
        matcher._next_block()
    return True
