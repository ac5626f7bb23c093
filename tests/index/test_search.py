from datetime import date

import pytest

from extract.models import QuoteKind, Stance
from index.models import QuoteFilter, QuoteOrder
from index.search import IndexReader, QueryError
from index.store import IndexStore


@pytest.fixture
def reader(store: IndexStore) -> IndexReader:
    return IndexReader(store)


def texts(reader: IndexReader, flt: QuoteFilter, limit: int = 100) -> list[str]:
    return [h.record.text for h in reader.quotes(flt, limit=limit).items]


def test_query_matches_stemmed_words(reader: IndexReader) -> None:
    assert texts(reader, QuoteFilter(query="trainer")) == ["Sending trainers is a reasonable step,"]


def test_person_ignores_accents_and_case(reader: IndexReader) -> None:
    assert len(texts(reader, QuoteFilter(person="jorg muller"))) == 27
    assert len(texts(reader, QuoteFilter(person="MÜLLER"))) == 27


def test_person_tolerates_a_one_letter_spelling_variant(reader: IndexReader) -> None:
    assert texts(reader, QuoteFilter(person="Zelensky")) == ["We are grateful for every soldier,"]
    assert texts(reader, QuoteFilter(person="Zelenskyy")) == ["We are grateful for every soldier,"]


def test_unknown_person_matches_nothing(reader: IndexReader) -> None:
    assert texts(reader, QuoteFilter(person="Nobody Atall")) == []


def test_mentions_finds_quotes_naming_a_person_whoever_said_them(reader: IndexReader) -> None:
    hits = reader.quotes(QuoteFilter(mentions="Kowalczyk")).items
    assert [h.record.speaker_name for h in hits] == ["Jörg Müller"]


def test_filters_combine(reader: IndexReader) -> None:
    assert texts(reader, QuoteFilter(stance=Stance.OPPOSE, country="Poland")) == [
        "We will not send soldiers to Freedonia,"
    ]
    assert texts(reader, QuoteFilter(stance=Stance.OPPOSE, country="DE")) == []
    assert len(texts(reader, QuoteFilter(office="defense minister", kind=QuoteKind.DIRECT))) == 27
    assert len(texts(reader, QuoteFilter(topic="troops-abroad"))) == 30


def test_published_range(reader: IndexReader) -> None:
    after = texts(reader, QuoteFilter(published_after=date(2024, 4, 1)))
    assert sorted(after) == ["Sending trainers is a reasonable step,", "the talks were productive and calm"]


def test_published_range_holds_both_its_days_and_no_undated_quote(reader: IndexReader) -> None:
    first_day = [
        "Aid to Ukraine must continue and Kowalczyk is right,",
        "We will not send soldiers to Freedonia,",
    ]
    assert sorted(texts(reader, QuoteFilter(published_before=date(2024, 3, 1)))) == first_day
    assert len(texts(reader, QuoteFilter(published_after=date(2024, 4, 10)))) == 2
    assert (
        texts(reader, QuoteFilter(published_after=date(2024, 3, 2), published_before=date(2024, 4, 9))) == []
    )
    # the third article is undated: its 26 quotes are in no date range
    assert len(texts(reader, QuoteFilter(published_after=date(1990, 1, 1)))) == 4
    assert texts(reader, QuoteFilter(person="Zelenskiy", published_before=date(2100, 1, 1))) == []


def test_order_by_date_newest_first(reader: IndexReader) -> None:
    hits = reader.quotes(
        QuoteFilter(query="soldiers OR trainers"), limit=3, order=QuoteOrder(by="date")
    ).items
    assert hits[0].record.published_at is not None
    assert str(hits[0].record.published_at) == "2024-04-10"


def test_paging_slices_the_same_result_list(reader: IndexReader) -> None:
    flt = QuoteFilter(person="Müller")
    everything = [h.record.id for h in reader.quotes(flt, limit=30).items]
    pages = [h.record.id for offset in (0, 10, 20) for h in reader.quotes(flt, offset=offset, limit=10).items]
    assert pages == everything
    assert reader.quotes(flt, offset=20, limit=10).total == 27


@pytest.mark.parametrize("query", ["*oldier", "so*", "s?ldier"])
def test_leading_or_short_wildcards_are_refused(reader: IndexReader, query: str) -> None:
    with pytest.raises(QueryError, match="wildcard"):
        reader.quotes(QuoteFilter(query=query))


@pytest.mark.parametrize("query", ["*", "text:*"])
def test_a_lone_star_is_refused(reader: IndexReader, query: str) -> None:
    with pytest.raises(QueryError, match="matches everything"):
        reader.quotes(QuoteFilter(query=query))


def test_trailing_wildcard_after_three_letters_works(reader: IndexReader) -> None:
    assert len(texts(reader, QuoteFilter(query="deploy*"))) == 25


def test_unknown_field_is_refused(reader: IndexReader) -> None:
    with pytest.raises(QueryError, match="unknown field"):
        reader.quotes(QuoteFilter(query="payload:x"))


def test_highlights_mark_matched_terms_and_escape_html(reader: IndexReader) -> None:
    hit = reader.quotes(QuoteFilter(query="trainers"), highlights=True).items[0]
    assert hit.highlight == "Sending <mark>trainers</mark> is a reasonable step"


def test_facets_count_the_whole_result_set(reader: IndexReader) -> None:
    facets = reader.facets(QuoteFilter(query="soldier*"), size=100)
    assert {f.value: f.count for f in facets.stance} == {"neutral": 25, "oppose": 1, "support": 1}
    assert sum(f.count for f in facets.person) == 27


def test_facets_list_the_most_frequent_values_first(reader: IndexReader) -> None:
    every = reader.facets(QuoteFilter(query="soldier*"), size=100).stance
    top = reader.facets(QuoteFilter(query="soldier*"), size=2).stance
    assert [(f.value, f.count) for f in top] == [("neutral", 25), ("oppose", 1)]  # a tie goes by value
    assert top == every[:2]


def test_stance_summary_per_topic(reader: IndexReader, store: IndexStore) -> None:
    person = reader.people(name="Müller")[0]
    assert reader.stance_summary(person.id) == {
        ("troops-abroad", "neutral"): 26,
        ("troops-abroad", "support"): 1,
    }


def test_people_by_country_and_office(reader: IndexReader) -> None:
    assert [p.name for p in reader.people(country="Germany")] == ["Jörg Müller"]
    assert [p.name for p in reader.people(office="Prime Minister")] == ["Anna Kowalczyk"]
    assert len(reader.people()) == 3


def test_articles_search_titles_and_text(reader: IndexReader) -> None:
    assert [a.title for a in reader.articles("Berlin").items] == ["Berlin weighs trainers"]
    assert reader.articles(None).total == 3
