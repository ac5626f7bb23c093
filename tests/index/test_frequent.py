"""``index.frequent``: a segment's frequent terms, stored again as arrays, are exactly its postings."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from bench.build import build_index
from bench.corpus import Generator
from index import frequent
from index.models import QuoteFilter
from index.search import IndexReader
from index.store import IndexStore


class _File:
    """What a storage's ``create_file`` returns, as far as ``Recorder`` uses it."""

    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: bytes) -> None:
        self.data += data

    def close(self) -> None:
        pass


def _recorded(terms: list[tuple[str, bytes, list[int], list[float]]], min_docs: int) -> bytes:
    file = _File()
    recorder = frequent.Recorder(file, min_docs)
    for term in terms:
        recorder.term(*term)
    recorder.close()
    return bytes(file.data)


def test_terms_with_enough_documents_are_recorded() -> None:
    data = _recorded(
        [
            ("body", b"army", [0, 1, 2], [1.0] * 3),
            ("pairs", b"army navy", [3, 7, 9], [1.5] * 3),
            ("text", b"army", [0, 1, 2, 3, 4], [1.0, 2.0, 3.0, 1.0, 2.0]),
            ("text", b"navy", [0, 1], [1.0, 1.0]),
        ],
        min_docs=3,
    )
    listed = frequent.FrequentPostings(data, 0, len(data))
    assert len(listed) == 2  # not "navy" (2 documents), not the body field
    ids, weights = listed.get("text", b"army") or ((), ())
    assert list(ids) == [0, 1, 2, 3, 4] and list(weights) == [1, 2, 3, 1, 2]
    assert weights.dtype == np.uint8  # whole numbers take a byte
    ids, weights = listed.get("pairs", b"army navy") or ((), ())
    assert list(ids) == [3, 7, 9] and list(weights) == [1.5] * 3 and weights.dtype == np.float32
    assert listed.get("text", b"navy") is None and listed.get("body", b"army") is None


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[IndexStore]:
    path = tmp_path_factory.mktemp("frequent") / "index"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(frequent, "MIN_DOCS", 8)
        build_index(Generator(seed=1).articles(quotes=1500), path, procs=1, batch=100, optimize=False)
    yield IndexStore(path)


def _postings(
    store: IndexStore,
) -> Iterator[tuple[str, bytes, list[int], list[float], frequent.FrequentPostings]]:
    with store.index.reader() as reader, store.index.searcher() as searcher:
        listed = IndexReader(store)._data(searcher).frequent(searcher)
        for segment_reader, _ in reader.leaf_readers():
            arrays = listed[segment_reader.segment().segment_id()]
            for fieldname, text in segment_reader.all_terms():
                matcher = segment_reader.postings(fieldname, text)
                matcher = getattr(matcher, "child", matcher)  # deleted documents stay in the arrays
                ids, weights = [], []
                while matcher.is_active():
                    ids.append(matcher.id())
                    weights.append(matcher.weight())
                    matcher.next()
                yield fieldname, text, ids, weights, arrays


def _check(store: IndexStore) -> int:
    """Every frequent term's arrays are its postings; every other term has none. How many were."""
    recorded = 0
    for fieldname, text, ids, weights, arrays in _postings(store):
        found = arrays.get(fieldname, text)
        if fieldname in frequent.FIELDS and len(ids) >= 8:
            assert found is not None
            assert found[0].tolist() == ids and found[1].astype(float).tolist() == weights
            recorded += 1
        else:
            assert found is None
    return recorded


def test_each_segment_lists_its_frequent_terms_postings(store: IndexStore) -> None:
    assert len(store.index._segments()) > 1
    assert _check(store) > 100


def test_a_merge_lists_the_merged_postings(store: IndexStore) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(frequent, "MIN_DOCS", 8)
        store.index.optimize()
    merged = IndexStore(store.path)
    assert len(merged.index._segments()) == 1
    assert _check(merged) > 100


def test_a_segment_without_the_file_is_searched_from_its_blocks(
    store: IndexStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    term = Generator(seed=1).common_terms()[0]
    flt = QuoteFilter(query=term)
    listed = IndexReader(store, cache_size=0)
    expected = listed.quotes(flt, 0, 20), listed.facets(flt)
    monkeypatch.setattr(frequent, "EXTENSION", ".absent")  # as in an index written before the file existed
    unlisted = IndexReader(store, cache_size=0)
    with store.index.searcher() as searcher:
        assert unlisted._data(searcher).frequent(searcher) == {}
    assert (unlisted.quotes(flt, 0, 20), unlisted.facets(flt)) == expected
    assert expected[0].total > 20


def test_the_arrays_outlive_the_reader_that_found_them(store: IndexStore) -> None:
    """Another thread may still search a generation whose first searcher was closed."""
    with store.index.searcher() as searcher:
        listed = IndexReader(store)._data(searcher).frequent(searcher)
    assert searcher.is_closed
    arrays = [postings.get(*key) for postings in listed.values() for key in list(postings.terms)[:3]]
    assert arrays and all(found is not None and len(found[0]) >= 8 for found in arrays)
