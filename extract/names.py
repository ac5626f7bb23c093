"""Person names in running text, with the title words around them.

A name is a run of capitalised words ("Hanno Pevkur", "C. Q. Brown", "Arvydas
Anušauskas"), possibly with particles ("Ursula von der Leyen"). The title
before it ("Estonian Defense Minister") and an appositive after it (", Director
of the Russian Foreign Intelligence Service (SVR),") belong to the mention: they
say who the person is, and a speaker slot must skip over them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from extract.cues import SPEECH, STRICT
from extract.dictionary import is_common_word
from extract.given_names import given_name_sex
from extract.lexicon import lexicon, wordset
from extract.titles import HONORIFICS, TitleInfo, country_of, is_office_head, parse_title

TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Rev|Hon|Prof|Jr|Sr|St)\.(?!\w)"
    r"|(?:[A-Z]\.){2,}|[A-Z]\.(?=[\s,])|[^\W\d_](?:[\w\-]|[’'](?=[^\W\d_]{2}))*|\d+(?:[,.]\d+)*|\S"
)
_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "del", "dos", "bin", "al", "la", "le", "ter"}
)
_SUFFIXES = frozenset({"Jr", "Sr", "Jr.", "Sr.", "II", "III", "IV"})
_DROPPED_SUFFIXES = frozenset({"Jr", "Sr", "Jr.", "Sr."})
# Capitalised words that are never part of a person's name.
NOT_NAME = wordset(
    """the a an this that these those there their they then than in on at of for to by with from
    as and but or nor if when while after before since until because although though so yet
    it its he she his her we our you your i my me him them us who whom whose which what where why how
    not no yes all any some many most more much few several each every both either neither other others
    another such one two three four five first second third last next new old former late latest
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow
    january february march april may june july august september october november december
    mr mrs ms dr also even just only still already however meanwhile moreover instead indeed
    asked according said says say told tells added earlier later under over among against during like
    unlike here there where now yet perhaps maybe thus hence instead rather please thanks sure well
    can could will would should might must almost nearly despite although though unless whether
    god lord democrat democrats republican republicans gop congress senate house white parliament
    northern southern eastern western central european"""
)
# Words that make a capitalised run an organisation, a place or a work rather than a person.
ORG_WORDS = wordset(
    """times press news post journal party house department ministry service university college
    council committee commission agency bank fund group institute foundation association court
    union organization organisation airlines corporation company inc corp club center centre network
    radio television tv magazine review channel forces army navy guard police office administration
    street avenue square hall church school hospital airport station congress senate assembly
    federation republic kingdom states nations europe media daily herald tribune today weekly
    monitor gazette globe sun telegraph guardian independent express mail observer chronicle wire
    reuters bloomberg politico podcast show initiative act plan program programme project
    summit war day conference forum coalition alliance movement campaign pac capital partners
    holdings labs technologies motors exchange market index cup league caucus convention
    county city state province district island islands valley river mountain lake beach park
    island street road bridge tower building palace kremlin pentagon capitol fed reserve
    security intelligence defense defence staff chiefs board authority bureau corps command institution
    foundation trust society agency labs"""
)
_ORG_BEFORE = wordset(
    """outlet newspaper broadcaster agency channel network magazine website daily paper station firm
    company group party program programme show podcast book bill act operation portal publication
    tabloid site blog"""
)


@dataclass(frozen=True)
class NameMention:
    """A person's name in the text: ``start``/``end`` cover title and appositive too."""

    start: int
    end: int
    name_start: int
    name_end: int
    tokens: tuple[str, ...]
    title: TitleInfo
    gender: str | None

    @property
    def name(self) -> str:
        """The name as written, titles and suffixes removed."""
        return " ".join(self.tokens)


