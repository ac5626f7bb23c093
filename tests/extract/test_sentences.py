"""Sentence splitting: titles, initials and quotations do not end a sentence."""

from __future__ import annotations

from extract.direct import find_segments
from extract.sentences import split


def _sentences(text: str) -> list[str]:
    segs = find_segments(text, 0, len(text))
    return [text[s.start : s.end] for s in split(text, 0, len(text), 0, segs)]


def test_splits_at_full_stops() -> None:
    assert _sentences("The vote passed. The mayor left early.") == [
        "The vote passed.",
        "The mayor left early.",
    ]


def test_titles_initials_and_country_abbreviations_do_not_end_a_sentence() -> None:
    text = "Sen. Ada Brook met Gen. R. T. Lowe in the U.S. Capitol. They talked."
    assert _sentences(text) == ["Sen. Ada Brook met Gen. R. T. Lowe in the U.S. Capitol.", "They talked."]


def test_a_country_abbreviation_ends_a_sentence_before_a_pronoun() -> None:
    text = "The ferry firm moved its office to the U.S. She says the move paid off."
    assert _sentences(text) == ["The ferry firm moved its office to the U.S.", "She says the move paid off."]


def test_a_quotation_of_several_sentences_stays_with_its_attribution() -> None:
    text = "“We won. We earned it,” the coach said. Fans cheered."
    assert _sentences(text) == ["“We won. We earned it,” the coach said.", "Fans cheered."]


def test_a_sentence_may_start_with_doubled_apostrophes() -> None:
    text = "He spoke first. ''Nobody listens,'' she said."
    assert _sentences(text) == ["He spoke first.", "''Nobody listens,'' she said."]


def test_a_question_quoted_before_its_attribution_stays_with_it() -> None:
    text = "“Can we win the county?” Mr. Hale asked. Nobody answered."
    assert _sentences(text) == ["“Can we win the county?” Mr. Hale asked.", "Nobody answered."]


def test_a_quotation_ending_in_a_full_stop_ends_its_sentence_before_he_said() -> None:
    text = "“The quay is ready.” He said, twice, that the ferry would sail."
    assert _sentences(text) == [
        "“The quay is ready.”",
        "He said, twice, that the ferry would sail.",
    ]


def test_a_quotation_opening_with_an_editorial_bracket_starts_a_sentence() -> None:
    text = "“We will see,” the coach said. “[The board] has not called us.”"
    assert _sentences(text) == ["“We will see,” the coach said.", "“[The board] has not called us.”"]


def test_an_attribution_that_is_a_whole_sentence_stays_with_the_quotation_before_it() -> None:
    text = "“The quay is closed.” Mr. Hale said. Fans left."
    assert _sentences(text) == ["“The quay is closed.” Mr. Hale said.", "Fans left."]
    text = "“The quay is closed.” He said the ferry would wait."
    assert _sentences(text) == ["“The quay is closed.”", "He said the ferry would wait."]


def test_a_quotation_opening_with_an_ellipsis_starts_a_sentence() -> None:
    text = "“We lost,” the coach said. “. . . and we will be back.”"
    assert _sentences(text) == ["“We lost,” the coach said.", "“. . . and we will be back.”"]


def test_a_closing_mark_run_into_the_next_opening_one_ends_the_sentence() -> None:
    text = "Reyes cited a study showing “the pier is safe.”“Your facts are wrong,” Kowal wrote."
    assert _sentences(text) == [
        "Reyes cited a study showing “the pier is safe.”",
        "“Your facts are wrong,” Kowal wrote.",
    ]


def test_an_opening_mark_run_on_after_a_stop_starts_a_sentence() -> None:
    text = "“We are close,” said Kowal.“Very close.”"
    assert _sentences(text) == ["“We are close,” said Kowal.", "“Very close.”"]
