"""Who is who inside one article: people, organisations, and what refers to them.

News names a person in full once ("Estonian Defense Minister Hanno Pevkur")
and then by surname ("Pevkur"), by description ("the minister", "the French
leader", "Estonian PM") or by pronoun ("he"). Every such mention must land on
the one canonical full name. Groups ("officials", "participants at the
meeting") are nobody in particular and resolve to no one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from extract.lexicon import lexicon, wordset
from extract.models import Country, Office, Speaker
from extract.names import NOT_NAME, ORG_WORDS, NameMention, tokenize
from extract.titles import TitleInfo, country_of, parse_title

_DETERMINERS = wordset(
    "the a an this that these those his her their its our some many several most other numerous both all"
)
_PRONOUNS = {"he": "male", "she": "female"}
_NOBODY = frozenset({"i", "we", "you", "they", "it", "one", "who", "which", "that", "this", "there"})
_ORG_HEADS = wordset(
    """ministry department government office agency administration embassy company campaign committee
    council commission court army military police party kremlin pentagon white house state
    spokesman's statement firm bank union alliance organization organisation service group
    network newspaper bloc cabinet presidency secretariat parliament congress senate"""
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|for|at|with|from|to|in|by|on|about|against)\s+(?:the\s+)?$", re.I)
_GROUP_MODIFIERS = wordset(
    "other some many top senior western u.s. american european local state federal white black young older"
)
_NOT_A_NAME_START = wordset(
    """up down at in on by with from into over after before near since during through
    he she they we i it you have has had who which"""
)
"""Words no organisation's name opens with: a slot that starts on one is a setting ("up at the
firehouse near ...") or a clause ("she released a statement", "have heard from the campaign")."""
_ORG_WORDS_MAX = 8  # words of the longest organisation a speaker slot names; longer, it holds a clause
_WORKS = frozenset(
    {"report", "statement", "study", "poll", "survey", "letter", "memo", "document", "book", "email"}
)


@dataclass
class Entity:
    """One person or organisation of the article, with everything learnt about it."""

    name: str
    kind: str = "person"
    office: Office | None = None
    country: Country | None = None
    organization: str | None = None
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)

    @property
    def first(self) -> str:
        return self.name.split()[0].casefold()

    @property
    def last(self) -> str:
        return self.name.split()[-1].casefold()

    def learn(self, title: TitleInfo) -> None:
        """Fill unknown office, country and organisation from a title."""
        self.office = self.office or title.office
        self.country = self.country or title.country
        self.organization = self.organization or title.organization

    def alias(self, surface: str) -> None:
        """Remember another way the article refers to this entity."""
        surface = re.sub(r"\s+", " ", surface).strip(" ,")
        if surface and surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)

    def speaker(self) -> Speaker:
        """The public model of this entity."""
        kind = "organization" if self.kind == "organization" else "person"
        return Speaker(
            name=self.name,
            kind=kind,
            office=self.office,
            country=self.country,
            organization=self.organization,
            aliases=tuple(self.aliases),
        )