class Tok(NamedTuple):
    """A word or punctuation mark with its raw offsets (a tuple: cheap to make by the thousand)."""

    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Words and punctuation marks of ``text[start:end]``."""
    return list(iter_tokens(text, start, end))


def iter_tokens_back(text: str, floor: int, end: int) -> Iterator[Tok]:
    """The tokens of ``text[floor:end]`` from the last to the first, read a short stretch at a
    time: a rule that stops after a few words costs what it reads, not the sentence's length."""
    reach = 16
    while end > floor:
        lo = max(floor, end - reach)
        toks = tokenize(text, lo, end)
        reach *= 2  # most callers stop after a word or two; a long walk costs twice its length
        if lo > floor:
            if len(toks) < 2:
                continue  # a long word or a run of spaces: read further back
            toks = toks[1:]  # the first may be cut in two: it is read again with the next stretch
        yield from reversed(toks)
        if not toks:
            return
        end = toks[0].start


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Tok]:
    """The tokens of ``text[start:end]`` one at a time, for rules that stop after a few words:
    they then cost what they read, not the length of the sentence."""
    stop = len(text) if end is None else end
    for m in TOKEN.finditer(text, start, stop):
        yield Tok(m.group(), m.start(), m.end())


@cache
def _title_words() -> frozenset[str]:
    lex = lexicon()
    return lex.office_heads | lex.office_modifiers | lex.ranks | frozenset(lex.office_canonical)


def _is_initial(tok: Tok) -> bool:
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _is_acronym(word: str) -> bool:
    """An acronym, plural ones too ("NATO", "CEOs", "MPs")."""
    stem = word[:-1] if word.endswith("s") else word
    return len(stem) >= 2 and stem.isupper() and stem.isalpha()


def _joined(text: str, a: Tok, b: Tok) -> bool:
    """Whether two tokens are adjacent words of one phrase (spaces only, no line break)."""
    gap = text[a.end : b.start]
    return 0 < len(gap) <= 3 and gap.strip(" \t\u00a0") == ""


def _name_part(
    text: str,
    tok: Tok,
    sentence_start: bool,
    lower_words: frozenset[str],
    inside: frozenset[str] = frozenset(),
    known_surname: bool = False,
) -> bool:
    word = tok.text
    if not word[:1].isupper() or not word[:1].isalpha():
        return False
    if _is_initial(tok) or known_surname:
        return True  # "King says ..." after "Billie Jean King": a surname, though also a title
    if _is_acronym(word) or word.casefold() in NOT_NAME:
        return False
    if word.casefold() in _title_words() or word.casefold() in lexicon().groups or country_of(word):
        return False
    if word.endswith("s") and country_of(word[:-1]):  # "Germans", "Russians": a people, not a name
        return False
    # a capitalised sentence opener ("Western", "Facing") is not a name; "Kelly" is when the
    # article also capitalises it inside a sentence
    if not sentence_start:
        return True
    return word.casefold() not in lower_words and (word in inside or not word.endswith(("ing", "ly", "ies")))


_PARTICIPLE_PREPOSITIONS = frozenset({"of", "about", "by", "with", "in", "at", "on", "from", "to", "for"})


_PLACE_QUALIFIERS = wordset(
    "east west north south eastern western northern southern central new old greater upper lower"
)


def _country_surname(text: str, toks: list[Tok], j: int) -> bool:
    """Whether a country's name right after a given name is that person's surname ("Rep. Steve
    Israel", "Michael Jordan"), as it is when no capitalised word follows it in the same run: a
    country is never a name's first word, a demonym ("Steve American") never ends one, and an
    acronym ("Team USA") is an organisation's."""
    word = toks[j].text
    if (
        not (word[:1].isupper() and word[1:].islower() and word.isalpha())
        or word.casefold() in lexicon().demonyms
    ):
        return False
    given = toks[j - 1].text
    if given.casefold() in _PLACE_QUALIFIERS or given.endswith("ing"):
        return False  # "East Germany", "Working America": a place's or a group's own name
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is not None and _joined(text, toks[j], nxt) and nxt.text[:1].isupper():
        return False
    return country_of(word) is not None


_REPORTING_VERBS = frozenset(SPEECH) | frozenset(STRICT)
_ORIGIN_SUFFIXES = ("-born", "-based", "-raised", "-bred")
_STATE_ABBREVIATIONS = wordset(
    """Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont
    Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo"""
)
"""The news abbreviations of US states that read as words ("N.H.", "S.C." are initials)."""


