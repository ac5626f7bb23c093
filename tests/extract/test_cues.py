"""Reporting cues: which words attribute, and what each needs after it."""

from __future__ import annotations

import pytest

from extract import extract_article
from extract.cues import ATTITUDE_VERBS, COMPLEMENT_VERBS, find_cues, kind_of


@pytest.mark.parametrize(
    ("cue", "kind"),
    [
        ("said", "speech"),
        ("insisted", "speech"),
        ("announced", "strict"),
        ("denied", "strict"),
        ("saying", "participle"),
        ("according to", "according"),
        ("expressed concern", "phrase"),
    ],
)
def test_kinds(cue: str, kind: str) -> None:
    assert kind_of(cue) == kind


def test_passive_and_adjectival_uses_are_not_cues() -> None:
    text = "As reported earlier, the said plan was told to wait, the mayor said."
    assert [m.group() for m in find_cues(text, 0, len(text))] == ["said"]


def test_verb_forms_are_inflected_from_lemmas() -> None:
    assert {"called", "calls", "calling", "decried", "referred", "slammed", "wrote"} <= COMPLEMENT_VERBS
    assert {"endorsed", "railed", "criticizes"} <= ATTITUDE_VERBS


def test_only_a_one_syllable_verb_doubles_its_last_consonant_and_irregular_forms_are_known() -> None:
    assert {"slammed", "admitted", "credited", "threatened", "sought"} <= COMPLEMENT_VERBS | ATTITUDE_VERBS
    assert not {"creditted", "threatenned", "targetted"} & (COMPLEMENT_VERBS | ATTITUDE_VERBS)


def test_a_participle_inside_a_compound_word_is_no_cue() -> None:
    text = "The tax-writing committee met."
    assert find_cues(text, 0, len(text)) == []


def test_posted_reports_after_a_comma_or_before_that() -> None:
    text = "The pilot was visiting her daughter, the harbour church posted on Facebook."
    assert [q.text for q in extract_article(text).quotes] == ["The pilot was visiting her daughter"]
    assert extract_article("The harbour church posted a photo of the ferry.").quotes == []


def test_adding_with_an_object_after_a_verb_is_a_gerund() -> None:
    text = "Mayor Ilse Marten said that Reyes had opposed adding new fees to the pier bill."
    assert [q.text for q in extract_article(text).quotes] == [
        "that Reyes had opposed adding new fees to the pier bill"
    ]
    text = "Mayor Ilse Marten praised the pier bill, adding it would help the harbour."
    assert [q.text for q in extract_article(text).quotes][-1] == "it would help the harbour"


def test_a_cue_word_after_a_preposition_or_a_past_tense_verb_is_a_plural_noun() -> None:
    text = "“We will win,” Tom Morrison said, referring to reports that the toll may rise."
    quotes = extract_article(text).quotes
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("We will win,", "Tom Morrison"),
        ("reports that the toll may rise", "Tom Morrison"),
    ]
    assert find_cues("Tom Morrison cited reports that the toll may rise.", 0, 50) == []
