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
