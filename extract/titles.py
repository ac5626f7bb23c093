"""Offices and countries: parse the title words around a name and normalise them.

News writes the same office many ways ("defence minister", "Minister of
Defense", "PM") and the same country as a demonym, a possessive or a short
name ("Estonian", "Slovakia's", "U.S."). Search and scoring need one form, so
offices get a canonical title-cased name and countries a pycountry entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry

from extract.lexicon import lexicon
from extract.models import Country, Office

_SMALL = frozenset({"of", "the", "to", "for", "and", "at", "in", "on"})
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z.]{1,8})\)")
_WORD = re.compile(r"[^\W\d_][\w.\-]*(?:[’'][^\W\d_]{2,})?|[’']s\b|\S")
_MILITARY_RANKS = frozenset(
    {"general", "gen.", "admiral", "adm.", "colonel", "col.", "major", "maj.", "captain", "capt."}
)
HONORIFICS = frozenset(
    {"mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "prof."}
)
"""Forms of address before a name (lower case), which are no office."""


@dataclass(frozen=True)
class TitleInfo:
    """What a title says about its holder; any part may be unknown."""

    office: Office | None = None
    country: Country | None = None
    organization: str | None = None

    def merged(self, other: TitleInfo) -> TitleInfo:
        """Fill this title's unknown parts from another's."""
        return TitleInfo(
            office=self.office or other.office,
            country=self.country or other.country,
            organization=self.organization or other.organization,
        )


@cache
def country_by_code(code: str) -> Country | None:
    """A country by ISO alpha-2 code, named by its common short name."""
    lex = lexicon()
    if code in lex.country_display:
        return Country(name=lex.country_display[code], code=code)
    entry = pycountry.countries.get(alpha_2=code)
    if entry is None:
        return None
    name = getattr(entry, "common_name", None) or entry.name
    return Country(name=str(name), code=code)


@cache
def country_of(word: str) -> Country | None:
    """The country a word or phrase names ("Estonian", "Slovakia's", "U.S."), if any."""
    key = re.sub(r"[’']s$", "", word.strip()).strip().casefold()
    if not key:
        return None
    lex = lexicon()
    code = lex.demonyms.get(key) or lex.country_names.get(key)
    if code:
        return country_by_code(code)
    if len(key) <= 3 or not word[:1].isupper():
        return None  # two- and three-letter codes only from the curated table
    try:
        entry = pycountry.countries.lookup(key)
    except LookupError:
        return None
    return country_by_code(str(entry.alpha_2))


def _title_case(phrase: str) -> str:
    words = phrase.split()
    out = []
    for i, w in enumerate(words):
        if _ACRONYM.match(w) or any(c.isupper() for c in w[1:]):
            out.append(w)
        elif i and w.casefold() in _SMALL:
            out.append(w.casefold())
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out)


def normalise_office(phrase: str) -> Office | None:
    """One canonical office for a title phrase, countries and "former" removed."""
    text = re.sub(r"\s+", " ", phrase).strip(" ,.;:")
    text = re.sub(r"^(?:the|a|an|his|her|its|their)\s+", "", text, flags=re.I)
    text = re.sub(r"\b(?:former|then|ex-|outgoing|incoming|current)\s*", "", text, flags=re.I).strip()
    if not text:
        return None
    lex = lexicon()
    if text.casefold() in lex.ranks and text.casefold() not in lex.office_canonical:
        return None  # a bare honorific ("Mr.") is not an office
    key = text.casefold()
    if key in lex.office_canonical:
        return Office(name=lex.office_canonical[key])
    for variant, canonical in lex.office_canonical.items():
        if len(variant) > 3 and key.endswith(" " + variant):
            head = text[: len(text) - len(variant)].strip()
            return Office(name=f"{_title_case(head)} {canonical}")
    return Office(name=_title_case(text))


def _split_country(words: list[str]) -> tuple[list[str], Country | None]:
    """Remove the words naming a country ("Russian", "of Lithuania", "US") and return it."""
    country: Country | None = None
    kept: list[str] = []
    i = 0
    while i < len(words):
        found = None
        for n in (3, 2, 1):
            chunk = " ".join(words[i : i + n])
            if i + n <= len(words) and chunk[:1].isupper():
                found = country_of(chunk)
                if found:
                    break
        if found:
            country = country or found
            if kept and kept[-1].casefold() == "of":
                kept.pop()
                if kept and kept[-1].casefold() == "the":
                    kept.pop()
            i += n
            continue
        kept.append(words[i])
        i += 1
    return kept, country


def is_office_head(word: str) -> bool:
    """Whether a word names an office ("minister", "PM", "Director-General")."""
    lex = lexicon()
    key = word.casefold().strip("().,")
    return (
        key in lex.office_heads
        or key in lex.office_canonical
        or any(part in lex.office_heads for part in key.split("-") if part)
    )


def _is_office_word(word: str) -> bool:
    lex = lexicon()
    key = word.casefold()
    return key in lex.office_heads or key in lex.office_canonical or key in lex.office_modifiers


def parse_title(phrase: str) -> TitleInfo:
    """Office, country and organisation from title words ("Slovakia's Prime Minister",
    "NATO Secretary-General", "Director of the Russian Foreign Intelligence Service (SVR)")."""
    organization: str | None = None
    paren = _PAREN_ACRONYM.search(phrase)
    if paren:
        organization = paren.group(1)
        phrase = phrase[: paren.start()] + phrase[paren.end() :]
    words = [w for w in _WORD.findall(phrase) if w not in {"’s", "'s", ",", "(", ")"}]
    words, country = _split_country(words)
    while words and _ACRONYM.match(words[0]) and not _is_office_word(words[0]) and not country_of(words[0]):
        organization = organization or words[0].replace(".", "")
        words = words[1:]
    lowered = [w.casefold() for w in words]
    if lowered and all(w in HONORIFICS for w in lowered):
        return TitleInfo(country=country, organization=organization)
    if lowered and lowered[0] in _MILITARY_RANKS and len(lowered) == 1:
        return TitleInfo(office=Office(name=_title_case(words[0].rstrip("."))), country=country)
    words = [w for w in words if w.casefold() not in HONORIFICS]
    if not any(is_office_head(w) for w in words):
        return TitleInfo(country=country, organization=organization)
    return TitleInfo(office=normalise_office(" ".join(words)), country=country, organization=organization)
