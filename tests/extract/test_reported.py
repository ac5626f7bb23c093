"""Reported speech: the cue, its speaker and the words it attributes, typed direct/indirect/mixed."""

from __future__ import annotations

import pytest

from extract import extract_article
from extract.models import QuoteKind


def _found(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (q.kind.value, q.text, q.speaker.name if q.speaker else None) for q in extract_article(text).quotes
    ]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Mayor Ilse Marten said that the bridge would reopen.", "that the bridge would reopen", "said"),
        ("Mayor Ilse Marten said the bridge would reopen.", "the bridge would reopen", "said"),
        (
            "Mayor Ilse Marten said on Tuesday that the bridge would reopen.",
            "that the bridge would reopen",
            "said",
        ),
        ("The bridge would reopen, Mayor Ilse Marten said.", "The bridge would reopen", "said"),
        ("The bridge would reopen, said Mayor Ilse Marten.", "The bridge would reopen", "said"),
        (
            "Mayor Ilse Marten told reporters that the bridge would reopen.",
            "that the bridge would reopen",
            "told",
        ),
        (
            "The bridge would reopen, Mayor Ilse Marten told the radio station.",
            "The bridge would reopen",
            "told",
        ),
        (
            "According to Mayor Ilse Marten, the bridge would reopen.",
            "the bridge would reopen",
            "According to",
        ),
        (
            "The bridge would reopen, according to Mayor Ilse Marten.",
            "The bridge would reopen",
            "according to",
        ),
        ("Mayor Ilse Marten insisted the bridge would reopen.", "the bridge would reopen", "insisted"),
        (
            "Mayor Ilse Marten stressed that the bridge would reopen.",
            "that the bridge would reopen",
            "stressed",
        ),
        (
            "Mayor Ilse Marten revealed that the bridge would reopen.",
            "that the bridge would reopen",
            "revealed",
        ),
        (
            "Mayor Ilse Marten is now saying that the bridge would reopen.",
            "that the bridge would reopen",
            "saying",
        ),
        (
            "Mayor Ilse Marten pointed out that the bridge would reopen.",
            "that the bridge would reopen",
            "pointed out",
        ),
        (
            "Mayor Ilse Marten made it clear that the bridge would reopen.",
            "that the bridge would reopen",
            "made it clear",
        ),
        (
            "Mayor Ilse Marten proposed that the bridge would reopen.",
            "that the bridge would reopen",
            "proposed",
        ),
        (
            "Mayor Ilse Marten mused that the bridge would reopen.",
            "that the bridge would reopen",
            "mused",
        ),
        (
            "Mayor Ilse Marten has said for weeks that the bridge would reopen.",
            "that the bridge would reopen",
            "said",
        ),
        (
            "And Dover’s Ilse Marten, one of the few mayors on the board, said the bridge would reopen.",
            "the bridge would reopen",
            "said",
        ),
        (
            "Mayor Ilse Marten — a former engineer — said the bridge would reopen.",
            "the bridge would reopen",
            "said",
        ),
    ],
)
def test_indirect_speech(text: str, content: str, cue: str) -> None:
    (quote,) = extract_article(text).quotes
    assert (quote.kind, quote.text, quote.cue) == (QuoteKind.INDIRECT, content, cue)
    assert quote.speaker is not None and quote.speaker.name == "Ilse Marten"
    assert text[quote.start : quote.end] == content


def test_participles_report_the_main_clause_speaker() -> None:
    text = (
        "Mayor Ilse Marten praised the crews, saying that the bridge would reopen, "
        "adding that tolls would stay."
    )
    assert _found(text) == [
        ("indirect", "that the bridge would reopen", "Ilse Marten"),
        ("indirect", "that tolls would stay", "Ilse Marten"),
    ]


def test_a_quotation_after_a_participle_is_direct() -> None:
    text = "Mayor Ilse Marten rejected the claim, stating “this has never been on the table.”"
    assert _found(text) == [("direct", "this has never been on the table.", "Ilse Marten")]


def test_a_reported_clause_with_a_quoted_fragment_is_mixed() -> None:
    text = "Mayor Ilse Marten said the closure should not be “dragged out” any longer."
    assert _found(text) == [("mixed", "the closure should not be “dragged out” any longer", "Ilse Marten")]


def test_and_that_with_quotations_reports_two_things() -> None:
    text = "Mayor Ilse Marten said that “the bridge will reopen” and that tolls would “stay as they are.”"
    assert _found(text) == [
        ("direct", "the bridge will reopen", "Ilse Marten"),
        ("mixed", "that tolls would “stay as they are.”", "Ilse Marten"),
    ]


def test_plain_and_that_stays_one_report() -> None:
    text = "Mayor Ilse Marten said that the bridge would reopen and that tolls would stay."
    assert [t for _k, t, _s in _found(text)] == ["that the bridge would reopen and that tolls would stay"]


def test_and_that_with_one_quoted_part_stays_one_mixed_report() -> None:
    text = "Mayor Ilse Marten said that the bridge would reopen and that tolls would “stay as they are.”"
    assert _found(text) == [
        ("mixed", "that the bridge would reopen and that tolls would “stay as they are.”", "Ilse Marten")
    ]


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("The solution, the mayor told them, was simple.", "indirect", "The solution was simple"),
        ("The new pier, Mayor Ilse Marten said, “is a gift to the town.”", "mixed", None),
    ],
    ids=["unquoted", "quoted predicate"],
)
def test_an_attribution_inside_the_sentence_keeps_both_halves(
    text: str, kind: str, words: str | None
) -> None:
    (quote,) = extract_article(text).quotes
    assert (quote.start, quote.end) == (0, len(text.rstrip(".")))
    assert quote.kind.value == kind
    assert words is None or quote.text == words


def test_a_quotation_after_a_setting_and_a_mid_sentence_cue_is_the_quote_alone() -> None:
    text = "In May, Mayor Ilse Marten said, “We will open the pier.”"
    assert _found(text) == [("direct", "We will open the pier.", "Ilse Marten")]


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ilse Marten said the bridge would reopen, but did not say when.",
        "Mayor Ilse Marten said the bridge would reopen amid complaints from drivers.",
        "Mayor Ilse Marten said the bridge would reopen, as traffic kept growing.",
        "Mayor Ilse Marten said the bridge would reopen, but she has also raised the tolls.",
    ],
)
def test_the_writers_add_ons_are_not_reported_words(text: str) -> None:
    assert [t for _k, t, _s in _found(text)] == ["the bridge would reopen"]


def test_a_second_cue_in_the_sentence_starts_a_new_report() -> None:
    text = "Mayor Ilse Marten noted that costs were rising, but stressed that the work would finish."
    assert [t for _k, t, _s in _found(text)] == ["that costs were rising", "that the work would finish"]


@pytest.mark.parametrize(
    "text",
    [
        "The city announced the delivery of six new buses.",
        "As previously reported, the bridge was closed in May.",
        "The mayor responded by raising the budget.",
        # past-tense verbs that as often tell of a deed take a stance only with a named speaker
        "The speech focused on the plan for a second ferry terminal.",
        "Officials from ten ports discussed the plan for a second ferry terminal.",
        "Ferry traffic declined 8 percent in the first six months of the year.",
    ],
)
def test_not_reported_speech(text: str) -> None:
    assert _found(text) == []


def test_a_relative_who_takes_its_antecedent() -> None:
    text = "The vote went to Tom Reyes, who said he would serve one term."
    assert _found(text) == [("indirect", "he would serve one term", "Tom Reyes")]


