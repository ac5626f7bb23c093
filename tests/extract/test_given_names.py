"""Given names' usual sex, from the US Census lists."""

from __future__ import annotations

import pytest

from extract.given_names import given_name_sex


@pytest.mark.parametrize(
    ("name", "sex"),
    [
        ("Hillary", "female"),
        ("SUSAN", "female"),
        ("Bernie", "male"),
        ("robert", "male"),
        ("Leslie", None),  # about as common for both: no guess
        ("Hanno", None),  # not in the US lists
    ],
)
def test_a_given_name_tells_its_usual_sex_or_nothing(name: str, sex: str | None) -> None:
    assert given_name_sex(name) == sex
