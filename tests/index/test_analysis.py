"""``StemmedWords`` must be Whoosh's stemming chain, token for token."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import Generator
from index.analysis import StemmedWords, stemming_chain

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
