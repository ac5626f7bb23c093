"""A corpus-wide people registry: the same person across articles is one record.

Articles spell names differently ("Zelensky", "Zelenskiy", "Anušauskas",
"Anusauskas") and sometimes give only part of a name. The registry folds
accents and case and accepts a one-letter difference in the surname when the
first names agree, so every spelling lands on one person with its aliases and
every office seen.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable

from pydantic import BaseModel, Field

from extract.models import Country, Speaker


def fold(name: str) -> str:
    """Accent- and case-insensitive form of a name, for comparing spellings.

    ASCII text, most of it, has nothing to decompose: it skips the look at each
    character (an index commit folds every quote's text for its id; 10,000
    articles: 1.4 s of a 4.4 s step the indexing processes wait on).
    """
    if name.isascii():
        return " ".join(name.lower().split())
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("’", "'").split())


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one inserted, deleted or changed letter."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


class PersonRecord(BaseModel):
    """One person (or organisation) as known across the whole corpus."""

    id: str
    name: str
    kind: str = "person"
    aliases: list[str] = Field(default_factory=list)
    offices: list[str] = Field(default_factory=list)
    country: Country | None = None
    organization: str | None = None

    @staticmethod
    def id_for(name: str) -> str:
        return hashlib.sha256(fold(name).encode("utf-8")).hexdigest()[:16]

    def spellings(self) -> set[str]:
        return {fold(self.name), *(fold(a) for a in self.aliases)}


def _same_person(a: str, b: str) -> bool:
    """Full names that name one person: equal, or same first name and a surname one letter apart."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or wa[0] != wb[0]:
        return False
    return within_one_edit(wa[-1], wb[-1]) and len(wa[-1]) >= 5


def _spells_name(alias: str, name: str) -> bool:
    """Whether an alias spells the name ("Pevkur", "Zelensky") rather than describes it ("the minister")."""
    words = alias.split()
    return bool(words) and within_one_edit(words[-1], name.split()[-1]) and len(words) <= len(name.split())


class Registry:
    """Resolves speakers to corpus-wide person records, merging what each article adds.

    Lookups go through two maps (every folded spelling, and first name) so
    resolving stays cheap with thousands of people.
    """

    def __init__(self, people: Iterable[PersonRecord] = ()) -> None:
        self._people: dict[str, PersonRecord] = {}
        self._by_spelling: dict[str, str] = {}
        self._by_first_name: dict[str, set[str]] = {}
        for person in people:
            self._store(person)

    def people(self) -> list[PersonRecord]:
        return list(self._people.values())

    def get(self, person_id: str) -> PersonRecord | None:
        return self._people.get(person_id)

    def find(self, name: str) -> PersonRecord | None:
        """The known person a full name (or alias) refers to, if any."""
        key = fold(name)
        if key in self._by_spelling:
            return self._people[self._by_spelling[key]]
        words = key.split()
        for person_id in self._by_first_name.get(words[0], ()) if words else ():
            if _same_person(key, fold(self._people[person_id].name)):
                return self._people[person_id]
        return None

    def resolve(self, speaker: Speaker) -> PersonRecord:
        """The record for ``speaker``, created or enriched with its aliases, office and country."""
        person = self.find(speaker.name) or PersonRecord(
            id=PersonRecord.id_for(speaker.name), name=speaker.name, kind=speaker.kind
        )
        known = person.spellings()
        aliases = list(
            dict.fromkeys(
                a
                for a in (speaker.name, *speaker.aliases)
                if fold(a) not in known and _spells_name(fold(a), fold(person.name))
            )
        )
        office = speaker.office.name if speaker.office else None
        updated = person.model_copy(
            update={
                "aliases": person.aliases + aliases,
                "offices": person.offices + ([office] if office and office not in person.offices else []),
                "country": person.country or speaker.country,
                "organization": person.organization or speaker.organization,
            }
        )
        self._store(updated)
        return updated

    def _store(self, person: PersonRecord) -> None:
        self._people[person.id] = person
        for spelling in person.spellings():
            self._by_spelling.setdefault(spelling, person.id)
        first = fold(person.name).split()
        if first:
            self._by_first_name.setdefault(first[0], set()).add(person.id)