def test_stance_verbs_report_their_object() -> None:
    text = "Senator Tom Reyes has railed against the new fishing quotas for northern ports."
    assert _found(text) == [("indirect", "the new fishing quotas for northern ports", "Tom Reyes")]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "Mayor Ilse Marten spoke about the long delays at the ferry terminal.",
            ["the long delays at the ferry terminal"],
        ),
        ("Mayor Ilse Marten spoke to reporters outside the ferry terminal on the quay.", []),
        ("Mayor Ilse Marten was talking with dock workers at the old ferry terminal.", []),
        (
            "Mayor Ilse Marten talked up the plan for a second ferry terminal.",
            ["the plan for a second ferry terminal"],
        ),
    ],
)
def test_speaking_reports_words_only_with_a_topic(text: str, reported: list[str]) -> None:
    assert [q.text for q in extract_article(text).quotes] == reported


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "Mayor Ilse Marten said the ferry would stop at Brevik Quay, which was rebuilt in the spring.",
            "the ferry would stop at Brevik Quay",
        ),
        (
            "Mayor Ilse Marten said the ferry, which was rebuilt in the spring, would stop at the quay.",
            "the ferry, which was rebuilt in the spring, would stop at the quay",
        ),
        (
            "Mayor Ilse Marten said the ferry would keep running, a promise the council doubts.",
            "the ferry would keep running",
        ),
        (
            "Mayor Ilse Marten said the night ferry would be full, compared with half full last year.",
            "the night ferry would be full",
        ),
    ],
)
def test_a_relative_clause_closing_the_sentence_is_the_writers(text: str, reported: str) -> None:
    assert [q.text for q in extract_article(text).quotes] == [reported]


def test_a_stance_object_ends_where_a_second_predicate_starts() -> None:
    text = "Mayor Ilse Marten criticized the new harbour toll schedule and later visited the quay."
    assert [q.text for q in extract_article(text).quotes] == ["the new harbour toll schedule"]


def test_a_named_object_ends_before_the_time_and_place() -> None:
    text = "Mayor Ilse Marten endorsed Tomas Brevik at a rally in the harbour district on Friday."
    assert all("rally" not in q.text for q in extract_article(text).quotes)


def test_a_quoted_label_in_a_verb_object_is_mixed() -> None:
    text = "Senator Tom Reyes called the new fishing quotas “a gift to trawlers.”"
    assert _found(text) == [("mixed", "the new fishing quotas “a gift to trawlers.”", "Tom Reyes")]


def test_a_quoted_verb_object_ends_before_the_next_report() -> None:
    text = "Senator Tom Reyes accuses the mayor of “hiding the bill” and Ilse Marten says the bill is public."
    assert _found(text) == [
        ("mixed", "the mayor of “hiding the bill”", "Tom Reyes"),
        ("indirect", "the bill is public", "Ilse Marten"),
    ]


def test_a_sentence_may_open_with_its_cue() -> None:
    text = "Said Dora Pyne, who grew up on the same street, “We were all so proud of him.”"
    assert _found(text) == [("direct", "We were all so proud of him.", "Dora Pyne")]


def test_a_second_verb_of_the_same_subject_reports_too() -> None:
    text = "Mayor Ilse Marten keeps her diary private but says she writes in it every night."
    assert _found(text) == [("indirect", "she writes in it every night", "Ilse Marten")]


def test_a_stance_participle_reports_for_the_speaker() -> None:
    text = "“It was a long night,” Mayor Ilse Marten said, referring to the storm that flooded the harbour."
    assert _found(text)[-1] == ("indirect", "the storm that flooded the harbour", "Ilse Marten")


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "A harbour survey released on Monday found that most ferry users want later sailings.",
            ["that most ferry users want later sailings"],
        ),
        (
            "Ferry users argue that the new timetable hurts night workers.",
            ["that the new timetable hurts night workers"],
        ),
        (
            "Records from the harbour office show that the quay was rebuilt twice.",
            ["that the quay was rebuilt twice"],
        ),
        ("The mayor opened the reality show “Harbour Lights” on Monday.", []),
        ("Councillor Tomas Brevik sounded a cautious note about the ferry budget.", []),
    ],
)
def test_findings_and_arguments_report_their_that_clause(text: str, reported: list[str]) -> None:
    assert [q.text for q in extract_article(text).quotes] == reported


def test_a_verb_followed_by_that_is_no_inverted_attribution() -> None:
    text = (
        "Exit polls from the harbour vote, which the mayor won, showed that most residents backed the ferry."
    )
    assert all("Exit polls" not in q.text for q in extract_article(text).quotes)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Tomas Brevik is confident that the ferry will return.", ["that the ferry will return"]),
        ("Tomas Brevik remains hopeful that the quay reopens in May.", ["that the quay reopens in May"]),
        ("A certain ferry captain sailed at dawn.", []),
        ("Tomas Brevik was aware that was a risk.", []),
    ],
)
def test_a_stance_adjective_reports_its_that_clause(text: str, reported: list[str]) -> None:
    quotes = extract_article(text).quotes
    assert [q.text for q in quotes] == reported
    assert all(q.speaker is not None and q.speaker.name == "Tomas Brevik" for q in quotes)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "Mayor Ilse Marten said during the council debate that she favours closing the bridge.",
            ["that she favours closing the bridge"],
        ),
        ("Mayor Ilse Marten told a briefing that the ferry would return.", ["that the ferry would return"]),
    ],
)
def test_that_is_found_past_a_preposition_or_noun_in_ing(text: str, reported: list[str]) -> None:
    assert [q.text for q in extract_article(text).quotes] == reported


def test_but_and_a_second_verb_end_a_quoted_object() -> None:
    text = (
        "Ilse Marten referred to Tomas Brevik as “a bright and tireless leader” "
        "but described his budget as a “work in progress.”"
    )
    assert [q.text for q in extract_article(text).quotes] == [
        "Tomas Brevik as “a bright and tireless leader”",
        "his budget as a “work in progress.”",
    ]


def test_adding_to_something_is_no_report() -> None:
    text = "Mayor Ilse Marten won the harbour district on Tuesday, adding to her lead over Tomas Brevik."
    assert extract_article(text).quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Tomas Brevik, who still speaks with difficulty, also noted that the ferry would return.",
        "Tomas Brevik, who attended the rally on Wednesday, said that the ferry would return.",
    ],
)
def test_a_relative_clause_before_the_cue_keeps_its_antecedent_as_speaker(text: str) -> None:
    assert _found(text) == [("indirect", "that the ferry would return", "Tomas Brevik")]


def test_a_three_word_stance_object_is_reported() -> None:
    text = "Senator Tom Reyes criticized the ferry tolls."
    assert _found(text) == [("indirect", "the ferry tolls", "Tom Reyes")]


def test_a_two_word_stance_object_is_reported_only_when_it_ends_the_sentence() -> None:
    assert _found("Senator Tom Reyes praised the crews.") == [("indirect", "the crews", "Tom Reyes")]
    assert _found("Senator Tom Reyes praised the crews, who sailed at night.") == []
    assert _found("Ilse Marten spoke first. Senator Tom Reyes endorsed Marten.") == [
        ("indirect", "Marten", "Tom Reyes")
    ]


def test_a_comma_inside_a_number_does_not_end_a_stance_object() -> None:
    text = "Senator Tom Reyes endorsed hiring 1,200 ferry crews before winter."
    assert _found(text) == [("indirect", "hiring 1,200 ferry crews before winter", "Tom Reyes")]


def test_according_to_inside_a_sentence_attributes_the_words_around_it() -> None:
    text = "Since May, according to the harbour report, the ferry has lost money every month."
    (quote,) = extract_article(text).quotes
    assert (quote.start, quote.end) == (0, len(text) - 1)
    assert quote.text == "Since May the ferry has lost money every month"


