"""Quoted terms that are not quotations: titles and names set in quotation marks.

News puts the titles of books, shows, films, campaigns and slogans in quotation
marks ("his book “The Art of the Deal”", "the “Orange Is the New Black” star").
Written in title case, they name something; nobody is quoted saying them.
"""

from __future__ import annotations

import re

from extract.lexicon import wordset

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
