"""Titles and names in quotation marks are not quotations unless a cue claims them."""

from __future__ import annotations

import pytest

from extract import extract_article
from extract.terms import is_title


@pytest.mark.parametrize(
    ("quoted", "title"),
    [
        ("Harbour Lights Forever", True),
        ("A Life on the Quay", True),
        ("Keep the Ferries Running,", True),
        ("We Will Reopen The Ferry Soon!", False),
        ("the ferries will run again", False),
        ("Ferries", False),
        ("Nobody told us anything about the closure", False),
    ],
)
def test_a_title_is_capitalised_words_and_not_a_cry(quoted: str, title: bool) -> None:
    assert is_title(quoted) is title


def test_a_quoted_title_no_cue_claims_is_no_quote() -> None:
    text = "The mayor, a fan of the sitcom “Harbour Lights Forever,” opened the terminal on Monday."
    assert extract_article(text).quotes == []


def test_a_title_a_verb_quotes_is_still_reported() -> None:
    text = "Mayor Ilse Marten called the plan “A Bridge Too Far.”"
    assert [q.speaker.name for q in extract_article(text).quotes if q.speaker] == ["Ilse Marten"]


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (q.kind.value, q.text, q.speaker.name if q.speaker else None) for q in extract_article(text).quotes
    ]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Ferry operators rejected Mayor Ilse Marten’s “fair share” plan on Monday.", "fair share"),
        ("Ilse Marten’s “harbour first” slogan has divided the council.", "harbour first"),
        ("Critics mocked Ilse Marten’s so-called “reset” of the harbour budget.", "reset"),
        ("Ilse Marten spoke first. Critics mocked her so-called “reset” of the budget.", "reset"),
    ],
)
def test_a_possessive_attributes_a_quoted_term(text: str, term: str) -> None:
    assert _quotes(text) == [("direct", term, "Ilse Marten")]


def test_a_possessive_before_a_verb_is_not_the_speaker() -> None:
    text = "Ilse Marten’s “excesses” are a scandal, said Tomas Brevik."
    assert [q[2] for q in _quotes(text)] == ["Tomas Brevik"]


def test_what_someone_called_a_term_is_their_word() -> None:
    text = "The council passed what Mayor Ilse Marten called a “disaster” budget."
    assert _quotes(text) == [("mixed", "what Mayor Ilse Marten called a “disaster” budget", "Ilse Marten")]


def test_a_pronoun_after_a_naming_verb_is_its_object() -> None:
    text = "Tomas Brevik met Ilse Marten on Monday and later called her “weak” in an interview."
    assert all(q[2] != "Ilse Marten" for q in _quotes(text))


def test_a_title_after_a_phrase_of_place_is_no_object_of_the_verb() -> None:
    text = "The ferry will run all winter, Mayor Ilse Marten wrote in her memoir, “Harbour Days.”"
    assert all(not q.text.startswith("in her memoir") for q in extract_article(text).quotes)
