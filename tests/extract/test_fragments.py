"""Quoted fragments: the verb object that carries words someone is quoted as using."""

from __future__ import annotations

import pytest

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


def _quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in extract_article(text).quotes]


def test_a_relative_clause_goes_on_with_the_noun_its_quoted_term_modifies() -> None:
    text = "The ferry line has started what Mayor Ilse Marten calls “predatory” pricing of winter tickets."
    assert _quotes(text) == [
        ("what Mayor Ilse Marten calls “predatory” pricing of winter tickets", "Ilse Marten")
    ]


def test_a_relative_clause_that_is_the_subject_ends_with_its_quoted_term() -> None:
    text = "The row over what Mayor Ilse Marten called a “fair deal” took an odd turn in the spring."
    assert _quotes(text) == [("what Mayor Ilse Marten called a “fair deal”", "Ilse Marten")]


def test_a_relative_pronoun_before_a_describing_verb_opens_the_quote() -> None:
    text = "Tomas Brevik met the harbour master, whom Ilse Marten once described as “a born sailor.”"
    assert _quotes(text) == [("whom Ilse Marten once described as “a born sailor.”", "Ilse Marten")]


def test_a_longer_quotation_after_described_as_stands_alone() -> None:
    text = "The plan, which Ilse Marten described as “slow, costly and badly planned from the start,” passed."
    assert _quotes(text) == [("slow, costly and badly planned from the start,", "Ilse Marten")]


def test_a_fragment_closing_on_its_comma_ends_the_verb_object() -> None:
    text = "Mayor Ilse Marten called the toll “unfair,” and her deputy has since asked for a review."
    assert _quotes(text) == [("the toll “unfair,”", "Ilse Marten"), ("a review", None)]


def test_a_dash_typed_as_a_spaced_hyphen_ends_the_verb_object() -> None:
    text = "Mayor Ilse Marten promised the ferry would run “all winter long” - and the council agreed."
    assert [t for t, _ in _quotes(text)] == ["the ferry would run “all winter long”"]


def test_a_naming_participle_takes_in_the_noun_it_names() -> None:
    text = "Mayor Ilse Marten praised a short film called “Harbour Days” at the festival."
    assert _quotes(text) == [("a short film called “Harbour Days”", "Ilse Marten")]


def test_a_so_called_term_is_no_naming_participle() -> None:
    text = "Mayor Ilse Marten attacked the so called “ferry tax” again."
    assert all(not t.startswith("the so called") for t, _ in _quotes(text))


def test_a_subject_pronoun_before_a_naming_verb_is_no_named_noun() -> None:
    text = "Mayor Ilse Marten defended the plan, which she called “the fair route” for the ferry."
    assert all("defended" not in t and "the plan" not in t for t, _ in _quotes(text))


def test_a_quoted_term_modifying_a_noun_takes_the_noun_phrase_into_the_object() -> None:
    text = "Mayor Ilse Marten portrayed “reckless” drivers as the cause of the crashes."
    assert _quotes(text) == [("“reckless” drivers as the cause of the crashes", "Ilse Marten")]


def test_a_coordinated_participle_after_the_fragment_starts_a_new_clause() -> None:
    text = "Mayor Ilse Marten spent Monday praising the toll as “a fair deal” and urging drivers to pay it."
    assert _quotes(text) == [("the toll as “a fair deal”", "Ilse Marten")]


def test_a_naming_participle_that_is_no_verb_of_saying_still_carries_its_noun() -> None:
    text = "At an event billed as “Ferries for Everyone,” Mayor Ilse Marten unveiled a plan."
    assert [t for t, _ in _quotes(text)] == ["an event billed as “Ferries for Everyone,”"]


def test_a_clause_of_its_own_after_and_ends_a_verb_object() -> None:
    text = "Mayor Ilse Marten spared Tom Baker, calling him a “decent man” and she gave no view of Ann Lee."
    assert "him a “decent man”" in _texts(text)


def test_verbs_of_uttering_carry_a_quoted_fragment() -> None:
    assert _texts("Mayor Ilse Marten waved to the crowd, mouthing “thank you” toward the stage.") == [
        "thank you"
    ]
    text = "Mayor Ilse Marten said “never again.” The crowd followed her by softly echoing “never again.”"
    assert _texts(text) == ["never again.", "never again."]


def test_a_for_gerund_holding_the_fragment_makes_the_outer_verbs_object_the_quote() -> None:
    text = "Senator Ann Lee slammed the mayor for not calling the levy a “harbour tax.”"
    assert _texts(text) == ["the mayor for not calling the levy a “harbour tax.”"]


