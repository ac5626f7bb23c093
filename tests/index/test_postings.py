"""``index.postings`` writes the very bytes Whoosh's ``add_postings`` writes, a term at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.filedb.compound import CompoundStorage

from bench.build import build_index
from bench.corpus import Generator
from index import merge
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
    monkeypatch.setattr(merge, "W3FieldWriter", type(None))  # no writer is one: Whoosh's add_postings
    whooshs = _build(tmp_path / "whooshs", optimize)
    assert len(ours) == len(whooshs) == (1 if optimize else len(ours)) and len(ours) >= 1
    assert [sorted(files) for files in ours] == [sorted(files) for files in whooshs]
    assert ours == whooshs
    postings = [files for files in ours if ".pst" in files]
    assert postings and all(len(files[".pst"]) > 10_000 for files in postings[:1])