def _state_abbreviation(text: str, toks: list[Tok], k: int, words: list[str]) -> bool:
    """Whether a lone capitalised word is a state's abbreviation after a city and its comma,
    with its stop ("Beaumont, Tex.,"), not a name."""
    end = toks[k].end
    return (
        len(words) == 1
        and words[0] in _STATE_ABBREVIATIONS
        and k > 0
        and toks[k - 1].text == ","
        and text[end : end + 1] == "."
    )


def _opens_a_report(toks: list[Tok], i: int) -> bool:
    """Whether the word after token ``i`` is a mark or a verb of saying ("Small, who ...",
    "Small said"), as after a surname opening a sentence, and not a noun ("Small business")."""
    nxt = toks[i + 1].text if i + 1 < len(toks) else "."
    return not nxt[:1].isalpha() or nxt in _REPORTING_VERBS


def _surname_of_a_firm(words: list[str], titled: bool) -> bool:
    """Whether a given name and one word that also names a firm or outlet are a person
    ("Michael Bloomberg"), as they are when that word is no dictionary word or a title comes
    before them ("Mayor Don Guardian"); "Grace Church" and "Emily Post" stay things."""
    return (
        len(words) == 2 and given_name_sex(words[0]) is not None and (titled or not is_common_word(words[1]))
    )


def _title_surname(toks: list[Tok], i: int, j: int) -> bool:
    """Whether a title word right after one or two given names is that person's surname
    ("Matthew Prince", "Billie Jean King"): a title comes before a name, never after a first name."""
    word = toks[j].text
    return (
        j - i in (1, 2)
        and word.isalpha()
        and word[:1].isupper()
        and word[1:].islower()
        and is_office_head(word)
        and all(given_name_sex(t.text) is not None for t in toks[i:j])
        and not _is_place([toks[i].text])  # "Florida Sen. Marco Rubio": a state, then a title
    )


def _opens_participle(toks: list[Tok], i: int) -> bool:
    """Whether a capitalised sentence opener is a participle heading its phrase ("Informed of
    the vote, ...", "Based in Ohio, ..."): an "-ed" word before a preposition, which no name is
    ("Ted Cruz", "Ahmed said" go on otherwise)."""
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    return toks[i].text.endswith("ed") and nxt in _PARTICIPLE_PREPOSITIONS


def _after_honorific(text: str, toks: list[Tok], i: int) -> bool:
    """Whether token ``i`` is the surname right after "Mr."/"Ms." even though it is also a
    title or group word ("Mr. Prince", "Ms. Bishop"): an honorific is followed by a name."""
    word = toks[i].text
    if i == 0 or toks[i - 1].text.casefold() not in HONORIFICS or not _joined(text, toks[i - 1], toks[i]):
        return False
    return word[:1].isupper() and word.isalpha() and word.casefold() not in NOT_NAME


def _sentence_starts(text: str, toks: list[Tok]) -> set[int]:
    starts = set()
    prev_end = -1
    for i, t in enumerate(toks):
        before = text[max(0, prev_end) : t.start] if prev_end >= 0 else "\n"
        if (
            prev_end < 0
            or "\n" in before
            or re.search(r"[.!?:\"“”]\s*$", text[max(0, t.start - 3) : t.start])
        ):
            starts.add(i)
        prev_end = t.end
    return starts


def _pre_title(text: str, toks: list[Tok], i: int) -> tuple[int, str]:
    """Walk back from token ``i`` over title words; return the title's first token index and text."""
    words = _title_words()
    j = i
    while j > 0:
        prev = toks[j - 1]
        if not _joined(text, prev, toks[j]) and prev.text not in {"’", "'"}:
            break
        w = prev.text.casefold()
        if prev.text in {"’", "'"} and j >= 2 and text[prev.end : prev.end + 1] == "s":
            j -= 1
            continue
        if w == "s" and j >= 2 and toks[j - 2].text in {"’", "'"}:
            owner = toks[j - 3] if j >= 3 else None
            if owner and (country_of(owner.text) or _is_acronym(owner.text)):
                j -= 3
                continue
            break
        if w in words or country_of(prev.text) or (_is_acronym(prev.text) and prev.text not in {"I"}):
            j -= 1
            continue
        break
    while j < i and toks[j].text.casefold() in {"of", "the", "for", "to", "and", "a", "an"}:
        j += 1
    if j == i:
        return i, ""
    return j, text[toks[j].start : toks[i].start]


