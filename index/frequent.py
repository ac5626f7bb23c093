"""Frequent words' postings stored again as flat arrays, so a common word is read in one go.

A word in a large share of all quotes ("security" in 30% of 10^6 quotes)
has hundreds of 512-posting blocks, each a zlib-compressed pickle; ranking,
counting within a filter or faceting its matches decoded every block in
Python (20-35 ms a request at 10^6 quotes, the bulk of the benchmark mix).
Whoosh's block bounds cannot skip them: nearly every block holds a short
quote, so every block may hold a top score.

So each segment also keeps, for every quote-text term (``FIELDS``) with at
least ``MIN_DOCS`` documents, its document numbers (uint32) and weights
(uint8 when they are whole numbers below 256, else float32), back to back,
in a file ``<segment>.frq`` that Whoosh packs into the segment's compound
file like its own files, so it is committed, merged and deleted with the
segment. Lucene's dense posting blocks and ``index_phrases`` make the same
trade: more bytes for postings that are read whole. A common word then
costs a few numpy operations on arrays read straight from the index's
memory map.

The file is written while the segment's postings are written, a term at a
time (``index.postings``), at no extra pass. A segment written before this existed simply
has none, and searches read its blocks as before.

Layout: the magic ``QSFRQ1``, then each term's arrays, then a JSON
directory ``[[field, term hex, offset, count, weight dtype], ...]`` and its
offset as 8 little-endian bytes.
"""

from __future__ import annotations

import json
import mmap
import os
import struct
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.filedb.compound import CompoundStorage

FIELDS = frozenset({"text", "pairs"})
MIN_DOCS = 1024  # two blocks of postings: below it, reading the blocks costs about the same
EXTENSION = ".frq"
MAGIC = b"QSFRQ1"
_TAIL = struct.Struct("<Q")

Ids = npt.NDArray[np.uint32]
Weights = npt.NDArray[np.uint8] | npt.NDArray[np.float32]


class Recorder:
    """Writes a segment's ``.frq`` file from its terms' postings as the segment's writer passes them
    (``index.postings.write_postings``), so they are read only once."""

    def __init__(self, file: Any, min_docs: int) -> None:
        self.file = file
        self.min_docs = min_docs
        self.position = 0
        self.directory: list[tuple[str, str, int, int, str]] = []
        self._write(MAGIC)

    def _write(self, data: bytes) -> None:
        self.file.write(data)
        self.position += len(data)

    def term(self, fieldname: str, text: bytes, ids: list[int], weights: list[float]) -> None:
        """Record a term's postings (given in document order) if it is a frequent quote-text term."""
        if fieldname not in FIELDS or len(ids) < self.min_docs:
            return
        values = np.array(weights, dtype=np.float32)
        whole = bool(np.all((values >= 0) & (values < 256) & (values == np.floor(values))))
        stored = values.astype(np.uint8) if whole else values
        self.directory.append((fieldname, text.hex(), self.position, len(ids), stored.dtype.str))
        self._write(np.array(ids, dtype="<u4").tobytes())
        self._write(stored.tobytes())

    def close(self) -> None:
        """Write the directory and close the file."""
        start = self.position
        self._write(json.dumps(self.directory).encode())
        self._write(_TAIL.pack(start))
        self.file.close()


class FrequentPostings:
    """One segment's frequent terms: (document numbers, weights) by (field, term bytes)."""

    def __init__(self, buffer: Any, offset: int, length: int) -> None:
        self.buffer = buffer  # the segment file's memory map: arrays are views into it
        self.offset = offset
        (start,) = _TAIL.unpack(buffer[offset + length - _TAIL.size : offset + length])
        listing = json.loads(bytes(buffer[offset + start : offset + length - _TAIL.size]))
        self.terms: dict[tuple[str, bytes], tuple[int, int, str]] = {
            (field, bytes.fromhex(text)): (at, count, dtype) for field, text, at, count, dtype in listing
        }

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, fieldname: str, text: bytes) -> tuple[Ids, Weights] | None:
        """The term's segment-local document numbers (ascending) and weights, or None if not frequent."""
        found = self.terms.get((fieldname, text))
        if found is None:
            return None
        at, count, dtype = found
        start = self.offset + at
        ids = np.frombuffer(self.buffer, dtype="<u4", count=count, offset=start)
        weights = np.frombuffer(self.buffer, dtype=dtype, count=count, offset=start + 4 * count)
        return ids, weights


def open_segment(reader: Any) -> FrequentPostings | None:
    """The ``.frq`` file in a Whoosh ``SegmentReader``'s compound segment file, if it has one.

    It is mapped into memory on its own, not through the reader's map, which Whoosh closes with
    the reader while another thread may still search the same generation.
    """
    storage = getattr(reader, "_storage", None)
    files, folder = getattr(storage, "a", None), getattr(getattr(storage, "b", None), "folder", None)
    segment = reader.segment()
    name = segment.make_filename(EXTENSION)
    if not isinstance(files, CompoundStorage) or folder is None or not files.file_exists(name):
        return None
    offset, length = files.range(name)
    with open(os.path.join(folder, segment.make_filename(segment.COMPOUND_EXT)), "rb") as file:
        source = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    if source[offset : offset + len(MAGIC)] != MAGIC:
        source.close()
        return None
    return FrequentPostings(source, offset, length)
