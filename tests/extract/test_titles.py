"""Offices and countries: parsed from title words and normalised."""

from __future__ import annotations

import pytest

from extract.titles import country_of, normalise_office, parse_title


@pytest.mark.parametrize(
    ("phrase", "office", "country", "organization"),
    [
        ("Norwegian Defence Minister", "Defense Minister", "Norway", None),
        ("Chile's Prime Minister", "Prime Minister", "Chile", None),
        ("Finnish PM", "Prime Minister", "Finland", None),
        ("the Danish Minister of Defense", "Defense Minister", "Denmark", None),
        ("WHO Director-General", "Director-General", None, "WHO"),
        ("Head of the Polish Border Guard Agency (SG)", "Head of the Border Guard Agency", "Poland", "SG"),
        ("Special Envoy to the President of Kenya", "Special Envoy to the President", "Kenya", None),
        (
            "chairman of the U.S. Federal Reserve Board",
            "Chairman of the Federal Reserve Board",
            "United States",
            None,
        ),
        ("former President", "President", None, None),
        ("Sen.", "Senator", None, None),
    ],
)
def test_parse_title(phrase: str, office: str | None, country: str | None, organization: str | None) -> None:
    info = parse_title(phrase)
    assert (info.office.name if info.office else None) == office
    assert (info.country.name if info.country else None) == country
    assert info.organization == organization


def test_a_bare_honorific_is_no_office() -> None:
    assert parse_title("Mr.").office is None


def test_offices_normalise_to_one_form() -> None:
    names = {
        normalise_office(p).name for p in ("defence minister", "Minister of Defense", "minister of defence")
    }
    assert names == {"Defense Minister"}
    assert normalise_office("General Secretary").name == "Secretary-General"


@pytest.mark.parametrize(
    ("word", "name", "code"),
    [
        ("Estonian", "Estonia", "EE"),
        ("Czech", "Czech Republic", "CZ"),
        ("Dutch", "Netherlands", "NL"),
        ("U.S.", "United States", "US"),
        ("Britain", "United Kingdom", "GB"),
        ("Russia's", "Russia", "RU"),
        ("Kenya", "Kenya", "KE"),
    ],
)
def test_countries_from_demonyms_possessives_and_short_names(word: str, name: str, code: str) -> None:
    country = country_of(word)
    assert country is not None and (country.name, country.code) == (name, code)


def test_words_that_are_not_countries() -> None:
    assert country_of("Minister") is None
    assert country_of("IN") is None
