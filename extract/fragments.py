"""Quoted fragments inside a writer's sentence: the verb object that carries them.

"Trump called the system “rigged”" quotes two words; what the reader needs is the
object they sit in ("the system “rigged”") and the verb that makes them someone's
words. Kept apart from the cue-driven attribution in ``reported``: the pipeline asks
this only of quotations no reporting cue claimed.
"""

from __future__ import annotations

import re

from extract.cues import COMPLEMENT_VERBS, inflect
from extract.direct import Segment
from extract.lexicon import wordset
from extract.names import iter_tokens_back, tokenize
from extract.sentences import Sentence

_WORD = re.compile(r"\w+")

_PARTICLES = frozenset({"of", "about", "on", "as", "that", "at", "upon"})
_OWN_PARTICLE = dict.fromkeys(inflect("refer"), frozenset({"to"}))
"""Verbs whose particle is no part of their object ("referred to [the mayor as “...”]")."""
_SETTING = frozenset({"in", "during", "after", "before", "at", "while", "when", "on"})
"""Words opening a phrase of time or place right after a verb, where its object would stand."""
_VERB_REACH = 18  # words a quoted fragment may stand after the verb whose object it is
_NAMING_VERBS = wordset(
    "call calls called dub dubs dubbed term terms termed label labels labeled labelled brand branded"
)
_CLAUSE_END = re.compile(
    r";|\s\(|,\s+(?:and|but|while|which|who|whose|when|where|although|though|as|even|adding|saying|according)\b"
    r"|\s+(?:while|whereas|because|although)\b|\s+—\s"
    r"|\s+(?:and|but)\s+(?:\w+ly\s+)?(?:\w+ed|said|says|told|made|took|gave|called|calling|saying)\b",
    re.I,
)


def complement(text: str, masked: str, sent: Sentence, seg: Segment) -> tuple[int, int, str] | None:
    """The object of a communication verb that holds a quoted fragment, as a mixed span:
    "called [the system "rigged"]", "described [Trump as "kind"]". None when no such verb
    governs the fragment (then a short fragment is only a scare quote)."""
    verb = None
    for n, tok in enumerate(iter_tokens_back(masked, sent.start, seg.open)):
        if n > _VERB_REACH or tok.text in {";", ":", "(", ")"}:
            return None
        if tok.text.casefold() in COMPLEMENT_VERBS:
            verb = tok
            break
    if verb is None:
        return None
    start = verb.end
    rest = tokenize(masked, start, seg.open)
    particles = _PARTICLES | _OWN_PARTICLE.get(verb.text.casefold(), frozenset())
    while rest and rest[0].text.casefold() in particles:
        start = rest[0].end
        rest = rest[1:]
    if start == verb.end and rest and rest[0].text.casefold() in _SETTING:
        return None  # "said in his book, “...”", "admitted during an interview": the setting, no object
    m = _CLAUSE_END.search(masked, seg.close, sent.end)
    end = m.start() if m else sent.end
    relative = re.search(r"\b(?:which|whom|who|what)\b(?=[^,\x00]*$)", masked[sent.start : verb.start])
    if relative:
        end = seg.close  # a relative clause ("which X described as "...""): it ends with the quote
        naming = verb.text.casefold() in _NAMING_VERBS
        short = len(_WORD.findall(masked[sent.start + relative.end() : verb.start])) <= 4
        if naming and short and relative.group().casefold() in {"what", "which"}:
            start = sent.start + relative.start()  # "what aide Kevin Phillips called "...""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:—–-"):
        if masked[end - 1] == "\x00":
            break
        end -= 1
    while start < end and (text[start].isspace() or text[start] == ","):
        start += 1
    if end <= start:
        return None
    return start, end, verb.text
