"""Quotation marks: find the spans of quoted words in a paragraph.

Handles straight and curly double quotes, the doubled apostrophes some wires
use (''like this''), mismatched pairs (curly open, straight close; a double
open closed by a single mark, see ``_single_close``) and quotes left open at
the end of a paragraph because the next paragraph continues them (news style
opens every paragraph of a long quote and closes only the last). Single quotes
are never openers here: inside a double quote they are a quote within the quote
and belong to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"''|‘‘|’’|[\"“”„«»]")
_OPENERS = frozenset({"“", "„", "«", "‘‘"})
_CLOSERS = frozenset({"”", "»", "’’"})


@dataclass(frozen=True)
class Segment:
    """One quoted span: the opening mark at ``open``, words between ``start`` and ``end``,
    and ``close`` just after the closing mark (or the paragraph end when ``closed`` is False,
    the paragraph having ended before a closing mark).
    """

    open: int
    start: int
    end: int
    close: int
    closed: bool

    def words(self, text: str) -> int:
        """How many words the quoted span holds."""
        return len(text[self.start : self.end].split())


def _role(text: str, pos: int, mark: str) -> str:
    """Whether a mark opens or closes, judged by what touches it."""
    before = text[pos - 1] if pos > 0 else " "
    after_i = pos + len(mark)
    after = text[after_i] if after_i < len(text) else " "
    if mark in _OPENERS and not (after.isspace() and not before.isspace()):
        return "open"
    if mark in _CLOSERS and not (before.isspace() and after.isalnum()):
        return "close"
    if before.isspace() or before in "([{—–-/:;" or pos == 0:
        return "open" if not after.isspace() else "close"
    return "close"


def find_segments(text: str, start: int, end: int) -> list[Segment]:
    """The quoted spans inside ``text[start:end]`` (one paragraph), in order."""
    segments: list[Segment] = []
    open_at: int | None = None
    open_len = 0
    for m in _MARK.finditer(text, start, end):
        pos, mark = m.start(), m.group()
        role = _role(text, pos, mark)
        if open_at is None:
            if role == "open" or pos == start:
                open_at, open_len = pos, len(mark)
            continue
        if role == "open" and pos > open_at + open_len:
            # A second opener while one is open: the first was never closed.
            inner_end = pos
            while inner_end > open_at + open_len and text[inner_end - 1].isspace():
                inner_end -= 1
            segments.append(_unclosed(text, open_at, open_len, inner_end))
            open_at, open_len = pos, len(mark)
            continue
        segments.append(_segment(text, open_at, open_len, pos, pos + len(mark), closed=True))
        open_at = None
    if open_at is not None:
        segments.append(_unclosed(text, open_at, open_len, end))
    return [s for s in segments if s.end > s.start]


_SINGLE = frozenset("’'")
_SPEECH_END = frozenset(".,!?…")


def _unclosed(text: str, open_at: int, open_len: int, limit: int) -> Segment:
    """A double quote no double mark closes before ``limit``: closed by a single mark
    when one plausibly ends it (see ``_single_close``), otherwise left open.
    """
    close = _single_close(text, open_at + open_len, limit)
    if close is None:
        return _segment(text, open_at, open_len, limit, limit, closed=False)
    return _segment(text, open_at, open_len, close, close + 1, closed=True)


def _single_close(text: str, start: int, limit: int) -> int | None:
    """Where a single mark closes a double quote in ``text[start:limit]``, if one does.

    Writers slip and close “like this’; without this the quote runs on over the
    reporter's next sentences. Only a mark right after speech-ending punctuation
    counts (“... go.’ She ...”, “... go,’ she said”), which an apostrophe never is
    (“the minister’s plan”, “dogs’ owners”), and a mark that balances an inner
    opening ‘ belongs to the quote within the quote.
    """
    depth = 0
    for i in range(start, limit):
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == "‘" or (ch == "'" and not before.isalnum() and after.isalnum()):
            depth += 1
        elif ch in _SINGLE and not (before.isalnum() and after.isalnum()) and depth > 0:
            depth -= 1
        elif ch in _SINGLE and before in _SPEECH_END and not after.isalnum():
            return i
    return None


def _segment(text: str, open_at: int, open_len: int, inner_end: int, close: int, closed: bool) -> Segment:
    s, e = open_at + open_len, inner_end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Segment(open_at, s, e, close, closed)


_HEADLINE_QUOTE = re.compile(r"(?<![\w’'])‘(?=\S)[^‘’\n]*?[^\s‘’]’(?!\w)")


def headline_segments(text: str, start: int, end: int, segments: list[Segment]) -> list[Segment]:
    """A headline's quotations, ``segments`` (its double-quoted ones) with those in single
    marks added: headlines quote in single marks ("Lee hails ‘new era’ for ferry"), which in
    body text are the quotes within quotes ``find_segments`` leaves inside their quotations."""
    taken = [(s.open, s.close) for s in segments]
    single = [
        Segment(m.start(), m.start() + 1, m.end() - 1, m.end(), True)
        for m in _HEADLINE_QUOTE.finditer(text, start, end)
        if not any(a < m.end() and m.start() < b for a, b in taken)
    ]
    return sorted([*segments, *single], key=lambda s: s.open)


def mask(text: str, segments: list[Segment]) -> str:
    """The text with every quoted span (marks included) blanked out, offsets kept.

    Cue and name rules read the masked text so words inside a quote are never
    taken for the reporter's own words.
    """
    chars = list(text)
    for seg in segments:
        for i in range(seg.open, min(seg.close, len(chars))):
            if chars[i] != "\n":
                chars[i] = "\x00"
    return "".join(chars)
