"""Writing a new segment's postings a term at a time instead of a posting at a time.

Whoosh's ``FieldWriter.add_postings`` walks the sorted postings one by one:
order checks, a length lookup, then ``W3PostingsWriter.add_posting`` (a
block-full check, four type assertions, two appends, three comparisons),
about 9 µs a posting, a third of a bulk build. ``write_postings`` takes the
postings a term at a time and encodes each 512-posting block, and the term's
entry in the term table, from its lists in one go, as Whoosh's writer
encodes them: the files are byte for byte the same (a test builds an index
both ways and compares them), but that a small block stays uncompressed
(``COMPRESS_FROM``), as Whoosh's writer means to leave it.

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

import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import sub
from pickle import dumps
from typing import Any

import whoosh.writing
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3FieldWriter, W3TermInfo
from whoosh.system import _INT_SIZE, pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

WhooshPool = whoosh.writing.PostingPool  # what ``apply()`` replaces

Posting = tuple[str, bytes, int, float, bytes | None]
TermPostings = tuple[str, bytes, list[int], list[float], list[bytes | None]]
LengthsOf = Callable[[str, list[int]], Sequence[int | None]]
OnTerm = Callable[[str, bytes, list[int], list[float]], None]

# A block's pickle shorter than this is stored as it is, even by a compressing codec: zlib
# makes one under 64 bytes longer, and 64-95 bytes 7% shorter, for a call that sets its state
# up afresh. Whoosh means to skip pickles under 20 bytes ("don't bother compressing"), but sets
# the flag and overwrites it on the next line. A block says whether it is compressed, so
# readers take either. In the final merge of a 10^5-quote bulk load, 224,000 of 371,000 blocks
# are under 64 bytes; skipping the 277,000 under 96 took the merge 43.2 -> 41.8 s.
COMPRESS_FROM = 96


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
    field: _FieldPostings | None = None
    for fieldname, text, ids, weights, values in terms:
        if field is None or fieldname != field.name:
            if field is not None:
                writer.finish_field()
            field = _FieldPostings(writer, fieldname, schema[fieldname])
        lengths = lengths_of(fieldname, ids) if lengths_of else [0] * len(ids)
        field.add_term(text, ids, weights, values, lengths)
        if on_term is not None:
            on_term(fieldname, text, ids, weights)
    if field is not None:
        writer.finish_field()


class _FieldPostings:
    """One field's terms, written to a ``W3FieldWriter``'s files as its ``start_term``,
    ``add_posting`` for each posting and ``finish_term`` write them, byte for byte
    (but for ``COMPRESS_FROM``).

    Whoosh sets up a term-info object and its postings writer's state for
    every term, asks the postings file for its position at each term's start
    and end, and writes each block in three calls. Most of
    a segment's terms are rare (a pair of words, a document's id), so that
    per-term cost is most of writing them. Measured on 15,000 generated
    quotes: writing their segment 2.90 -> 2.43 s, 2,000 articles 1.25 ->
    1.14 s; merging four segments of 5,000 articles 59.0 -> 54.4 s.
    """

    def __init__(self, writer: W3FieldWriter, fieldname: str, fieldobj: Any) -> None:
        writer.start_field(fieldname, fieldobj)
        codec = writer._codec
        if codec._inlinelimit > 1:  # inlining (which 2.7.5 breaks: no ``set_inline``) is not reproduced
            raise ValueError("postings inlined in the term table are not supported")
        self.name = fieldname
        self._key = pack_ushort(writer._fieldid)
        self._add_key = writer._tindex.add
        self._file = writer._postfile
        self._position = self._file.tell()
        self._blocklimit = codec._blocklimit
        self._compression = codec._compression
        self._value_size = fieldobj.format.fixed_value_size()

    def add_term(
        self,
        text: bytes,
        ids: list[int],
        weights: list[float],
        values: list[bytes | None],
        lengths: Sequence[int | None],
    ) -> None:
        """Write a term's postings (``ids`` ascending, at least one) and its entry in the term table."""
        size, compression = self._blocklimit, self._compression
        chunks = [WHOOSH3_HEADER_MAGIC]
        written = len(WHOOSH3_HEADER_MAGIC)
        total_weight = 0.0
        min_length: int | None = None
        max_length = 0
        max_weight: float = 0
        count = len(ids)
        for start in range(0, count, size):
            end = start + size
            block_ids = ids[start:end]
            block_weights = weights[start:end]
            rounded = array("f", block_weights)  # the postings writer's buffer
            known = [n for n in lengths[start:end] if n]
            block_min = min(known) if known else None
            block_max = max(known) if known else 0
            block_weight = max(0, max(block_weights))  # add_posting starts from 0
            # W3TermInfo.add_block
            total_weight += sum(rounded)
            min_length = block_min if min_length is None else min(min_length, block_min)  # type: ignore[type-var]
            max_length = max(max_length, block_max)
            max_weight = max(max_weight, block_weight)
            # W3PostingsWriter._write_block
            data = (
                tuple(map(sub, block_ids, [0, *block_ids[:-1]])),  # delta_encode
                self._mini_weights(rounded),
                self._mini_values([v for v in values[start:end] if v]),
            )
            databytes = dumps(data, 2)
            block_compression = compression if len(databytes) >= COMPRESS_FROM else 0
            if block_compression:
                databytes = zlib.compress(databytes, block_compression)
            info = (len(block_ids), block_ids[-1], block_weight, block_compression)
            infobytes = dumps((*info, length_to_byte(block_min), length_to_byte(block_max)), 2)
            length = len(infobytes) + len(databytes)
            chunks += [pack_int(-length if end >= count else length), infobytes, databytes]
            written += _INT_SIZE + length
        self._file.write(b"".join(chunks))
        terminfo = W3TermInfo._struct.pack(
            False,
            total_weight,
            count,
            0 if min_length is None else length_to_byte(min_length),
            length_to_byte(max_length),
            max_weight,
            ids[0],
            ids[-1],
        )
        self._add_key(self._key + text, terminfo + pack_long(self._position) + pack_int(written))
        self._position += written

    @staticmethod
    def _mini_weights(weights: array[float]) -> tuple[float, ...] | float | None:
        """``W3PostingsWriter._mini_weights``: None when all are 1, one number when all are equal."""
        if weights.count(1.0) == len(weights):
            return None
        if weights.count(weights[0]) == len(weights):
            return weights[0]
        return tuple(weights)

    def _mini_values(self, values: list[bytes | None]) -> tuple[bytes | None, ...] | bytes | None:
        """``W3PostingsWriter._mini_values``: per the format's fixed value size."""
        if self._value_size is None or self._value_size < 0:
            return tuple(values)
        if self._value_size == 0:
            return None
        return b"".join(values)  # type: ignore[arg-type]


def apply() -> None:
    """Give every segment writer a ``TermPool`` (idempotent)."""
    whoosh.writing.PostingPool = TermPool  # looked up by ``SegmentWriter.__init__``