_APPOSITIVE_STOP = re.compile(r"[,;:\n\"“”]|\.(?=\s+[a-z])|\.$|\.\s*$")
_APPOSITIVE_BAD_START = re.compile(
    r"^(?:who|whom|whose|which|that|where|when|and|but|or|said|says|told|tells|added|\d)", re.I
)


def _appositive(text: str, pos: int, limit: int) -> tuple[int, TitleInfo] | None:
    """An office appositive right after a name: ", chairman of the US Joint Chiefs of Staff,"."""
    m = re.match(r"\s*(?:\([^)\n]{1,40}\)\s*)?,\s+", text[pos:limit])
    if not m:
        return None
    body_start = pos + m.end()
    stop = _APPOSITIVE_STOP.search(text, body_start, limit)
    body_end = stop.start() if stop else limit
    body = text[body_start:body_end].strip()
    if not body or len(body.split()) > 14 or _APPOSITIVE_BAD_START.match(body):
        return None
    if not any(is_office_head(w) for w in body.split()):
        return None
    info = parse_title(body)
    if info.office is None:
        return None
    return body_end, info


def find_names(text: str, lower_words: frozenset[str]) -> list[NameMention]:
    """Every person-name mention in ``text``, in order.

    ``lower_words`` are the words the article also writes in lower case: a
    capitalised sentence opener among them ("Western", "Under") is not a name.
    """
    toks = tokenize(text)
    starts = _sentence_starts(text, toks)
    inside = frozenset(t.text for k, t in enumerate(toks) if k not in starts and t.text[:1].isupper())
    surnames = frozenset(  # the word after a given name inside a sentence ("Marty Small")
        b.text
        for k, (a, b) in enumerate(pairwise(toks))
        if k not in starts and b.text[:1].isupper() and _joined(text, a, b) and given_name_sex(a.text)
    )
    out: list[NameMention] = []
    i = 0
    n = len(toks)
    while i < n:
        known_surname = toks[i].text in surnames and _opens_a_report(toks, i)
        name = _name_part(text, toks[i], i in starts, lower_words, inside, known_surname)
        if name and i in starts and _opens_participle(toks, i):
            name = False
        if not (name or _after_honorific(text, toks, i)):
            i += 1
            continue
        j = i + 1
        while j < n and _joined(text, toks[j - 1], toks[j]):
            t = toks[j]
            if t.text in _PARTICLES:
                k = j
                while k < n and toks[k].text in _PARTICLES:
                    k += 1
                if k < n and _name_part(text, toks[k], False, lower_words):
                    j = k  # "Ursula von der Leyen"
                    continue
                break
            if (
                t.text in _SUFFIXES
                or _name_part(text, t, False, lower_words)
                or _country_surname(text, toks, j)
                or _title_surname(toks, i, j)
            ):
                j += 1
                continue
            break
        run = _strip_common_words(toks[i:j], lower_words)
        born = max((n for n, t in enumerate(run[:-1]) if t.text.endswith(_ORIGIN_SUFFIXES)), default=-1)
        run = run[born + 1 :]  # "South Korean-born Monte Haines", "Ohio-based Ann Lee": the name follows
        org_after = j < n and toks[j].text.casefold() in ORG_WORDS and toks[j].text[:1].isupper()
        org_after = org_after and _joined(text, toks[j - 1], toks[j])  # "Associated Press"
        i = j
        words = [t.text for t in run if t.text not in _DROPPED_SUFFIXES]
        k = _index_of(toks, run[0])
        titled = k > 0 and is_office_head(toks[k - 1].text)
        if (
            org_after
            or all(len(w) == 2 and w.endswith(".") for w in words)
            or (len(words) == 1 and re.fullmatch(r"(?:[A-Z]\.){2,}", words[0]) is not None)  # "N.H.", "U.S."
            or (any(w.casefold() in ORG_WORDS for w in words) and not _surname_of_a_firm(words, titled))
        ):
            continue
        if _is_place(words) or (k > 0 and _is_place([toks[k - 1].text, *words])):
            continue  # "Iowa", "South Carolina", the "York" of "New York"
        if _state_abbreviation(text, toks, k, words):
            continue  # "a rally in Beaumont, Tex., ..."
        if k > 0 and toks[k - 1].text.casefold() in _ORG_BEFORE:
            continue
        last = _index_of(toks, run[-1])
        if k > 0 and toks[k - 1].text == "the" and len(words) > 1 and _named_thing(toks, last):
            continue  # "on the Trump Train,": a thing's name ("the Lee campaign" keeps the person)
        tstart, title_text = _pre_title(text, toks, k)
        title = parse_title(title_text) if title_text else TitleInfo()
        name_start, name_end = run[0].start, run[-1].end
        end = name_end
        app = _appositive(text, name_end, min(len(text), name_end + 160))
        if app:
            end, extra = app
            title = TitleInfo(
                office=extra.office or title.office,
                country=extra.country or title.country,
                organization=extra.organization or title.organization,
            )
        tokens = tuple(words)
        gender = _gender(title_text) or (given_name_sex(words[0]) if len(words) > 1 else None)
        out.append(
            NameMention(
                toks[tstart].start if title_text else name_start,
                end,
                name_start,
                name_end,
                tokens,
                title,
                gender,
            )
        )
    return _drop_word_openers(out, {toks[k].start for k in starts}, inside)


