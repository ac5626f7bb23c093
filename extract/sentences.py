"""Sentence splitting for news paragraphs, aware of abbreviations and quotations.

A sentence never ends inside a quotation: the quote and the words attributing
it ("..., she said.") must stay in one sentence for attribution to see both.
Titles and initials ("Sen.", "Gen.", "C. Q. Brown", "U.S.") do not end sentences.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extract.direct import Segment
from extract.lexicon import wordset

_ABBREV = wordset(
    """mr mrs ms dr prof sen sens rep reps gov govs gen lt col maj capt sgt adm cmdr rev hon pres
    st jr sr no nos vs etc inc corp co ltd jan feb mar apr aug sep sept oct nov dec mt ft gop
    approx dept est fig ave blvd univ assn bros u.s u.k u.n e.u d.c"""
)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+(?:(?:''|[\"“‘'(«])?\[?[A-Z0-9]|(?:''|[\"“‘«])[.…])|“)")
"""A stop, its closing marks, and a capital or a quotation after a space; or an opening curly
mark run straight on after the stop ("... safe.”“Your facts ...", "said Reyes.“Very ..."), a
typo that still ends the sentence."""
_ATTRIBUTION = re.compile(
    r"\s+(?:(?:[A-Z][\w.’'-]*|of|the)\s+){1,5}(?:said|says|asked|asks|added|adds|continued|told|tells|wrote|"
    r"writes|replied|explained|recalled|noted|insisted|argued|shouted|demanded|tweeted|exclaimed|responded)"
    r"(?:\s+[\w’'-]+){0,4}\s*[.,]"
)
_BARE_ATTRIBUTION = re.compile(r"\s+(?:[A-Z][\w.’'-]*\s+){1,4}[a-z]+\s*\.(?!\S)")
"""An attribution that is a whole sentence ("Mr. Hale said."): it belongs to the quotation
before it even after a full stop, having nothing of its own to say."""
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_FINAL_ABBREV = wordset("u.s u.k u.n e.u d.c etc inc corp co ltd jr sr")
"""Abbreviations that also end sentences ("... attacks in the U.S. He says ...")."""
_OPENER = re.compile(
    r"\s+(?:He|She|They|It|We|I|This|That|These|Those|There|But|And|So|Yet|His|Her|Their|Its|Our|"
    r"However|Still|Meanwhile|Instead|If|When|While|After|Before|Since|Although)\b"
)
"""Words that open a sentence and never go on a name ("U.S. Steel", "Inc. Chief")."""


@dataclass(frozen=True)
class Sentence:
    """A sentence's character span in the raw text and the paragraph holding it."""

    start: int
    end: int
    para: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation within the sentence: a title or
    an initial always does; "U.S." or "Inc." does unless a sentence opener follows it."""
    m = _LAST_WORD.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "C. Q. Brown"
    low = word.casefold().rstrip(".")
    if low in _FINAL_ABBREV and _OPENER.match(text, dot + 1):
        return False
    return low in _ABBREV


def split(text: str, start: int, end: int, para: int, segments: list[Segment]) -> list[Sentence]:
    """The sentences of one paragraph ``text[start:end]``."""
    opens = [s.open for s in segments]  # in order, never overlapping: bisection finds the one around
    closes = {s.open: s.close for s in segments}
    out: list[Sentence] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end()
        i = bisect.bisect_left(opens, stop) - 1
        if i >= 0 and stop < closes[opens[i]]:
            continue
        dot = m.start()
        if text[dot] == "." and m.group().rstrip("\"”’'»)]") == "." and _is_abbreviation(text, dot):
            continue
        attribution = _ATTRIBUTION.match(text, stop, end)
        bare = (
            attribution is not None
            and attribution.group().endswith(".")
            and _BARE_ATTRIBUTION.match(text, stop, end)
        )
        if attribution and closes.get(cur) == stop and (bare or not m.group().startswith(".")):
            # "“Can we win?” Mr. Manafort asked.": the attribution belongs to the quote; after
            # "“... wheelhouse.” He said ..." a new sentence starts (news style ends a quotation
            # before its attribution with a comma, "?" or "!", never a full stop)
            continue
        out.append(Sentence(cur, stop, para))
        cur = stop
        while cur < end and text[cur].isspace():
            cur += 1
    if cur < end:
        out.append(Sentence(cur, end, para))
    return out
