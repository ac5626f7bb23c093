"""``StemmedWords`` must be Whoosh's stemming chain, token for token."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
from whoosh.analysis import BiWordFilter
from whoosh.fields import TEXT
from whoosh.formats import Positions

from bench.corpus import Generator
from index.analysis import PairFrequency, StemmedPositions, StemmedWords, stemming_chain
from index.fields import PAIR_SEP, pairs_field, text_field

SEED = Path(__file__).parents[2] / "seed"
TEXTS = [
    "",
    "a an the",  # nothing but stop words
    "The ministers said Müller is deploying 3.141 troops; it's an e-mail from Zelenskiy's NATO-led x*y",
    "“We will NOT send soldiers,” Anušauskas told reporters — a ‘red line’ of 2024.",
    "Ça ne va pas: l'État, São Paulo, Đorđević, İstanbul and ÆSIR",
    "I a x 1 2 ab abc a.b.c U.S. e.g. 10,000 $5.5bn",
]


def _texts() -> list[str]:
    generated = [q.text for article in Generator(seed=3).articles(quotes=200) for q in article.quotes]
    seed = [p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt"))]
    return TEXTS + generated + seed


def _tokens(analyzer: Any, text: str, **options: Any) -> list[tuple[Any, ...]]:
    return [
        (
            t.text,
            getattr(t, "pos", None),
            getattr(t, "startchar", None),
            getattr(t, "endchar", None),
            t.stopped,
        )
        for t in analyzer(text, **options)
    ]


OPTIONS = [
    {},
    {"positions": True},
    {"positions": True, "chars": True},
    {"positions": True, "chars": True, "start_pos": 7, "start_char": 100},
    {"positions": True, "mode": "index"},
    {"mode": "query"},
    {"positions": True, "removestops": False},  # stop words kept, marked: the chain's own
    {"tokenize": False},
    {"no_morph": True},
    {"keeporiginal": True},
]


@pytest.mark.parametrize("options", OPTIONS)
def test_the_same_tokens_as_whooshs_chain(options: dict[str, Any]) -> None:
    fused, chain = StemmedWords(), stemming_chain()
    texts = _texts()
    assert any(_tokens(chain, text, **options) for text in texts)
    for text in texts:
        assert _tokens(fused, text, **options) == _tokens(chain, text, **options), text


def test_a_pickled_analyzer_analyses_the_same() -> None:
    """The index stores its schema, analyzers included, pickled."""
    restored = pickle.loads(pickle.dumps(StemmedWords()))
    text = TEXTS[2]
    assert _tokens(restored, text, positions=True) == _tokens(stemming_chain(), text, positions=True)


@pytest.mark.parametrize("boost", [1.0, 2.0])
def test_a_text_fields_postings_are_whooshs_positions_format(boost: float) -> None:
    ours = text_field(field_boost=boost)
    assert isinstance(ours.format, StemmedPositions)
    whooshs = TEXT(analyzer=stemming_chain(), phrase=True, field_boost=boost)
    assert type(whooshs.format) is Positions
    for text in _texts():
        assert list(ours.index(text)) == list(whooshs.index(text)), text


def test_a_pairs_fields_postings_are_whooshs_frequency_format_of_word_pairs() -> None:
    ours = pairs_field()
    assert isinstance(ours.format, PairFrequency)
    whooshs = TEXT(analyzer=stemming_chain() | BiWordFilter(sep=PAIR_SEP), phrase=False)
    texts = [t for t in _texts() if list(StemmedWords()(t))]
    assert len(texts) > 200
    for text in texts:
        assert list(ours.index(text)) == list(whooshs.index(text)), text
    assert [t.text for t in ours.analyzer("the army")] == ["armi"]  # a lone word is itself


def test_a_text_of_stop_words_only_has_no_pairs() -> None:
    """Whoosh's BiWordFilter fails on it (and with it the whole batch being indexed)."""
    with pytest.raises(UnboundLocalError):
        list(TEXT(analyzer=stemming_chain() | BiWordFilter(sep=PAIR_SEP)).index("we will"))
    assert list(pairs_field().index("we will")) == []
    assert [t.text for t in pairs_field().analyzer("we will")] == []


def test_other_calls_are_the_plain_formats() -> None:
    """Anything but plain indexing of a string (tokens with positions asked, a list) goes the usual way."""
    ours, whooshs = text_field(), TEXT(analyzer=stemming_chain(), phrase=True)
    assert list(ours.format.word_values(TEXTS[2], ours.analyzer, mode="index", chars=True)) == list(
        whooshs.format.word_values(TEXTS[2], whooshs.analyzer, mode="index", chars=True)
    )
    words = ["army", "navy", "army"]
    assert list(ours.index(words)) == list(whooshs.index(words))
