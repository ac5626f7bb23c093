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

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain, pairwise
from typing import Any

from whoosh.analysis import BiWordFilter, CharsetFilter, StemmingAnalyzer, Token, Tokenizer
from whoosh.analysis.filters import STOP_WORDS
from whoosh.analysis.tokenizers import default_pattern
from whoosh.formats import Frequency, Positions
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map
from whoosh.system import pack_uint

WordValue = tuple[str, int, float, bytes]  # a format's (word, frequency, weight, encoded value)
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


_last_stems: tuple[str, tuple[int, list[str]]] = ("", (0, []))


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

    def stems(self, value: str) -> tuple[int, list[str]]:
        """The texts ``__call__`` yields for plain indexing, and the first one's position (the
        others follow one by one): what the formats below need, without a token per word.

        The last text's stems are kept (read-only to callers): a quote's text
        is indexed twice in a row, as words and as pairs of words.
        """
        global _last_stems
        last = _last_stems
        if last[0] == value:
            return last[1]
        found = self._stems(value)
        _last_stems = (value, found)  # one tuple: another thread sees the old pair or the new one
        return found

    def _stems(self, value: str) -> tuple[int, list[str]]:
        folded = _folded
        first = 0
        words: list[str] = []
        for number, match in enumerate(default_pattern.finditer(value)):
            word = match.group(0).lower()
            if len(word) < MIN_WORD or word in STOP_WORDS:
                continue
            if not words:
                first = number
            words.append(folded(word))
        return first, words


class WordPairs(BiWordFilter):  # type: ignore[misc]
    """Whoosh's ``BiWordFilter`` (each two adjacent words as one token, a lone word as itself),
    except that a text of stop words only yields nothing instead of failing."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        tokens = iter(tokens)
        first = next(tokens, None)
        if first is not None:
            yield from super().__call__(chain([first], tokens))


def _plain(analyzer: Any, kwargs: dict[str, Any]) -> bool:
    """Whether a format's ``word_values`` call is plain indexing (``Field.index``) by ``StemmedWords``."""
    return (
        type(analyzer) is StemmedWords
        and kwargs.keys() <= {"mode"}
        and kwargs.get("mode", "index") == "index"
    )


@lru_cache(maxsize=STEMS_KEPT)
def _at(pos: int) -> bytes:
    """``Positions.encode([pos])``: most words occur once in a text, at one of few positions."""
    return bytes(Positions().encode([pos]))


class StemmedPositions(Positions):  # type: ignore[misc]
    """Whoosh's ``Positions`` format, indexing ``StemmedWords``'s words in one pass.

    ``Positions.word_values`` reads a token object per word from the analyzer
    and collects positions through two dictionaries: with the analysis, half
    of adding a document. The same (word, frequency, weight, positions) come
    from the list of stems, whose positions count up from the first.
    """

    def word_values(
        self, value: Any, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        if not (isinstance(value, str) and _plain(analyzer, kwargs)):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        first, words = analyzer.stems(value)
        found: dict[str, list[int]] = {}
        for pos, word in enumerate(words, first):
            seen = found.get(word)
            if seen is None:
                found[word] = [pos]
            else:
                seen.append(pos)
        boost, encode = self.field_boost, self.encode
        for word, poslist in found.items():
            value = _at(poslist[0]) if len(poslist) == 1 else encode(poslist)
            yield word, len(poslist), float(len(poslist)) * boost, value


class PairFrequency(Frequency):  # type: ignore[misc]
    """Whoosh's ``Frequency`` format, indexing ``StemmedWords | WordPairs`` in one pass."""

    def word_values(
        self, value: Any, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        items: list[Any] = getattr(analyzer, "items", [])
        if not (
            isinstance(value, str)
            and len(items) == 2
            and type(items[1]) is WordPairs
            and _plain(items[0], kwargs)
        ):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        _, words = items[0].stems(value)
        sep = items[1].sep
        pairs = [a + sep + b for a, b in pairwise(words)] if len(words) > 1 else words
        boost = self.field_boost
        for pair, freq in Counter(pairs).items():
            yield pair, freq, float(freq) * boost, pack_uint(freq)
