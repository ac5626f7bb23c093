"""Bounds that keep extraction linear on hostile input, and a set of claimed spans.

A cue or quotation looks at most ``WINDOW`` characters either side of itself:
no speaker slot, complementiser or reported clause in English news is longer,
and without the bound one long sentence full of cues costs time quadratic in
its length. A window is the sentence itself for any sentence of ordinary size.
"""

from __future__ import annotations

import bisect
import re

from extract.sentences import Sentence

WINDOW = 1000
"""Characters a cue or quotation reads on each side of itself (about 250 words)."""


_SPACE = re.compile(r"\s")


def window(text: str, sent: Sentence, start: int, end: int) -> Sentence:
    """The part of ``sent`` within ``WINDOW`` characters of ``[start, end)``, cut between words."""
    lo, hi = sent.start, sent.end
    if start - WINDOW > lo:
        space = _SPACE.search(text, start - WINDOW, start)
        lo = space.end() if space else start
    if end + WINDOW < hi:
        hi = end + WINDOW
        while hi > end and not text[hi - 1].isspace():
            hi -= 1
        hi = hi if hi > end else end + WINDOW
    return Sentence(lo, hi, sent.para)


class SpanSet:
    """Spans already attributed, which never overlap one another (a new attribution is
    only added where none is), so one bisection answers whether a span is free."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        """Claim ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a claimed span."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def covers(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a claimed span."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and self._ends[i] > pos
