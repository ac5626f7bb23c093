"""Word lists the rules read, loaded once from ``extract/data``.

Kept as data rather than code so a reviewer can extend a list (a demonym, an
office) without touching the rules, and so the rules stay general English news
conventions rather than lists of people or sentences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    """Every list the extractor consults, lower-cased."""

    demonyms: dict[str, str]
    country_names: dict[str, str]
    country_display: dict[str, str]
    office_canonical: dict[str, str]
    office_heads: frozenset[str]
    office_modifiers: frozenset[str]
    ranks: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    leader_heads: dict[str, tuple[str, ...]]
    groups: frozenset[str]
    places: frozenset[str]


def _load(name: str) -> dict[str, object]:
    raw = resources.files("extract").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(raw)
    return data


def _strs(value: object) -> list[str]:
    assert isinstance(value, list)
    return [str(v) for v in value]


def _map(value: object) -> dict[str, str]:
    assert isinstance(value, dict)
    return {str(k): str(v) for k, v in value.items()}


@cache
def lexicon() -> Lexicon:
    """The lists, parsed once per process."""
    countries = _load("countries.json")
    offices = _load("offices.json")
    leader = offices["leader_heads"]
    assert isinstance(leader, dict)
    return Lexicon(
        demonyms=_map(countries["demonyms"]),
        country_names=_map(countries["names"]),
        country_display=_map(countries["display"]),
        office_canonical=_map(offices["canonical"]),
        office_heads=frozenset(_strs(offices["heads"])),
        office_modifiers=frozenset(_strs(offices["modifiers"])),
        ranks=frozenset(_strs(offices["ranks"])),
        male=frozenset(_strs(offices["male"])),
        female=frozenset(_strs(offices["female"])),
        leader_heads={str(k): tuple(_strs(v)) for k, v in leader.items()},
        groups=frozenset(_strs(offices["groups"])),
        places=frozenset(_strs(_load("places.json")["places"])),
    )


def wordlist(text: str) -> list[str]:
    """The words of a space-separated list, so long word lists read as prose in the source."""
    return text.split()


def wordset(text: str) -> frozenset[str]:
    """The words of a space-separated list, as a set."""
    return frozenset(text.split())
