from pathlib import Path

from whoosh import index as whoosh_index

from extract.models import Article, ExtractedArticle
from index.fields import ARTICLE, PERSON, QUOTE, build_schema
from index.models import QuoteFilter
from index.search import IndexReader
from index.store import INDEX_NAME, IndexStore
from tests.conftest import corpus


def test_ingest_counts_articles_quotes_and_people(store: IndexStore) -> None:
    assert store.count(ARTICLE) == 3
    # the Freedonia quote appears in two articles but is one quote
    assert store.count(QUOTE) == 2 + 2 + 26
    assert store.count(PERSON) == 3


def test_ingesting_the_same_articles_again_changes_nothing(store: IndexStore) -> None:
    generation, docs = store.generation(), store.doc_count()
    store.ingest(corpus())
    assert store.doc_count() == docs
    assert store.generation() == generation + 1  # an empty commit, nothing added


def test_same_quote_in_two_articles_has_two_appearances(store: IndexStore) -> None:
    reader = IndexReader(store)
    hits = reader.quotes(QuoteFilter(query='"send soldiers to Freedonia"'), limit=10).items
    assert len(hits) == 1
    record = hits[0].record
    assert len(record.appearances) == 2
    assert {a.article_id for a in record.appearances} == {a.article.id for a in corpus()[:2]}
    assert str(record.published_at) == "2024-03-01"  # the earliest report


def _ingested_in_turns(path: Path, bulk: bool) -> tuple[int, int, int]:
    """Articles, quotes and people after ingests by two stores in turn, the first ``bulk`` or not."""
    first, second, third = corpus()  # the first two report one quote
    store = IndexStore(path, bulk=bulk)
    store.ingest([first])
    store.ingest([first])
    IndexStore(path).ingest([second])
    store.ingest([second, third])
    hits = IndexReader(store).quotes(QuoteFilter(query='"send soldiers to Freedonia"'), limit=10).items
    assert [len(hit.record.appearances) for hit in hits] == [2]
    return store.count(ARTICLE), store.count(QUOTE), store.count(PERSON)


def test_a_bulk_store_finds_what_is_stored_whichever_store_stored_it(tmp_path: Path) -> None:
    """A bulk store remembers the ids it wrote, and reads them again after another store's commit."""
    bulk = _ingested_in_turns(tmp_path / "bulk", bulk=True)
    assert bulk == _ingested_in_turns(tmp_path / "plain", bulk=False)
    assert bulk[0] == 3


def test_a_reopened_index_keeps_what_was_committed(store: IndexStore) -> None:
    reopened = IndexStore(store.path)
    assert reopened.count(ARTICLE) == 3


def test_exists_only_for_an_index_folder(tmp_path: Path, store: IndexStore) -> None:
    assert IndexStore.exists(store.path)
    assert not IndexStore.exists(tmp_path / "nothing")


def test_an_article_without_quotes_is_still_searchable(tmp_path: Path) -> None:
    text = "Quiet day\n\nNothing was said in the harbour today."
    store = IndexStore(tmp_path / "ix")
    store.ingest(
        [ExtractedArticle(article=Article(id=Article.id_for(text), text=text, title="Quiet day"), quotes=[])]
    )
    assert IndexReader(store).articles("harbour").total == 1


def test_an_index_made_before_word_pairs_takes_articles_and_finds_phrases(
    tmp_path: Path, store: IndexStore
) -> None:
    schema = build_schema()
    schema.remove("pairs")
    (tmp_path / "ix").mkdir()
    whoosh_index.create_in(str(tmp_path / "ix"), schema, indexname=INDEX_NAME)
    older = IndexStore(tmp_path / "ix")
    older.ingest(corpus())
    assert "pairs" not in older.index.schema
    for phrase in ('"send soldiers"', '"talks were productive"'):
        flt = QuoteFilter(query=phrase)
        found = IndexReader(older).quotes(flt, limit=50)
        expected = IndexReader(store).quotes(flt, limit=50)
        assert found.total == expected.total > 0
        assert {h.record.id for h in found.items} == {h.record.id for h in expected.items}