def _drop_word_openers(
    mentions: list[NameMention], opener_starts: set[int], inside: frozenset[str]
) -> list[NameMention]:
    """Mentions less the one-word ones that are a dictionary word opening a sentence ("Given
    his record", "Dozens of them", "Pretty soon"), when the article never capitalises that
    word inside a sentence, gives no longer name holding it and puts no title before it: a
    surname that is also a word ("Brown", "Sanders") has its full name somewhere."""
    name_words = {w for m in mentions if len(m.tokens) > 1 for w in m.tokens}
    return [
        m
        for m in mentions
        if len(m.tokens) > 1
        or m.name_start not in opener_starts
        or m.start != m.name_start
        or m.tokens[0] in inside
        or m.tokens[0] in name_words
        or not is_common_word(m.tokens[0])
    ]


def _named_thing(toks: list[Tok], last: int) -> bool:
    """Whether a capitalised run after "the" ends a noun phrase (no common noun follows it, as
    "campaign" does in "the Ann Lee campaign"): people are not named with "the"."""
    nxt = toks[last + 1].text if last + 1 < len(toks) else "."
    return not nxt[:1].islower()


def _is_place(words: list[str]) -> bool:
    """A state, city or region ("South Carolina", "Iowa"), or a run that ends in one."""
    places = lexicon().places
    if " ".join(words) in places:
        return True
    return any(" ".join(words[i:]) in places for i in range(1, len(words) - 1))


def _strip_common_words(run: list[Tok], lower_words: frozenset[str]) -> list[Tok]:
    """A long capitalised run loses an outer word the article also writes in lower case: a
    title or a headline verb, not a name ("Journalist Jane Roe", "Jane Roe Responds"), and a
    title-case heading opening on a two-word name keeps the name ("Jane Roe Got Real About ...")."""
    while len(run) > 2 and run[0].text.casefold() in lower_words:
        run = run[1:]
    if len(run) == 3 and run[-1].text.casefold() in lower_words:
        run = run[:-1]  # longer runs are headline words ("Offensive Things Jane Roe Has"): no name
    elif len(run) > 3 and run[2].text[:1].isupper() and run[2].text.casefold() in lower_words:
        run = run[:2]  # "Selenis Leyva Got Real About ...": a title-case heading after a name
    return run


def _index_of(toks: list[Tok], tok: Tok) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < tok.start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _gender(title_text: str) -> str | None:
    lex = lexicon()
    words = {w.casefold() for w in re.findall(r"[\w.]+", title_text)}
    if words & lex.female:
        return "female"
    if words & lex.male:
        return "male"
    return None
