"""Quoted fragments inside a writer's sentence: the verb object that carries them.

"Trump called the system “rigged”" quotes two words; what the reader needs is the
object they sit in ("the system “rigged”") and the verb that makes them someone's
words. Kept apart from the cue-driven attribution in ``reported``: the pipeline asks
this only of quotations no reporting cue claimed.
"""

from __future__ import annotations

import re

from extract.cues import ATTITUDE_VERBS, COMPLEMENT_VERBS, inflect
from extract.direct import Segment
from extract.lexicon import wordset
from extract.names import Tok, iter_tokens_back, tokenize
from extract.sentences import Sentence
from extract.terms import is_title, names_a_thing

_WORD = re.compile(r"\w+")

_PARTICLES = frozenset({"of", "about", "on", "as", "that", "at", "upon"})
_OWN_PARTICLE = dict.fromkeys(inflect("refer"), frozenset({"to"}))
"""Verbs whose particle is no part of their object ("referred to [the mayor as “...”]")."""
_SETTING = frozenset({"in", "during", "after", "before", "at", "while", "when", "on"})
"""Words opening a phrase of time or place right after a verb, where its object would stand."""
_TOPIC_VERBS = inflect("speak") | inflect("talk")
_TOPICS = frozenset({"about", "of", "on", "up"})
"""Speaking and talking report words only with a topic ("spoke of a “new dawn”", "talked up
her “fair deal”", "spoke briefly about ..."); "speaking to “Harbour Today”" names the listener,
a programme in quotation marks, and "as she spoke, ..." only sets the time."""
_SAYING = frozenset(inflect("say") | inflect("tell") | {"told", "wrote", "writes", "tweeted"})
"""Verbs whose object is the words themselves: a preposition after them opens the setting
("said on ...", "told ... in an interview"), never an object, as "commented on" has."""
_VERB_REACH = 18  # words a quoted fragment may stand after the verb whose object it is
_NAMING_VERBS = wordset(
    "call calls called dub dubs dubbed term terms termed label labels labeled labelled brand branded"
)
_CLAUSE_END = re.compile(
    r";|\s\(|,\s+(?:and|but(?!\s+(?:rather|instead|also)\b)|while|which|who|whose|when|where|although|though|as|even|"
    r"adding|saying|according)\b"
    r"|\s+(?:while|whereas|although)\b|\s+(?:—|–|-|--)\s"
    r"|\s+(?:and|but)\s+(?:\w+ly\s+)?(?:\w+ed|\w+ing|said|says|told|made|took|gave|called)\b"
    r"|\s+(?:and|but)\s+(?:he|she|they|we)\s"
    r"|\s+and\s+(?:(?-i:[a-z]+)\s+){0,2}(?:(?-i:[A-Z][\w.’'-]*)\s+){1,4}(?-i:[a-z]+ing)\b",
    re.I,
)
"""Where the object holding a quoted fragment ends: a clause mark, a relative or adverbial
clause, a second predicate after "and", or a named subject doing something of its own ("and
union chief Tom Reyes hugging her")."""

_SETTING_AFTER = re.compile(
    r"\s*(?:(?:\w+|\d+)\s+times|moments?\s+(?:after|before)\b.*"
    r"|in\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:tweet|statement|interview|speech|post|letter|e-?mail|op-ed)\b.*"
    r"|on\s+(?:Twitter|Facebook|Instagram|television|radio)\b.*"
    r"|(?:(?:on|last|this|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*"
    r"|(?:last|this|early|late)\s+(?:week|month|year|night)\b.*)",
    re.I | re.S,
)
"""Where and when after a quoted fragment that ends its verb's object ("called the plan
“rigged” in a tweet Tuesday", "said “ferry” five times", "defended him as a “decent man”
Tuesday, hours after ..."): the writer's setting, not the quote."""
_NOUN_PHRASE_END = re.compile(r"\s+[-–—]\s")
_VERB_WITH_OBJECT = re.compile(r"\s+[a-z]+\s+(?:a|an|the|his|her|its|their|our|my)\s", re.I)
"""A word and a determiner after the term: a verb and its object ("what they called a
"scheme" took a turn"), so the relative clause was the subject and ends with the term."""


