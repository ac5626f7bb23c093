"""Short quoted terms: whose words they are, or that they are nobody's.

A quoted term with no attribution is a scare quote or a title, not a quotation.
News puts the titles of books, shows, campaigns and slogans in quotation marks
("his book “The Art of the Deal”"): written in title case, they name something.
But a term can be attributed without a reporting verb, by possession ("the
mayor's “fair share” plan", "his so-called “reset”") or by naming ("what the
mayor called a “disaster”"): then the words are that person's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.lexicon import wordset
from extract.speakers import Entity, People

_SMALL = wordset(
    "a an and as at but by for from in into nor of on or the to with vs via is are be it its our my your his "
    "her"
)
_WORD = re.compile(r"[^\W_][\w’'.-]*")
_MAX_TITLE_WORDS = 10


def is_title(quoted: str) -> bool:
    """Whether a quoted span reads as a title or name: a few words, every word but the small
    ones capitalised ("Make America Great Again", "A Time for Truth"), not a question or cry."""
    if quoted.rstrip(" ,.\"”’'").endswith(("!", "?")):
        return False
    words = _WORD.findall(quoted)
    if not words or len(words) > _MAX_TITLE_WORDS or not words[0][0].isupper():
        return False
    big = [w for w in words if w.casefold() not in _SMALL]
    return len(big) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in big)


_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])\s+(?:so-called\s+)?$")
_PRONOUN_POSSESSIVE = re.compile(r"\b(his|her)\s+(?:so-called\s+)?$", re.I)
_NAMING = re.compile(
    r"\b(?:what|which|whom)\s+([^,;:\x00]{1,60}?)\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:call(?:s|ed)?|dub(?:s|bed)?|label(?:s|l?ed)|brand(?:s|ed)|term(?:s|ed)|"
    r"(?:describ|characteriz|characteris)(?:es|ed)\s+as|refer(?:s|red)\s+to\s+as)\s+"
    r"(?:(?:a|an|the|his|her|its|their)\s+)?$",
    re.I,
)
_REACH = 120  # characters read back from the quotation mark
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w-]*)")
_NOT_NOUN = wordset(
    """is are was were be been has have had will would could should can may might must do does did
    and or but nor that which who whom whose what when where while as than so if because though
    with without at in on for to of from by into onto about against over under after before during
    since until through via per like unlike among between toward towards upon within amid despite
    the a an this these those his her its their our my your not also even just only still"""
)


@dataclass(frozen=True)
class Owner:
    """Whose a quoted term is, and the words that say so ("Marten’s", "what Marten called")."""

    who: Entity
    cue: str
    possessive: bool


def names_a_thing(masked: str, close: int) -> bool:
    """Whether a noun follows the quotation ("Marten’s “fair share” plan"): the possessor's own
    name for the thing. Before a verb or preposition ("Marten’s “excesses” are ...") the term
    is someone else's word for what the possessor did."""
    m = _NEXT_WORD.match(masked, close)
    return m is not None and m.group(1).casefold() not in _NOT_NOUN and not m.group(1).endswith("ly")


def term_owner(
    text: str, masked: str, floor: int, span: tuple[int, int], people: People, after_verb: bool
) -> Owner | None:
    """The person the quoted term ``span`` (marks included) is attributed to without a reporting
    verb: a possessive before a name for a thing, a "so-called", or "what <someone> called".
    ``after_verb`` says a verb governs the term, which makes a "his"/"her" before it its object."""
    open_at, close = span
    lo = max(floor, open_at - _REACH)
    before = masked[lo:open_at]
    m = _POSSESSIVE.search(before)
    if m and ("so-called" in m.group() or names_a_thing(masked, close)):
        mention = people.mention_ending_at(lo + m.start())
        if mention is not None and mention.name_end == lo + m.start():
            named = people.entity_of(mention)
            if named.kind == "person" and len(named.name.split()) > 1:  # not "the Constitution's"
                return Owner(named, text[mention.name_start : lo + m.end()].strip(), True)
    m = _PRONOUN_POSSESSIVE.search(before)
    if m and ("so-called" in m.group() or (not after_verb and names_a_thing(masked, close))):
        referent = people.pronoun("he" if m.group(1).casefold() == "his" else "she", lo + m.start())
        if referent is not None:
            return Owner(referent, m.group().strip(), True)
    m = _NAMING.search(before)
    if m and m.group(1).casefold() not in {"he", "she", "they", "it", "we", "i"}:  # those: the subject
        who, _ = people.classify(lo + m.start(1), lo + m.end(1))
        if who is not None:
            return Owner(who, m.group().strip(), False)
    return None
