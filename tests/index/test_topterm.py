"""``index.topterm`` must give Whoosh's own top hits, float for float, on a real multi-segment index."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from whoosh import highlight
from whoosh.query import Phrase, Term

from bench.build import build_index
from bench.corpus import Generator
from extract.models import Stance
from index import frequent
from index.models import QuoteFilter
from index.search import HIGHLIGHT_MAX_CHARS, IndexReader, _MarkFormatter
from index.store import IndexStore
from index.topterm import Deadline, _head, term_docs, top_term
from index.whoosh_patches import BLOCK_POSTINGS

GENERATOR = Generator(seed=0)
TERMS = GENERATOR.common_terms()[:8] + GENERATOR.mid_terms()[:8] + GENERATOR.rare_terms()[:4]
PHRASES = ['"military personnel"', '"new members"', '"artificial intelligence"', '"new asylum"']


@pytest.fixture(scope="module", params=[frequent.MIN_DOCS, 16], ids=["blocks", "arrays"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> IndexStore:
    """Every test runs on postings read from blocks, then on frequent terms' arrays (``index.frequent``)."""
    path = tmp_path_factory.mktemp("topterm") / "index"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(frequent, "MIN_DOCS", request.param)
        # small commits and no final merge: several segments, so document numbers carry offsets
        build_index(GENERATOR.articles(quotes=3000), path, procs=1, batch=150, optimize=False)
    store = IndexStore(path)
    assert len(store.index._segments()) > 1
    with store.index.searcher() as searcher:
        listed = IndexReader(store)._data(searcher).frequent(searcher)
        terms = sum(len(postings) for postings in listed.values())
        assert terms > 100 if request.param == 16 else terms == 0
    return store


def _count(store: IndexStore, query: Term) -> int:
    with store.index.searcher() as searcher:
        return sum(1 for _ in searcher.docs_for_query(query))


def _whoosh(store: IndexStore, query: Term, k: int) -> list[tuple[float, int]]:
    with store.index.searcher() as searcher:
        return [(hit.score, hit.docnum) for hit in searcher.search(query, limit=k)]


def _heads(
    store: IndexStore, fieldname: str, text: bytes, inflate: int | None
) -> list[tuple[Any, Any, bool]]:
    """Per block: (gaps, weights) by ``_head``, then by a whole read, and whether the values were skipped."""
    found = []
    with store.index.reader() as reader:
        for segment_reader, _ in reader.leaf_readers():
            if (fieldname, text) not in segment_reader:
                continue
            matcher = segment_reader.postings(fieldname, text)
            matcher = getattr(matcher, "child", matcher)  # under the deleted-documents filter ...
            matcher.reset()  # ... which read the first block
            while not matcher._atend:
                head = _head(matcher, inflate)
                skipped = matcher._data is None
                matcher._read_data()
                found.append((head, matcher._data[:2], skipped))
                matcher._next_block()
    return found


@pytest.mark.parametrize("fieldname", ["text", "stance", "doctype"])
def test_block_heads_are_whooshs_blocks_without_their_values(store: IndexStore, fieldname: str) -> None:
    with store.index.reader() as reader:
        texts = [text for field, text in reader.all_terms() if field == fieldname]
    heads = [head for text in texts for head in _heads(store, fieldname, text, None)]
    assert len(heads) > len(texts)  # terms of several blocks
    assert all(head == whole for head, whole, _ in heads)
    assert all(skipped for *_, skipped in heads)  # the values (positions, for text) were never decoded


def test_a_block_head_past_the_inflated_bytes_is_read_whole(store: IndexStore) -> None:
    text = store.index.schema["text"].to_bytes(IndexReader(store).parse(TERMS[0]).text)
    heads = _heads(store, "text", text, inflate=16)
    assert heads and all(head == whole and not skipped for head, whole, skipped in heads)


@pytest.mark.parametrize("k", [1, 10, 50])
def test_same_hits_and_scores_as_whoosh(store: IndexStore, k: int) -> None:
    reader = IndexReader(store, cache_size=0)
    with store.index.searcher() as searcher:
        data = reader._data(searcher)
        lengths, deleted = data.lengths(searcher, "text"), data.deleted_quotes(searcher)
        for text in TERMS:
            query = reader.parse(text)
            assert isinstance(query, Term)
            found = top_term(
                searcher, query, k, lengths, deleted, time.perf_counter() + 60, None, data.frequent(searcher)
            )
            assert found is not None
            assert found == (_whoosh(store, query, k), _count(store, query))


@pytest.mark.parametrize("k", [1, 10, 50])
def test_within_a_filter_set_the_same_as_whooshs_filter(store: IndexStore, k: int) -> None:
    reader = IndexReader(store, cache_size=0)
    with store.index.searcher() as searcher:
        allowed = reader._filtered_docs(searcher, QuoteFilter(stance=Stance.OPPOSE))
        assert allowed
        data = reader._data(searcher)
        lengths, listed = data.lengths(searcher, "text"), data.frequent(searcher)
        for text in TERMS:
            query = reader.parse(text)
            found = top_term(
                searcher, query, k, lengths, frozenset(), time.perf_counter() + 60, allowed, listed
            )
            results = searcher.search(query, limit=k, filter=allowed, optimize=False)
            assert found == ([(hit.score, hit.docnum) for hit in results], len(results))


def _pair(phrase: Phrase) -> Term:
    return Term("pairs", " ".join(phrase.words))


