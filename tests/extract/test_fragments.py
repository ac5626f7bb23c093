"""Quoted fragments: the verb object that carries words someone is quoted as using."""

from __future__ import annotations

from extract import extract_article


def _texts(text: str) -> list[str]:
    return [q.text for q in extract_article(text).quotes]


def test_a_naming_verb_carries_its_object_with_the_fragment() -> None:
    assert _texts("Mayor Ilse Marten called the ferry timetable “a shambles.”") == [
        "the ferry timetable “a shambles.”"
    ]


def test_a_verb_object_never_starts_with_the_comma_after_the_verb() -> None:
    text = "“The bridge will reopen,” Mayor Ilse Marten said, showing off the “Bridge Crew” hat of a worker."
    assert [t[:1] for t in _texts(text)] == ["T", "s"]