def test_a_relative_clause_after_according_to_glosses_the_source() -> None:
    text = "The ferry has lost money every month, according to Ann Lee, who audited the harbour."
    assert [t for _k, t, _s in _found(text)] == ["The ferry has lost money every month"]


def test_the_addressee_after_a_quotation_and_its_cue_is_no_report() -> None:
    text = "“The ferry runs again,” Mayor Ilse Marten told a crowd in Nashua, N.H. on Monday morning."
    assert _found(text) == [("direct", "The ferry runs again,", "Ilse Marten")]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "Another pollster, Ilse Marten of Brevik University, said her survey found the ferry popular.",
            "her survey found the ferry popular",
        ),
        ("Even Ilse Marten, a stalwart ferry fan, said it would be expensive.", "it would be expensive"),
    ],
)
def test_a_name_with_affiliation_or_opening_adverb_heads_the_slot(text: str, reported: str) -> None:
    assert _found(text) == [("indirect", reported, "Ilse Marten")]


def test_a_comma_before_a_cue_followed_by_a_clause_is_no_inversion() -> None:
    text = "The harbour office, for example, said its new ferry schedule would start in the spring."
    assert all("for example" not in q.text for q in extract_article(text).quotes)


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ilse Marten agreed to a ten-month moratorium on ferry fees.",
        "The harbour office continued its search for the ferry records near the quay.",
    ],
)
def test_agreeing_to_act_and_continuing_to_act_are_no_reports(text: str) -> None:
    assert extract_article(text).quotes == []


def test_continued_after_a_quotation_is_still_its_cue() -> None:
    text = "“The ferry runs again,” Mayor Ilse Marten continued."
    assert _found(text) == [("direct", "The ferry runs again,", "Ilse Marten")]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Tomas Brevik thinks the ferry will sail in May.", ["the ferry will sail in May"]),
        ("Tomas Brevik hopes they keep the night ferry.", ["they keep the night ferry"]),
        ("Tomas Brevik believed Oslo would pay for the quay.", ["Oslo would pay for the quay"]),
        ("Tomas Brevik believed in the ferry.", []),
        ("Tomas Brevik thinks so.", []),
        ("Tomas Brevik hopes to sail in May.", []),
    ],
)
def test_a_belief_verb_reports_a_clause_without_that(text: str, reported: list[str]) -> None:
    quotes = extract_article(text).quotes
    assert [q.text for q in quotes] == reported
    assert all(q.speaker is not None and q.speaker.name == "Tomas Brevik" for q in quotes)


def test_a_second_predicate_after_a_comma_ends_the_report() -> None:
    text = "Mayor Ilse Marten said the ferry would run all winter, and urged the council to fund it."
    assert [q.text for q in extract_article(text).quotes][:1] == ["the ferry would run all winter"]
    text = "Mayor Ilse Marten said the ferry was delayed and cancelled twice."
    assert [q.text for q in extract_article(text).quotes] == ["the ferry was delayed and cancelled twice"]


def test_a_quotation_reopened_after_its_cue_and_an_adjunct_goes_on() -> None:
    text = "“The ferry is late,” Mayor Ilse Marten said of the night service, “and we will fix it.”"
    assert _found(text) == [("direct", "The ferry is late, and we will fix it.", "Ilse Marten")]
    text = "“The ferry is late,” Mayor Ilse Marten said, adding, “We will fix it.”"
    assert [q for _k, q, _s in _found(text)] == ["The ferry is late,", "We will fix it."]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("In the short term, Tomas Brevik has vowed to block the ferry budget.", ["block the ferry budget"]),
        (
            "Addressing the harbour board, Tomas Brevik warned about the cost of the quay.",
            ["the cost of the quay"],
        ),
        (
            "At meeting after meeting, to loud applause, Tomas Brevik vows to cut the tolls.",
            ["cut the tolls"],
        ),
        (
            "In the three years since the fire, Tomas Brevik says, the quay has been rebuilt twice.",
            ["In the three years since the fire the quay has been rebuilt twice"],
        ),
    ],
)
def test_a_phrase_opening_the_sentence_is_no_reported_clause(text: str, reported: list[str]) -> None:
    assert [q.text for q in extract_article(text).quotes] == reported


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Tomas Brevik sounded a cautious note, citing the weather.", []),
        (
            "The timetable, ferry users note, has not changed since 1990.",
            ["The timetable has not changed since 1990"],
        ),
        ("The harbour office listed the sailings reported by the crews.", []),
    ],
)
def test_nouns_and_passives_are_no_cues(text: str, reported: list[str]) -> None:
    assert [q.text for q in extract_article(text).quotes] == reported


def test_a_name_with_a_verb_after_said_is_no_inverted_speaker() -> None:
    text = "Tomas Brevik, a former harbour clerk, said Ilse Marten described the ferry as safe."
    assert _found(text) == [("indirect", "Ilse Marten described the ferry as safe", "Tomas Brevik")]
    assert _found("The ferry is safe, said Ilse Marten last week.") == [
        ("indirect", "The ferry is safe", "Ilse Marten")
    ]


@pytest.mark.parametrize(
    ("text", "reported", "speaker"),
    [
        (
            "Tomas Brevik disputed Ilse Marten's claim that the ferry is safe.",
            "that the ferry is safe",
            "Ilse Marten",
        ),
        (
            "Tomas Brevik rejected the notion that the ferry is unsafe.",
            "that the ferry is unsafe",
            "Tomas Brevik",
        ),
        (
            "Tomas Brevik spoke first, repeating his warning that the quay may flood.",
            "that the quay may flood",
            "Tomas Brevik",
        ),
    ],
)
def test_a_noun_of_saying_reports_its_that_clause(text: str, reported: str, speaker: str) -> None:
    (quote,) = extract_article(text).quotes
    assert quote.text == reported
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_noun_of_saying_heading_the_subject_is_left_alone() -> None:
    assert extract_article("Ilse Marten's claim that the ferry is safe did not persuade anyone.").quotes == []


def test_a_noun_with_a_relative_that_and_a_name_called_hope_are_no_reports() -> None:
    assert extract_article("The claim that was made in May is false.").quotes == []
    assert _found("Press officer Hope Hicks said the ferry was late.") == [
        ("indirect", "the ferry was late", "Hope Hicks")
    ]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Mayor Ilse Marten told reporters the ferry would sail.", ["the ferry would sail"]),
        ("Mayor Ilse Marten told him she would sail.", ["she would sail"]),
        ("Mayor Ilse Marten told the story of the ferry.", []),
    ],
)
def test_told_and_its_addressee_report_a_clause_without_that(text: str, reported: list[str]) -> None:
    assert [q.text for q in extract_article(text).quotes] == reported


def test_an_addressee_with_a_possessive_is_skipped_up_to_that() -> None:
    assert _found("Mayor Ilse Marten told her crew that the ferry would sail at dawn.") == [
        ("indirect", "that the ferry would sail at dawn", "Ilse Marten")
    ]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "A person familiar with the planning for the harbour meeting on Thursday says "
            "the talks will focus on the ferry.",
            ["the talks will focus on the ferry"],
        ),
        ("Sen. Tomas Brevik (a harbour man all his life) says he was adrift.", ["he was adrift"]),
        ("Those who say the ferry is unsafe marched on Monday.", []),
    ],
)
def test_a_subject_too_long_for_the_slot_still_reports(text: str, reported: list[str]) -> None:
    assert [q.text for q in extract_article(text).quotes] == reported