@pytest.mark.parametrize("k", [1, 10, 50])
def test_two_word_phrases_find_whooshs_phrase_matches_ranked_as_their_pair(store: IndexStore, k: int) -> None:
    reader = IndexReader(store, cache_size=0)
    matched = 0
    with store.index.searcher() as searcher:
        for text in PHRASES:
            phrase = reader.parse(text)
            assert isinstance(phrase, Phrase)
            holding = list(searcher.docs_for_query(phrase))
            ranked = searcher.search(_pair(phrase), limit=k)
            page = reader.quotes(QuoteFilter(query=text), 0, k)
            assert page.total == len(holding) == len(ranked)
            assert [(h.record.id, h.score) for h in page.items] == [
                (json.loads(hit["payload"])["id"], hit.score) for hit in ranked
            ]
            assert {hit.docnum for hit in ranked} <= set(holding)
            assert reader._matching_docs(searcher, phrase).tolist() == holding
            matched += len(holding)
    assert matched


def test_two_word_phrases_within_a_filter_are_the_phrase_matches_it_allows(store: IndexStore) -> None:
    reader = IndexReader(store, cache_size=0)
    matched = 0
    with store.index.searcher() as searcher:
        allowed = reader._filtered_docs(searcher, QuoteFilter(stance=Stance.OPPOSE))
        assert allowed
        for text in PHRASES:
            holding = [d for d in searcher.docs_for_query(reader.parse(text)) if d in allowed]
            page = reader.quotes(QuoteFilter(query=text, stance=Stance.OPPOSE), 0, 50)
            assert page.total == len(holding)
            assert all(hit.record.stance.stance is Stance.OPPOSE for hit in page.items)
            matched += len(holding)
    assert matched


@pytest.mark.parametrize("text", TERMS[:6] + PHRASES[:3])
def test_reader_pages_and_highlights_are_whooshs(store: IndexStore, text: str) -> None:
    reader = IndexReader(store, cache_size=0)
    query = reader.parse(text)
    ranking = _pair(query) if isinstance(query, Phrase) else query
    for offset in (0, 40):
        page = reader.quotes(QuoteFilter(query=text), offset, 10, highlights=True)
        with store.index.searcher() as searcher:
            results = searcher.search(ranking, limit=offset + 10, optimize=False)
            results.q = query  # highlighted as typed
            results.fragmenter = highlight.ContextFragmenter(maxchars=HIGHLIGHT_MAX_CHARS, surround=60)
            results.formatter = _MarkFormatter()
            records = [(json.loads(hit["payload"]), hit) for hit in results[offset : offset + 10]]
            expected = [
                (record["id"], hit.score, hit.highlights("text", text=record["text"]) or None)
                for record, hit in records
            ]
        assert page.total == len(results)
        assert [(h.record.id, h.score, h.highlight) for h in page.items] == expected


def test_all_documents_of_a_term_are_whooshs(store: IndexStore) -> None:
    reader = IndexReader(store, cache_size=0)
    with store.index.searcher() as searcher:
        for text in TERMS:
            query = reader.parse(text)
            found = term_docs(
                searcher, query, time.perf_counter() + 60, reader._data(searcher).frequent(searcher)
            )
            assert found is not None and found.tolist() == list(searcher.docs_for_query(query))


def test_past_the_deadline_it_stops(store: IndexStore) -> None:
    reader = IndexReader(store, cache_size=0)
    with store.index.searcher() as searcher:
        data = reader._data(searcher)
        lengths, listed = data.lengths(searcher, "text"), data.frequent(searcher)
        with pytest.raises(Deadline):
            top_term(
                searcher,
                reader.parse(TERMS[0]),
                10,
                lengths,
                frozenset(),
                time.perf_counter() - 1,
                None,
                listed,
            )
        with pytest.raises(Deadline):
            term_docs(searcher, reader.parse(TERMS[0]), time.perf_counter() - 1, listed)


def test_replaced_quotes_are_left_out_and_not_counted(store: IndexStore) -> None:
    """A quote re-indexed (another article reports it) leaves a deleted copy behind."""
    reader = IndexReader(store, cache_size=0)
    query = reader.parse(TERMS[0])
    with store.index.searcher() as searcher:
        best = _whoosh(store, query, 3)
        replaced = [searcher.stored_fields(d) for _, d in best[:2]]
    writer = store.index.writer()
    for fields in replaced:
        writer.update_document(
            **{name: fields[name] for name in ("id", "doctype", "payload")}, text="other words"
        )
    writer.commit(merge=False)
    with store.index.searcher() as searcher:
        assert searcher.reader().has_deletions()
        data = IndexReader(store, cache_size=0)._data(searcher)
        lengths, deleted = data.lengths(searcher, "text"), data.deleted_quotes(searcher)
        assert len(deleted) == 2
        listed = data.frequent(searcher)
        found = top_term(searcher, query, 10, lengths, deleted, time.perf_counter() + 60, None, listed)
        assert found == (_whoosh(store, query, 10), _count(store, query))
        docs = term_docs(searcher, query, time.perf_counter() + 60, listed, deleted)
        assert docs is not None and docs.tolist() == list(searcher.docs_for_query(query))


def test_posting_blocks_hold_512_postings(store: IndexStore) -> None:
    with store.index.reader() as reader:
        segment_reader, _ = max(reader.leaf_readers(), key=lambda leaf: leaf[0].doc_count_all())
        matcher = segment_reader.postings("doctype", b"quote")
        matcher = getattr(matcher, "child", matcher)
        assert segment_reader.doc_frequency("doctype", b"quote") > BLOCK_POSTINGS
        assert matcher._blocklength == BLOCK_POSTINGS