class People:
    """The people of one article and the positions where each is mentioned.

    ``quoted`` tells whether a position lies inside quotation marks: a name
    inside a quote is a person talked about, never a pronoun's antecedent.
    """

    def __init__(self, text: str, mentions: list[NameMention], quoted: list[tuple[int, int]]) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self._ids: dict[int, int] = {}  # id(entity) -> its index in ``entities``
        self._by_word: dict[tuple[str, str], list[Entity]] = {}  # ("last", word) -> full-named people
        self._quoted = quoted
        self._timeline: list[tuple[int, int]] = []  # (position, entity index), outside quotes
        self.by_mention: dict[int, Entity] = {}
        for m in mentions:
            if len(m.tokens) >= 2:
                self._add_full(m)
        for m in mentions:
            if len(m.tokens) == 1:
                ent = self._surname(m.tokens[0], m.name_start)
                if ent:
                    ent.learn(m.title)
                    ent.alias(m.name)
                    self._note(m.name_start, ent)
                    self.by_mention[m.name_start] = ent
        self.mentions = mentions
        self._starts = [m.name_start for m in mentions]  # mentions come in text order
        self._ending: dict[int, NameMention] = {}
        self._starting: dict[int, NameMention] = {}
        for m in mentions:
            self._ending.setdefault(m.end, m)
            self._ending.setdefault(m.name_end, m)
            self._starting.setdefault(m.start, m)
            self._starting.setdefault(m.name_start, m)

    # -- building -------------------------------------------------------------
    def _index(self, ent: Entity) -> int:
        i = self._ids.get(id(ent))
        if i is not None:
            return i
        self.entities.append(ent)
        self._ids[id(ent)] = len(self.entities) - 1
        words = ent.name.casefold().split()
        if ent.kind == "organization":
            self._by_word[("organization", ent.name.casefold())] = [ent]
        elif len(words) > 1:
            # indexed by name word, so a name resolves in time independent of the cast's size
            for key in {("last", words[-1]), ("first", words[0]), *(("inner", w) for w in words[1:-1])}:
                self._by_word.setdefault(key, []).append(ent)
        return len(self.entities) - 1

    def _named(self, part: str, word: str) -> list[Entity]:
        """The full-named people whose ``part`` (first, last or an inner name) is ``word``."""
        return self._by_word.get((part, word), [])

    def _note(self, pos: int, ent: Entity) -> None:
        if not self.is_quoted(pos):
            bisect.insort(self._timeline, (pos, self._index(ent)))

    def is_quoted(self, pos: int) -> bool:
        """Whether ``pos`` lies inside quotation marks."""
        i = bisect.bisect_right(self._quoted, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self._quoted[i][0] <= pos < self._quoted[i][1]

    def _add_full(self, m: NameMention) -> None:
        last = m.tokens[-1].casefold()
        first = m.tokens[0].casefold()
        words = [t.casefold() for t in m.tokens]
        for ent in self._named("last", last):  # both tests below need the same last name
            known = ent.name.casefold().split()
            if len(words) < len(known) and known[-len(words) :] == words:
                same = True  # "Wasserman Schultz" after "Debbie Wasserman Schultz"
            else:
                same = ent.last == last and _first_compatible(ent.first, first)
            if same:
                ent.learn(m.title)
                ent.alias(m.name)
                ent.gender = ent.gender or m.gender
                self._note(m.name_start, ent)
                self.by_mention[m.name_start] = ent
                return
        ent = Entity(name=m.name, gender=m.gender)
        ent.learn(m.title)
        self._index(ent)
        self._note(m.name_start, ent)
        self.by_mention[m.name_start] = ent

    def _surname(self, word: str, pos: int) -> Entity | None:
        key = word.casefold()
        for attr in ("last", "first"):
            matches = self._named(attr, key)
            if len(matches) == 1:
                return matches[0]
            if matches:
                return self._most_prominent(matches, pos)
        inner = self._named("inner", key)
        return inner[0] if len(inner) == 1 else None  # "Acosta" of "Melba Acosta Febo"

    def _most_prominent(self, candidates: list[Entity], pos: int) -> Entity:
        """Of people sharing a surname, the one the article has named most so far (a bare
        "Sanders" after "Jane Sanders" is still the senator), the latest on a tie."""
        ids = {self._index(e): e for e in candidates}
        i = bisect.bisect_left(self._timeline, (pos, -1))
        counts = dict.fromkeys(ids, 0)
        last = dict.fromkeys(ids, -1)
        for p, idx in self._timeline[:i]:
            if idx in ids:
                counts[idx] += 1
                last[idx] = p
        best = max(ids, key=lambda idx: (counts[idx], last[idx]))
        return ids[best]

    def _most_recent(self, candidates: list[Entity], pos: int) -> Entity | None:
        ids = {self._index(e) for e in candidates}
        i = bisect.bisect_left(self._timeline, (pos, -1))
        for _p, idx in reversed(self._timeline[:i]):
            if idx in ids:
                return self.entities[idx]
        for _p, idx in self._timeline[i:]:
            if idx in ids:
                return self.entities[idx]
        return None

    # -- resolving ------------------------------------------------------------
    def mention_ending_at(self, end: int) -> NameMention | None:
        """The name mention (title and appositive included) that ends at ``end``."""
        return self._ending.get(end)

    def mention_starting_at(self, start: int) -> NameMention | None:
        """The name mention (title included) that starts at ``start``."""
        return self._starting.get(start)

    def mentions_in(self, start: int, end: int) -> list[NameMention]:
        """The mentions whose name starts in ``[start, end)``, found by bisection so that a
        rule looking near a cue costs what it reads, not the length of the article."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def entity_of(self, m: NameMention) -> Entity:
        """The entity a name mention resolved to, creating one for a lone surname."""
        ent = self.by_mention.get(m.name_start)
        if ent is None:
            ent = self._surname(m.tokens[-1], m.name_start)
            if ent is None:
                ent = Entity(name=m.name, gender=m.gender)
            ent.learn(m.title)
            self.by_mention[m.name_start] = ent
            self._note(m.name_start, ent)
        return ent

    def pronoun(self, word: str, pos: int) -> Entity | None:
        """The person a "he"/"she" at ``pos`` refers to: the latest compatible one before it.

        The match teaches that person's gender unless the next compatible person further back
        is another one of unknown gender: a guess between two people must not make the wrong
        one "she" for the rest of the article."""
        gender = _PRONOUNS.get(word.casefold())
        if gender is None:
            return None
        i = bisect.bisect_left(self._timeline, (pos, -1))
        found: Entity | None = None
        for _p, idx in reversed(self._timeline[:i]):
            ent = self.entities[idx]
            if ent.kind != "person" or (ent.gender and ent.gender != gender):
                continue
            if found is None:
                found = ent
                if ent.gender:
                    break
            elif ent is not found and ent.gender is None:
                return found  # two people could be meant: the guess fixes no one's gender
            else:
                break
        if found is not None:
            found.gender = gender
        return found

    def describe(self, phrase: str, pos: int) -> Entity | None:
        """The person a description ("the minister", "the French leader", "Estonian PM") names."""
        info = parse_title(phrase)
        words = [w.casefold() for w in re.findall(r"[\w\-]+", phrase)]
        head = words[-1] if words else ""
        lex = lexicon()
        wanted = lex.leader_heads.get(head)
        candidates = []
        for ent in self.entities:
            if ent.kind != "person":
                continue
            if info.country and ent.country and info.country.code != ent.country.code:
                continue
            if info.country and not ent.country:
                continue
            office = ent.office.name.casefold() if ent.office else ""
            if wanted is not None:
                if (wanted == ("*",) and (office or head == "official")) or any(w in office for w in wanted):
                    candidates.append(ent)
                continue
            if not office:
                continue
            want = info.office.name.casefold() if info.office else head
            if want in office or office in want or head in office.split():
                candidates.append(ent)
        if not candidates:
            return None
        found = self._most_recent(candidates, pos)
        if found:
            found.alias(phrase)
        return found

    def record(self, pos: int, ent: Entity) -> None:
        """Note a resolved mention (description, pronoun) so later pronouns can find it."""
        self._note(pos, ent)

    def organization(self, phrase: str) -> Entity | None:
        """The organisation a phrase names ("the French defense ministry"), one per name.

        A bare head noun ("the campaign", "the company") names the latest organisation the
        article gave with that head ("the Sanders campaign"), or none that can be told."""
        words = phrase.split()
        while words and (words[0].casefold() in _DETERMINERS or words[0].casefold() in _NOT_ORG_NAME):
            words = words[1:]  # "Yet Bloomberg says": the organisation is Bloomberg
        name = " ".join(words)
        if not words:
            return None
        if len(words) == 1 and name.islower():
            head = [name.casefold()]
            same_head = [
                e
                for e in self.entities
                if e.kind == "organization" and e.name.casefold().split()[-1:] == head
            ]
            return same_head[-1] if same_head else None
        known = self._by_word.get(("organization", name.casefold()))
        if known:
            return known[0]
        country = None
        for w in words:
            country = country or country_of(w)
        ent = Entity(name=name, kind="organization", country=country, organization=name)
        self._index(ent)
        return ent

    def classify(self, start: int, end: int) -> tuple[Entity | None, bool]:
        """Who the noun phrase ``text[start:end]`` (a speaker slot) names.

        Returns the entity (or None) and whether the phrase held words at all
        (False for an empty slot). Group nouns ("officials", "participants at
        the meeting") name nobody in particular: None.
        """
        phrase = self.text[start:end].strip(" ,")
        if not phrase:
            return None, False
        toks = [t.text for t in tokenize(phrase)]
        low = [t.casefold() for t in toks]
        lex = lexicon()
        content = [w for w in low if w not in _DETERMINERS]
        if not content:
            return None, True
        if self.is_group(content):
            return None, True
        names = [m for m in self.mentions_in(start, end) if m.name_end <= end]
        names = [
            m
            for m in names
            if not re.match(r"\s*[’']s\b", self.text[m.name_end : m.name_end + 3])
            and not (m.start > start and _PREPOSITION_BEFORE.search(self.text[start : m.start]))
        ]  # "Trump's campaign" and "a spokesman for Trump" are not Trump
        if names:
            full = [m for m in names if len(m.tokens) > 1]
            m = (full or names)[0 if "," in phrase else -1]  # "former Obama aide Jon Favreau": the last
            ent = self.entity_of(m)
            self._note(m.name_start, ent)
            return ent, True
        if content[0] in _PRONOUNS and (len(content) == 1 or low[0] == content[0]):
            # "she", or the subject of a clause in the slot ("she released a statement saying")
            referent = self.pronoun(content[0], start)
            if referent:
                self.record(start, referent)
            return referent, True
        if content[0] in _NOBODY or any(w in lex.groups for w in content):
            return None, True
        if any(w in lex.office_heads for w in content) and not any(w in _ORG_HEADS for w in content[-2:]):
            described = self.describe(phrase, start)
            if described:
                self.record(start, described)
            return described, True
        if (
            re.fullmatch(r"[a-z]+(?:ed|ing)", toks[0])
            or low[0] in _NOT_A_NAME_START
            or len(toks) > _ORG_WORDS_MAX
        ):
            return None, True  # "issued a statement", "up at the firehouse near ...": no one's name
        if (
            content[-1] in _WORKS
            or any(w in _ORG_HEADS for w in content[-2:])
            or _is_org_acronym(toks)
            or any(t[:1].isupper() and t.casefold() in ORG_WORDS for t in toks)
            or _is_named_place(toks, low)
        ):
            return self.organization(phrase), True
        return None, True

    @staticmethod
    def is_group(content: list[str]) -> bool:
        """Whether a phrase's head is a group noun ("officials", "other senators")."""
        groups = lexicon().groups
        if content[0] in groups:
            return True
        return len(content) > 1 and content[1] in groups and content[0] in _GROUP_MODIFIERS


_NOT_ORG_NAME = NOT_NAME - {"new"}
"""Words that open no organisation's name, "New" aside ("The New York Times")."""


def _first_compatible(a: str, b: str) -> bool:
    """Whether two first names can be the same person's ("C." and "Charles", "Joe" and "Joe")."""
    if a == b:
        return True
    a0, b0 = a.rstrip("."), b.rstrip(".")
    return (len(a0) == 1 and b0.startswith(a0)) or (len(b0) == 1 and a0.startswith(b0))


def _is_named_place(toks: list[str], low: list[str]) -> bool:
    """Whether the phrase is only a country, a place or a platform ("Russia", "the Kremlin",
    "Twitter"): as the subject of a report it speaks for its government or company."""
    words = [t for t, w in zip(toks, low, strict=True) if w not in _DETERMINERS]
    name = " ".join(words)
    if not words or not words[0][:1].isupper():
        return False
    return name in lexicon().places or country_of(name) is not None


def _is_org_acronym(toks: list[str]) -> bool:
    words = [t for t in toks if t.isalpha() and t.casefold() not in _DETERMINERS]  # "the BBC"
    return len(words) == 1 and words[0].isupper() and len(words[0]) >= 2 and not country_of(words[0])
