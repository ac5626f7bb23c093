"""Merging an index's segments into a few, one process per group: a bulk load's last step on every core.

Whoosh's ``optimize`` merges every segment into one inside the committing
process, on one core, while the others idle: a 10^5-quote bulk load spent
about a third of its time there. ``merge_policy(groups)`` is a Whoosh merge
policy (the ``mergetype`` a commit takes) that splits the segments into
``groups`` of about equal size and merges each group in a process of its own,
through the same streaming merge as every other merge (``index.merge``).
The committing writer holds the index's lock throughout and writes the new
table of contents only once every group is merged, so a merge that fails
leaves the index as it was.

    >>> store.optimize(procs=2)  # doctest: +SKIP
    >>> len(store.index._segments())  # doctest: +SKIP
    2
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from index import merge, postings, whoosh_patches

Segment = Any  # whoosh.codec.base.Segment: picklable, as Whoosh's own multiprocessing writer sends them
MergePolicy = Callable[[SegmentWriter, list[Segment]], list[Segment]]


def balanced_groups(segments: Sequence[Segment], groups: int) -> list[list[Segment]]:
    """``segments`` in at most ``groups`` non-empty groups of about equal document counts
    (the largest first, each into the lightest group), so the merges end together."""
    bins: list[list[Segment]] = [[] for _ in range(max(1, groups))]
    sizes = [0] * len(bins)
    for segment in sorted(segments, key=lambda s: s.doc_count_all(), reverse=True):
        lightest = sizes.index(min(sizes))
        bins[lightest].append(segment)
        sizes[lightest] += segment.doc_count_all()
    return [group for group in bins if group]


def merge_group(folder: str, indexname: str, segments: list[Segment]) -> Segment:
    """One new segment holding the live documents of ``segments`` (run in a worker process).

    The worker writes without the index lock (``_lk=False``), as Whoosh's own
    multiprocessing writer's workers do: the parent holds it. Nor does it
    ``cancel`` or ``_finish``: both delete the temporary folder every writer of
    the index shares with the parent's; a failed merge's files are deleted by
    the next commit, which keeps only its segments' files.
    """
    for patch in (whoosh_patches, merge, postings):  # in a worker started afresh (spawn), not inherited
        patch.apply()
    storage = FileStorage(folder)
    index = storage.open_index(indexname)
    writer = SegmentWriter(index, _lk=False)
    try:
        for segment in segments:
            reader = SegmentReader(storage, index.schema, segment)
            writer.add_reader(reader)
            reader.close()
        return writer._finalize_segment()
    except BaseException:
        writer._close_segment()
        raise


def _final(segment: Segment) -> bool:
    """Whether a segment is as a merge would write it: no deleted documents, postings compressed."""
    return not segment.has_deletions() and getattr(segment.codec(), "_compression", 1) != 0


def merge_policy(groups: int) -> MergePolicy:
    """A Whoosh merge policy leaving ``groups`` segments, merged side by side in ``groups`` processes.

    A group of one segment without deleted documents is kept as it is, unless its
    postings are uncompressed (a bulk load's segment, ``IndexStore.ingest(merge=False)``).
    """

    def policy(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
        planned = balanced_groups(segments, groups)
        settled = [g for g in planned if len(g) == 1 and _final(g[0])]
        kept = [g[0] for g in settled]
        to_merge = [g for g in planned if g not in settled]
        if not to_merge:
            return kept
        folder = writer.storage.folder
        if len(to_merge) == 1:  # nothing to run side by side
            return [*kept, merge_group(folder, writer.indexname, to_merge[0])]
        # the platform's default start method, as Whoosh's own multiprocessing writer uses
        with ProcessPoolExecutor(max_workers=len(to_merge)) as pool:
            jobs = [pool.submit(merge_group, folder, writer.indexname, group) for group in to_merge]
            merged = [job.result() for job in jobs]
        return [*kept, *merged]

    return policy
