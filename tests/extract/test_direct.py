"""Quotation marks: straight, curly, doubled apostrophes, mismatched, open at paragraph end."""

from __future__ import annotations

from extract import extract_article
from extract.direct import find_segments, headline_segments, mask


def _inner(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_segments(text, 0, len(text))]


def test_straight_curly_and_doubled_apostrophe_marks() -> None:
    assert _inner('He said "one two three" today.') == ["one two three"]
    assert _inner("He said “one two three” today.") == ["one two three"]
    assert _inner("He said ''one two three'' today.") == ["one two three"]


def test_mismatched_marks_still_pair() -> None:
    assert _inner('She said “we are ready now" and left.') == ["we are ready now"]


def test_a_double_quote_closed_by_a_single_mark_ends_there() -> None:
    text = "Ilse Marten wrote: “The pier opens at dawn.’ She spoke on Monday. Crowds came."
    assert _inner(text) == ["The pier opens at dawn."]
    text = "“We will rebuild the pier,’ Ilse Marten said. “It takes a year.”"
    assert _inner(text) == ["We will rebuild the pier,", "It takes a year."]
    (quote,) = extract_article("“We will rebuild the pier,’ Ilse Marten said on Monday. Rain fell.").quotes
    assert quote.text == "We will rebuild the pier,"
    assert quote.speaker is not None and quote.speaker.name == "Ilse Marten"


def test_a_single_mark_closing_an_inner_quote_or_an_apostrophe_leaves_a_quote_open() -> None:
    text = "“He told us ‘wait.’ Then he left the room and the dogs’ owners followed."
    (seg,) = find_segments(text, 0, len(text))
    assert not seg.closed and text[seg.start : seg.end] == text[1:]
    text = "“The minister’s plan is fair, and the dogs’ owners agree."
    (seg,) = find_segments(text, 0, len(text))
    assert not seg.closed and text[seg.start : seg.end] == text[1:]


def test_single_quotes_inside_stay_part_of_the_outer_quote() -> None:
    text = "“They told me ‘never again’ and walked out,” she said."
    assert _inner(text) == ["They told me ‘never again’ and walked out,"]
    assert _inner("“He said ‘no’ to us,” she said.") == ["He said ‘no’ to us,"]
    assert _inner("“The minister’s plan helps the dogs’ owners,” she said.") == [
        "The minister’s plan helps the dogs’ owners,"
    ]


def test_a_quote_left_open_runs_to_the_paragraph_end() -> None:
    text = "“We will keep the line open through winter."
    (seg,) = find_segments(text, 0, len(text))
    assert not seg.closed
    assert text[seg.start : seg.end] == "We will keep the line open through winter."


def test_mask_blanks_quoted_words_and_keeps_offsets() -> None:
    text = 'A "said" B'
    masked = mask(text, find_segments(text, 0, len(text)))
    assert len(masked) == len(text)
    assert "said" not in masked


def test_a_multi_paragraph_quote_keeps_its_speaker() -> None:
    text = (
        "Coach Dana Whitfield said: “We trained for this all season.\n\n"
        "“Nobody expected us to reach the final, but here we are.”\n"
    )
    (quote,) = extract_article(text).quotes  # the second paragraph goes on with the first
    assert quote.speaker is not None and quote.speaker.name == "Dana Whitfield"
    assert quote.text.endswith("but here we are.")


def test_a_quote_split_by_its_attribution_in_one_sentence_is_one_quote() -> None:
    text = "“The budget,” Mayor Ilse Marten said, “is balanced for the first time in years.”"
    (quote,) = extract_article(text).quotes
    assert quote.text == "The budget, is balanced for the first time in years."
    assert quote.speaker is not None and quote.speaker.name == "Ilse Marten"


def test_a_second_piece_with_its_own_cue_is_its_own_quote() -> None:
    text = (
        "“The harbour will stay open,” Mayor Ilse Marten said. "
        "“Ships will keep coming through the winter,” she added."
    )
    quotes = extract_article(text).quotes
    assert [q.text for q in quotes] == [
        "The harbour will stay open,",
        "Ships will keep coming through the winter,",
    ]
    assert {q.speaker.name for q in quotes if q.speaker} == {"Ilse Marten"}