def test_a_name_and_appositive_before_said_and_a_pronoun_clause_is_subject_and_report() -> None:
    text = "Ilse Marten, 60, a ferry pilot, said she was relieved by the vote."
    assert _found(text) == [("indirect", "she was relieved by the vote", "Ilse Marten")]
    text = "Ilse Marten spoke. Tomas Brevik, a former aide, said Marten described the vote as a relief."
    assert _found(text) == [("indirect", "Marten described the vote as a relief", "Tomas Brevik")]
    found = _found("The harbour office found the letter, reported it to the police.")
    assert all(text != "it to the police" for _k, text, _s in found)  # "it" heads no clause here


def test_a_year_before_the_comma_of_a_trailing_attribution_keeps_the_comma() -> None:
    text = "The quay was rebuilt in 2004, the harbour office reported."
    assert [t for _k, t, _s in _found(text)] == ["The quay was rebuilt in 2004"]


def test_a_place_closing_the_opening_phrase_is_not_the_subject() -> None:
    text = "At a rally in Dover, Delaware, Ilse Marten was blunt, claiming that the ferry was late."
    assert _found(text) == [("indirect", "that the ferry was late", "Ilse Marten")]


def test_a_report_inside_parentheses_ends_before_the_closing_one() -> None:
    text = "The quay reopened. (Ilse Marten said the ferry would follow in May.)"
    assert [t for _k, t, _s in _found(text)] == ["the ferry would follow in May"]


def test_speaking_on_condition_of_anonymity_is_no_topic_and_modifies_the_subject() -> None:
    text = "One harbour aide, speaking on condition of anonymity, said the ferry was late."
    assert [t for _k, t, _s in _found(text)] == ["the ferry was late"]


def test_a_pronoun_object_before_a_time_phrase_is_no_stance_report() -> None:
    assert _found("Ilse Marten spoke. Tomas Brevik, who endorsed her last week, was absent.") == []


def test_a_mixed_report_ends_with_a_quotation_closing_on_a_comma_before_a_gloss() -> None:
    text = "Mayor Ilse Marten said the toll plan was “about right,” though drivers saw it otherwise."
    assert _found(text) == [("mixed", "the toll plan was “about right,”", "Ilse Marten")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("After saying the bridge would reopen, Mayor Ilse Marten left the room.", "the bridge would reopen"),
        ("Mayor Ilse Marten, who thinks the toll is fair, voted for the plan.", "the toll is fair"),
        (
            "But if Mayor Ilse Marten said that the bridge would reopen, she was wrong.",
            "that the bridge would reopen",
        ),
    ],
)
def test_a_report_in_an_opening_or_relative_clause_ends_at_its_comma(text: str, content: str) -> None:
    assert _found(text) == [("indirect", content, "Ilse Marten")]


def test_a_report_in_an_opening_as_clause_ends_with_a_quotation_closing_on_its_comma() -> None:
    text = "Even as Mayor Ilse Marten said the toll “is fair to all,” Tomas Brevik called it a burden."
    assert _found(text)[0] == ("mixed", "the toll “is fair to all,”", "Ilse Marten")


def test_a_quoted_cry_is_the_quote_without_the_words_after_it() -> None:
    text = "Tomas Brevik shouted “Shame on you!” at Mayor Ilse Marten during the harbour meeting."
    assert _found(text) == [("direct", "Shame on you!", "Tomas Brevik")]


def test_a_participle_coordinated_after_a_quotation_ends_the_report() -> None:
    text = "Ilse Marten made her name writing a memoir called “Harbour Days” and leading a port board."
    assert _found(text) == [("mixed", "a memoir called “Harbour Days”", "Ilse Marten")]


def test_a_mixed_report_interrupted_by_its_attribution_goes_on_with_the_quotation_after() -> None:
    text = "The toll “is a fair deal,” Mayor Ilse Marten says, “but drivers want it lower.”"
    (quote,) = extract_article(text).quotes
    assert (quote.kind, quote.speaker and quote.speaker.name) == (QuoteKind.MIXED, "Ilse Marten")
    assert (quote.start, quote.end) == (0, len(text))


def test_a_report_resuming_after_its_attribution_is_one_span() -> None:
    text = "The bridge would reopen soon, Mayor Ilse Marten said on Monday, with crews working all night."
    (quote,) = extract_article(text).quotes
    assert (quote.kind, quote.speaker and quote.speaker.name) == (QuoteKind.INDIRECT, "Ilse Marten")
    assert text[quote.start : quote.end] == text[:-1]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "The toll increase, which Mayor Ilse Marten has said was a mistake, will stay.",
            "which Mayor Ilse Marten has said was a mistake",
        ),
        (
            "The council dropped the toll, a levy Mayor Ilse Marten said was a mistake.",
            "a levy Mayor Ilse Marten said was a mistake",
        ),
    ],
    ids=["relative pronoun", "no relative pronoun"],
)
def test_a_relative_pronoun_subject_belongs_to_the_report(text: str, reported: str) -> None:
    assert _found(text) == [("indirect", reported, "Ilse Marten")]


def test_a_negated_stance_verb_reports_its_object_and_keeps_the_negator() -> None:
    (quote,) = extract_article("Mayor Ilse Marten did not endorse the new toll plan.").quotes
    assert (quote.text, quote.cue) == ("the new toll plan", "not endorse")
    assert quote.speaker is not None and quote.speaker.name == "Ilse Marten"


def test_a_stance_verb_in_the_progressive_reports_its_object_without_the_setting() -> None:
    text = "Mayor Ilse Marten is praising the new toll plan at a rally in Dover."
    assert _found(text) == [("indirect", "the new toll plan", "Ilse Marten")]
    assert _found("The new toll plan is praised by drivers.") == []


def test_call_for_and_point_to_are_stances_but_call_alone_is_not() -> None:
    assert _found("Mayor Ilse Marten called for a ban on trucks on the old bridge.") == [
        ("indirect", "a ban on trucks on the old bridge", "Ilse Marten")
    ]
    assert _found("Mayor Ilse Marten pointed to the falling toll revenue.") == [
        ("indirect", "the falling toll revenue", "Ilse Marten")
    ]
    assert _found("Mayor Ilse Marten called the old bridge a hazard.") == []


def test_asking_someone_to_act_reports_the_request_and_a_quotation_after_it_wins() -> None:
    assert _found("Mayor Ilse Marten asked the council to approve the new budget.") == [
        ("indirect", "the council to approve the new budget", "Ilse Marten")
    ]
    quoted = _found("Mayor Ilse Marten asked the crowd at the pier, “Are there any questions for me?”")
    assert all("“" in t for _k, t, _s in quoted)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mayor Ilse Marten declined to comment on the new toll plan.", "to comment on the new toll plan"),
        ("Mayor Ilse Marten refused to back the new toll plan.", "to back the new toll plan"),
        ("Mayor Ilse Marten referred to the new toll plan as a tax.", "the new toll plan as a tax"),
        ("Mayor Ilse Marten considers the new toll a fair deal.", "the new toll a fair deal"),
    ],
)
def test_stance_verbs_keep_an_infinitive_object_whole(text: str, content: str) -> None:
    assert _found(text) == [("indirect", content, "Ilse Marten")]


def test_a_stance_object_keeps_its_relative_clause() -> None:
    text = "Mayor Ilse Marten favors a toll on trucks, which the council rejected."
    assert _found(text) == [("indirect", "a toll on trucks, which the council rejected", "Ilse Marten")]


def test_a_group_in_a_relative_clause_reports_with_no_speaker_unless_it_is_the_subject() -> None:
    assert _found("The plan angered teachers unions who said the law punished them.") == [
        ("indirect", "the law punished them", None)
    ]
    assert _found("Those who said the toll was fair voted for the mayor.") == []


