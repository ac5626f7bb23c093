"""``index.merge``: a merge that streams segments' postings must write the index Whoosh's own merge writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from whoosh.writing import SegmentWriter

from index import merge
from index.store import IndexStore
from tests.index.segments import GENERATOR, contents, segmented_index


def _block_bounds(store: IndexStore) -> list[tuple[float, float, float]]:
    """Every posting block's bounds, which Whoosh's block-quality skipping reads while searching."""
    bounds = []
    with store.index.reader() as reader:
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            while matcher.is_active():
                bounds.append(
                    (matcher.block_min_length(), matcher.block_max_length(), matcher.block_max_weight())
                )
                matcher.skip_to(matcher.block_max_id() + 1)
    return bounds


@pytest.fixture(scope="module")
def segmented(tmp_path_factory: pytest.TempPathFactory) -> IndexStore:
    return segmented_index(tmp_path_factory.mktemp("merge") / "segmented", optimize=False)


def test_the_fixture_has_segments_with_deletions(segmented: IndexStore) -> None:
    with segmented.index.reader() as reader:
        assert len(segmented.index._segments()) > 1
        assert reader.has_deletions()


def test_optimize_writes_what_whooshs_own_merge_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert SegmentWriter.add_postings_to_pool is merge._add_postings_to_pool  # installed by index.store
    streamed = segmented_index(tmp_path / "streamed", optimize=True)
    monkeypatch.setattr(SegmentWriter, "add_postings_to_pool", merge._original_add_postings_to_pool)
    monkeypatch.setattr(SegmentWriter, "_flush_segment", merge._original_flush_segment)
    pooled = segmented_index(tmp_path / "pooled", optimize=True)
    assert len(streamed.index._segments()) == len(pooled.index._segments()) == 1
    assert contents(streamed) == contents(pooled)
    assert _block_bounds(streamed) == _block_bounds(pooled)


def test_merged_index_holds_every_live_document_of_the_segments(segmented: IndexStore) -> None:
    before = contents(segmented)
    segmented.index.optimize()
    assert len(segmented.index._segments()) == 1
    assert contents(segmented) == before


def test_small_merges_during_commits_keep_every_document(tmp_path: Path) -> None:
    """An ingest commit merges small segments together with its own new documents (Whoosh's MERGE_SMALL)."""
    store = IndexStore(tmp_path / "index", group_commits=False)
    articles = list(GENERATOR.articles(quotes=300))
    for start in range(0, len(articles), 3):
        store.ingest(articles[start : start + 3])
    assert len(store.index._segments()) < len(articles) // 3  # merges happened
    quotes = {q.text for a in articles for q in a.quotes}
    with store.index.searcher() as searcher:
        stored = {json.loads(fields["payload"])["text"] for fields in searcher.documents(doctype="quote")}
    assert stored == quotes


def _compressions(store: IndexStore) -> set[int]:
    """The zlib levels the postings blocks of every segment's common quote words are stored with
    (a rare word's block is too small to compress: ``index.postings.COMPRESS_FROM``)."""
    levels = set()
    with store.index.reader() as reader:
        for segment_reader, _ in reader.leaf_readers():
            for text in segment_reader.lexicon("text"):
                if segment_reader.doc_frequency("text", text) < 30:
                    continue
                matcher = segment_reader.postings("text", text)
                levels.add(getattr(matcher, "child", matcher)._compression)  # under a deletions filter
    return levels


@pytest.mark.parametrize("procs", [1, 2])
def test_a_bulk_loads_segments_are_compressed_only_by_its_final_merge(tmp_path: Path, procs: int) -> None:
    store = IndexStore(tmp_path / "index")
    articles = list(GENERATOR.articles(quotes=300))
    half = len(articles) // 2
    for chunk in (articles[:half], articles[half:]):  # 2 segments: one a merging process, with 2
        store.ingest(chunk, merge=False)
    assert len(store.index._segments()) == 2 and _compressions(store) == {0}
    before = contents(store)
    store.optimize(procs)
    assert len(store.index._segments()) == procs and _compressions(store) == {3}
    assert contents(store) == before
