"""Coreference inside one article: every mention of a person lands on one full name."""

from __future__ import annotations

import pytest

from extract import extract_article


def _speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in extract_article(text).quotes]


def test_surname_pronoun_and_description_resolve_to_the_full_name() -> None:
    text = (
        "Norwegian Defence Minister Kari Lund said on Monday that the fleet would be renewed.\n\n"
        "The new frigates will arrive in 2030, Lund told reporters.\n\n"
        "“We cannot wait any longer,” the minister said. “The old ships are worn out,” she added."
    )
    assert _speakers(text) == ["Kari Lund"] * 4
    speaker = extract_article(text).quotes[0].speaker
    assert speaker is not None
    assert speaker.office is not None and speaker.office.name == "Defense Minister"
    assert speaker.country is not None and (speaker.country.name, speaker.country.code) == ("Norway", "NO")
    assert {"Lund", "the minister"} <= set(speaker.aliases)


def test_a_demonym_description_picks_the_right_person() -> None:
    text = (
        "Finnish Prime Minister Aino Salo and Chilean President Mateo Rojas met in Lima.\n\n"
        "The talks were useful, the Chilean leader said.\n\n"
        "According to the Finnish PM, trade will double."
    )
    assert _speakers(text) == ["Mateo Rojas", "Aino Salo"]


def test_pronouns_follow_gender_when_the_article_shows_it() -> None:
    text = (
        "Mrs. Petra Lind met Mr. Omar Haddad on Friday.\n\n"
        "She said the deal was fair. He said it was too early to tell."
    )
    assert _speakers(text) == ["Petra Lind", "Omar Haddad"]


def test_pronouns_follow_the_sex_a_given_name_mostly_has() -> None:
    text = (
        "Susan Ward met Robert Hale on Friday to discuss the new toll.\n\n"
        "He said the toll was fair. She said it was too high."
    )
    assert _speakers(text) == ["Robert Hale", "Susan Ward"]


def test_a_name_inside_a_quote_is_not_a_pronoun_antecedent() -> None:
    text = "“The plan Omar Haddad proposed is sound,” Petra Lind said. “It deserves support,” she added."
    assert _speakers(text) == ["Petra Lind", "Petra Lind"]


def test_a_description_can_point_forward_to_a_name() -> None:
    text = (
        "The port will reopen soon, the transport minister has said\n\n"
        "Transport Minister Ivo Petrov said the repairs were nearly done."
    )
    assert _speakers(text) == ["Ivo Petrov", "Ivo Petrov"]


def test_groups_and_unknown_officials_are_nobody() -> None:
    text = "The bridge will close for a month, officials said. Several analysts said the cost was too high."
    assert _speakers(text) == [None, None]


def test_an_organisation_speaks() -> None:
    text = "The Swedish foreign ministry said that the embassy would stay open."
    (quote,) = extract_article(text).quotes
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.kind) == ("Swedish foreign ministry", "organization")
    assert quote.speaker.country is not None and quote.speaker.country.name == "Sweden"


def test_an_appositive_or_relative_clause_does_not_steal_the_speaker() -> None:
    text = (
        "Lena Ortiz, who once worked for Omar Haddad, said the agency needed money. "
        "Tom Reyes, a senator from Arizona, said that he agreed."
    )
    assert _speakers(text) == ["Lena Ortiz", "Tom Reyes"]


def test_a_bare_organisation_noun_is_the_latest_such_organisation_or_no_one() -> None:
    text = (
        "The Swedish foreign ministry said that the embassy would stay open.\n\n"
        "The ministry said the staff were safe. The company said its ferries would still run."
    )
    assert _speakers(text) == ["Swedish foreign ministry", "Swedish foreign ministry", None]


def test_an_office_holder_who_speaks_for_a_country_holds_its_office() -> None:
    text = "Prime Minister Jan Berg said that “Denmark will not send ships.”"
    speaker = extract_article(text).quotes[0].speaker
    assert speaker is not None and speaker.country is not None and speaker.country.name == "Denmark"


def test_a_shared_surname_goes_to_the_person_the_article_names_most() -> None:
    text = (
        "Senator Tom Reyes opened the hearing. Reyes spoke for an hour.\n\n"
        "His wife, Ana Reyes, sat in the front row.\n\n"
        "Reyes said the bill would pass."
    )
    assert _speakers(text) == ["Tom Reyes"]


def test_a_country_or_platform_as_subject_speaks_as_an_organisation() -> None:
    text = "Norway warned that the ferry would stop. The harbour would close, Twitter said."
    quotes = extract_article(text).quotes
    assert [(q.speaker.name, q.speaker.kind) for q in quotes if q.speaker] == [
        ("Norway", "organization"),
        ("Twitter", "organization"),
    ]


