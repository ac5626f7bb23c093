"""Quote and article text analysis in one pass: Whoosh's stemming chain, fused for indexing.

``StemmingAnalyzer() | CharsetFilter(accent_map)`` runs every word through
five generators (tokenizer, lower case, stop words, stemmer, accent folding),
passing a token object along at each step: at 10^5 quotes about a quarter of
an index build. ``StemmedWords`` makes the same tokens in one loop, the
stemmed and folded text of each distinct word remembered once for every field. It is the same
analysis, token for token (text, position, characters; ``tests/index/
test_analysis.py`` compares them), so indexes built either way agree, and
anything but plain indexing or querying (no tokenizing, stop words kept, no
stemming, original text wanted) is handed to the chain itself.

    >>> [t.text for t in StemmedWords()("The ministers said Müller is deploying")]
    ['minist', 'said', 'muller', 'deploi']
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import CharsetFilter, StemmingAnalyzer, Token, Tokenizer
from whoosh.analysis.filters import STOP_WORDS
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

MIN_WORD = 2  # StopFilter's minsize: shorter words are stop words
STEMS_KEPT = 100_000


def stemming_chain() -> Any:
    """Whoosh's own analysis that ``StemmedWords`` reproduces."""
    return StemmingAnalyzer() | CharsetFilter(accent_map)


_CHAIN = stemming_chain()  # for the calls ``StemmedWords`` does not reproduce


@lru_cache(maxsize=STEMS_KEPT)
def _folded(word: str) -> str:
    """A lower-cased word stemmed and accent-folded; one cache for every field that analyses text."""
    return str(stem(word)).translate(accent_map)


class StemmedWords(Tokenizer):  # type: ignore[misc]
    """Words, lower-cased, stop words dropped (positions renumbered without them), stemmed and
    accent-folded, as ``stemming_chain()`` yields them."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        if keeporiginal or not removestops or not tokenize or kwargs.get("no_morph"):
            yield from _CHAIN(
                value,
                positions=positions,
                chars=chars,
                keeporiginal=keeporiginal,
                removestops=removestops,
                start_pos=start_pos,
                start_char=start_char,
                tokenize=tokenize,
                mode=mode,
                **kwargs,
            )
            return
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost = 1.0
        token.stopped = False
        folded = _folded
        pos: int | None = None  # the chain keeps the first word's own position, then counts on
        for number, match in enumerate(default_pattern.finditer(value)):
            word = match.group(0).lower()
            if len(word) < MIN_WORD or word in STOP_WORDS:
                continue
            token.text = folded(word)
            if positions:
                pos = start_pos + number if pos is None else pos + 1
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token