def setting_after(text: str, masked: str, seg: Segment, end: int) -> bool:
    """Whether all that follows a quotation up to ``end`` is a setting ("in a tweet Tuesday",
    "five times"), unless the quotation is a title ("on “Meet the Voters” on Sunday")."""
    return _SETTING_AFTER.fullmatch(masked, seg.close, end) is not None and not is_title(
        text[seg.start : seg.end]
    )


def closes_on_stop(text: str, seg: Segment) -> bool:
    """Whether the quotation closes on its own comma or stop ("called inversions “unpatriotic,”
    and his aides ..."): the object ends with the marks and what follows is the writer's."""
    return text[seg.start : seg.end].rstrip()[-1:] in {",", ".", ";", ":", "!", "?"}


def _relative_end(text: str, masked: str, seg: Segment, clause_end: int) -> int:
    """Where a relative clause holding a quoted term ends ("which X described as "..."").
    It ends with the quotation, unless the term modifies a noun after it ("what it calls
    "psychographic" profiles of voters"): then the noun phrase is the object and goes on to
    the end of the clause."""
    if not names_a_thing(masked, seg.close) or _VERB_WITH_OBJECT.match(masked, seg.close):
        return seg.close
    dash = _NOUN_PHRASE_END.search(masked, seg.close, clause_end)
    return dash.start() if dash else clause_end


_PARTICIPLES = wordset("called dubbed labeled labelled titled nicknamed billed branded")
_DETERMINERS = wordset("a an the")
_NOT_NAMED = _DETERMINERS | wordset("so he she they it we i you who which that what also")
_DETERMINERS_ALL = wordset("the a an his her their its our my your this that these those")
_NAMING_NOUNS = wordset("term terms label labels brand nickname")
_ARTICLES_AND_OWNERS = wordset("a an the his her their its our my your")
"""Words before an "-ing" or "-ed" form that make it an adjective ("an opposing campaign");
"that" is left out, as it is as often a relative pronoun ("letters that called him ..."). A
base form after them stays a cue: "his call for [“a total ban”]" is a noun of saying."""
_NOUN_REACH = 4  # words from a naming participle back to the determiner of its noun


def _only_determiners(toks: list[Tok]) -> bool:
    """Whether nothing but an article stands between a verb and its quotation."""
    return all(t.text.casefold() in _DETERMINERS for t in toks)


def _named_noun(masked: str, floor: int, verb: Tok) -> int | None:
    """Where the noun phrase a naming participle follows starts ("[a short film] called
    “Harbour Days”"): the quoted name belongs with the thing it names. None when the word
    before the verb is no common noun after an article ("The mayor called “...”" is a
    subject and its verb)."""
    if verb.text.casefold() not in _PARTICIPLES:
        return None
    for n, tok in enumerate(iter_tokens_back(masked, floor, verb.start)):
        low = tok.text.casefold()
        if n == 0 and (not tok.text.islower() or low in _NOT_NAMED):
            return None  # "the so called “X”" is the writer's label, "what he called “X”" a clause
        if low in _DETERMINERS:
            return tok.start
        if n >= _NOUN_REACH or not tok.text[0].isalpha() or not tok.text.islower():
            return None
    return None


_TERM_WORDS = 4


def _describes_as(masked: str, verb_end: int, seg: Segment, text: str) -> bool:
    """Whether the verb describes something as a short quoted term ("whom she described as
    “a born sailor”"): a label like a naming verb's, given with the relative clause that says
    whom it labels. A longer quotation after "as" is a quotation in its own right."""
    return masked[verb_end : seg.open].strip().casefold() == "as" and seg.words(text) <= _TERM_WORDS


_SEEING = wordset("see sees saw seeing")
_FOR_REACH = 6  # words from "for" back to the verb whose object holds it


