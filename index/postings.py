"""Writing a new segment's postings a term at a time instead of a posting at a time.

Whoosh's ``FieldWriter.add_postings`` walks the sorted postings one by one:
order checks, a length lookup, then ``W3PostingsWriter.add_posting`` (a
block-full check, four type assertions, two appends, three comparisons),
about 9 µs a posting, a third of a bulk build. ``write_postings`` takes the
postings a term at a time and fills each 512-posting block buffer with a few
list operations, then lets Whoosh's own writer encode, compress and write the
block and the term's info, so the files are byte for byte the same (a test
builds an index both ways and compares them).

A term's postings travel as one ``TermPostings`` (field, term, documents,
weights, values): a writer's ``TermPool`` gathers new documents' postings that
way, and a merge (``index.merge``) reads merged segments' terms that way to
begin with.

``TermPool`` replaces Whoosh's ``PostingPool`` (``apply()``). That pool
appends a tuple per posting after two type checks and a size estimate, sorts
every posting when the segment is flushed, and past ``limitmb`` pickles them
to run files and merges those back. Documents are numbered in the order they
are added, so a term's postings arrive in order: grouping them by term as
they come leaves only the terms to sort, and nothing to spill.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import whoosh.writing
from whoosh.codec.whoosh3 import W3FieldWriter

WhooshPool = whoosh.writing.PostingPool  # what ``apply()`` replaces

Posting = tuple[str, bytes, int, float, bytes | None]
TermPostings = tuple[str, bytes, list[int], list[float], list[bytes | None]]
LengthsOf = Callable[[str, list[int]], Sequence[int | None]]
OnTerm = Callable[[str, bytes, list[int], list[float]], None]


class TermPool:
    """A segment writer's new postings, grouped by (field, term) as they arrive.

    Takes Whoosh's pool's place (same constructor, ``add``, ``fieldnames``,
    ``iter_postings`` and ``cleanup``) and adds ``iter_terms``. Memory is the
    postings themselves, roughly 80 bytes each (Whoosh's pool budgets ~200 and
    spills past ``limitmb``; this one takes the argument and holds everything:
    a writer's batch is what one commit adds, a few million postings at most
    in the bulk builds here). Whoosh's ``MpWriter`` without ``multisegment``
    reads its pool's run files and so cannot use it; ``IndexStore`` always
    asks for ``multisegment``.
    """

    def __init__(self, tempstore: Any, segment: Any, limitmb: int = 128, **kwargs: Any) -> None:
        self.fieldnames: set[str] = set()
        self._terms: dict[tuple[str, bytes], tuple[list[int], list[float], list[bytes | None]]] = {}

    def add(self, item: Posting) -> None:
        fieldname, text, docnum, weight, value = item
        if docnum < 0:  # a spelling word, not a posting
            return
        postings = self._terms.get((fieldname, text))
        if postings is None:
            postings = self._terms[fieldname, text] = ([], [], [])
            self.fieldnames.add(fieldname)
        postings[0].append(docnum)
        postings[1].append(weight)
        postings[2].append(value)

    def iter_terms(self) -> Iterator[TermPostings]:
        """Every term's postings, sorted by field and term (documents are in order already)."""
        for key in sorted(self._terms):
            ids, weights, values = self._terms[key]
            yield key[0], key[1], ids, weights, values

    def iter_postings(self) -> Iterator[Posting]:
        return flatten(self.iter_terms())

    def cleanup(self) -> None:
        self._terms = {}


def flatten(terms: Iterable[TermPostings]) -> Iterator[Posting]:
    """The postings of ``terms`` one by one, as Whoosh's own ``add_postings`` takes them."""
    for fieldname, text, ids, weights, values in terms:
        for docnum, weight, value in zip(ids, weights, values, strict=True):
            yield fieldname, text, docnum, weight, value


def write_postings(
    writer: W3FieldWriter,
    schema: Any,
    lengths_of: LengthsOf | None,
    terms: Iterable[TermPostings],
    on_term: OnTerm | None = None,
) -> None:
    """What ``writer.add_postings(schema, lengths, flatten(terms))`` writes.

    ``terms`` come sorted by field and term; ``lengths_of(field, docnums)``
    gives the documents' field lengths (None: the codec keeps no lengths).
    Each term's (field, term, documents, weights) is also passed to ``on_term``.
    """
    field = None
    for fieldname, text, ids, weights, values in terms:
        if fieldname != field:
            if field is not None:
                writer.finish_field()
            writer.start_field(fieldname, schema[fieldname])
            field = fieldname
        writer.start_term(text)
        lengths = lengths_of(fieldname, ids) if lengths_of else [0] * len(ids)
        _add_term(writer._postwriter, ids, weights, values, lengths)
        writer.finish_term()
        if on_term is not None:
            on_term(fieldname, text, ids, weights)
    if field is not None:
        writer.finish_field()


def _add_term(
    postwriter: Any,
    ids: list[int],
    weights: list[float],
    values: list[bytes | None],
    lengths: Sequence[int | None],
) -> None:
    """``add_posting`` for each posting of a term: each block buffer filled whole, and written
    (as ``add_posting`` writes it) when the next block's first posting arrives."""
    size = postwriter._blocklimit
    for start in range(0, len(ids), size):
        if start:
            postwriter._write_block()
        end = start + size
        block_weights = weights[start:end]
        known = [n for n in lengths[start:end] if n]
        postwriter._ids = array("I", ids[start:end])
        postwriter._weights = array("f", block_weights)
        postwriter._values = [v for v in values[start:end] if v]
        postwriter._maxweight = max(0, max(block_weights))  # add_posting starts from 0
        postwriter._minlength = min(known) if known else None
        postwriter._maxlength = max(known) if known else 0


def apply() -> None:
    """Give every segment writer a ``TermPool`` (idempotent)."""
    whoosh.writing.PostingPool = TermPool  # looked up by ``SegmentWriter.__init__``