def test_an_uncued_second_piece_joins_the_first() -> None:
    text = "“The harbour will stay open,” Mayor Ilse Marten said. “Ships will keep coming.”"
    (quote,) = extract_article(text).quotes
    assert quote.text == "The harbour will stay open, Ships will keep coming."
    assert text[quote.start : quote.end].startswith("“The harbour") and quote.end == len(text)


def test_scare_quotes_are_not_quotes() -> None:
    text = "The so-called “green corridor” opened on Monday to heavy traffic."
    assert extract_article(text).quotes == []


def test_a_short_uncued_fragment_is_a_label_unless_a_colon_introduces_it() -> None:
    text = "Mayor Ilse Marten rode the “ferry for all” service on Monday."
    assert extract_article(text).quotes == []
    text = "Mayor Ilse Marten shot back: “Not this winter.”"
    assert [q.text for q in extract_article(text).quotes] == ["Not this winter."]


def test_a_short_uncued_phrase_in_a_named_persons_sentence_is_theirs() -> None:
    text = "Mayor Ilse Marten is running on “a politics of hope” this year."
    assert [(q.text, q.speaker.name if q.speaker else None) for q in extract_article(text).quotes] == [
        ("a politics of hope", "Ilse Marten")
    ]


def test_a_two_word_uncued_phrase_stays_a_scare_quote() -> None:
    assert extract_article("Mayor Ilse Marten is running on “hopeful politics” this year.").quotes == []


def test_a_quotation_a_colon_introduces_is_a_quote_even_without_a_named_speaker() -> None:
    text = "A footnote in the harbour report makes the limits clear: “These figures leave out winter.”"
    (quote,) = extract_article(text).quotes
    assert (quote.kind.value, quote.text) == ("direct", "These figures leave out winter.")
    assert quote.speaker is None


def test_a_quoted_fragment_with_a_named_subject_is_a_quote() -> None:
    text = "The plan, which Ilse Marten later described as “bold, fair and overdue,” passed easily."
    (quote,) = extract_article(text).quotes
    assert quote.text == "which Ilse Marten later described as “bold, fair and overdue,”"
    assert quote.speaker is not None and quote.speaker.name == "Ilse Marten"


def test_an_inverted_attribution_inside_one_quotation() -> None:
    text = "“It is a hard choice,” said Senator Tom Reyes, “because both sides have a point.”"
    (quote,) = extract_article(text).quotes
    assert quote.text == "It is a hard choice, because both sides have a point."
    assert quote.speaker is not None and quote.speaker.name == "Tom Reyes"


def test_a_paragraph_that_is_only_a_quotation_goes_on_with_the_attributed_one_before_it() -> None:
    text = "“The harbour will stay open,” Mayor Ilse Marten said.\n\n“Ships will keep coming.”\n\nIt rained."
    (quote,) = extract_article(text).quotes
    assert quote.text == "The harbour will stay open, Ships will keep coming."
    text = "“The harbour will stay open,” Mayor Ilse Marten said.\n\n“Ships will keep coming,” she added."
    assert len(extract_article(text).quotes) == 2


def test_a_quoted_name_as_a_sentence_goes_on_with_the_quotation_before_it() -> None:
    text = "“We have one rival,” Mayor Ilse Marten said. “Tomas Brevik.”"
    (quote,) = extract_article(text).quotes
    assert quote.text == "We have one rival, Tomas Brevik."


def test_a_headline_quotes_in_single_marks_and_an_apostrophe_does_not_close() -> None:
    text = "Lee’s ‘new era’ for the ferry, not ‘16"
    assert [text[s.start : s.end] for s in headline_segments(text, 0, len(text), [])] == ["new era"]


def test_the_first_line_of_an_article_quotes_in_single_marks() -> None:
    text = "Ilse Marten delivers defense of ‘old harbour values’\n\nOSLO (AP) — The mayor spoke on Tuesday."
    quotes = extract_article(text).quotes
    assert [(q.kind.value, q.text) for q in quotes] == [("direct", "old harbour values")]
