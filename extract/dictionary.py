"""Whether a word is an ordinary English word, so that a capitalised sentence opener
("Given his record, ...", "Dozens of them ...", "Pretty soon she ...") is not taken for a
person's surname.

The list is the headwords of the GNU Collaborative International Dictionary of English
(about 115,000, lower-cased), as the ``english-words`` package ships them. It lists base
forms, so a plural counts through its singular.

>>> is_common_word("Dozens"), is_common_word("Given"), is_common_word("Pevkur")
(True, True, False)
"""

from __future__ import annotations

from functools import cache

from english_words import get_english_words_set


@cache
def _words() -> frozenset[str]:
    return frozenset(get_english_words_set(["gcide"], lower=True))


def is_common_word(word: str) -> bool:
    """Whether ``word`` (any case), or its singular, is a dictionary headword."""
    low = word.casefold()
    words = _words()
    return low in words or (low.endswith("s") and low[:-1] in words)