def test_a_stance_object_ends_before_a_second_predicate() -> None:
    text = "Mayor Ilse Marten has opposed the new toll plan and has called its costs a burden."
    assert _found(text) == [("indirect", "the new toll plan", "Ilse Marten")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("A poll last week showed Mayor Ilse Marten ahead.", "Mayor Ilse Marten ahead"),
        ("Recent polls show most drivers support the toll.", "most drivers support the toll"),
    ],
)
def test_a_poll_reports_its_finding_without_that_and_names_no_speaker(text: str, content: str) -> None:
    assert _found(text) == [("indirect", content, None)]
    assert _found("The new TV show pleased viewers.") == []


def test_seeing_something_as_something_is_a_judgment_but_seeing_is_not() -> None:
    assert _found("Mayor Ilse Marten sees the new toll as a fair deal.") == [
        ("indirect", "the new toll as a fair deal", "Ilse Marten")
    ]
    assert _found("Mayor Ilse Marten saw the crowd at the old pier.") == []
    assert _found("Mayor Ilse Marten painted the toll as a burden on drivers.") == [
        ("indirect", "the toll as a burden on drivers", "Ilse Marten")
    ]
    assert _found("Mayor Ilse Marten painted the old pier last summer.") == []


@pytest.mark.parametrize("dash", ["-", "--", "—", "–"])
def test_a_quotation_set_off_by_dashes_with_its_own_cue_is_not_part_of_the_report_before_it(
    dash: str,
) -> None:
    text = (
        f"Mayor Ilse Marten suggested that the plan was weak {dash} “We need the details first,” "
        f"she said {dash} and warned that costs would rise."
    )
    assert _found(text) == [
        ("indirect", "that the plan was weak", "Ilse Marten"),
        ("direct", "We need the details first,", "Ilse Marten"),
        ("indirect", "that costs would rise", "Ilse Marten"),
    ]


def test_the_pronoun_of_a_dash_aside_is_the_reporter_not_the_person_talked_about() -> None:
    text = (
        "Senator Tom Reyes backed the plan.\n\nMayor Ilse Marten suggested that the plan of Reyes was weak"
        " - “We need the details first,” she said - and left."
    )
    assert ("direct", "We need the details first,", "Ilse Marten") in _found(text)


def test_a_quotation_set_off_by_dashes_after_plain_words_is_the_cues_alone() -> None:
    text = "Mayor Ilse Marten defended the budget - “It is the fairest plan we have,” she said - and left."
    assert _found(text) == [("direct", "It is the fairest plan we have,", "Ilse Marten")]
    text = "The budget — “the fairest plan we have had,” Mayor Ilse Marten said — passed on Monday."
    assert _found(text) == [("direct", "the fairest plan we have had,", "Ilse Marten")]
    text = "Mayor Ilse Marten met Senator Tom Reyes — “We agree on the harbour,” he said — before the vote."
    assert _found(text) == [("direct", "We agree on the harbour,", "Tom Reyes")]


@pytest.mark.parametrize(
    "subject",
    [
        "A harbour official, speaking on condition of anonymity,",
        "A harbour official, who asked not to be named,",
    ],
)
def test_a_subject_with_a_participle_or_relative_clause_is_not_the_report(subject: str) -> None:
    text = f"The council met on Monday. {subject} said the ferry would stop in May."
    assert _found(text) == [("indirect", "the ferry would stop in May", None)]


@pytest.mark.parametrize(
    "subject",
    [
        "Ferry operators, for their part, argue",
        "The harbour board, citing its own figures, reported",
        "The mayor praised drivers who said",
    ],
)
def test_a_subject_naming_no_one_still_reports_a_clause(subject: str) -> None:
    text = f"The council met on Monday. {subject} that the toll was too high."
    assert _found(text) == [("indirect", "that the toll was too high", None)]


def test_a_reporting_noun_after_a_preposition_or_a_subject_relative_is_no_report() -> None:
    text = (
        "The harbour board voted to keep the old ferry running through the winter amid reports that it leaks."
    )
    assert _found(text) == []
    assert _found("The council met. Residents who fear that the toll will rise stayed home.") == []


@pytest.mark.parametrize("cue", ["suggested", "confirmed", "predicted", "announced"])
def test_a_strict_cue_before_a_subject_pronoun_reports_a_clause_without_that(cue: str) -> None:
    text = f"Mayor Ilse Marten {cue} she would close the old pier in May."
    assert _found(text) == [("indirect", "she would close the old pier in May", "Ilse Marten")]
    assert _found("Mayor Ilse Marten knew she would lose the vote in May.") == []


@pytest.mark.parametrize("dash", ["--", "—", "–"])
def test_a_quotation_broken_by_a_dash_aside_is_one_report(dash: str) -> None:
    quote = (
        f"“We will not raise the toll” {dash} not this year, at least {dash} “and we will keep the ferry,”"
    )
    text = f"The council met. {quote} Mayor Ilse Marten said."
    assert _found(text) == [("mixed", quote, "Ilse Marten")]


def test_a_quotation_after_a_semicolon_is_the_cues_alone() -> None:
    text = "The budget was late; “We need more time,” Mayor Ilse Marten said, and left the room."
    assert _found(text) == [("direct", "We need more time,", "Ilse Marten")]


def test_a_name_before_a_relative_clause_running_to_the_cue_is_the_speaker() -> None:
    text = "The banker Tom Baker, who ran the harbour in 2012, said on Monday that he would go."
    assert _found(text) == [("indirect", "that he would go", "Tom Baker")]


@pytest.mark.parametrize("dash", ["-", "—", "–"])
def test_a_gloss_after_the_last_dash_is_the_writers(dash: str) -> None:
    text = f"Mayor Ilse Marten said she was “encouraged” by the vote {dash} a rare win for the harbour board."
    assert _found(text) == [("mixed", "she was “encouraged” by the vote", "Ilse Marten")]
    text = f"Mayor Ilse Marten said two ferries would stop in May {dash} including the night boat."
    assert _found(text) == [
        ("indirect", f"two ferries would stop in May {dash} including the night boat", "Ilse Marten")
    ]


def test_a_clause_of_time_after_the_quoted_words_of_a_report_is_the_writers() -> None:
    text = "Mayor Ilse Marten says she is “proud of the crews” as she faces a hard vote on the ferry."
    assert _found(text) == [("mixed", "she is “proud of the crews”", "Ilse Marten")]


def test_a_question_put_to_someone_is_the_askers_report() -> None:
    assert _found("Senator Tom Reyes asked whether the ferry would run in winter.") == [
        ("indirect", "whether the ferry would run in winter", "Tom Reyes")
    ]
    assert _found("When asked how the toll would be spent, Mayor Ilse Marten smiled.") == [
        ("indirect", "how the toll would be spent", None)
    ]


def test_a_document_subject_reports_with_a_stance_verb() -> None:
    text = "The council met. The report cited an internal review as the source of the leak."
    assert _found(text) == [("indirect", "an internal review as the source of the leak", None)]


def test_a_participle_whose_slot_names_no_one_reports_for_the_sentence_subject() -> None:
    text = "Mayor Ilse Marten has been making this case all week and boldly claiming that the ferry pays."
    assert _found(text) == [("indirect", "that the ferry pays", "Ilse Marten")]


def test_a_name_before_a_comma_aside_of_time_is_the_speaker() -> None:
    text = "Ilse Marten, after the row about the ferry broke in March, initially said that all was well."
    assert _found(text) == [("indirect", "that all was well", "Ilse Marten")]
    text = "Mayor Ilse Marten spoke.\n\nMarten, after the row broke in March, later said that all was well."
    assert ("indirect", "that all was well", "Ilse Marten") in _found(text)


