"""Person names in running text, with the titles and appositives around them."""

from __future__ import annotations

import re

import pytest

from extract.names import find_names


def _lower(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z][\w-]*", text))


def _names(text: str) -> list[str]:
    return [m.name for m in find_names(text, _lower(text))]


def test_names_with_initials_particles_and_accents() -> None:
    text = "The talks between J. R. Okafor, Ursula van der Berg and Tomás Novák ended."
    assert _names(text) == ["J. R. Okafor", "Ursula van der Berg", "Tomás Novák"]


def test_the_title_before_a_name_belongs_to_the_mention() -> None:
    text = "Yesterday Norwegian Defence Minister Kari Lund spoke."
    (m,) = find_names(text, frozenset())
    assert text[m.start : m.name_start] == "Norwegian Defence Minister "
    assert m.title.office is not None and m.title.office.name == "Defense Minister"
    assert m.title.country is not None and m.title.country.name == "Norway"


def test_an_office_appositive_belongs_to_the_mention() -> None:
    text = "Lena Ortiz, Director of the Chilean Space Agency (ACE), said so."
    (m,) = find_names(text, frozenset())
    assert text[m.start : m.end] == "Lena Ortiz, Director of the Chilean Space Agency (ACE)"
    assert m.title.office is not None and m.title.office.name == "Director of the Space Agency"
    assert m.title.organization == "ACE"


def test_a_relative_clause_is_not_an_appositive() -> None:
    text = "Lena Ortiz, who runs the agency, said so."
    (m,) = find_names(text, frozenset())
    assert m.end == m.name_end


def test_organisations_and_sentence_openers_are_not_people() -> None:
    text = "Western leaders met. The Daily Herald reported it. Facing pressure, Omar Haddad resigned."
    assert _names(text) == ["Omar Haddad"]


def test_a_capitalised_opener_the_article_also_writes_in_lower_case_is_not_a_name() -> None:
    text = "Numerous ministers came. The numerous delays annoyed Petra Lind."
    assert _names(text) == ["Petra Lind"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Dozens of workers came. Given the delays, they left.", []),
        ("Kowal came. The delays annoyed him.", ["Kowal"]),  # no dictionary word: a surname
        ("Brown came. The delays annoyed him.", []),
        ("Brown came. The delays annoyed Anna Brown.", ["Brown", "Anna Brown"]),
        ("Senator Brown came. The delays annoyed him.", ["Brown"]),
        ("Many Germans and Hispanics came, and Millennials left.", []),  # peoples and groups
    ],
)
def test_a_lone_opener_that_is_a_dictionary_word_is_a_name_only_if_the_article_says_so(
    text: str, names: list[str]
) -> None:
    assert _names(text) == names


def test_honorifics_give_a_gender() -> None:
    (m,) = find_names("Mrs. Petra Lind arrived.", frozenset())
    assert m.gender == "female"
    assert m.name == "Petra Lind"


def test_places_are_not_people_and_bill_is_a_name() -> None:
    text = "Voters in South Carolina and Iowa heard former President Bill Clinton."
    assert _names(text) == ["Bill Clinton"]


def test_a_capitalised_word_the_article_also_writes_in_lower_case_is_no_name_part() -> None:
    text = (
        "Blogger Jane Roe spoke. Every blogger came. Then Jane Roe Responds was the headline: she responds."
    )
    assert _names(text) == ["Jane Roe", "Jane Roe"]


def test_a_long_headline_run_keeps_its_last_word() -> None:
    text = "Nine Angry Things Jane Roe Has Done. She has been busy and angry, and things are tense."
    assert "Jane Roe" not in _names(text)


def test_a_title_word_after_an_honorific_is_a_surname() -> None:
    assert _names("The ferry was late, Mr. Prince and Ms. Bishop said.") == ["Prince", "Bishop"]


def test_a_surname_in_ly_opening_a_sentence_is_a_name_when_written_inside_one_too() -> None:
    text = "Rep. Dana Kelly spoke first. Kelly voted no. Clearly the vote was close."
    assert _names(text) == ["Dana Kelly", "Kelly"]


def test_a_capitalised_word_before_an_organisation_word_is_no_name() -> None:
    assert _names("The storm hit. The Associated Press reported that the pier had closed.") == []


def test_a_capitalised_run_after_the_ending_its_noun_phrase_is_a_things_name() -> None:
    assert _names("Those not yet on the Baker Train, Tom Baker said, should join.") == ["Tom Baker"]
    assert _names("Staff on the Ann Lee campaign cheered.") == ["Ann Lee"]


def test_a_participle_opening_a_sentence_is_no_name() -> None:
    text = "Informed of the vote, Anna Kowal left. Ted Reyes stayed."
    assert [m.name for m in find_names(text, frozenset())] == ["Anna Kowal", "Ted Reyes"]


def test_a_country_after_a_given_name_is_its_surname() -> None:
    assert _names("Rep. Dana Israel and Carl Jordan spoke.") == ["Dana Israel", "Carl Jordan"]
    names = _names("Leaders of East Germany and Working America met.")
    assert not any(name.endswith(("Germany", "America")) for name in names)  # a place, a group


def test_a_title_word_after_a_given_name_is_the_surname() -> None:
    assert _names("Matthew Prince, chief executive of a ferry firm, spoke.")[0] == "Matthew Prince"
    assert _names("Ohio Sen. Anna Brown spoke, and Prince Harry listened.") == ["Anna Brown", "Harry"]


def test_a_given_name_before_a_word_that_also_names_a_firm_is_a_person() -> None:
    assert _names("Last year, Michael Bloomberg spoke. Grace Church opened, and Bloomberg News wrote.") == [
        "Michael Bloomberg"
    ]


def test_local_offices_are_titles_not_names() -> None:
    (m,) = find_names("Harbour County Recorder Helen Purcell spoke.", frozenset())
    assert m.name == "Helen Purcell"
    assert m.title.office is not None and m.title.office.name == "County Recorder"


def test_dotted_initials_alone_are_a_place_or_country_not_a_name() -> None:
    assert _names("At a rally in Concord, N.H., 14-year-old Anna Brown spoke of the U.S. role.") == [
        "Anna Brown"
    ]


def test_a_surname_opening_a_sentence_is_a_name_even_if_the_word_is_written_in_lower_case() -> None:
    text = "Then Marty Small spoke of small firms. Small business owners came. Small, who came, said so."
    assert _names(text) == ["Marty Small", "Small"]


def test_a_title_word_ending_a_named_person_stays_her_surname_alone() -> None:
    text = "Tennis great Billie Jean King spoke. King says the rally was loud. The Vice President came."
    assert _names(text) == ["Billie Jean King", "King"]


def test_a_place_of_birth_or_base_before_a_name_is_no_part_of_it() -> None:
    assert _names("Then South Korean-born Anna Brown spoke, and Ohio-based Tom Baker did too.") == [
        "Anna Brown",
        "Tom Baker",
    ]


def test_a_title_case_heading_after_a_two_word_name_keeps_only_the_name() -> None:
    text = "9 Anna Brown Got Real About Being Called Brave.\n\nAnna Brown got real about it."
    assert _names(text)[0] == "Anna Brown"
