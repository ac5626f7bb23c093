"""Hostile input: one huge sentence full of cues, names or quotation marks.

Each cue and quotation reads a bounded window of its sentence, so such input is
extracted in time linear in its length (timings are in ``bench extraction``);
these tests pin the behaviour: output is produced, and what a cue finds does not
depend on how much text lies beyond its window.
"""

from __future__ import annotations

import pytest

from extract import extract_article
from extract.names import iter_tokens_back, tokenize
from extract.sentences import Sentence
from extract.spans import WINDOW, SpanSet, window


def _nested(levels: int) -> str:
    return ("\"He said 'she said " * levels) + "x" + ("' she said\" he said" * levels)


def _tail_quotes(text: str) -> list[tuple[str, str, str | None, int]]:
    """The quotes within 200 characters of the end, located from the end."""
    return [
        (q.kind.value, q.text, q.speaker.name if q.speaker else None, len(text) - q.start)
        for q in extract_article(text).quotes
        if len(text) - q.start < 200
    ]


@pytest.mark.parametrize(
    "tail",
    [
        "; Mayor Ilse Marten said that the ferry would run again.",
        "; Mayor Ilse Marten told the council: “The ferry runs again.”",
    ],
)
def test_a_cue_after_a_very_long_stretch_finds_what_it_finds_in_a_short_sentence(tail: str) -> None:
    short = "the harbour was busy, " + tail
    long = "the harbour was busy, " * 5000 + tail  # one 110 KB sentence
    assert _tail_quotes(long) == _tail_quotes(short) != []


def test_thousands_of_nested_quotation_marks_are_extracted() -> None:
    text = _nested(3000) + ". " + "Mayor Ilse Marten said that the ferry would run again."
    quotes = extract_article(text).quotes
    assert quotes
    assert all(0 <= q.start < q.end <= len(text) for q in quotes)
    last = quotes[-1]
    assert (last.text, last.speaker.name if last.speaker else None) == (
        "that the ferry would run again",
        "Ilse Marten",
    )


def test_a_sentence_of_nothing_but_cues_is_extracted() -> None:
    quotes = extract_article("Ann Lee said " * 4000 + "so.").quotes
    assert quotes
    assert {q.speaker.name for q in quotes if q.speaker} == {"Ann Lee"}


def test_a_window_is_the_sentence_when_the_sentence_is_short() -> None:
    text = "Mayor Ilse Marten said that the ferry would run again."
    sent = Sentence(0, len(text), 0)
    assert window(text, sent, 18, 22) == sent


def test_a_window_of_a_long_sentence_is_bounded_and_cut_between_words() -> None:
    text = "tide " * 2000
    sent = Sentence(0, len(text), 0)
    part = window(text, sent, 5000, 5004)
    assert part.start >= 5000 - WINDOW and part.end <= 5004 + WINDOW
    assert text[part.start - 1] == " " and text[part.end - 1] == " "


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ilse Marten (D-Ore.) said, “no,” on U.S.A. day.",
        "a" * 300 + " b",
        "x " + " " * 500 + "end",
        "word " * 100,
        "",
    ],
)
def test_reading_tokens_backwards_gives_the_tokens_reversed(text: str) -> None:
    assert list(iter_tokens_back(text, 0, len(text))) == list(reversed(tokenize(text)))


def test_a_span_set_tells_claimed_spans_from_free_ones() -> None:
    spans = SpanSet()
    spans.add(10, 20)
    spans.add(40, 50)
    assert spans.overlaps(15, 45) and spans.overlaps(0, 11) and spans.overlaps(49, 60)
    assert not spans.overlaps(20, 40) and not spans.overlaps(0, 10)
    assert spans.covers(10) and spans.covers(45) and not spans.covers(20) and not spans.covers(30)
