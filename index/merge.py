"""Merging segments by streaming their postings instead of sorting them again.

Whoosh merges segments (the small ones at every commit, all of them on
``optimize``) by pushing every posting of every merged segment through the
writer's sort pool: past ``limitmb`` the pool pickles them to run files on
disk, then reads them back and heap-merges the runs. But a segment's postings
already come out sorted by (field, term, document), and merged segments are
renumbered in order after the writer's own new documents, so merging the
segments' posting streams lazily, together with the pool's own sorted
postings, yields the very sequence the pool would have, with no pickling, no
temporary files and no sort of the merged postings.

``apply()`` replaces ``SegmentWriter.add_postings_to_pool`` (what
``add_reader`` calls for a merged segment) to do that. The index files are the
same; only the way there changes.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from typing import Any

from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

Posting = tuple[str, bytes, int, float, bytes | None]

_applied = False


class StreamingPool:
    """Stands in for a writer's sort pool once a segment is merged into the writer.

    New documents' postings still go to the real pool (``add``); merged
    segments' postings are read from their own readers only when the segment
    is flushed, and the streams are merged in sorted order.
    """

    def __init__(self, pool: Any) -> None:
        self.pool = pool
        self._streams: list[Iterator[Posting]] = []
        self._readers: list[SegmentReader] = []

    def __getattr__(self, name: str) -> Any:  # fieldnames, runs ...: the real pool's
        return getattr(self.pool, name)

    def add(self, item: Posting) -> None:
        self.pool.add(item)

    def merge_in(self, reader: SegmentReader, postings: Iterator[Posting]) -> None:
        """Merge ``postings`` (sorted, renumbered) in at flush time; ``reader`` stays open until then."""
        self._readers.append(reader)
        self._streams.append(postings)

    def iter_postings(self) -> Iterator[Posting]:
        return heapq.merge(self.pool.iter_postings(), *self._streams)

    def cleanup(self) -> None:
        self.pool.cleanup()
        for reader in self._readers:
            reader.close()
        self._readers, self._streams = [], []


_original_add_postings_to_pool = SegmentWriter.add_postings_to_pool


def _add_postings_to_pool(self: Any, reader: Any, startdoc: int, docmap: dict[int, int] | None) -> None:
    """``SegmentWriter.add_postings_to_pool``: stream a merged segment's postings instead of pooling them.

    The merge policies close ``reader`` as soon as ``add_reader`` returns, so
    the postings are read at flush time from a reader of our own over the same
    segment (its files are deleted only after the new segment is committed).
    """
    if not isinstance(reader, SegmentReader):
        _original_add_postings_to_pool(self, reader, startdoc, docmap)
        return
    if not isinstance(self.pool, StreamingPool):
        self.pool = StreamingPool(self.pool)
    own = SegmentReader(self.storage, self.schema, reader.segment())
    self.pool.fieldnames.update(name for name in own.indexed_field_names() if name in self.schema)
    self.pool.merge_in(own, self._process_posts(own.iter_postings(), startdoc, docmap))


def apply() -> None:
    """Install the streaming merge once (idempotent)."""
    global _applied
    if not _applied:
        SegmentWriter.add_postings_to_pool = _add_postings_to_pool
        _applied = True
