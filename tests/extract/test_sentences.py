"""Sentence splitting: titles, initials and quotations do not end a sentence."""

from __future__ import annotations

import pytest

from extract.direct import find_segments
from extract.sentences import split


def _sentences(text: str) -> list[str]:
    segs = find_segments(text, 0, len(text))
    return [text[s.start : s.end] for s in split(text, 0, len(text), 0, segs)]


CASES = [
    pytest.param(
        "The vote passed. The mayor left early.",
        ["The vote passed.", "The mayor left early."],
        id="splits at full stops",
    ),
    pytest.param(
        "Sen. Ada Brook met Gen. R. T. Lowe in the U.S. Capitol. They talked.",
        ["Sen. Ada Brook met Gen. R. T. Lowe in the U.S. Capitol.", "They talked."],
        id="titles initials and country abbreviations do not end a sentence",
    ),
    pytest.param(
        "The ferry firm moved its office to the U.S. She says the move paid off.",
        ["The ferry firm moved its office to the U.S.", "She says the move paid off."],
        id="a country abbreviation ends a sentence before a pronoun",
    ),
    pytest.param(
        "“We won. We earned it,” the coach said. Fans cheered.",
        ["“We won. We earned it,” the coach said.", "Fans cheered."],
        id="a quotation of several sentences stays with its attribution",
    ),
    pytest.param(
        "He spoke first. ''Nobody listens,'' she said.",
        ["He spoke first.", "''Nobody listens,'' she said."],
        id="a sentence may start with doubled apostrophes",
    ),
    pytest.param(
        "“Can we win the county?” Mr. Hale asked. Nobody answered.",
        ["“Can we win the county?” Mr. Hale asked.", "Nobody answered."],
        id="a question quoted before its attribution stays with it",
    ),
    pytest.param(
        "“The quay is ready.” He said, twice, that the ferry would sail.",
        ["“The quay is ready.”", "He said, twice, that the ferry would sail."],
        id="a quotation ending in a full stop ends its sentence before he said",
    ),
    pytest.param(
        "“We will see,” the coach said. “[The board] has not called us.”",
        ["“We will see,” the coach said.", "“[The board] has not called us.”"],
        id="a quotation opening with an editorial bracket starts a sentence",
    ),
    pytest.param(
        "“The quay is closed.” Mr. Hale said. Fans left.",
        ["“The quay is closed.” Mr. Hale said.", "Fans left."],
        id="an attribution that is a whole sentence stays with the quotation before it",
    ),
    pytest.param(
        "“The quay is closed.” He said the ferry would wait.",
        ["“The quay is closed.”", "He said the ferry would wait."],
        id="a report after a quotation is a sentence of its own",
    ),
    pytest.param(
        "“We lost,” the coach said. “. . . and we will be back.”",
        ["“We lost,” the coach said.", "“. . . and we will be back.”"],
        id="a quotation opening with an ellipsis starts a sentence",
    ),
    pytest.param(
        "Reyes cited a study showing “the pier is safe.”“Your facts are wrong,” Kowal wrote.",
        ["Reyes cited a study showing “the pier is safe.”", "“Your facts are wrong,” Kowal wrote."],
        id="a closing mark run into the next opening one ends the sentence",
    ),
    pytest.param(
        "“We are close,” said Kowal.“Very close.”",
        ["“We are close,” said Kowal.", "“Very close.”"],
        id="an opening mark run on after a stop starts a sentence",
    ),
]
"""(text, its sentences): one construction each."""


@pytest.mark.parametrize(("text", "sentences"), CASES)
def test_sentences(text: str, sentences: list[str]) -> None:
    assert _sentences(text) == sentences