def test_a_that_after_another_reporting_verb_is_that_verbs_report() -> None:
    text = (
        "“It is wrong to say the ferry lost money,” Tom Baker said after Mayor Ilse Marten argued"
        " again that “the pier costs too much.”"
    )
    assert _found(text) == [
        ("direct", "It is wrong to say the ferry lost money,", "Tom Baker"),
        ("direct", "the pier costs too much.", "Ilse Marten"),
    ]


def test_a_reported_quotation_followed_only_by_a_setting_is_direct() -> None:
    assert _found("In a long reply, Mayor Ilse Marten said “ferry” five times.") == [
        ("direct", "ferry", "Ilse Marten")
    ]


def test_a_report_in_a_relative_clause_set_off_by_dashes_ends_at_the_second_dash() -> None:
    text = (
        'The harbour boss Tom Baker - who once said he would "sink the old ferry" in the bay - said at a'
        " rally that the pier should close."
    )
    assert [(k, t) for k, t, _who in _found(text)] == [
        ("mixed", 'he would "sink the old ferry" in the bay'),
        ("indirect", "that the pier should close"),
    ]


def test_the_speakers_own_feeling_after_the_quoted_words_goes_on_with_the_report() -> None:
    text = "Mayor Ilse Marten said the toll is “fair” and she feels it will stay in place."
    assert _found(text) == [
        ("mixed", "the toll is “fair” and she feels it will stay in place", "Ilse Marten")
    ]


def test_a_bare_verb_of_saying_after_and_goes_on_with_the_reported_clause() -> None:
    text = (
        "Tom Baker says he would sit the mayor down and tell her “no more delays” and tells the crowd he won."
    )
    assert _found(text) == [
        ("mixed", "he would sit the mayor down and tell her “no more delays”", "Tom Baker"),
        ("indirect", "he won", "Tom Baker"),
    ]


def test_a_cue_after_a_contracted_pronoun_reports_for_that_pronoun() -> None:
    text = "Tom Baker spoke first. He’s argued for years that the pier is unsafe."
    assert _found(text) == [("indirect", "that the pier is unsafe", "Tom Baker")]
    assert _found("The mayor’s said list was long.") == []


def test_a_short_subject_with_a_sentence_adverb_set_off_by_commas_reports() -> None:
    assert _found("The council met. Others, however, say a new toll is overdue.") == [
        ("indirect", "a new toll is overdue", None)
    ]


def test_a_subject_with_a_quoting_participle_phrase_still_reports_after_the_cue() -> None:
    text = "The council met. Tom Baker, citing “the old magic of the harbour,” said the ferry would pay."
    assert _found(text) == [
        ("direct", "the old magic of the harbour,", "Tom Baker"),
        ("indirect", "the ferry would pay", "Tom Baker"),
    ]


def test_participles_that_report_only_before_a_clause() -> None:
    text = "Mayor Ilse Marten spoke for an hour, implying that the ferry would stop."
    assert _found(text) == [("indirect", "that the ferry would stop", "Ilse Marten")]
    text = "Mayor Ilse Marten says the council is acting unlawfully and showing disregard for the harbour."
    assert _found(text) == [
        ("indirect", "the council is acting unlawfully and showing disregard for the harbour", "Ilse Marten")
    ]


def test_a_comma_closing_a_fronted_when_clause_does_not_end_the_report() -> None:
    text = "Tom Baker said that when the ferry ran well, the mayor was a “good partner.”"
    assert _found(text) == [
        ("mixed", "that when the ferry ran well, the mayor was a “good partner.”", "Tom Baker")
    ]


def test_a_gerund_subject_after_an_interrupting_cue_goes_on_with_the_report() -> None:
    text = (
        "While a few clerks could get a warning, she added, revoking their passes would be “far too harsh.”"
    )
    quotes = extract_article(text).quotes
    assert [(q.kind.value, q.text) for q in quotes] == [
        ("mixed", "While a few clerks could get a warning revoking their passes would be “far too harsh.”")
    ]


def test_a_setting_between_a_cue_and_according_to_is_no_report() -> None:
    text = "“We will win,” Mayor Ilse Marten said during the closed session, according to an aide."
    assert _found(text) == [("direct", "We will win,", "Ilse Marten")]


def test_a_contrast_clause_before_according_to_is_the_writers() -> None:
    text = (
        "While most ferries were marked safe, according to a harbour official, two were “badly out of date.”"
    )
    assert _found(text) == [("mixed", "two were “badly out of date.”", None)]


def test_who_after_a_dash_reports_for_the_name_before_it() -> None:
    text = 'The harbour boss Tom Baker - who once said he would "sink the old ferry" - left early.'
    assert _found(text)[0] == ("mixed", 'he would "sink the old ferry"', "Tom Baker")


def test_any_adverb_in_ly_before_a_cue_is_skipped_for_the_speaker_slot() -> None:
    text = "The storm passed. The CIA eventually learned that the pier had held up well."
    assert _found(text) == [("indirect", "that the pier had held up well", "CIA")]


def test_a_passive_with_an_adverb_before_a_stance_verb_is_no_stance() -> None:
    text = "Ilse Marten is the mayor of Harbourtown. Marten was widely praised for the new ferry line."
    assert _found(text) == []


def test_a_group_takes_a_stance_with_a_past_tense_verb_and_no_speaker_named() -> None:
    text = "The harbour pilots endorsed the plan for a second ferry terminal."
    assert _found(text) == [("indirect", "the plan for a second ferry terminal", None)]


def test_an_organisation_takes_a_stance_with_a_past_tense_verb() -> None:
    text = "The Harbourtown council on Monday urged the regional government to fund the second pier."
    assert _found(text) == [("indirect", "the regional government to fund the second pier", "Harbourtown")]


def test_a_stance_participle_before_by_is_a_passive() -> None:
    text = "Tomas Brevik, an aide to Mayor Ilse Marten, praised by the whole council, won the seat."
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mayor Ilse Marten expressed alarm at the plan to close the harbour school.",
            "alarm at the plan to close the harbour school",
        ),
        (
            "Mayor Ilse Marten pressed the regional government to fund the second pier.",
            "the regional government to fund the second pier",
        ),
        ("Mayor Ilse Marten has backed a new toll on the coastal road.", "a new toll on the coastal road"),
    ],
)
def test_verbs_of_expressing_and_pressing_report_a_stance(text: str, content: str) -> None:
    assert _found(text) == [("indirect", content, "Ilse Marten")]


def test_backing_away_from_a_plan_is_no_stance() -> None:
    assert _found("Mayor Ilse Marten backed away from the plan to close the harbour school.") == []


def test_an_object_naming_only_an_opinion_is_no_content() -> None:
    assert _found("Mayor Ilse Marten expressed her views on the plan to close the harbour school.") == []


def test_a_quotation_after_a_later_participle_leaves_the_fronted_report_to_its_cue() -> None:
    text = "Brevik’s “excesses” are sickening, Ilse Marten said Tuesday in Oslo, noting the mayor “had lost.”"
    assert _found(text) == [
        ("mixed", "Brevik’s “excesses” are sickening", "Ilse Marten"),
        ("mixed", "the mayor “had lost.”", "Ilse Marten"),
    ]


def test_an_adverb_ending_the_report_before_an_inverted_cue_is_not_the_slot() -> None:
    text = "The group uses the same photo over and over again, said Ilse Marten, the director of the club."
    assert _found(text) == [("indirect", "The group uses the same photo over and over again", "Ilse Marten")]


def test_a_one_word_subject_before_an_interrupting_cue_opens_the_report() -> None:
    text = "Voters, Ilse Marten suggested, need not worry about the new toll."
    assert _found(text) == [("indirect", "Voters need not worry about the new toll", "Ilse Marten")]


