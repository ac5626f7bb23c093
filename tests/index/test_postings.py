"""``index.postings`` (and ``index.merge``) write the very bytes Whoosh's own pool, merge and writer write
(with the small-block rule Whoosh's writer means to follow, ``COMPRESS_FROM``), but for stored fields,
which a merge copies as their writer wrote them: those must hold the same documents."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
import whoosh.writing
from whoosh.codec.whoosh3 import W3PostingsWriter
from whoosh.filedb.compound import CompoundStorage
from whoosh.writing import SegmentWriter

from bench.build import build_index
from bench.corpus import Generator
from index import frequent, merge, postings
from index.store import IndexStore

STORED_FILE = "._stored.col"  # each document's stored fields, compared as documents (below)
FIELD_LENGTHS = "field lengths"  # each field's total length in the segment, for scoring


def _files(path: Path) -> list[dict[str, bytes]]:
    """Each segment's files (named without the random segment id), in segment order."""
    store = IndexStore(path)
    found = []
    for segment in store.index._segments():
        packed = segment.open_compound_file(store.index.storage)
        assert isinstance(packed, CompoundStorage)
        prefix = segment.segment_id()
        files = {name.removeprefix(prefix): packed.open_file(name).read() for name in packed.list()}
        files[FIELD_LENGTHS] = pickle.dumps(
            sorted(segment._fieldlengths.items())
        )  # kept in the table of contents
        found.append(files)
        packed.close()
    store.index.close()
    for files in found:
        files.pop(STORED_FILE, None)
    return found


def _documents(path: Path) -> list[list[tuple[str, object]]]:
    """Every document's stored fields, deleted ones too, in document order."""
    store = IndexStore(path)
    with store.index.searcher() as searcher:
        documents = [sorted(searcher.stored_fields(d).items()) for d in range(searcher.doc_count_all())]
    store.index.close()
    return documents


_whooshs_write_block = W3PostingsWriter._write_block


def _write_block_as_meant(self: Any, last: bool = False) -> None:
    """Whoosh's ``_write_block`` with its "don't bother compressing" a small pickle in effect."""
    compression = self._compression
    data = (self._mini_ids(), self._mini_weights(), self._mini_values())
    if len(pickle.dumps(data, 2)) < postings.COMPRESS_FROM:
        self._compression = 0
    try:
        _whooshs_write_block(self, last)
    finally:
        self._compression = compression


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
    monkeypatch.setattr(SegmentWriter, "write_per_doc", merge._original_write_per_doc)
    monkeypatch.setattr(W3PostingsWriter, "_write_block", _write_block_as_meant)
    whooshs = _build(tmp_path / "whooshs", optimize)
    for files in ours:  # the frequent terms' arrays are ours alone
        del files[frequent.EXTENSION]
    assert len(ours) == len(whooshs) == (1 if optimize else len(ours)) and len(ours) >= 1
    assert [sorted(files) for files in ours] == [sorted(files) for files in whooshs]
    assert ours == whooshs
    assert _documents(tmp_path / "ours") == _documents(tmp_path / "whooshs")
    with_postings = [files for files in ours if ".pst" in files]
    assert with_postings and all(len(files[".pst"]) > 10_000 for files in with_postings[:1])