def test_a_naming_noun_after_a_determiner_is_no_verb_unless_nothing_else_governs() -> None:
    text = "Senator Ann Lee slammed the mayor for not using the term “harbour tax.”"
    assert _texts(text) == ["the mayor for not using the term “harbour tax.”"]
    assert _texts("In recent days the mayor and her aides have all used the term “ferry crisis.”") == [
        "ferry crisis."
    ]


def test_a_quotation_after_a_short_verb_object_is_mixed_with_it() -> None:
    text = "Tom Baker went after the mayor, calling her “a total failure on the ferry.”"
    quotes = extract_article(text).quotes
    assert [(q.kind.value, q.text) for q in quotes] == [("mixed", "her “a total failure on the ferry.”")]


def test_a_setting_after_the_quoted_fragment_is_not_part_of_the_object() -> None:
    assert _texts("Tom Baker called the toll “a scandal” in a speech on Monday.") == ["the toll “a scandal”"]
    assert _texts("Tom Baker posted a note reading “Thank you, Dover” moments after the vote.") == [
        "“Thank you, Dover”"
    ]


def test_seeing_something_as_a_quoted_term_is_a_judgment_that_carries_it() -> None:
    text = (
        "The columnist Ann Lee sees the plan as a return to the old “harbour politics,” which had long gone."
    )
    assert _texts(text) == ["the plan as a return to the old “harbour politics,”"]


def test_speaking_to_a_quoted_programme_is_no_report() -> None:
    text = "Speaking to “Harbour Today” on Monday, Mayor Ilse Marten refrained from attacking her rivals."
    assert extract_article(text).quotes == []
    quotes = extract_article("Mayor Ilse Marten spoke briefly about a “new dawn” for the pier.").quotes
    assert [q.text for q in quotes] == ["a “new dawn” for the pier"]


def test_but_rather_goes_on_with_the_quoted_object() -> None:
    said = "the board would not truly “cancel” the pier fee, but rather move it to next year"
    assert [q.text for q in extract_article(f"Experts note {said}.").quotes] == [said]


def test_a_reason_after_a_quoted_judgment_is_part_of_it() -> None:
    said = "the pier “a mistake” because so few boats dock there"
    assert [q.text for q in extract_article(f"Mayor Ilse Marten calls {said}.").quotes] == [said]


def test_a_named_subject_doing_its_own_thing_after_and_ends_the_object() -> None:
    text = (
        "Unions backed Kowal, with the dockers calling her “the champion we need” "
        "and union chief Tom Reyes hugging her."
    )
    assert [q.text for q in extract_article(text).quotes] == ["her “the champion we need”"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (  # "opposing" after "an" is an adjective: the verb is "dismissed"
            "Mayor Ilse Marten dismissed the rumour as a sign of an opposing campaign in “disarray.”",
            ("the rumour as a sign of an opposing campaign in “disarray.”", "Ilse Marten"),
        ),
        (  # a bare weekday and what follows it are the writer's setting
            "Mayor Ilse Marten defended the toll as a “fair deal” Tuesday, hours after the vote.",
            ("the toll as a “fair deal”", "Ilse Marten"),
        ),
        (
            "Mayor Ilse Marten offered herself as a “law and order” candidate.",
            ("herself as a “law and order” candidate", "Ilse Marten"),
        ),
        (
            "Mayor Ilse Marten credited the crews for “a tireless week.”",
            ("the crews for “a tireless week.”", "Ilse Marten"),
        ),
    ],
)
def test_a_judging_verb_carries_its_object_as_far_as_the_fragment(
    text: str, quote: tuple[str, str | None]
) -> None:
    assert _quotes(text) == [quote]


def test_the_person_a_fragment_describes_is_not_its_speaker() -> None:
    text = (
        "This past spring, harbour chief Ilse Marten called the merger “a bad deal” and ranked "
        "Tom Baker as one of the worst planners “in the history of the port.”"
    )
    assert _quotes(text)[-1] == (
        "Tom Baker as one of the worst planners “in the history of the port.”",
        "Ilse Marten",
    )


def test_an_order_carries_its_object_and_the_quoted_infinitive() -> None:
    text = "Tom Baker ran the night shift. Mayor Ilse Marten ordered the port to “stay open all night.”"
    assert _quotes(text) == [("the port to “stay open all night.”", "Ilse Marten")]


def test_with_no_subject_found_the_named_subject_of_a_verb_speaks_not_its_object() -> None:
    text = (
        "There were sharper words, as when Tom Baker knocked Anna Brown on tolls and called her "
        "a “spendthrift.”"
    )
    assert _quotes(text) == [("her a “spendthrift.”", "Tom Baker")]
