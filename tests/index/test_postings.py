"""``index.postings`` (and ``index.merge``) write the very bytes Whoosh's own pool, merge and writer write."""

from __future__ import annotations

from pathlib import Path

import pytest
import whoosh.writing
from whoosh.filedb.compound import CompoundStorage
from whoosh.writing import SegmentWriter

from bench.build import build_index
from bench.corpus import Generator
from index import frequent, merge, postings
from index.store import IndexStore


def _files(path: Path) -> list[dict[str, bytes]]:
    """Each segment's files (named without the random segment id), in segment order."""
    store = IndexStore(path)
    found = []
    for segment in store.index._segments():
        packed = segment.open_compound_file(store.index.storage)
        assert isinstance(packed, CompoundStorage)
        prefix = segment.segment_id()
        found.append({name.removeprefix(prefix): packed.open_file(name).read() for name in packed.list()})
        packed.close()
    store.index.close()
    return found


def _build(path: Path, optimize: bool) -> list[dict[str, bytes]]:
    # small commits: several segments with postings of several blocks, merged or not
    build_index(Generator(seed=2).articles(quotes=1200), path, procs=1, batch=60, optimize=optimize)
    return _files(path)


@pytest.mark.parametrize("optimize", [False, True], ids=["new segments", "merged"])
def test_the_segment_files_are_whooshs_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, optimize: bool
) -> None:
    ours = _build(tmp_path / "ours", optimize)
    monkeypatch.setattr(whoosh.writing, "PostingPool", postings.WhooshPool)
    monkeypatch.setattr(SegmentWriter, "add_postings_to_pool", merge._original_add_postings_to_pool)
    monkeypatch.setattr(SegmentWriter, "_flush_segment", merge._original_flush_segment)
    whooshs = _build(tmp_path / "whooshs", optimize)
    for files in ours:  # the frequent terms' arrays are ours alone
        del files[frequent.EXTENSION]
    assert len(ours) == len(whooshs) == (1 if optimize else len(ours)) and len(ours) >= 1
    assert [sorted(files) for files in ours] == [sorted(files) for files in whooshs]
    assert ours == whooshs
    with_postings = [files for files in ours if ".pst" in files]
    assert with_postings and all(len(files[".pst"]) > 10_000 for files in with_postings[:1])