def test_a_stance_object_ends_before_and_with_a_verb_of_saying() -> None:
    text = "Mayor Ilse Marten praised the harbour crews on the night shift and said they had saved the pier."
    assert _found(text) == [
        ("indirect", "the harbour crews on the night shift", "Ilse Marten"),
        ("indirect", "they had saved the pier", "Ilse Marten"),
    ]


def test_a_contracted_pronoun_after_an_addressee_opens_the_told_clause() -> None:
    assert _found("Ilse Marten told reporters they’d have to wait.") == [
        ("indirect", "they’d have to wait", "Ilse Marten")
    ]


def test_a_contracted_pronoun_after_a_strict_cue_opens_its_clause() -> None:
    assert _found("Ilse Marten confirmed she’s leaving the council.") == [
        ("indirect", "she’s leaving the council", "Ilse Marten")
    ]


def test_a_report_opening_like_a_setting_is_the_report_when_only_a_time_follows_its_cue() -> None:
    assert _found("Today the harbour is safer than it was, Ilse Marten said on Thursday.") == [
        ("indirect", "Today the harbour is safer than it was", "Ilse Marten")
    ]


def test_a_sentence_opening_asked_with_a_question_reports_the_question() -> None:
    assert _found("Asked whether the toll would rise, Mayor Ilse Marten said she did not know.") == [
        ("indirect", "whether the toll would rise", None),
        ("indirect", "she did not know", "Ilse Marten"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Asked on Tuesday about the new toll, Mayor Ilse Marten said she did not know.",
            [("indirect", "about the new toll", None), ("indirect", "she did not know", "Ilse Marten")],
        ),
        (
            "Asked about it during the debate, Mayor Ilse Marten said she did not know.",
            [("indirect", "she did not know", "Ilse Marten")],
        ),
    ],
)
def test_a_passive_asked_about_reports_its_topic(text: str, found: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == found


def test_the_asker_of_a_passive_question_follows_by() -> None:
    text = "Asked by Tomas Brevik whether the toll would rise, Mayor Ilse Marten said she did not know."
    assert _found(text) == [
        ("indirect", "whether the toll would rise", "Tomas Brevik"),
        ("indirect", "she did not know", "Ilse Marten"),
    ]


def test_a_noun_cue_after_an_opening_preposition_reports_up_to_the_phrase_comma() -> None:
    text = "Despite Mr. Brevik's claims that his wealth exceeds ten million, the firms put him far lower."
    assert _found(text) == [("indirect", "that his wealth exceeds ten million", "Brevik")]


def test_reassuring_someone_reports_what_they_are_told() -> None:
    text = "Mayor Ilse Marten sent a statement reassuring voters that the ferry would sail in May."
    assert _found(text) == [("indirect", "that the ferry would sail in May", "Ilse Marten")]


def test_a_short_opening_phrase_before_a_closing_cue_is_no_report() -> None:
    assert _found("But even after the ferry sank, the borrowing continued.") == []


def test_a_contracted_pronoun_after_a_second_predicate_cue_opens_the_report() -> None:
    text = "Tomas Brevik offered the man a job at the pier, then says he’ll welcome advice from anyone."
    assert _found(text) == [("indirect", "he’ll welcome advice from anyone", "Tomas Brevik")]


def test_a_clause_participle_reports_before_a_contracted_pronoun() -> None:
    assert _found("Mayor Ilse Marten spoke for an hour, hinting she’d run again.") == [
        ("indirect", "she’d run again", "Ilse Marten")
    ]


def test_a_relative_that_before_a_cue_is_the_subject_of_a_report_opening_on_its_verb() -> None:
    text = "She has the kind of job that many economists say is the future of the harbour town."
    assert _found(text) == [("indirect", "that many economists say is the future of the harbour town", None)]


def test_a_stance_gerund_after_by_reports_for_the_sentence_subject() -> None:
    assert _found("Mayor Ilse Marten began by talking about the harbour town's drug crisis.") == [
        ("indirect", "the harbour town's drug crisis", "Ilse Marten")
    ]


def test_a_stance_gerund_after_a_subordinator_reports_for_the_sentence_subject() -> None:
    assert _found("Mayor Ilse Marten lost support after questioning the board's plan for the pier.") == [
        ("indirect", "the board's plan for the pier", "Ilse Marten")
    ]


def test_a_description_before_the_name_after_a_report_is_the_speakers() -> None:
    text = "The ferry will not sail in May, the mayor's spokesman, Tomas Brevik, said in an email."
    assert _found(text) == [("indirect", "The ferry will not sail in May", "Tomas Brevik")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Mayor Ilse Marten took aim at the harbour board's plan for the pier.",
            [("indirect", "the harbour board's plan for the pier", "Ilse Marten")],
        ),
        (
            "Mayor Ilse Marten raised concerns about the ferry's safety record.",
            [("indirect", "the ferry's safety record", "Ilse Marten")],
        ),
        ("Mayor Ilse Marten took the ferry to Bergen on Sunday.", []),
        (
            "Mayor Ilse Marten doubled down on her plan for a second pier.",
            [("indirect", "her plan for a second pier", "Ilse Marten")],
        ),
    ],
)
def test_set_phrases_take_a_stance(text: str, found: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == found


def test_spelling_out_a_plan_reports_its_object() -> None:
    assert _found("Mayor Ilse Marten did not spell out her plan for a second pier.") == [
        ("indirect", "her plan for a second pier", "Ilse Marten")
    ]


def test_touching_on_a_topic_reports_it() -> None:
    assert _found("Mayor Ilse Marten touched briefly on the plan for a second pier.") == [
        ("indirect", "the plan for a second pier", "Ilse Marten")
    ]


def test_verbs_of_praise_and_complaint_report_a_stance() -> None:
    assert _found("Mayor Ilse Marten bemoaned the harbour board's failure to fund the pier.") == [
        ("indirect", "the harbour board's failure to fund the pier", "Ilse Marten")
    ]


def test_shot_back_attributes_the_quotation_before_it() -> None:
    text = "“Let me talk,” Mayor Ilse Marten shot back."
    assert _found(text) == [("direct", "Let me talk,", "Ilse Marten")]


def test_signaled_reports_a_that_clause() -> None:
    assert _found("Mayor Ilse Marten has signaled that she will sign the pier bill.") == [
        ("indirect", "that she will sign the pier bill", "Ilse Marten")
    ]


def test_assurances_that_report_their_owners_clause() -> None:
    assert _found("The harbour council rejected Ilse Marten's assurances that the pier would be safe.") == [
        ("indirect", "that the pier would be safe", "Ilse Marten")
    ]


def test_a_second_verb_of_saying_after_and_is_a_report_of_its_own() -> None:
    text = "Mayor Ilse Marten said the pier toll was fair and praised the harbour crews for their work."
    assert _found(text) == [
        ("indirect", "the pier toll was fair", "Ilse Marten"),
        ("indirect", "the harbour crews for their work", "Ilse Marten"),
    ]


def test_a_state_verb_after_and_goes_on_with_the_reported_clause() -> None:
    text = "Mayor Ilse Marten said the harbour board is neutral and supports both ferry lines."
    assert _found(text) == [
        ("indirect", "the harbour board is neutral and supports both ferry lines", "Ilse Marten")
    ]


def test_a_quotation_after_a_colon_is_the_report_of_the_cue_after_it() -> None:
    text = (
        "When asked to confirm Holt’s role in the “harbour fund” talks, a second official did so, "
        "but with a caveat: “The figures will change,” the official said."
    )
    assert _found(text)[-1] == ("direct", "The figures will change,", None)


def test_a_listed_object_goes_on_past_its_commas() -> None:
    listed = "children in the parks, cafes full of diners, and a town of “grit and hope.”"
    assert _found(f"Mayor Ilse Marten described {listed}") == [("mixed", listed, "Ilse Marten")]


def test_a_last_item_opening_on_a_verb_is_no_part_of_the_object() -> None:
    text = "Mayor Ilse Marten praised the pier crews, thanked pilots, and later criticized the harbour board."
    assert _found(text)[0] == ("indirect", "the pier crews", "Ilse Marten")


def test_a_question_is_attributed_to_who_asked_it() -> None:
    text = "Mayor Ilse Marten said the pier budget was final.\n\n“Is that all?” Tom Reyes asked."
    assert _found(text)[-1] == ("direct", "Is that all?", "Tom Reyes")
    assert _found("Mayor Ilse Marten asked: “Why wait?”") == [("direct", "Why wait?", "Ilse Marten")]
    assert _found("Mayor Ilse Marten asked the harbour board to wait.")[0][2] == "Ilse Marten"


def test_a_dash_aside_before_an_inverted_quotation_is_the_writers() -> None:
    text = (
        "If the pier plan is failing — as critics allege and the mayor denies — “why would you not "
        "ask?” said Tom Reyes, a former aide."
    )
    assert _found(text) == [("direct", "why would you not ask?", "Tom Reyes")]


def test_a_verb_of_manner_attributes_the_quotation_before_it() -> None:
    text = (
        "Mayor Ilse Marten said the pier budget was final.\n\n“Not this year,” the chief, Tom Reyes, laughed."
    )
    assert _found(text)[-1] == ("direct", "Not this year,", "Tom Reyes")
    assert _found("Mayor Ilse Marten urged the harbour board to wait.")[0][2] == "Ilse Marten"


def test_according_to_after_a_quotation_names_its_speaker() -> None:
    text = (
        "Mayor Ilse Marten said the pier budget was final.\n\n“We will fight this,” according to Tom Reyes."
    )
    assert _found(text)[-1] == ("direct", "We will fight this,", "Tom Reyes")


def test_but_she_feels_goes_on_with_the_quoted_report() -> None:
    said = "there is a “long way to go” but she feels confident the pier will “surprise everyone.”"
    assert _found(f"Ilse Marten says {said}") == [("mixed", said, "Ilse Marten")]


def test_a_quoted_clause_after_and_is_reported_without_the_writers_clause() -> None:
    said = "the pier panel is unlikely to be “overrun with hardliners,”"
    assert _found(f"Delegates rank their choices, and {said} Reyes said.") == [("mixed", said, "Reyes")]


def test_a_second_participle_of_saying_after_and_is_a_report_of_its_own() -> None:
    text = "Reyes defended Marten, saying she was a pioneer and calling her “a born sailor.”"
    assert _found(text) == [
        ("indirect", "she was a pioneer", "Reyes"),
        ("mixed", "her “a born sailor.”", "Reyes"),
    ]
    text = "Ilse Marten said she was disturbed by the board condoning and encouraging the protests."
    assert len(_found(text)) == 1


def test_a_name_in_apposition_before_its_verb_reports_nothing() -> None:
    assert _found("Ilse Marten spoke first. Her husband, Tom Reyes, agreed. The pier vote followed.") == []
    assert _found("The pier fee is fair, Tom Reyes agreed.") == [
        ("indirect", "The pier fee is fair", "Tom Reyes")
    ]


def test_a_verb_of_loud_or_quiet_speech_attributes_the_quotation_before_it() -> None:
    text = "Mayor Ilse Marten said the pier budget was final.\n\n“Not this year,” Tom Reyes muttered."
    assert _found(text)[-1] == ("direct", "Not this year,", "Tom Reyes")


def test_an_epithet_before_the_speakers_name_is_no_obstacle() -> None:
    text = "Mayor Ilse Marten said the pier budget was final.\n\n“Not this year,” an angry Tom Reyes said."
    assert _found(text)[-1] == ("direct", "Not this year,", "Tom Reyes")


@pytest.mark.parametrize("cue", ["allowed", "posited", "clarified", "confessed", "figured", "calculated"])
def test_more_strict_cues_report_a_that_clause(cue: str) -> None:
    assert _found(f"Mayor Ilse Marten {cue} that the pier was late.") == [
        ("indirect", "that the pier was late", "Ilse Marten")
    ]


def test_allowed_a_thing_reports_nothing() -> None:
    assert _found("The harbour board allowed the ferry to dock.") == []


def test_a_quotation_a_document_reads_is_not_the_last_speakers() -> None:
    text = "Mayor Ilse Marten said the pier budget was final.\n\n“No entry,” the pier sign reads."
    assert _found(text)[-1][2] != "Ilse Marten"
    text = "Ian Read runs the pier.\n\n“We will fight this,” Read said."
    assert _found(text) == [("direct", "We will fight this,", "Ian Read")]


def test_a_headline_verb_after_a_quoted_term_is_a_second_predicate() -> None:
    assert _found("Kowal declares ‘victory,’ ignores losses") == [("direct", "victory,", "Kowal")]


def test_a_programme_named_in_the_setting_is_no_quotation() -> None:
    assert _found("“We are close,” Kowal said on CBS’s “Harbour Today.”") == [
        ("direct", "We are close,", "Kowal")
    ]
    text = "Reyes said on NBC’s “Harbour Today” on Sunday that Kowal had misled the board."
    assert _found(text) == [("indirect", "that Kowal had misled the board", "Reyes")]


def test_and_a_pronoun_with_a_past_verb_after_a_comma_starts_a_new_clause() -> None:
    text = "Reyes said the pier was safe, and he railed against the board for its delays."
    assert _found(text)[0] == ("indirect", "the pier was safe", "Reyes")


@pytest.mark.parametrize(
    "subject",
    ["Tom Reyes, who called the plan “a disaster,”", "Tom Reyes, author of “The Harbour Book,”"],
)
def test_a_quotation_in_the_subjects_aside_leaves_the_report_after_the_cue(subject: str) -> None:
    assert _found(f"{subject} said the board had the votes.")[-1] == (
        "indirect",
        "the board had the votes",
        "Tom Reyes",
    )


def test_was_quoted_as_saying_attributes_to_the_subject() -> None:
    text = (
        "Anna Kowal spoke first.\n\n“We are far apart,” Tom Reyes was quoted as saying by the Harbour Times."
    )
    assert _found(text)[-1] == ("direct", "We are far apart,", "Tom Reyes")
    text = "Anna Kowal spoke first.\n\nTom Reyes was quoted as saying the talks were far apart."
    assert _found(text)[-1] == ("indirect", "the talks were far apart", "Tom Reyes")


@pytest.mark.parametrize("verb", ["sniped", "objected", "raged", "groused", "remembered"])
def test_more_verbs_of_saying_report_before_and_after(verb: str) -> None:
    assert _found(f"The toll is a tax on the poor, Mayor Ilse Marten {verb}.") == [
        ("indirect", "The toll is a tax on the poor", "Ilse Marten")
    ]
    assert _found(f"Mayor Ilse Marten {verb} that the toll is a tax on the poor.") == [
        ("indirect", "that the toll is a tax on the poor", "Ilse Marten")
    ]


def test_a_contrast_after_a_quotation_closing_on_its_comma_ends_the_report() -> None:
    text = "Mayor Ilse Marten sniped that the toll was “a tax on the poor,” while her aides drafted a plan."
    assert _found(text) == [("mixed", "that the toll was “a tax on the poor,”", "Ilse Marten")]


def test_a_contrast_after_a_dash_is_the_writers() -> None:
    text = "Mayor Ilse Marten implied that the ferry was late - although the timetable showed it on time."
    assert _found(text) == [("indirect", "that the ferry was late", "Ilse Marten")]
