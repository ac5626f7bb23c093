"""The Whoosh schema: one index holds articles, quotes and people, told apart by ``doctype``.

One index (rather than three) means one commit covers an article, its quotes
and the people they name, so a crash can never leave an article half-present.
Text fields fold accents and case ("Anusauskas" finds "Anušauskas"); quote and
article text is also stemmed, names are not.
"""

from __future__ import annotations

from typing import Any

from whoosh.analysis import Analyzer, CharsetFilter, LowercaseFilter, RegexTokenizer
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

from index.analysis import PairFrequency, StemmedPositions, StemmedWords, WordPairs

ARTICLE, QUOTE, PERSON = "article", "quote", "person"
PAIR_SEP = " "  # between the words of a ``pairs`` term; no word holds one


def text_analyzer() -> Analyzer:
    """Words, lower-cased, stop words dropped, stemmed and accent-folded: for quote and article
    text (Whoosh's ``StemmingAnalyzer() | CharsetFilter(accent_map)``, in one pass)."""
    return StemmedWords()


def pair_analyzer() -> Analyzer:
    """Each two adjacent words of ``text_analyzer``'s output as one term ("militari personnel").

    Stop words are already gone and positions renumbered without them, so a
    document holds a pair exactly when it holds the two-word phrase, and a
    phrase search becomes one term's postings instead of both words' postings
    with their positions (Elasticsearch's ``index_phrases``).
    """
    return text_analyzer() | WordPairs(sep=PAIR_SEP)


def name_analyzer() -> Analyzer:
    """Words, lower-cased and accent-folded but not stemmed: for people's names."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)


def text_field(**options: Any) -> TEXT:
    """A ``TEXT`` field of ``text_analyzer`` words, indexed in one pass (``StemmedPositions``)."""
    field = TEXT(analyzer=text_analyzer(), phrase=True, **options)
    field.format = StemmedPositions(field_boost=field.format.field_boost)
    return field


def pairs_field() -> TEXT:
    """A ``TEXT`` field of ``pair_analyzer`` pairs, counted in one pass (``PairFrequency``)."""
    field = TEXT(analyzer=pair_analyzer(), phrase=False)
    field.format = PairFrequency(field_boost=field.format.field_boost)
    return field


def build_schema() -> Schema:
    return Schema(
        id=ID(unique=True, stored=True),
        doctype=ID(stored=True),
        # quotes
        text=text_field(),
        pairs=pairs_field(),  # the quote text again, as word pairs
        speaker=TEXT(analyzer=name_analyzer(), phrase=True),
        speaker_id=ID(sortable=True),
        mentions=TEXT(analyzer=name_analyzer()),
        mention_ids=KEYWORD(commas=True),
        office=ID(sortable=True),
        country=ID(sortable=True),
        stance=ID(sortable=True),
        topic=ID(sortable=True),
        kind=ID,
        article_ids=KEYWORD(commas=True),
        # days since 1970, 0 when unknown (undated sorts last): sorted on and filtered on as a column,
        # not indexed. Indexed as a DATETIME, for date ranges, it was 8 terms a document, 12% of
        # indexing (a 10,000-article commit 29.7 -> 26.2 s); indexes made then keep that field.
        published_sort=COLUMN(NumericColumn("i", default=0)),
        # articles
        title=text_field(field_boost=2.0),
        body=text_field(),
        # people
        name=TEXT(analyzer=name_analyzer()),
        # the whole record, as JSON, for every doctype
        payload=STORED,
    )
