"""``index.parallel_merge``: merging segments into a few, side by side, keeps every live document."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import frequent, parallel_merge
from index.store import IndexStore
from tests.index.segments import GENERATOR, contents, segmented_index


class _Sized:
    def __init__(self, docs: int) -> None:
        self.docs = docs

    def doc_count_all(self) -> int:
        return self.docs


def test_groups_hold_every_segment_once_with_about_equal_documents() -> None:
    segments = [_Sized(n) for n in (90, 10, 40, 35, 30, 5)]
    groups = parallel_merge.balanced_groups(segments, 2)
    assert sorted(id(s) for g in groups for s in g) == sorted(id(s) for s in segments)
    assert sorted(sum(s.docs for s in g) for g in groups) == [105, 105]


def test_there_are_never_more_groups_than_segments() -> None:
    assert len(parallel_merge.balanced_groups([_Sized(3)], 4)) == 1


def test_two_processes_leave_two_segments_with_every_live_document(tmp_path: Path) -> None:
    store = segmented_index(tmp_path / "index", optimize=False)
    before = contents(store)
    assert len(store.index._segments()) > 2
    store.optimize(procs=2)
    segments = store.index._segments()
    assert len(segments) == 2
    assert not any(s.has_deletions() for s in segments)
    assert contents(store) == before
    with store.index.reader() as reader:
        assert all(frequent.open_segment(leaf) is not None for leaf, _ in reader.leaf_readers())


def test_segments_already_merged_are_not_rewritten(tmp_path: Path) -> None:
    store = IndexStore(tmp_path / "index")
    store.ingest(list(GENERATOR.articles(quotes=30)))
    (segment,) = store.index._segments()
    store.optimize(procs=2)
    assert [s.segment_id() for s in store.index._segments()] == [segment.segment_id()]


def test_a_failed_merge_leaves_the_index_as_it_was_and_unlocked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = segmented_index(tmp_path / "index", optimize=False)
    before, segments = contents(store), store.index._segments()

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(parallel_merge, "merge_group", broken)
    with pytest.raises(OSError, match="disk full"):
        store.optimize(procs=1)
    assert [s.segment_id() for s in store.index.refresh()._segments()] == [s.segment_id() for s in segments]
    assert contents(store) == before
    monkeypatch.undo()
    store.optimize(procs=1)  # the lock was released
    assert len(store.index._segments()) == 1
    assert contents(store) == before