def test_an_inverted_speaker_may_be_named_after_a_description_and_comma() -> None:
    text = "“The quay stays shut,” said the harbour master, Ada Brook of the port authority."
    (quote,) = extract_article(text).quotes
    assert quote.speaker is not None and quote.speaker.name == "Ada Brook"


def test_an_acronym_after_the_is_an_organisation() -> None:
    text = "The pilot was visiting her daughter, according to the AP. The ferry was late, the BBC reported."
    assert _speakers(text) == ["AP", "BBC"]


def test_an_organisation_keeps_a_leading_new() -> None:
    assert _speakers("The storm hit. The New York Times reported that the pier had closed.") == [
        "New York Times"
    ]


def test_an_ambiguous_pronoun_match_does_not_fix_a_gender_for_the_whole_article() -> None:
    text = (
        "Mayor Ilse Marten met Tom Baker on the pier. She said the ferry would stay. "
        "Tom Baker left early. He said the toll was too high."
    )
    assert _speakers(text)[-1] == "Tom Baker"


def test_a_job_title_before_a_name_is_no_part_of_the_name() -> None:
    assert _speakers("The storm passed. Columnist Ann Lee said the pier had held up well.") == ["Ann Lee"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # a dash typed as a spaced hyphen closes the aside before the verb
            "The dockers back Tom Reyes. Tom Reyes - who once vowed to “sink the ferry” and the pier - "
            "said on Monday that the toll was fair.",
            "Tom Reyes",
        ),
        (  # a time phrase with no comma opens the sentence before its subject
            "On Sunday Mayor Ilse Marten wrote to the council again, saying that the toll was fair.",
            "Ilse Marten",
        ),
        (  # "how" opens a clause: the slot before "thinks" is "he" alone
            "Tom Baker went on the radio and outlined how he thinks the ferry could still pay.",
            "Tom Baker",
        ),
        (  # "then" after "And" opens the sentence before its subject
            "Tom Baker sat down. And then Tom Baker went on the attack, saying, “Is the toll fair?”",
            "Tom Baker",
        ),
        (  # a news dateline opens the sentence before its subject
            "Tom Baker sat down. HARBOURTOWN, Ore. - Mayor Ilse Marten pressed on, casting him as a "
            "friend of the ferry.",
            "Ilse Marten",
        ),
        (  # a state's abbreviation after a city is a place, not the speaker
            "Tom Baker sat down. At a rally in Dover, Del., Mayor Ilse Marten was blunt, claiming "
            "that the ferry was late.",
            "Ilse Marten",
        ),
        (  # words describing the speaker between the quotation and the title are the slot's
            "“The toll will sink us,” veteran analyst Tom Baker wrote this week, adding that the "
            "ferry could fold.",
            "Tom Baker",
        ),
        (  # an age before the name is no part of it
            "At a rally in Dover, 62-year-old Anna Brown railed against the toll, and explained how "
            "much it cost her.",
            "Anna Brown",
        ),
        (  # a long parenthetical aside between the name and the verb
            "Tom Baker sat down. Few pilots admit it, but Mayor Ilse Marten (a harbour pilot so young "
            "she was once taken for a cadet) says she was lost in her first weeks.",
            "Ilse Marten",
        ),
        (  # a firm and a title between the quotation and the name
            "“The toll will sink us,” HarbourLink co-founder Tom Baker told reporters.",
            "Tom Baker",
        ),
        (  # a description naming someone else before the speaker's name
            "“The toll will sink us,” former Anna Brown speechwriter Tom Baker wrote this week.",
            "Tom Baker",
        ),
        (  # a title before a given name and a word that also names an outlet
            "“The toll will sink us,” said Dover Mayor Don Guardian in an interview.",
            "Don Guardian",
        ),
        (  # a clause in the slot is no organisation's name: its subject speaks
            "Anna Brown arrived. At the time, she released a statement saying, “The ferry will run.”",
            "Anna Brown",
        ),
        (  # a verb phrase is no organisation's name
            "The toll was raised. The ferry company, which runs the harbour line, issued a statement "
            "Tuesday saying the toll was fair.",
            None,
        ),
    ],
)
def test_the_speaker_slot_stops_at_asides_openers_and_verbs(text: str, speaker: str | None) -> None:
    assert _speakers(text)[-1] == speaker


def test_an_appositive_after_the_speaker_does_not_lend_its_name() -> None:
    text = "“The toll is fair,” said Tom Baker, press secretary to Anna Brown, on Monday."
    assert _speakers(text) == ["Tom Baker"]