def _outer_verb(masked: str, floor: int, verb: Tok) -> Tok:
    """The verb a "for ...ing" phrase holding the fragment hangs on ("mocked [Baker for calling
    himself the “king of ferries”]", "slammed [the mayor for not using ...]"): its object, the
    person and the reason, is the report; the gerund only says what was mocked."""
    if not verb.text.casefold().endswith("ing"):
        return verb
    toks = iter_tokens_back(masked, floor, verb.start)
    tok = next(toks, None)
    if tok is not None and tok.text.casefold() == "not":
        tok = next(toks, None)
    if tok is None or tok.text.casefold() != "for":
        return verb
    for n, tok in enumerate(toks):
        low = tok.text.casefold()
        if n > _FOR_REACH or not tok.text[:1].isalpha():
            return verb
        if (low in COMPLEMENT_VERBS or low in ATTITUDE_VERBS) and not low.endswith("ing"):
            return tok
    return verb


def complement(text: str, masked: str, sent: Sentence, seg: Segment) -> tuple[int, int, str] | None:
    """The object of a communication verb (or naming participle, "[an event] billed as") that
    holds a quoted fragment, as a mixed span: "called [the system "rigged"]", "described [Trump
    as "kind"]". None when no such verb governs the fragment (then a short fragment is only a
    scare quote)."""
    verb = noun = None
    for n, tok in enumerate(iter_tokens_back(masked, sent.start, seg.open)):
        low = tok.text.casefold()
        if verb is not None:
            if low in _ARTICLES_AND_OWNERS and verb.text.casefold().endswith(("ing", "ed")):
                verb = None  # "an opposing campaign in “disarray”": an adjective; the verb is further back
                continue
            if noun is None and low in _DETERMINERS_ALL and verb.text.casefold() in _NAMING_NOUNS:
                noun, verb = verb, None  # "the term “...”": a noun, unless no verb governs it
            else:
                break
        if n > _VERB_REACH or tok.text in {";", ":", "(", ")"}:
            break
        if low in COMPLEMENT_VERBS or low in _PARTICIPLES:
            verb = tok
        elif low in _SEEING and re.search(r"\sas\s", masked[tok.end : seg.open]):
            verb = tok  # "sees [the plan as “a disaster”]": a judgment, as "regards" is
    verb = verb or noun
    if verb is None:
        return None
    verb = _outer_verb(masked, sent.start, verb)
    start = verb.end
    rest = tokenize(masked, start, seg.open)
    if verb.text.casefold() in _TOPIC_VERBS:
        lead = next((n for n, t in enumerate(rest) if not t.text.casefold().endswith("ly")), len(rest))
        if lead == len(rest) or rest[lead].text.casefold() not in _TOPICS:
            return None  # "Speaking to “Harbour Today” Monday, ...": whom she spoke to, no words of hers
        start, rest = rest[lead].end, rest[lead + 1 :]  # "spoke briefly about [...]"
    if verb.text.casefold() in _SAYING and rest and rest[0].text.casefold() in _SETTING:
        return None  # "said on CBS’s “Face the Nation”": where she said it, not what
    particles = _PARTICLES | _OWN_PARTICLE.get(verb.text.casefold(), frozenset())
    while rest and rest[0].text.casefold() in particles:
        start = rest[0].end
        rest = rest[1:]
    if start == verb.end and rest and rest[0].text.casefold() in _SETTING:
        return None  # "said in his book, “...”", "admitted during an interview": the setting, no object
    named = _named_noun(masked, sent.start, verb) if _only_determiners(rest) else None
    if named is not None:
        start = named
    m = _CLAUSE_END.search(masked, seg.close, sent.end)
    end = m.start() if m else sent.end
    if named is not None or closes_on_stop(text, seg) or setting_after(text, masked, seg, end):
        end = seg.close
    relative = re.search(r"\b(?:which|whom|who|what)\b(?=[^,\x00]*$)", masked[sent.start : verb.start])
    if relative:
        end = _relative_end(text, masked, seg, end)
        naming = verb.text.casefold() in _NAMING_VERBS or _describes_as(masked, verb.end, seg, text)
        short = len(_WORD.findall(masked[sent.start + relative.end() : verb.start])) <= 4
        if naming and short and relative.group().casefold() in {"what", "which", "whom"}:
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
