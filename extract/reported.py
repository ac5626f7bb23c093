"""Reported speech: from a cue to its speaker and to the words it attributes.

For each reporting cue in a sentence this finds the speaker slot (the noun
phrase before the verb, after an inverted "said", or after "according to")
and the content: the clause after the cue ("X said (that) ...") or the clause
before it ("..., X said."). The content is then typed: all inside quotation
marks is DIRECT (the span inside the marks), a clause holding a quoted
fragment is MIXED, plain reported words are INDIRECT.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from extract.cues import (
    ATTITUDE_VERBS,
    BELIEF,
    COMPLEMENT_VERBS,
    NOUN_LIKE,
    PARTICLE_ONLY,
    PHRASAL,
    SPEECH,
    STRICT,
    TELL,
    find_cues,
    find_noun_cues,
    inflect,
    kind_of,
)
from extract.direct import Segment
from extract.fragments import setting_after
from extract.lexicon import lexicon, wordlist, wordset
from extract.models import QuoteKind
from extract.names import Tok, iter_tokens, iter_tokens_back, tokenize
from extract.sentences import Sentence
from extract.spans import SpanSet, window
from extract.speakers import Entity, People
from extract.terms import is_title

_ADVERBS = (
    r"also|has|have|had|is|was|were|are|will|would|could|might|may|later|then|previously|recently|"
    r"reportedly|publicly|openly|repeatedly|further|again|once|nonetheless|however|too|first|initially|"
    r"subsequently|separately|quickly|immediately|privately|frequently|often|now|flatly|simply|bluntly|"
    r"explicitly|firmly|strongly|clearly|specifically|directly|never|not|did|does|do|only|already|even|"
    r"still|earlier|yesterday|today|just|long|personally|emphatically|angrily|quietly|sharply|"
    r"frankly|famously|memorably|once|ultimately|finally|confidently|optimistically|cautiously|since"
)
_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_TIME = (
    rf"(?:(?:on|last|this|next|early|late)\s+)?(?:{_DAYS})(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next|earlier\s+this|later\s+this)\s+(?:week|month|year|weekend|spring|summer|fall|autumn|winter)"
    r"|(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago"
    rf"|(?:on|in)\s+(?:{_MONTHS})(?:\s+\d{{1,2}})?(?:,\s+\d{{4}})?"
)
_LEFT_TAIL = re.compile(rf"(?:[\s,]*\b(?:{_ADVERBS}|{_TIME}|(?-i:[a-z]+ly))\b)+[\s,]*$", re.I)
_LEFT_TAIL_ENDS = wordset(
    f"{_ADVERBS} {_DAYS} {_MONTHS} morning afternoon evening night week month year weekend spring summer "
    "fall autumn winter ago".replace("|", " ").casefold()
)
"""The words ``_LEFT_TAIL`` can end with (digits aside): a slot ending otherwise needs no regex."""
_LAST_WORD = re.compile(r"\w+$")
_RIGHT_SKIP = re.compile(
    rf"^(?:\s*,?\s*(?:{_TIME}|in\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+){{0,2}}?"
    r"(?:statement|interview|letter|post|tweet|speech|email|remarks?|op-ed|memo|briefing|appearance)"
    r"(?:\s+(?:with|to|on|at)\s+[^,\x00]{1,40}?(?=\s+that\b|,|$))?"
    r"|(?:to|on)\s+(?:reporters|journalists|Twitter|X|Facebook|television|radio|Sunday|CNN|Fox(?:\s+News)?)"
    r"|for\s+(?:(?:several|many|a\s+few)\s+)?(?:days|weeks|months|years)|in\s+recent\s+(?:days|weeks|months|years)"
    r"|publicly|again|repeatedly|later|earlier|flatly|too|also|recently|previously|privately|bluntly|simply"
    r"|twice|once|repeatedly|often|afterward|afterwards|then"
    r"))+\s*,?",
    re.I,
)
_SLOT = 400
"""Characters read back from a cue for its speaker slot: far more than any title and name."""
_WORD = re.compile(r"\w+")
_SLOT_WORDS = 10
"""Words a speaker slot may hold: longer, the words before a cue are a clause, not a name."""
_TAIL = 80
"""Characters read back for the word or mark that ends a stretch ("..., and", "which ")."""


def _tail(masked: str, start: int, end: int) -> tuple[str, int]:
    """The last ``_TAIL`` characters of ``masked[start:end]`` and where they begin: rules that
    test how a stretch ends read only its end."""
    lo = max(start, end - _TAIL)
    return masked[lo:end], lo


_ING_NOT_VERB = wordset("during morning evening spring nothing something anything everything thing king")
_DETERMINER = wordset("a an the this that his her their its our my your s")
_THAT_BLOCK = wordset(
    """he she they it we i you his her their its our my is are was were has have had will would can
    could should may might must does do did be been being which who whom whose if whether because
    while when although though but and or"""
)
_BOUNDARY_WORDS = wordset(
    """that which who whom whose while when because if although though as but and or after before
    since where whether than so though nor while whereas until unless how why what"""
)
_PREP_START = wordset(
    "by to with for about of as at on in from into after before during over through via without against"
)
_FEELING = "feels|felt|thinks|thought|believes|believed|hopes|hoped"
"""A speaker's own feeling after "but she" goes on with her report (see ``_FEELING_GOES_ON``)."""
_STOP = re.compile(
    r"(?:,?\s+(?:amid|as\s+part\s+of)\s"
    r"|,\s+(?:as|while|even\s+as|whereas)\s"
    r"|,\s+(?:but|and)\s+(?:did|does|do|didn['’]t|doesn['’]t|has|have|had|was|is|also|declined|refused|"
    r"would|will|then|later|said|says|added|noted|stressed)\b"
    r"|,\s+(?:but|and)\s+(?:\w+ly\s+)?(?-i:[a-z]+ed)\s"
    r"|,\s+and\s+(?:he|she|they)\s+(?:also\s+|later\s+)?(?-i:[a-z]+ed)\s"
    r"|,?\s+but\s+(?:she|he|they|it|did|does|do|has|have)\s(?!(?:" + _FEELING + r")\b)"
    r"|(?<=\x00)\s+and\s+(?-i:[a-z]+ing)\s"
    r"|;)",
    re.I,
)
_STATES = wordlist(
    "show indicate find focus suggest imply want support oppose favor favour prefer back endorse fear "
    "hope worry expect doubt consider view regard deem reckon suspect believe think feel agree welcome "
    "embrace target ignore"
)
"""Verbs of a state or a judgment rather than an act of speech: after "and" they as often go on
with the reported clause's own subject ("said the group is neutral and supports both sides")."""
SPEECH_ACTS = frozenset(
    f
    for f in COMPLEMENT_VERBS | ATTITUDE_VERBS | set(SPEECH)
    if f.endswith(("s", "ed")) or f in {"said", "told", "wrote", "spoke", "swore"}
) - {f for lemma in _STATES for f in inflect(lemma)}
"""Finite verbs of saying or stance that are acts ("said", "praised", "calls"): a second one
after "and" is a statement of its own, and a name right before one is its subject."""
_AND_LEAD = r"\s+and\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+|also\s+|then\s+|later\s+)?"
_SECOND_REPORT = re.compile(
    _AND_LEAD + r"(?-i:" + "|".join(sorted(SPEECH_ACTS, key=len, reverse=True)) + r")\b"
)
"""A second verb of saying or stance coordinated after the report ("said the fee was fair and
praised the mayor", "denied the charges and called for ..."): the speaker's next statement,
so the report ends before "and"."""
_SECOND_PARTICIPLE = re.compile(
    _AND_LEAD
    + r"(?-i:"
    + "|".join(
        sorted((f for f in COMPLEMENT_VERBS | ATTITUDE_VERBS if f.endswith("ing")), key=len, reverse=True)
    )
    + r")\b"
)
"""The same after a participle's report ("saying he was a pioneer and calling [him “a
feminist”]"); after a finite verb, "and condoning ..." goes on with the reported clause."""
_AFTER_PARTICIPLE = re.compile(r"\b(?-i:[a-z]+ing)\s+(?:that\s+)?$")
_SECOND_LEAD = re.compile(_AND_LEAD)
_SECOND_LEAD_BEFORE = re.compile(_AND_LEAD + "$")
_THAT_CLAUSE = re.compile(
    r"\s+that\s+(?!(?:is|was|are|were|has|have|had|will|would|can|could|may|might|should|must|"
    r"does|did|do|been|seems|seemed|came|comes|led|made|makes|began|\w+ed)\b)",
    re.I,
)
"""A "that" opening a clause of its own, not a relative clause ("the claim that was made")."""
_LAST_RELATIVE = re.compile(
    r",\s+(?:which|who|whose|the|a|an|compared|though|although|including|too)\s", re.I
)
"""A relative clause that ends the sentence glosses a noun of the report; it is the writer's."""
_CONTRAST = re.compile(r"\s+(?:while|whereas|even\s+as)\s", re.I)
"""A clause of contrast after a quotation that closed on its comma: the writer's, as after a comma."""
_WHILE_AFTER_QUOTATION = re.compile(r"(?<=\x00)\s+(?:as|while)\s+(?:he|she|they|we)\s")
"""A clause of time after the quoted words of a reported clause ("he's “excited” as he faces
..."): the writer's. A report opening on its quotation may be a quotation within a quotation."""
_SPACED_DASH = re.compile(r"\s(?:-{1,2}|[—–])\s")
_DASH_GLOSS = re.compile(
    r"\s*(?:which|who|whose|the|a|an|although|though|except|but|while|whereas)\s[^\x00]*$", re.I
)
"""A relative clause, noun phrase or contrast after the sentence's last dash ("... by the plan —
a modest boost for ...", "... - although the photo showed ..."): the writer's gloss, as after a
comma ("— including ..." is the report's own)."""
_FEELING_GOES_ON = re.compile(
    r"(?<=\x00)\s+(?:and|but)\s+(?:he|she|they)\s+(?:"
    + _FEELING
    + r")(?:\s+(?:confident|hopeful|optimistic|certain|sure))?$",
    re.I,
)
"""A speaker's own feeling coordinated right after the quoted words of a report ("says there is
a “long road” but he feels ..."): the pronoun is the speaker, and the report goes on."""
_BARE_AND = re.compile(r"\s+and\s+(?-i:say|tell|ask|warn|argue|insist|explain|admit|add)$", re.I)
"""A bare verb of saying after "and": it goes on with the reported clause's own verb ("he'd sit
Lee down and tell him ..."), as the reporting verb itself, inflected, would not."""
_GOES_ON = re.compile(f"(?:{_FEELING_GOES_ON.pattern})|(?:{_BARE_AND.pattern})", re.I)
_COORDINATED = re.compile(r",?\s+(?:and|but)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+)?$", re.I)
_AND_THAT = re.compile(r",?\s+and\s+that\s+", re.I)
_TRAILING = re.compile(
    r"^[\s,]*(?:$|[.!?…]|,\s*(?:\w+ing|who|which|whose|where|when|"
    r"according|after|before|while|as)\b|(?:when|while|after|before|as|during)\s|"
    r"\d+\s+(?:seconds?|minutes?|hours?|days?)\s+(?:into|after|before|later))",
    re.I,
)


@dataclass
class Found:
    """One attributed span: where it is, what kind, its cue and its speaker."""

    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    cue_start: int
    speaker: Entity | None
    segments: tuple[Segment, ...] = ()
    pieces: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Ctx:
    text: str
    masked: str
    sent: Sentence
    segments: list[Segment]
    people: People
    taken: SpanSet = field(default_factory=SpanSet)
    closes: list[int] = field(default_factory=list)  # the segments' close offsets, for bisection


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _has_words(text: str, n: int) -> bool:
    """Whether ``text`` holds ``n`` words or more, read only as far as the ``n``-th."""
    return sum(1 for _ in islice(_WORD.finditer(text), n)) == n


def _left_tail(masked: str, floor: int, cue_start: int) -> re.Match[str] | None:
    """The adverbs and time phrases right before a cue ("Warren also on Tuesday said")."""
    end = cue_start
    while end > floor and (masked[end - 1].isspace() or masked[end - 1] == ","):
        end -= 1
    last = _LAST_WORD.search(masked, max(floor, end - 30), end)
    word = last.group() if last is not None else ""
    if not (word.isdigit() or word.casefold() in _LEFT_TAIL_ENDS or (word.islower() and word.endswith("ly"))):
        return None  # "The agency eventually learned": any adverb in "-ly" joins the tail
    m = _LEFT_TAIL.search(masked, max(floor, cue_start - _TAIL), cue_start)
    if m is not None and "," in masked[end:cue_start] and not m.group().lstrip().startswith(","):
        return None  # "... over and over again, said Lee": the adverb ends the report before the comma
    return m


def _left_np(ctx: _Ctx, cue_start: int, floor: int) -> tuple[int, int]:
    """The speaker slot before a cue: (start, end) of the noun phrase, adverbs skipped.

    A name followed by an appositive or relative clause ("Levine, who has given
    money to Rubio, said") is the speaker, not the last noun of the clause.
    """
    comma = cue_start
    while comma > floor and ctx.masked[comma - 1].isspace():
        comma -= 1
    if comma > floor and ctx.masked[comma - 1] in ",—–":
        head = _chain_head(ctx, comma, floor)  # "Marten, who spoke on Monday, said", "Lee — a teacher — says"
        if head is not None:
            return head
    m = _left_tail(ctx.masked, floor, cue_start)
    end = m.start() if m else cue_start
    if ctx.masked[end : end + 1] == ",":
        end += 1  # "Kirk, who ..., also said": the comma closing the appositive stays with it
    while end > floor and ctx.masked[end - 1].isspace():
        end -= 1
    tail, lo = _tail(ctx.masked, floor, end)
    paren = re.search(r"\s*\([^()\x00]+\)$", tail)  # any aside the tail holds
    if paren and not ctx.people.mention_ending_at(end):
        end = lo + paren.start()  # "Harry Reid (D-Nev.) said"
    if end > floor and ctx.masked[end - 1] == ",":
        head = _chain_head(ctx, end, floor)
        if head is not None:
            return head
    if _CONTRACTED.search(ctx.masked, max(floor, end - 6), end):
        end -= 2  # "he’s said": the pronoun, not its contracted "has"
    stripped = end
    while stripped > floor and ctx.masked[stripped - 1] in " ,":
        stripped -= 1
    mention = ctx.people.mention_ending_at(stripped) or ctx.people.mention_ending_at(end)
    if mention and mention.start >= floor:
        return _extend_left(ctx, mention.start, floor), mention.name_end
    tail, lo = _tail(ctx.masked, floor, end)
    rel = re.search(r"(?:,\s*|\s+(?:(?:-{1,2}|[—–])\s+)?)who\s*$", tail)  # "Lee, who" or "Lee - who"
    if rel:
        antecedent = ctx.people.mention_ending_at(lo + rel.start())
        if antecedent and antecedent.start >= floor:
            return antecedent.start, antecedent.name_end  # "Ted Cruz, who said ..."
    if end > floor and ctx.masked[end - 1] == "\x00":
        return end, end  # the words before the cue are a quotation: no speaker slot
    start = end
    for count, tok in enumerate(iter_tokens_back(ctx.masked, floor, end), 1):
        w = tok.text
        if w in {",", ";", ":", "(", ")", "\x00", "—", "–", '"', "“", "”"} or w.casefold() in _BOUNDARY_WORDS:
            break
        if w in {"-", "--"} and ctx.masked[tok.start - 1 : tok.start].isspace():
            break  # a dash typed as a spaced hyphen closes an aside ("Trump - who said ... - said")
        if not (w[:1].isalnum() or w in {"’", "'", "-", ".", "&"}):
            break
        if count >= _SLOT_WORDS:
            return end, end
        start = tok.start
    return start, end


_CONTRACTED = re.compile(r"\b(?:he|she|it)[’']s$", re.I)
_NP_LEAD = frozenset({"former", "then", "the", "a", "an", "’", "'", "s", "-", "."})


def _extend_left(ctx: _Ctx, start: int, floor: int) -> int:
    """Extend a name's title leftwards over capitalised words ("former Obama Education Secretary")."""
    for tok in iter_tokens_back(ctx.masked, floor, start):
        w = tok.text
        if not (w[:1].isupper() or w.casefold() in _NP_LEAD) or w.casefold() in _BOUNDARY_WORDS:
            break
        if w[:1].isupper() and w.casefold() in _INTRO:
            break
        start = tok.start
    described = _DESCRIBED_AFTER_QUOTATION.search(ctx.masked, max(floor, start - 40), start)
    if described is None or _BOUNDARY_WORDS.intersection(described.group(1).split()):
        return start  # "“...,” which Mozloom thinks": a clause of its own
    return described.start(1)


_DESCRIBED_AFTER_QUOTATION = re.compile(r"\x00\s*,?\s*((?:[\w’'.-]+\s+){1,5})$")
"""Up to five words between a quotation and the speaker's name or title ("“...,” veteran analyst
Charlie Cook wrote", "“...,” former George W. Bush speechwriter Noam Neusner wrote"): a
description of the speaker, part of the slot."""


_AFFILIATION_COMMA = re.compile(
    r"\s*(?:of\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4}\s*)?(?:\([^)]*\)\s*)?[,—–]"
)
"""After a name: an optional "of <Place or Body>" and parentheses, then the comma."""
_SENTENCE_ADVERBS = wordset("even still meanwhile instead also yet however indeed now")


_HEAD_BEFORE = re.compile(r"(?:[,\x00]|\b(?:and|but|But|And)|[’']s)$")
"""What may stand right before a name heading its sentence's subject: a clause mark, a
conjunction, or a possessive ("Dover's Ilse Marten, a member of the board, said")."""


def _chain_head(ctx: _Ctx, comma_end: int, floor: int) -> tuple[int, int] | None:
    """The name heading "Name, <appositive or relative clause>, <cue>" when the slot before
    the cue is such a comma-closed tail ("Senator Lindsey Graham, Republican of South Carolina, said")."""
    for m in ctx.people.mentions_in(floor, comma_end):
        if m.name_end >= comma_end:
            continue
        titled = m.start < m.name_start or m.gender is not None
        if len(m.tokens) < 2 and m.name_start not in ctx.people.by_mention and not titled:
            continue  # a lone capitalised word ("Iowa, ...") is no speaker; "Mr. Sperling, ..." is
        between = ctx.masked[m.name_end : comma_end]
        if not _AFFILIATION_COMMA.match(between) or re.search(r"[;\x00:]", between):
            continue
        if _words(between) > 30:
            continue
        before = _tail(ctx.masked, floor, m.start)[0].rstrip()
        lone_adverb = before.casefold() in _SENTENCE_ADVERBS  # "Even Rendell, a supporter, said"
        if before and not lone_adverb and not _HEAD_BEFORE.search(before):
            continue
        return _extend_left(ctx, m.start, floor), m.name_end
    return None


_DESCRIBED_NAME = re.compile(r"(?:[\w’'.-]+\s+){0,5}[\w’'.-]+,\s+")
"""A description of up to six words and its comma, the name following it."""


def _right_np(ctx: _Ctx, pos: int) -> tuple[int, int]:
    """The speaker slot after an inverted cue ("said Senate Minority Leader Harry Reid")."""
    while pos < ctx.sent.end and ctx.masked[pos].isspace():
        pos += 1
    near = []
    for mention in ctx.people.mentions_in(pos, ctx.sent.end):
        gap = ctx.masked[pos : mention.start]
        if _DESCRIBED_NAME.fullmatch(gap):
            near.append(mention)  # "said the foreign minister, Ada Brook": the name after its description
            break
        gap = ctx.masked[pos : mention.name_start]
        if _words(gap) > 5 or re.search(r"[,;:\x00!?]", gap):
            break
        near.append(mention)
    if near:
        full = [m for m in near if len(m.tokens) > 1]
        best = full[-1] if full else near[0]  # "said L2 president Bruce Willsie"
        return pos, best.end
    m = re.compile(r"[^,.;:\x00!?]*").match(ctx.masked, pos, ctx.sent.end)
    end = m.end() if m else pos
    while end > pos and ctx.masked[end - 1].isspace():
        end -= 1
    return pos, end


_ADDRESSEE = re.compile(
    r"\s*(?:him|her|them|me|us|you|(?:the\s+)?(?:reporters|journalists|supporters|voters|lawmakers|donors|"
    r"members|colleagues|aides|students|workers|delegates|senators|listeners|viewers|readers|crowd|audience)"
    r"|(?-i:(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*))(?=\s)",
    re.I,
)
"""Who is told: a pronoun, a group of listeners or a name ("told reporters", "told CNN")."""


_OWNED_ADDRESSEE = re.compile(
    r"\s*(?:his|her|their|our|my|your|its)\s+(?:(?!that\b)[\w’'-]+\s+){1,3}?that\b(?=\s+(?!(?:is|are|was|were|has|have|had)\b))",
    re.I,
)
"""Who is told, as a possessive and its noun ("told his supporters that", "told her staff that"):
"that" then opens the clause told ("his" would read as the told clause's subject otherwise)."""


def _skip_object(ctx: _Ctx, pos: int) -> int:
    """Skip the addressee of "told"/"telling" up to "that", a comma or a quotation."""
    that = _find_that(ctx, pos, 10)
    if that is not None:
        return that
    owned = _OWNED_ADDRESSEE.match(ctx.masked, pos, ctx.sent.end)
    if owned:
        return owned.end()  # "told his supporters that ..."
    addressee = _ADDRESSEE.match(ctx.masked, pos, ctx.sent.end)
    if addressee and _CLAUSE_SUBJECT.match(ctx.masked, addressee.end(), ctx.sent.end):
        return addressee.end()  # "told reporters [the ferry would sail]"
    m = re.compile(r"[^,:;\x00.]{0,60}").match(ctx.masked, pos, ctx.sent.end)
    stop = m.end() if m else pos
    if stop >= ctx.sent.end or ctx.masked[stop] in ",:\x00.":
        return stop
    toks = iter_tokens(ctx.masked, pos, ctx.sent.end)
    first = next(toks, None)
    if first is None:
        return pos
    end = first.end
    for tok in toks:
        if not tok.text[:1].isupper():
            break
        end = tok.end
    return end


_STRICT = frozenset(w.casefold() for w in STRICT)
_REPORTING = frozenset(w.casefold() for w in (*SPEECH, *STRICT))


def _find_that(ctx: _Ctx, pos: int, limit: int) -> int | None:
    """The position after a complementiser "that" within ``limit`` words of ``pos``, if the
    words before it are an addressee or a time phrase and not a clause of their own (a
    participle starts one; "during" and "a briefing" do not)."""
    prev = ""
    n = 0
    for tok in iter_tokens(ctx.masked, pos, ctx.sent.end):
        if tok.text == "\x00" and _in_title(ctx, tok.start):
            continue  # "said on NBC’s “Meet the Press” that ...": a programme's name in the setting
        n += 1
        if n > limit + 1:
            return None
        w = tok.text.casefold()
        if w == "that":
            return tok.end
        participle = w.endswith("ing") and w not in _ING_NOT_VERB and prev not in _DETERMINER
        if w in _THAT_BLOCK or tok.text in {"\x00", ";", ":", ".", "!", "?"} or participle or w in _REPORTING:
            return None  # "tweeted after Lee argued that": the "that" is the other cue's
        prev = w
    return None


def _in_title(ctx: _Ctx, pos: int) -> bool:
    """Whether ``pos`` lies in a quoted title ("“Meet the Press”"), not in quoted words."""
    i = bisect.bisect_right(ctx.closes, pos)
    if i == len(ctx.segments):
        return False
    seg = ctx.segments[i]
    return seg.open <= pos and is_title(ctx.text[seg.start : seg.end])


def _content_start(ctx: _Ctx, cue_end: int, cue: str) -> tuple[int, bool]:
    """Where the reported words begin after a cue, and whether a "that" or quotation led in."""
    pos = cue_end
    if cue.casefold() in TELL:
        pos = _skip_object(ctx, pos)
    that = _find_that(ctx, pos, 8)
    if that is not None:
        return that, True
    m = _RIGHT_SKIP.match(ctx.masked[pos : min(ctx.sent.end, pos + _SLOT)])
    if m:
        pos += m.end()
    while pos < ctx.sent.end and ctx.masked[pos] in " \t,:":
        pos += 1
    if pos < ctx.sent.end and ctx.masked[pos] == "\x00":
        return pos, True
    that = _find_that(ctx, pos, 1)
    if that is not None:
        return that, True
    return pos, False


def _trim(ctx: _Ctx, start: int, end: int) -> tuple[int, int]:
    text = ctx.text
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    if text[start : start + 5].casefold() == "that " and ctx.masked[start + 5 : start + 6] != "\x00":
        start += 5
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:—–-)"):
        if ctx.masked[end - 1] == "\x00":
            break
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break  # "(D-Nev.)" closes inside the span; an aside's ")" opened before it does not
        end -= 1
    return start, end


def _classify(ctx: _Ctx, start: int, end: int) -> list[tuple[int, int, QuoteKind, tuple[Segment, ...]]]:
    """Type a content span by the quotation marks inside it."""
    start, end = _trim(ctx, start, end)
    if end <= start:
        return []
    segs = tuple(_segments_in(ctx, start, end))
    if not segs:
        if not _has_words(ctx.text[start:end], 2):
            return []
        return [(_with_that(ctx, start), end, QuoteKind.INDIRECT, ())]
    first = segs[0]
    colon = ctx.masked.rfind(":", start, first.open)
    if colon >= 0:
        start = colon + 1
    lead = ctx.text[start : first.open].strip(" ,:").casefold()
    outside = ctx.masked[start:end].replace("\x00", "")
    if lead in {"", "that"}:
        tail = _words(ctx.masked[first.close : end].replace("\x00", ""))
        if tail == 0:
            return [
                (s.start, s.end, QuoteKind.DIRECT, (s,))
                for s in segs
                if _has_words(ctx.text[s.start : s.end], 1)
            ]
        quoted = first.words(ctx.text)
        cry = ctx.text[first.start : first.end].rstrip()[-1:] in {"!", "?"}
        cry = cry or setting_after(ctx.text, ctx.masked, first, end)  # "said “ferry” five times"
        aside = _ASIDE_TO_QUOTATION.match(ctx.masked, first.close, end) is not None
        if cry or (
            not continues_predicate(ctx.masked, first.close, end)
            and not aside
            and quoted >= 3
            and tail <= 1.5 * quoted
        ):
            # ""there's no consensus" to send a force", "says he's "losing," part of a lashing",
            # "yelled "You lie!" at the speaker": the quotation is the point, the words after it
            # the writer's add-on
            return [(first.start, first.end, QuoteKind.DIRECT, (first,))]
    if not _has_words(outside, 1):
        return [(s.start, s.end, QuoteKind.DIRECT, (s,)) for s in segs]
    start, end = _trim(ctx, start, end)
    last = segs[-1]
    end = max(end, last.close) if last.close <= ctx.sent.end else end
    if last.closed and last.close < end and _writers_gloss(ctx, last, end):
        end = last.close  # "said things were “about right,” though ...": the writer's words follow
    return [(_with_that(ctx, start), end, QuoteKind.MIXED, segs)]


_ASIDE_TO_QUOTATION = re.compile(r"\s*(?:-{1,2}|[—–])\s[^\x00]{1,120}?\s(?:-{1,2}|[—–])\s*\x00")
"""A dash aside between two quotations ("“We will not” -- not this year -- “raise it”"): the
writer's words inside one quotation, which goes on after them."""


_GLOSS_LEAD = wordset("though although whereas according after before part another referring describing")
"""Words that open a writer's gloss after a quotation closing on its comma ("..., “about right,”
though voters ...", "..., “losing,” part of a lashing"), not a continuation of the report."""


def _writers_gloss(ctx: _Ctx, seg: Segment, end: int) -> bool:
    """Whether the last quotation of a reported clause closes on a comma inside its marks and
    the words after it, up to ``end``, are the writer's gloss: the report ends with the marks."""
    if not ctx.text[seg.start : seg.end].rstrip().endswith(","):
        return False
    first = _WORD.search(ctx.masked, seg.close, end)
    return first is not None and first.group().casefold() in _GLOSS_LEAD


_THAT_BEFORE = re.compile(r"\bthat\s+$", re.I)


def _with_that(ctx: _Ctx, start: int) -> int:
    """A reported clause starts at its complementiser: the attributed content is "that the
    plan works", as attribution corpora mark it, not only the clause after "that"."""
    m = _THAT_BEFORE.search(ctx.masked, max(ctx.sent.start, start - 8), start)
    return m.start() if m else start


def _segments_in(ctx: _Ctx, start: int, end: int) -> Iterator[Segment]:
    """The quotations overlapping ``[start, end)``; they are in order and never overlap."""
    i = bisect.bisect_right(ctx.closes, start)
    while i < len(ctx.segments) and ctx.segments[i].open < end:
        yield ctx.segments[i]
        i += 1


def _attribution_break(ctx: _Ctx, pos: int) -> bool:
    """Whether a comma or quotation end at ``pos`` closes a clause ("...,” X said" does,
    "“it gets me mad” every time he thinks" does not)."""
    if ctx.masked[pos] != "\x00":
        return True
    close = pos
    while close > 0 and ctx.masked[close - 1] == "\x00" and ctx.text[close - 1] in "\"”'’»":
        close -= 1
    return ctx.text[close - 1 : close] in {",", "!", "?", "—"} or ctx.text[pos + 1 : pos + 2] == ","


_PREDICATE = re.compile(
    r"\s*(?:must|is|are|was|were|will|would|can|could|should|has|have|had|may|might|do|does|did|"
    r"isn['’]t|aren['’]t|wasn['’]t|won['’]t|can['’]t|don['’]t|doesn['’]t|didn['’]t)\b",
    re.I,
)


def continues_predicate(masked: str, pos: int, end: int) -> bool:
    """Whether the words after a quotation go on with its clause (""local forces" must lead"),
    which makes the whole clause one mixed report."""
    return _PREDICATE.match(masked, pos, end) is not None


def _region_end(ctx: _Ctx, start: int, cues: list[tuple[int, int, str]], floor: int) -> int:
    """Where the reported clause stops: the sentence end, the next cue's attribution, or a
    writer's add-on ("amid ...", ", as ...", ", but did not ...")."""
    end = ctx.sent.end
    nxt = bisect.bisect_right(cues, (start, len(ctx.text) + 1, ""))
    for cstart, cend, ckind in cues[nxt : nxt + 3]:
        if cstart >= end:
            break
        if ckind not in {"participle", "according"} and _GOES_ON.search(
            ctx.masked, max(start, cstart - _TAIL), cend
        ):
            continue  # "... “fair” and she feels it will stay", "... and tell him “...”": the same report
        if ckind in {"participle", "according"}:
            end = min(end, cstart)
        else:
            np_start, _ = _left_np(ctx, cstart, start)
            tail, lo = _tail(ctx.masked, start, np_start)
            lead = re.search(r"(?:[,\x00]|,?\s+(?:and|but))\s*$", tail)
            if np_start > start and lead and _attribution_break(ctx, lo + lead.start()):
                end = min(end, _dash_aside(ctx, start, lo + lead.start()))
            coord = _COORDINATED.search(ctx.masked, max(start, cstart - _TAIL), cstart)
            if coord:
                end = min(end, coord.start())
        break
    m = _STOP.search(ctx.masked, start, end)
    if m:
        end = m.start()
    m = _SECOND_REPORT.search(ctx.masked, start, end)
    if m:
        end = m.start()
    if _AFTER_PARTICIPLE.search(ctx.masked, max(0, start - _TAIL), start):
        m = _SECOND_PARTICIPLE.search(ctx.masked, start, end)
        end = m.start() if m else end
    for seg in _segments_in(ctx, start, end):
        if _ends_on_comma(ctx.text, seg) and _BARE_VERB.match(ctx.masked, seg.close, end):
            end = seg.close  # "Lee declares ‘victory,’ ignores losses": a second predicate, no report
            break
        if _ends_on_comma(ctx.text, seg) and _CONTRAST.match(ctx.masked, seg.close, end):
            end = seg.close  # "sniped that she was “learning on the job,” while her aides ...": his words end
            break
    if ctx.masked[start : start + 1] != "\x00":
        m = _WHILE_AFTER_QUOTATION.search(ctx.masked, start, end)
        if m:
            end = m.start()  # "says he's “excited” as he faces a test": the writer's setting
    last = ctx.masked.rfind(",", start, end)
    fronted = _opens_subordinate(ctx.masked, start, last) and ctx.masked.find(",", start, last) < 0
    if (
        last >= 0
        and _LAST_RELATIVE.match(ctx.masked, last, end)
        and _has_words(ctx.masked[start:last], 1)
        and not fronted  # "that when it ran well, the mayor was ...": the comma ends "when ..."
    ):
        end = last  # "..., which is spread by mosquitoes.": the writer's gloss closes the sentence
    dash = max(_SPACED_DASH.finditer(ctx.masked, start, end), key=lambda m: m.start(), default=None)
    if (
        dash
        and _DASH_GLOSS.match(ctx.masked, dash.end(), end)
        and _has_words(ctx.masked[start : dash.start()], 3)
    ):
        end = dash.start()  # "... by the plan — a modest boost for ...": the same gloss after a dash
    del floor
    return _subordinate_end(ctx, start, end)


_DASH_BEFORE = re.compile(r"\s(?:-{1,2}|[—–])\s*$|[—–]\s*$")
"""A dash right before a quotation: a spaced hyphen (" - ", " -- ") or an en or em dash."""
_PRONOUN_GENDER = {"he": "male", "she": "female"}
_DASH_TO_QUOTATION = re.compile(r"\s*(?:-{1,2}|[—–])\s*\x00")
"""A report ending right before a dash and a quotation ("... was weak - “We ...,” she said"):
the next cue's words start after it, so they are read without the report before the dash."""


def _aside_speaker(ctx: _Ctx, np_start: int, np_end: int, found: list[Found]) -> Entity | None:
    """Who "she" is in a dash aside after a report: the reporter of the sentence ("Marten
    suggested the plan of Reyes was weak - “...,” she said -"), not the latest person named,
    who may be the one talked about.
    """
    pronoun = _PRONOUN_GENDER.get(ctx.masked[np_start:np_end].strip().casefold())
    if pronoun is None or not found or not _DASH_TO_QUOTATION.match(ctx.masked, found[-1].end):
        return None
    speaker = found[-1].speaker
    if speaker is None or speaker.kind != "person" or speaker.gender not in {None, pronoun}:
        return None
    return speaker


_DASH_AFTER = re.compile(r"\s*(?:-{1,2}|[—–])")


def _aside_start(ctx: _Ctx, floor: int, np_start: int) -> int | None:
    """Where a quotation set off by a dash right before its cue starts ("Marten defended the
    budget - “It is fair,” she said - and ..."), when the sentence has words and no quotation
    before the dash: those are the writer's, so the quotation alone is the cue's, and a dash
    after the cue closes the aside ("- and ..." is no report of it).
    """
    i = bisect.bisect_right(ctx.closes, np_start) - 1
    if i < 0 or ctx.segments[i].open <= floor:
        return None
    seg_open = ctx.segments[i].open
    dash = _DASH_BEFORE.search(ctx.masked, floor, seg_open)
    if dash is None or not _has_words(ctx.masked[floor : dash.start()], 1):
        return None
    if "\x00" in ctx.masked[floor : dash.start()]:
        return None  # "“I don't think the wisdom” -- that he is a liberal -- “will last”": one quotation
    return dash.end()


_MARK_TO_QUOTATION = re.compile(r"[;:]\s*\x00")


def _mark_start(ctx: _Ctx, floor: int, np_start: int) -> int | None:
    """Where a quotation right after a semicolon or a colon starts, when the cue follows it
    ("The budget was late; “We need time,” she said, and left", "He agreed, with a caveat:
    “It will cost more,” the aide said"): the clause before the mark is the writer's, and the
    report is the quotation alone. A colon introduces its quotation even when the clause before
    it quotes a term; after a semicolon, an earlier quotation may be the same speaker's first
    piece ("“A”; “B,” she said"), so only a sentence without one is split there."""
    last = None
    for m in _MARK_TO_QUOTATION.finditer(ctx.masked, floor, np_start):
        last = m
    if last is None or (last.group().startswith(";") and "\x00" in ctx.masked[floor : last.start()]):
        return None
    return last.end() - 1


_APPOSED_HEAD = re.compile(
    r"\s*(?:the|a|an|his|her|their|its|our|my)\s+(?:[\w’'-]+\s+)?[\w’'-]+\s*,\s*", re.I
)
"""A short noun phrase with its article and a comma before the name after it ("Her husband, Tom
Reyes, agreed"): the subject's head, with the name in apposition, not a clause of its words."""
_EPITHET = re.compile(r"[,\x00]\s*((?:an?|the)\s+(?-i:[a-z]+(?:-[a-z]+)?)\s+(?:(?-i:[a-z]+)\s+)?)$", re.I)
"""An article and one or two lower-case adjectives between a quotation and its speaker's name."""
_BARE_VERB = re.compile(r"\s+(?-i:[a-z]+s)\s+(?-i:[a-z])")
"""A lower-case present-tense verb right after a quotation that closed on its comma, with no
"and" before it: the subject's next predicate (headline style), not more of the quoted report.
A participle there ("“peanuts,” compared to ...") still goes on with it."""


def _ends_on_comma(text: str, seg: Segment) -> bool:
    """Whether a quotation closed on its own comma."""
    return seg.closed and text[seg.start : seg.end].rstrip().endswith(",")


_QUOTED_AS = re.compile(r"\s(?:was|were|is|are|been|being)\s+quoted\s+as\s+$", re.I)
"""A passive "was quoted as" before "saying": the subject before it is the speaker."""


def _opens_clause(words: str) -> bool:
    """Whether words after a cue are a reported clause, not a setting ("by the Times")."""
    first = re.match(r"\s*(\w+)", words)
    return _has_words(words, 2) and first is not None and first.group(1).casefold() not in _PREP_START


_COORDINATION = re.compile(r",\s+(?:and|but)\s+")


def _coordinated_start(ctx: _Ctx, floor: int, np_start: int) -> int | None:
    """Where the clause holding a quotation right before its cue starts, when a comma and
    "and" or "but" join it to a clause of the writer's ("They rank their choices, and the group
    is “overrun,” she said"): the attribution covers its own clause only."""
    i = bisect.bisect_right(ctx.closes, np_start) - 1
    if i < 0 or ctx.segments[i].open <= floor or ctx.masked[ctx.segments[i].close : np_start].strip(" ,"):
        return None
    first = ctx.masked.find("\x00", floor, ctx.segments[i].open + 1)
    last = None
    for m in _COORDINATION.finditer(ctx.masked, floor, first):
        last = m
    if last is None or not _has_words(ctx.masked[floor : last.start()], 3):
        return None
    return last.end()


def _dash_aside(ctx: _Ctx, start: int, pos: int) -> int:
    """Where a reported clause ends when the next cue's quotation, ending at ``pos``, is set
    off by a dash: at the dash ("suggested the plan was weak - “We need details,” she said -
    and ..."), the quotation being an aside with its own attribution, not the clause's words.
    """
    i = bisect.bisect_left(ctx.closes, pos)
    if i >= len(ctx.segments) or ctx.segments[i].open <= start:
        return pos
    seg_open = ctx.segments[i].open
    dash = _DASH_BEFORE.search(ctx.masked, start, seg_open)
    if dash is None or not _has_words(ctx.masked[start : dash.start()], 1):
        return pos
    return dash.start()


_SUBORDINATORS = wordset(
    "after having if when whenever while although though because since once before until unless whether as"
)
_LEAD_OPENERS = wordset("but and so yet still even")
_CLAUSE_COMMA = re.compile(r",\s")
_RELATIVE_LEAD = re.compile(r",\s+(?:who|which)\s+(?:[\w’']+\s+){1,4}$", re.I)
"""A relative clause set off by a comma, up to the cue and its "that" (", who has long said that")."""
_DASH_RELATIVE_LEAD = re.compile(r"\s(?:-{1,2}|[—–])\s+(?:who|which)\s+(?:[\w’']+\s+){1,4}$", re.I)
"""The same set off by a dash, which a second dash closes ("Lee - who once said [...] - said")."""


def _subordinate_end(ctx: _Ctx, start: int, end: int) -> int:
    """A report inside a clause that opens the sentence, or inside a relative clause set off by
    commas, ends at the comma closing that clause ("After saying [he was nervous], the man
    ...", "Ms. Lee, who thinks [the toll is fair], voted ..."): the main clause follows."""
    opening = (
        _opens_subordinate(ctx.masked, ctx.sent.start, start)
        and ctx.masked.find(",", ctx.sent.start, start) < 0
    )
    tail = _tail(ctx.masked, ctx.sent.start, start)[0]
    if _DASH_RELATIVE_LEAD.search(tail):
        dash = _SPACED_DASH.search(ctx.masked, start, end)  # "X - who said [...] - said ..."
        return dash.start() if dash else end
    if not (opening or _RELATIVE_LEAD.search(tail)):
        return end
    comma = _CLAUSE_COMMA.search(ctx.masked, start, end)
    for seg in _segments_in(ctx, start, comma.start() if comma else end):
        if seg.closed and ctx.text[seg.start : seg.end].rstrip().endswith(","):
            return seg.close  # "Even as she said the toll “is fair,” the council ...": its comma
    return comma.start() if comma else end


def _opens_subordinate(masked: str, start: int, end: int) -> bool:
    """Whether ``masked[start:end]`` opens with a subordinator, past a conjunction ("But if she said ...")."""
    for m in _WORD.finditer(masked, start, end):  # lazily: only the first word or two are read
        low = m.group().casefold()
        if low not in _LEAD_OPENERS:
            return low in _SUBORDINATORS
    return False


def attribute(text: str, masked: str, sent: Sentence, segments: list[Segment], people: People) -> list[Found]:
    """Every cue-attributed span in one sentence, each cue reading only its window of it."""
    nouns = [
        m
        for m in find_noun_cues(masked, sent.start, sent.end)
        if _DETERMINED.search(masked, max(sent.start, m.start() - _TAIL), m.start())
    ]
    noun_starts = {m.start() for m in nouns}
    verbs = [m for m in find_cues(masked, sent.start, sent.end) if m.start() not in noun_starts]
    matches = sorted([*verbs, *nouns], key=lambda m: m.start())
    cues = [(m.start(), m.end(), "noun" if m.start() in noun_starts else kind_of(m.group())) for m in matches]
    taken = SpanSet()
    closes = [s.close for s in segments]
    found: list[Found] = []
    floor = sent.start
    for m, (cstart, cend, ckind) in zip(matches, cues, strict=True):
        ctx = _Ctx(text, masked, window(text, sent, cstart, cend), segments, people, taken, closes)
        results = _one_cue(ctx, m.group(), cstart, cend, ckind, cues, max(floor, ctx.sent.start), found)
        if results:
            found.extend(results)
            floor = max(floor, cend, *(r.end for r in results if _DASH_TO_QUOTATION.match(masked, r.end)))
    found.extend(_attitudes(_Ctx(text, masked, sent, segments, people, taken, closes), found))
    found.extend(_questions(_Ctx(text, masked, sent, segments, people, taken, closes), cues))
    return found


_ASKED = re.compile(
    r"\b(?-i:ask|asks|[Aa]sked|asking)\s+(?:(?:him|her|them|me|us|you|[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?)\s+)??"
    r"(?=(?:whether|if|what|how|why|who|whom|when|where|which)\s)",
    re.I,
)
_PASSIVE_ABOUT = re.compile(r"^\W*$|\b(?:was|were|is|are|been|being)\s+$", re.I)
"""What may stand before "asked about": nothing in its sentence, or a passive's "was"."""
_ASKED_ABOUT = re.compile(r"\b(?-i:[Aa]sked)\s+(?:[\w’'.-]+\s+){0,6}?(?=about\s)")
"""A passive "asked about [the toll]," ("Asked Tuesday about ...", "was asked about ..."): the
topic put to the speaker, as "asked whether ..." puts a question."""
_QUESTION_END = re.compile(r"[,;?]|\s(?:-{1,2}|[—–])\s")
_PASSIVE_ASK = re.compile(r"(?:\b(?:was|were|is|are|been|being|when|if|after|before|once)|,)\s+$", re.I)


_TOPIC_SETTING = re.compile(
    r"\s+(?:during|after|before|in\s+(?:an?|the|his|her)\s+(?:\w+\s+)?(?:interview|debate|speech)\b|at\s+(?:an?|the)\s)",
    re.I,
)
_ASKER = re.compile(r"\bby\s+", re.I)
_ABOUT_PRONOUN = re.compile(r"about\s+(?:it|this|that|them|him|her)\s*", re.I)


def _passive_ask(ctx: _Ctx, pos: int) -> bool:
    """Whether "asked" at ``pos`` is a passive ("when asked", "was asked", one opening the
    sentence): no one named asks."""
    prev = _tail(ctx.masked, ctx.sent.start, pos)[0]
    return not prev.strip() or _PASSIVE_ASK.search(prev) is not None


def _questions(ctx: _Ctx, cues: list[tuple[int, int, str]]) -> list[Found]:
    """Questions put to someone: "asked whether [...]", "asked the mayor if [...]", "when asked
    how [...]". The question, up to its clause's end, is the attributed content, the asker's; a
    passive ("when asked", "was asked") names no asker. "Asked about [the plan]" is left out
    where its topic is as often the writer's setting as a report (an active "asked about",
    "when asked about X, she welcomed ..."); opening the sentence or after "was", the topic, up
    to a setting ("during the debate"), is the question put, unless a pronoun ("about it")."""
    out: list[Found] = []
    about = [
        m
        for m in _ASKED_ABOUT.finditer(ctx.masked, ctx.sent.start, ctx.sent.end)
        if _PASSIVE_ABOUT.search(_tail(ctx.masked, ctx.sent.start, m.start())[0])
    ]
    for m in sorted(
        [*_ASKED.finditer(ctx.masked, ctx.sent.start, ctx.sent.end), *about], key=lambda m: m.start()
    ):
        start = m.end()
        if ctx.taken.covers(start) or "\x00" in ctx.masked[m.start() : start]:
            continue
        end = _region_end(ctx, start, cues, ctx.sent.start)
        stop = _QUESTION_END.search(ctx.masked, start, end)
        end = stop.start() if stop else end
        if m.re is _ASKED_ABOUT:
            setting = _TOPIC_SETTING.search(ctx.masked, start, end)
            end = setting.start() if setting else end
            if _ABOUT_PRONOUN.fullmatch(ctx.masked, start, end):
                continue  # "asked about it": no topic of its own
        s, e = _trim(ctx, start, end)
        if e <= s or ctx.taken.overlaps(s, e) or not _has_words(ctx.masked[s:e], 2):
            continue
        who = None
        agent = _ASKER.search(ctx.masked, m.start(), m.end())
        if agent is not None:  # "asked by Matt Lee whether ...": the asker follows "by"
            who = ctx.people.classify(*_right_np(ctx, agent.end()))[0]
        elif not _passive_ask(ctx, m.start()):
            np_start, np_end = _left_np(ctx, m.start(), ctx.sent.start)
            who = ctx.people.classify(np_start, np_end)[0] if np_end > np_start else None
        spans = _classify(ctx, s, e)
        for a, b, kind, segs in spans:
            out.append(_claim(ctx, Found(a, b, kind, m.group().split()[0], m.start(), who, segs)))
    return out


_OBJECT_WORDS = 3  # a shorter object rarely says what the stance is about ...
_SENTENCE_END = re.compile(r"\s*[.!?]\s*$")
"""... unless it closes the sentence ("Marten praised the crews.", "Reyes endorsed Marten.")."""
_ATTITUDE_PARTICLES = frozenset(
    {"against", "of", "about", "on", "for", "as", "that", "out", "up", "to", "with", "at"}
)


def _attitudes(ctx: _Ctx, found: list[Found]) -> list[Found]:
    """Stance verbs with a named subject or a document: "Trump has railed against [the trade
    deal]", "The report cited [an internal review]"."""
    out: list[Found] = []
    cue_starts = {f.cue_start for f in found}
    base = ctx
    for tok in iter_tokens(base.masked, base.sent.start, base.sent.end):
        word = tok.text.casefold()
        phrase = PHRASAL[word].match(base.masked, tok.end, base.sent.end) if word in PHRASAL else None
        if phrase is not None:  # "took aim at [...]": the phrase is the cue, its object follows it
            tok = Tok(base.masked[tok.start : phrase.end()], tok.start, phrase.end())
        elif (word not in ATTITUDE_VERBS and word not in _AS_JUDGING) or tok.text[:1].isupper():
            continue
        if word.startswith("agree") and re.match(r"\s+to\b", base.masked[tok.end : tok.end + 4]):
            continue  # "agreed to a moratorium": a deal, not a stance
        after = _next_word(base.masked, tok.end, base.sent.end)
        if word in PARTICLE_ONLY and after not in PARTICLE_ONLY[word]:
            continue  # "called the plan a disaster", "pointed out": no stance verb without its particle
        if word.endswith("ed") and after == "by":
            continue  # "a staffer backed by the senator": a passive participle, its agent after "by"
        if word in _BACK and after in _RETREAT:
            continue  # "backed away from the deal": a retreat, not support
        sent = window(base.text, base.sent, tok.start, tok.end)
        ctx = _Ctx(base.text, base.masked, sent, base.segments, base.people, base.taken, base.closes)
        prev = ctx.masked[max(sent.start, tok.start - 12) : tok.start]
        progressive = word.endswith("ing") and _PROGRESSIVE.search(prev) is not None  # "is railing against"
        if word.endswith("ing") and not progressive:
            if not _PARTICIPLE_LEAD.search(prev) or ctx.taken.covers(tok.start):
                continue
            # ", referring to [...]": the participle reports for the sentence's speaker
            who = found[-1].speaker if found else subject(ctx.text, ctx.masked, sent, ctx.people)[0]
            span = _attitude_object(ctx, tok)
            if who is not None and span:
                out.append(_claim(ctx, Found(span[0], span[1], QuoteKind.INDIRECT, tok.text, tok.start, who)))
            continue
        who = _coordinated_speaker(ctx, found, tok) if word in SPEECH_ACTS else None
        if who is not None and not ctx.taken.covers(tok.start):
            span = _attitude_object(ctx, tok)
            if span:
                out.append(_claim(ctx, Found(span[0], span[1], QuoteKind.INDIRECT, tok.text, tok.start, who)))
            continue
        if re.search(
            r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|this|these|those)|[’']s)\s+$", prev, re.I
        ):
            continue  # a noun ("the attacks", "Trump's support"), not a verb
        lead = ctx.masked[max(sent.start, tok.start - 30) : tok.start]
        if not progressive and _PASSIVE_OR_INFINITIVE.search(lead):
            continue  # an infinitive or a passive
        if ctx.taken.covers(tok.start) or tok.start in cue_starts:
            continue
        negated = _NEGATED.search(prev)
        cue = ctx.masked[tok.start - len(prev) + negated.start() : tok.end] if negated else tok.text
        np_start, np_end = _left_np(ctx, tok.start, sent.start)
        document = np_end > np_start and _DOCUMENT_SUBJECT.fullmatch(ctx.masked, np_start, np_end) is not None
        if not document and (
            np_end <= np_start
            or not (
                _past_stance(word)
                or ctx.people.mention_ending_at(np_end)
                or re.search(r"\b(?:he|she)$", ctx.masked[np_start:np_end], re.I)
            )
        ):
            continue  # the subject must be a named person or a pronoun right before the verb ...
        who, _real = ctx.people.classify(np_start, np_end)
        if document:
            who = None
        elif (who is None or who.kind != "person") and not (_past_stance(word) and word not in _DEED_TOO):
            continue  # ... unless the verb is in the past tense, which no noun is: then any subject
            # takes the stance, an organisation ("the White House urged") or a group ("lawmakers
            # endorsed"), the group with no speaker named
        span = _attitude_object(ctx, tok)
        if span and _OPINION_ONLY.match(ctx.masked, span[0], span[1]):
            continue  # "expressed his views on the plan": that he opined, not what he said
        if span and word in _AS_JUDGING and not _as_judgment(ctx, span):
            continue  # "saw the crowd" is sight; "sees [the plan as a mistake]" a judgment
        if span:
            out.append(_claim(ctx, Found(span[0], span[1], QuoteKind.INDIRECT, cue, tok.start, who)))
    return out


def _coordinated_speaker(ctx: _Ctx, found: list[Found], verb: Tok) -> Entity | None:
    """The speaker of the report that ends right before "and <verb>" ("said the fee was fair
    and praised [the council]"): the second verb shares the first one's subject."""
    lead = _SECOND_LEAD_BEFORE.search(ctx.masked, max(ctx.sent.start, verb.start - _TAIL), verb.start)
    if lead is None:
        return None  # read first, as it is cheap: most verbs follow no "and"
    last = max((f for f in found if f.end <= verb.start), key=lambda f: f.end, default=None)
    return (
        last.speaker
        if last is not None and _SECOND_LEAD.fullmatch(ctx.masked, last.end, verb.start)
        else None
    )


_DOCUMENT_SUBJECT = re.compile(
    r"(?:the|a|an|this|that|his|her|their|its)\s+(?:[\w-]+\s+){0,2}"
    r"(?:report|study|memo|letter|poll|survey|statement|complaint|lawsuit|filing|ruling|indictment|audit)",
    re.I,
)
"""A document as a stance verb's subject ("The report cited [...]"): what it says is reported,
as a person's words are, with no one named as speaker."""


_DEED_TOO = inflect("focus") | inflect("refer") | inflect("discuss")
"""Past-tense stance verbs that as often tell of a thing or a deed ("the speech focused on",
"referred the request to", "officials from 20 countries discussed options"): a stance only
with a named speaker."""


_AS_JUDGING = wordset(
    "see sees saw seeing view views viewed viewing regard regards regarded regarding"
) | frozenset(
    f
    for lemma in wordlist("portray cast characterize characterise paint depict frame")
    for f in inflect(lemma)
)
"""Verbs that judge only with "as" ("sees [the plan as a mistake]", "cast [the win as a mandate]")."""
_AS = re.compile(r"\sas\s")


def _as_judgment(ctx: _Ctx, span: tuple[int, int]) -> bool:
    """Whether a judging verb's object holds its "as" and no quotation follows in the sentence
    (which the quoted-fragment rules take whole: "portrayed him as a generous, “fair” man")."""
    return _AS.search(ctx.masked, *span) is not None and "\x00" not in ctx.masked[span[1] : ctx.sent.end]


def _next_word(masked: str, pos: int, end: int) -> str:
    """The word right after ``pos``, lower-cased ("" when a mark comes first)."""
    m = re.compile(r"\s+(\w+)").match(masked, pos, end)
    return m.group(1).casefold() if m else ""


def _past_stance(word: str) -> bool:
    """Whether a stance verb is in the past tense, which no noun is ("urged", not "support"),
    and takes no sense but a stance ("announced the delivery of missiles" is a deed: verbs with
    other senses report only before "that" or a quotation)."""
    return word.endswith("ed") and word not in _STRICT


_OPINION_ONLY = re.compile(
    r"(?:his|her|their|its|our|my|your|an?|the)\s+(?:own\s+)?(?:opinions?|views?|thoughts)\s+(?:on|about)\s",
    re.I,
)
"""A stance verb's object that only names an opinion ("his views on the plan"): no content."""
_BACK = inflect("back")
_RETREAT = frozenset({"away", "down", "off"})
_PARTICIPLE_LEAD = re.compile(r"(?:,|\b(?:by|after|before|while|when|without|in))\s*$", re.I)
"""What an -ing stance verb follows when it reports for its sentence's speaker: a comma
(", referring to [...]"), "by" ("responded by attacking [...]") or a subordinator ("after
questioning [...]", "a leader in supporting [...]")."""
_PASSIVE_OR_INFINITIVE = re.compile(r"\b(?:to|was|were|be|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
"""An infinitive or a passive before a stance verb, an adverb allowed between ("was widely
criticized for [...]", "is often portrayed as"): the subject is not the one taking the stance."""
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been)\s+(?:\w+ly\s+|also\s+|now\s+|still\s+)?$", re.I)
""""is" before an -ing stance verb: a finite verb in the progressive ("is praising"), not a participle."""
_NEGATED = re.compile(r"\b(?:\w+n[’']t|not|never)\s+$", re.I)
"""A negator right before a stance verb: "did not endorse [X]" still reports a stance on X,
and the cue keeps the negator so no reader (nor the stance rules) takes it for support."""


def _claim(ctx: _Ctx, found: Found) -> Found:
    ctx.taken.add(found.start, found.end)
    return found


_OBJECT_END = re.compile(
    r",(?!\d)(?!\s+(?:which|where|whose)\b)|[;(—]|\s+and\s+(?:also|then|later|always|never|\w+ly|\w+ed|\w+ing)\b"
    r"|\s+(?:at\s+(?:a|an)|during\s+(?:a|an|the|his|her|their|its))\s"
    r"|\s+and\s+(?:has|have|had|is|was|will|would|did|does|then)\s"
    r"|\s+and\s+(?-i:" + "|".join(sorted(SPEECH, key=len, reverse=True)) + r")\b"
)
"""Where a stance verb's object ends: a clause mark (but not a comma before a relative clause
glossing the object), "and" starting a second predicate ("praised the crews and said ..."),
or a setting ("at a rally")."""
_TOPIC_VERBS = inflect("speak") | inflect("talk")
_TOPIC_PARTICLES = frozenset({"about", "of", "on", "out", "up"})
_ADJUNCT_AFTER_NAME = re.compile(
    rf"\s+(?:at|in|on|during|after|before|last|this|earlier|yesterday|today|{_DAYS})\b", re.I
)


_INFINITIVE_VERBS = frozenset(f for lemma in wordlist("decline refuse seek") for f in inflect(lemma))
"""Stance verbs taking an infinitive, which is their object whole: "declined [to comment]"."""
_DECLINE = inflect("decline")
_NUMBER_NEXT = re.compile(r"\s+(?:by\s+)?[$\d]")
"""A figure right after "declined": a fall in a quantity, not a refusal."""
_ANONYMITY = re.compile(r"\s*(?:on\s+)?(?:the\s+)?condition\s+(?:of|that)\b", re.I)
"""'spoke on condition of anonymity': the terms of speaking, not its topic."""
_PRONOUN_OBJECT = re.compile(r"(?:him|her|them|it|us|me)\b", re.I)


_SERIAL_REST = re.compile(
    r",\s+(?:[^,;:()\x00—–]+,\s+)+(?:and|or)\s+"
    r"(?!(?:\w+ly\s+|also\s+|then\s+|most\s+|later\s+)*(?:\w+ed|he|she|they|it|we|his|her|their)\b)[^,;:()—–]+?[.!?]?\s*",
    re.I,
)
"""The rest of a list of three or more after its first item ("parks, cafes with diners, and a
town of ..."): its commas part the items of one object. A last item that opens on a verb or a
subject ("..., and defended the ad", "..., and he renewed it") is a clause of its own."""


def _attitude_object(ctx: _Ctx, verb: Tok) -> tuple[int, int] | None:
    """The object of a stance verb up to the clause's first comma (past a list's), if it says something.

    "Speak" and "talk" report words only with a topic ("spoke about [the deal]", not "spoke
    to reporters"); a named object ends before a time or place ("endorsed [Ilse Marten] at
    a rally"): the person endorsed is the content, the rally the writer's setting.
    """
    start = verb.end
    first: str | None = None
    infinitive = verb.text.casefold() in _INFINITIVE_VERBS
    if verb.text.casefold() in _DECLINE and _NUMBER_NEXT.match(ctx.masked, verb.end):
        return None  # "sales declined 8 percent": a fall, not a refusal
    for nxt in tokenize(ctx.masked, verb.end, min(ctx.sent.end, verb.end + 40)):
        word = nxt.text.casefold()
        if word not in _ATTITUDE_PARTICLES or (infinitive and word == "to"):
            break
        first = first or word
        start = nxt.end
    if verb.text.casefold() in _TOPIC_VERBS and (
        first not in _TOPIC_PARTICLES or _ANONYMITY.match(ctx.masked, start, ctx.sent.end)
    ):
        return None
    m = _OBJECT_END.search(ctx.masked, start, ctx.sent.end)
    end = m.start() if m else ctx.sent.end
    if m and _SERIAL_REST.fullmatch(ctx.masked, m.start(), ctx.sent.end):
        end = ctx.sent.end  # "described [parks, cafes, and a town of ...]": the list is the object
    if "\x00" in ctx.masked[start:end] or re.match(r",\s*\x00", ctx.masked[end : end + 4]):
        return None  # quoted words, in the object or right after it, are the report
    s, e = _trim(ctx, start, end)
    named = ctx.people.mention_starting_at(s)
    if named is not None and named.name_end < e and _ADJUNCT_AFTER_NAME.match(ctx.masked, named.name_end, e):
        e = named.name_end
    pronoun = _PRONOUN_OBJECT.match(ctx.masked, s, e)
    if pronoun and _ADJUNCT_AFTER_NAME.match(ctx.masked, pronoun.end(), e):
        return None  # "endorsed him last week": the person is only a pronoun, the rest the setting
    whole = (
        not verb.text.endswith("ing")
        and (_has_words(ctx.text[s:e], 2) or (named is not None and named.name_end >= e))
        and _SENTENCE_END.match(ctx.masked, e, ctx.sent.end) is not None
    )
    if not (whole or _has_words(ctx.text[s:e], _OBJECT_WORDS)) or ctx.taken.overlaps(s, e):
        return None
    return s, e


_ONE_WORD = re.compile(r"[\w’'-]+")


def _lone_subject(
    ctx: _Ctx, start: int, end: int, interrupted: bool
) -> list[tuple[int, int, QuoteKind, tuple[Segment, ...]]]:
    """A one-word subject an attribution interrupts ("Voters, she said, need not worry"): the
    start of the report, though a content span needs two words when it stands alone."""
    s, e = _trim(ctx, start, end)
    if not interrupted or not _ONE_WORD.fullmatch(ctx.masked, s, e):
        return []
    return [(s, e, QuoteKind.INDIRECT, ())]


_SETTING_WORDS = 6
"""Words an opening phrase before a cue may hold to be taken for a setting, not a report:
longer, it holds a clause ("Closing the department would ..., he added")."""


_DESCRIPTION = re.compile(r",\s+(?:the|a|an|his|her|their|its)\s+(?:[^,\x00]{0,60}?\s)?(\w+),\s*$", re.I)


def _described_speaker_start(ctx: _Ctx, floor: int, np_start: int) -> int:
    """Where the words before "<description>, <name>, said" end: the description ("..., the
    mayor's spokesman, Tomas Brevik, said") is the speaker's, not the report's last words."""
    m = _DESCRIPTION.search(ctx.masked, floor, np_start)
    return m.start() if m is not None and m.group(1).casefold() in lexicon().office_heads else np_start


def _past_setting(ctx: _Ctx, cend: int) -> str:
    """The words after a cue past its time or setting ("said Thursday", "said in a statement"):
    none left ("This ferry ..., Carter said Thursday."), the words before the cue are its report."""
    rest = ctx.masked[cend : ctx.sent.end]
    setting = _RIGHT_SKIP.match(rest)
    return rest[setting.end() :] if setting else rest


def _up_to_next_cue(ctx: _Ctx, start: int, cues: list[tuple[int, int, str]]) -> str:
    """The masked words from ``start`` to the sentence's next cue: a quotation after that cue
    ("said on Tuesday, noting the mayor “...”") is its report, not the one before."""
    i = bisect.bisect_right(cues, (start, len(ctx.text) + 1, ""))
    end = min(cues[i][0], ctx.sent.end) if i < len(cues) else ctx.sent.end
    return ctx.masked[start:end]


def _one_cue(
    ctx: _Ctx,
    cue: str,
    cstart: int,
    cend: int,
    ckind: str,
    cues: list[tuple[int, int, str]],
    floor: int,
    found: list[Found],
) -> list[Found]:
    people = ctx.people
    sent = ctx.sent
    out: list[Found] = []

    def emit(spans: list[tuple[int, int, QuoteKind, tuple[Segment, ...]]], who: Entity | None) -> None:
        for s, e, k, segs in spans:
            if not ctx.taken.overlaps(s, e):
                out.append(_claim(ctx, Found(s, e, k, cue, cstart, who, segs)))

    who: Entity | None = None
    if ckind == "according":
        np_start, np_end = _right_np(ctx, cend)
        who, _ = people.classify(np_start, np_end)
        before = ctx.masked[floor:cstart].strip(" ,")
        around = _around(ctx, floor, cstart, np_end, cues) if _has_words(before, 1) else None
        if around is not None:
            # "Since May, according to the report, the ferry has lost money": one report around it
            if not ctx.taken.overlaps(around.start, around.end):
                out.append(
                    _claim(
                        ctx,
                        Found(
                            around.start,
                            around.end,
                            around.kind,
                            cue,
                            cstart,
                            who,
                            around.segments,
                            around.pieces,
                        ),
                    )
                )
        elif _has_words(before, 3) or "\x00" in before:  # "“We will fight,” according to Reyes."
            if not (floor > sent.start and _PREP_LEAD.match(before)):  # "said [at a rally], according to"
                emit(_classify(ctx, floor, cstart), who)
        else:
            end = _region_end(ctx, np_end, cues, floor)
            emit(_classify(ctx, np_end, end), who)
        return out

    if ckind == "noun":
        clause = _THAT_CLAUSE.match(ctx.masked, cend)
        if clause is not None and not _subject_noun(ctx, floor, cstart):  # "rejected the claim that [...]"
            start = clause.end()
            end = _region_end(ctx, start, cues, floor)
            if _OPENING_PREPOSITION.match(ctx.masked, sent.start, cstart):
                comma = ctx.masked.find(",", start, end)
                end = comma if comma > 0 else end
            emit(_classify(ctx, start, end), _owner(ctx, floor, cstart))
        return out

    if ckind == "speech" and not ctx.masked[sent.start : cstart].strip():
        # "Said Dorothy Poynter, who grew up with him, "We were all so proud of him.""
        rs, re_ = _right_np(ctx, cend)
        who, _ = people.classify(rs, re_)
        quote = ctx.masked.find("\x00", re_, sent.end)
        comma = ctx.masked.find(",", re_, sent.end)
        start = quote if quote >= 0 else (comma + 1 if comma >= 0 else -1)
        if start > 0:
            emit(_classify(ctx, start, sent.end), who)
        return out

    np_start, np_end = _left_np(ctx, cstart, floor)
    epithet = _EPITHET.search(ctx.masked, floor, np_start)
    if epithet and people.mention_starting_at(np_start) is not None:
        np_start = epithet.start(1)  # "“...,” an angry Reyes said": the adjectives describe the speaker
    if ckind == "participle":
        before = _tail(ctx.masked, floor, cstart)[0]
        if re.search(r"\b(?:the|a|an|most|more|less|very|so|too)\s+$", before, re.I):
            return out  # an adjective ("the most telling promise"), not a participle
        quoted_as = _QUOTED_AS.search(ctx.masked, floor, cstart)
        if quoted_as is not None:  # "“...,” Reyes was quoted as saying": the subject spoke
            np_start, np_end = _left_np(ctx, quoted_as.start(), floor)
            who, _ = people.classify(np_start, np_end)
            start, led = _content_start(ctx, cend, cue)
            end = _region_end(ctx, start, cues, floor)
            if led or _opens_clause(ctx.masked[start:end]):
                for s, e in _clauses(ctx, start, end, led):
                    emit(_classify(ctx, s, e), who)
            elif "\x00" in ctx.masked[floor:np_start]:
                emit(_classify(ctx, floor, np_start), who)
            return out
        gap = ctx.masked[np_end:cstart]
        if np_end > np_start and "," not in gap:
            who, _ = people.classify(np_start, np_end)
        if who is None and found:
            who = found[-1].speaker
        elif who is None:
            who, _ = subject(ctx.text, ctx.masked, sent, people)
        start, led = _content_start(ctx, cend, cue)
        for s, e in _clauses(ctx, start, _region_end(ctx, start, cues, floor), led):
            emit(_classify(ctx, s, e), who)
        return out

    evidence = _evidence_clause(cue, ctx.masked[np_start:np_end])  # "polls show ...": a verb
    noun = cue.casefold() in NOUN_LIKE and not _THAT_CLAUSE.match(ctx.masked, cend) and not evidence
    if noun and not re.match(r"\s*[,.]", ctx.masked[cend : cend + 3]):
        return out  # "sounded a cautious note about ...": a noun ("..., they note, ..." is a verb)
    start, led = _content_start(ctx, cend, cue)
    after = ctx.masked[start : sent.end]
    before_np = _tail(ctx.masked, floor, np_start)[0]
    inverted = not led and np_end <= np_start and re.search(r"[,\x00]\s*$", before_np) is not None
    unquoted = "\x00" not in ctx.masked[floor:np_start]
    clause_after = (
        _PRONOUN_CLAUSE.match(ctx.masked, cend, sent.end) is not None
        or _named_clause(ctx, cend)
        or _MODIFIED_SUBJECT.match(ctx.masked, floor, np_start) is not None
        or _SUBJECT_ASIDE.match(ctx.masked, floor, cstart) is not None
    )
    quoted_aside = _QUOTED_ASIDE.match(ctx.masked, floor, np_start) is not None  # "Lee, citing “...,” said"
    if inverted and (unquoted or quoted_aside) and (clause_after or quoted_aside):
        # "Ann Lee, 60, a doctor, said she was elated" (or "said Gates described ..."): the
        # words before the cue name the speaker (the sentence's subject), the clause after
        # it is the report
        who = subject(ctx.text, ctx.masked, sent, people)[0] or _appositive_head(ctx, floor, np_start)
        for s, e in _clauses(ctx, start, _region_end(ctx, start, cues, floor), led):
            emit(_classify(ctx, s, e), who)
        return out
    if inverted:
        rs, re_ = _right_np(ctx, cend)
        who, real = people.classify(rs, re_)
        if who is None and _has_words(ctx.masked[rs:re_], 6):
            return out  # "X's campaign, for example, said she would ...": a clause follows, no speaker
        named = people.mention_starting_at(rs)
        if _PREDICATE_AFTER.match(ctx.masked, named.name_end if named else re_, sent.end):
            return out  # "X, a former aide, said Gates described ...": the name after the cue has a verb
        # "If it fails — as critics say — “why not ask?” said Reyes": before the dash, the writer's words
        emit(_classify(ctx, _aside_start(ctx, floor, np_start) or floor, np_start), who)
        rest = re.compile(r"[^\x00]*?,\s*(?=\x00)").match(ctx.masked, re_, sent.end)
        if rest:  # ""It's hard," said the senator, "because ...": the quotation goes on
            emit(_classify(ctx, rest.end(), sent.end), who)
        return out
    who, real = people.classify(np_start, np_end)
    who = _aside_speaker(ctx, np_start, np_end, found) or who
    if who is None and real:
        who = _appositive_head(ctx, floor, cstart)  # "Ann Lee, after the row broke in May, said"
    if not real:
        if re.search(r"\b(?:and|but)\s*$", before_np):
            # "... keeps its finances secret but says ...": the subject of the first verb speaks
            who = found[-1].speaker if found else subject(ctx.text, ctx.masked, sent, people)[0]
        elif ckind == "speech" and _LONG_SUBJECT.search(before_np):
            # "Several people who know the mayor said ...": a subject too long for the slot
            who = subject(ctx.text, ctx.masked, sent, people)[0]
        elif cue.casefold() in _SAY and _group_relative(before_np):
            who = None  # "teachers who said [the law failed them]": a group, no one by name
        elif ckind in {"speech", "strict", "phrase"} and _unread_subject(
            ctx, (floor, cstart, cend), before_np, led, after
        ):
            # "Cement makers, for instance, argue that ...", "The paper, citing its files, reported
            # that ...": a subject the slot cannot read (a group, a body, a phrase broken by an
            # aside) reports all the same
            who = _appositive_head(ctx, floor, np_start) or _named_subject(ctx)
        else:
            return out
    if evidence:
        who = None  # "A poll showed ...": the finding is the poll's, no one's by name
    trailing = not led and (
        _TRAILING.match(after) is not None
        or _TRAILING.match(ctx.masked[cend : sent.end]) is not None
        or (
            (first := re.match(r"\s*(\w+)", after)) is not None
            and first.group(1).casefold() in _PREP_START
            and "\x00" not in _up_to_next_cue(ctx, start, cues)
        )
    )
    gerund = _GERUND_SUBJECT.match(ctx.masked, cend, sent.end)
    trailing = trailing and not (gerund and kind_of(gerund.group(1)) != "participle")
    after_comma = re.search(r"[,\x00—]\s*$", before_np) is not None
    if after_comma:
        aside = (
            _aside_start(ctx, floor, np_start)
            or _mark_start(ctx, floor, np_start)
            or _coordinated_start(ctx, floor, np_start)
        )
        if aside is not None:
            floor = aside
            trailing = trailing or _DASH_AFTER.match(after) is not None
        interrupted = re.search(r",\s*$", ctx.masked[cend:start]) is not None  # "A, she said, B"
        opening = not interrupted and _opening_phrase(ctx, floor, np_start, _past_setting(ctx, cend))
        if _APPOSED_HEAD.fullmatch(ctx.masked, floor, np_start) and not ctx.masked[cend : sent.end].strip(
            " .!?"
        ):
            return out  # "Her husband, Tom Reyes, agreed.": the name is in apposition, no words reported
        left_end = _described_speaker_start(ctx, floor, np_start)
        left = (
            []
            if opening
            else _classify(ctx, floor, left_end)
            or _lone_subject(ctx, floor, left_end, interrupted and not trailing)
        )
        direct = bool(left) and all(k is QuoteKind.DIRECT for _s, _e, k, _g in left)
        leading = all(_phrase_lead(chunk) for chunk in ctx.masked[floor:np_start].strip(" ,").split(","))
        resumed = _resumed(ctx, cend, cues) if trailing and left and not (direct or led or leading) else None
        around = _around(ctx, floor, np_start, resumed, cues) if resumed is not None else None
        if around is not None and not ctx.taken.overlaps(around.start, around.end):
            # "The plan was sound, aides said on Monday, pointing to ...": one report around its attribution
            out.append(_claim(ctx, replace(around, cue=cue, cue_start=cstart, speaker=who)))
            return out
        if trailing or (direct and not led):
            if leading and not direct and not _has_words(ctx.text[floor:np_start], _SETTING_WORDS + 1):
                return out  # "But even after the loans cooled, the borrowing continued.": a setting
            emit(left, who)
            rest = _ON_TO_QUOTATION.match(ctx.masked, cend, sent.end) if direct else None
            if rest and not any(cend <= c < rest.end() for c, _e, _k in cues):
                # "“...,” she said of the plan, “...”" goes on; "adding, “...”" is a report of its own
                emit(_classify(ctx, rest.end(), sent.end), who)
            return out  # "“...,” she told a crowd in Nashua, N.H.": the rest is no report
        if direct:
            emit(left, who)
        elif left and interrupted and (not led or _goes_on_quoted(ctx, left, start)):
            # "The solution, the partner said, was simple" (or "The toll “is fair,” she said, “but
            # ...”"): one report around its attribution
            right = _classify(ctx, start, _region_end(ctx, start, cues, floor))
            if right:
                (ls, le, lk, lg), (rs, re_, rk, rg) = left[0], right[0]
                kind = QuoteKind.INDIRECT if lk is rk is QuoteKind.INDIRECT else QuoteKind.MIXED
                if not ctx.taken.overlaps(ls, re_):
                    pieces = [(ls, le), (rs, re_)]
                    out.append(_claim(ctx, Found(ls, re_, kind, cue, cstart, who, lg + rg, pieces)))
                return out
    if trailing:
        return out
    if ckind in {"strict", "phrase"} and not led and not (evidence or _bare_clause(cue, after)):
        return out
    if noun:
        return out  # "the claim that was made": a noun, not a report
    first_word = re.match(r"\s*([\w’']+)", after)
    if not led and first_word and first_word.group(1).casefold() in _PREP_START:
        return out
    end = _region_end(ctx, start, cues, floor)
    relative = re.search(r"\b(?:which|that|what)\s+$", before_np)
    if relative:
        comma = ctx.masked.find(",", start, end)
        end = comma if comma > start else end  # "a vote, which she said was a mistake, ..."
        lead = not led and (
            relative.group().casefold().startswith(("which", "what")) or _VERB_FIRST.match(after) is not None
        )
        if (
            lead
            and not _CLAUSE_SUBJECT.match(after)
            and re.fullmatch(r"[\w’'.\s-]*", ctx.masked[np_start:cstart])
        ):
            # "which she said was a mistake": the relative pronoun is the report's subject
            start = np_start - len(before_np) + relative.start()
    elif not led and _VERB_FIRST.match(after):
        start = _zero_relative_head(ctx, cstart, sent.start) or start
    for s, e in _clauses(ctx, start, end, led):
        emit(_classify(ctx, s, e), who)
    return out


_ZERO_RELATIVE = re.compile(
    r"(?:^|[,;:(]\s*|\s(?:-{1,2}|[—–])\s*|\b(?-i:even|including|of|on|to|for|about|with|into|from)\s+)"
    r"((?!(?:even|including|of|on|to|for|about|with|into|from)\b)"
    r"(?:(?-i:an?|the|these|those|some|its|his|her|their|our)\s+)?(?-i:[a-z][\w’'-]*)"
    r"(?:\s+(?-i:[a-z][\w’'-]*))?)\s+"
    r"(?:(?-i:[A-Z][\w’'.-]*)(?:\s+(?-i:[A-Z][\w’'.-]*))*|(?-i:he|she|they|we|I)|(?-i:the)(?:\s+[\w’'-]+){1,4}?)"
    r"\s+(?:(?-i:now|also|later)\s+)?$"
)
"""A noun phrase, the speaker and the cue, with no relative pronoun ("a probe the agency said
[was ongoing]", "even the ones the department says [are secret]"): the noun phrase is the
report's subject, as "which" is in "which she said was a mistake"."""


def _zero_relative_head(ctx: _Ctx, cstart: int, floor: int) -> int | None:
    """Where the subject of a report opening on its verb begins, when it stands before the
    speaker with no relative pronoun (see ``_ZERO_RELATIVE``)."""
    m = _ZERO_RELATIVE.search(ctx.masked, max(floor, cstart - _TAIL), cstart)
    return m.start(1) if m else None


def _goes_on_quoted(
    ctx: _Ctx, left: list[tuple[int, int, QuoteKind, tuple[Segment, ...]]], start: int
) -> bool:
    """Whether the quotation right after a mid-sentence attribution goes on with the words before
    it: after a quotation closing on its comma ("The toll “is fair,” she said, “but ...”"), or as
    the predicate of the subject before it ("The plan, she said, “is a mistake.”"), whose quoted
    words open on a verb. Other quotations there follow a setting ("In May, she said, “...”")."""
    if ctx.masked[start] != "\x00":
        return False
    seg = next(_segments_in(ctx, start, start + 1), None)
    return _ends_quoted(ctx, left) or (seg is not None and _PREDICATE.match(ctx.text, seg.start) is not None)


def _ends_quoted(ctx: _Ctx, spans: list[tuple[int, int, QuoteKind, tuple[Segment, ...]]]) -> bool:
    """Whether the last span before an attribution ends in a quotation closing on its comma."""
    if not spans or not spans[-1][3]:
        return False
    last = spans[-1][3][-1]
    return last.close >= spans[-1][1] and _ends_on_comma(ctx.text, last)


_CLAUSE_SUBJECT = re.compile(
    r"\s*(?:(?i:i|you|he|she|it|we|they|there|this|these|those|the|his|her|their|its|our|my|some|many|"
    r"most|no|every|all|both)|[A-Z][\w’'.-]*)\s+(?!(?i:to|of|about|for|with|in|on|at|by|from|as|so)\b)\w"
    r"|\s*(?i:i|you|he|she|it|we|they|there)[’'](?i:s|d|re|ll|ve|m)\b"
)
"""The opening of a clause: a pronoun, determiner or name, then a word that is no preposition,
or a pronoun with its verb contracted ("told voters [she’s with them]")."""


_KNOWING = wordset("know knew knows assume assumed")
"""Strict cues of knowing: "she knew he lied" is the writer's account of her mind, which the
attribution corpora seldom mark as hers."""
_NOMINATIVE = re.compile(
    r"\s*(?:he|she|they|we|i)(?:\s+(?!(?:to|of|about|for|with|in|on|at|by|from|as|so|and|or)\b)[a-z]"
    r"|[’'](?:s|d|re|ll|ve|m)\b)",
    re.I,
)
"""A subject pronoun and a word after a cue: only a clause opens so ("confirmed she had been"),
as no verb takes "he" or "they" for its object."""


def _bare_clause(cue: str, after: str) -> bool:
    """Whether a strict cue goes on with a clause of its own with no "that": a belief verb
    before any subject ("thinks [the plan works]"), not an object or phrase ("thinks so",
    "hopes to win", "believed in him"); any other strict verb before a subject pronoun
    ("suggested [they should drop out]", not "suggested a delay"). A capitalised "Hope"
    inside a sentence is a name."""
    if not cue[:1].islower():
        return False
    if _NOMINATIVE.match(after) and cue.casefold() not in _KNOWING:
        return True
    return cue.casefold() in BELIEF and _CLAUSE_SUBJECT.match(after) is not None


_EVIDENCE = wordset(
    "show shows showed find finds found suggest suggests suggested indicate indicates indicated"
)
_DOCUMENT = re.compile(
    r"\b(?:polls?|polling|surveys?|study|studies|reports?|data|figures|records|analysis|research|results|"
    r"numbers|census|documents?|filings?)\b",
    re.I,
)


def _evidence_clause(cue: str, slot: str) -> bool:
    """Whether a poll, study or document reports what follows its verb with no "that" ("a poll
    showed [the mayor leading by ten points]", "surveys find [most drivers support tolls]"):
    data shows or finds nothing but a finding."""
    return cue.casefold() in _EVIDENCE and _DOCUMENT.search(slot) is not None


def _opening_phrase(ctx: _Ctx, start: int, end: int, after: str) -> bool:
    """Whether the words before "<subject> <cue>" are a phrase opening the sentence ("In the
    short term, senators vowed to ...", "Addressing the council, she warned ..."), not reported
    words: one comma-free phrase led by a preposition, adverb or participle, with the cue's own
    words still to come after it. Several such phrases may follow each other ("At rally after
    rally, to rapturous crowds, he vows ..."); a conjunction or "even" before one is skipped."""
    words = ctx.masked[start:end].strip(" ,")
    if not words or "\x00" in words or _TRAILING.match(after):
        return False
    return all(_phrase_lead(chunk) for chunk in words.split(","))


def _phrase_lead(chunk: str) -> bool:
    """Whether a comma-free stretch opens with a preposition, adverb, subordinator or participle."""
    toks = [w.casefold() for w in chunk.split()]
    while toks and toks[0] in _CONJ | {"even"}:
        toks = toks[1:]
    if not toks:
        return False
    first = toks[0]
    return first in _INTRO or first == "to" or (first.endswith("ing") and first not in _ING_NOT_VERB)


_PRONOUN_CLAUSE = re.compile(
    r"\s+(?:he|she|they|we|i|it)(?:\s+(?!(?:said|to|for|of|in|on|at|with|from|by|as|up|out|off|back|over)\b)[a-z’']+"
    r"|[’'](?:s|d|re|ll|ve|m)\b)",
    re.I,
)
"""A pronoun and a word after a cue: a reported clause opens there, not an inverted speaker."""


_MODIFIED_SUBJECT = re.compile(r"[^,\x00]{1,80},\s+(?:\w+ing|who|whose)\b[^,\x00]*,\s*$", re.I)
"""A noun phrase and a participle or relative clause closed by a comma ("One aide, speaking
on condition of anonymity,"): the subject of the cue after it, not reported words. Matched
from the slot's start: a "^" would never match at a search offset."""


_QUOTED_ASIDE = re.compile(
    r"[^,\x00]{1,80},\s+(?:\w+ing|who|whose|author|co-author|editor|host)\b[^;]*\x00,?\s*$", re.I
)
"""A subject and a participle phrase, a relative clause or an apposition ending in a quotation
("Ann Lee, citing “the old magic,”", "Lee, who called it “a sham,”", "Lee, author of “Tides,”"):
the quotation is the aside's, the clause after the cue the subject's report."""
_GERUND_SUBJECT = re.compile(
    r",\s+([a-z]+ing)\s+(?!that\b)(?:[\w’'-]+\s+){0,4}?(?:would|will|could|can|should|might|may|is|was|are|were)\s",
    re.I,
)
"""A gerund and its predicate after an interrupting cue ("A, she added, revoking passes would be
wrong"): the subject of the report's second half, not a participle glossing the cue ("adding
that he would ..." is one)."""
_PREP_LEAD = re.compile(r"(?:during|at|in|on|after|before|with|to|for)\b", re.I)
_SUBJECT_ASIDE = re.compile(
    r"\s*(?:[\w’'.-]+\s+){0,3}[\w’'.-]+,\s+(?:however|meanwhile|though|too|also|instead|in\s+turn|in\s+fact"
    r"|of\s+course|for\s+(?:instance|example)|for\s+(?:their|his|her|its|our)\s+part),\s*$",
    re.I,
)
"""A short subject and a sentence adverb set off by commas ("Others, however,"): the subject of
the cue after it, not reported words."""


def _named_clause(ctx: _Ctx, cend: int) -> bool:
    """Whether a name and its verb follow the cue ("said Gates described ...")."""
    named = ctx.people.mention_starting_at(_right_np(ctx, cend)[0])
    return named is not None and _PREDICATE_AFTER.match(ctx.masked, named.name_end, ctx.sent.end) is not None


_PREDICATE_AFTER = re.compile(
    r"\s+(?!(?:who|whom|whose|which|and|but|or|as|than|then|also|too|last|this|next|on|in|at|of|for|to|"
    r"from|with|by|during|after|before|when|while|since|about|after|earlier|later|yesterday|today|"
    r"tonight|recently|again|himself|herself|themselves)\b)(?-i:[a-z]+(?:ed|es|s))\b"
)
"""A verb right after the name that follows a cue: that name is the subject of a reported
clause ("said Gates described ..."), not the speaker of an inverted attribution."""
_ON_TO_QUOTATION = re.compile(r"[^\x00;]{0,160}?,\s*(?=\x00)")
"""The words after a cue up to the comma that reopens the quotation."""


_POSSESSIVE = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,3}$")
_DETERMINED = re.compile(
    r"(?:[’']s|\b(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those))\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
"""A determiner or possessive a few words before a cue word: the word is a noun ("his repeated claim")."""


_OPENING_PREPOSITIONS = r"(?:Despite|Amid|After|Before|Following|Given|Unlike|With|Without)"
_OPENING_PREPOSITION = re.compile(_OPENING_PREPOSITIONS + r"\s")
"""A preposition opening a sentence ("Despite Lee's claims that ..., the firms ..."): the noun
after it is its object, and the clause it reports ends at the phrase's comma."""
_SUBJECT_NOUN = re.compile(
    r"(?:^|[,;:\x00(—])\s*(?:(?:but|and|yet|so)\s+)?"
    r"(?:(?!" + _OPENING_PREPOSITIONS + r"\s)(?-i:(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.’'-]*)[’']s"
    r"|the|his|her|their|its|a|an|this|that)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _subject_noun(ctx: _Ctx, floor: int, noun: int) -> bool:
    """Whether a noun cue heads its clause's subject ("Pevkur's assertion that ... comes as"):
    the clause then runs on into the writer's predicate, whose start the rules cannot find,
    so only a noun in object position ("rejected the notion that ...") reports."""
    tail, _lo = _tail(ctx.masked, floor, noun)
    return _SUBJECT_NOUN.search(("\x00" if _lo == floor else "") + tail) is not None


_PRONOUN_OWNER = re.compile(r"\b(his|her)\s+(?:[\w-]+\s+){0,3}$", re.I)


def _owner(ctx: _Ctx, floor: int, noun: int) -> Entity | None:
    """Whose a noun cue is: the name before "'s" a few words before it ("Ilse Marten's
    repeated claim"), the person "his" or "her" refers to, or the sentence's subject ("Tomas
    Brevik rejected the notion that ...": the words he weighs in on are his report)."""
    tail, lo = _tail(ctx.masked, floor, noun)
    pronoun = _PRONOUN_OWNER.search(tail)
    if pronoun:
        return ctx.people.pronoun(
            "he" if pronoun.group(1).casefold() == "his" else "she", lo + pronoun.start()
        )
    m = _POSSESSIVE.search(tail)
    mention = ctx.people.mention_ending_at(lo + m.start()) if m else None
    if mention is not None and mention.start >= floor:
        return ctx.people.entity_of(mention)
    return None if m else subject(ctx.text, ctx.masked, ctx.sent, ctx.people)[0]


_SAY = wordset("said says say")
_SUBJECT_RELATIVE = re.compile(r"(?:^|[,;:]\s*|\b(?:among|of|by|for)\s+)(?:\w+\s+){0,3}who\s*$", re.I)
"""A relative clause in subject position ("Those who said ..."): its report runs on into the
main predicate, whose start the rules cannot find."""
_WHO_BEFORE = re.compile(r"\bwho(?:\s+(?:also|have|has|had|now|once))?\s*$", re.I)


def _group_relative(before: str) -> bool:
    """Whether a cue opens a relative clause ("unions who said") that is not its sentence's subject."""
    return _WHO_BEFORE.search(before) is not None and _SUBJECT_RELATIVE.search(before) is None


_VERB_FIRST = re.compile(
    r"\s*(?:is|was|are|were|has|had|have|will|would|could|can|should|might|may|must|remains?|did|does)\b",
    re.I,
)
"""A report opening on its verb ("the job that economists say [is the future]"): the relative
pronoun before the cue is the report's subject."""
_RELATIVE_END = re.compile(r"\b(?:who|which|that)\s*$", re.I)


_OF_AFTER = re.compile(r"\s+of\b", re.I)
_PREPOSITION_END = re.compile(r"\b(?:amid|despite|after|before|over|about|of|on|in|with|by|for)\s*$", re.I)


def _unread_subject(ctx: _Ctx, cue: tuple[int, int, int], before_np: str, led: bool, after: str) -> bool:
    """Whether a cue whose slot names no one still reports: always, unless it is a noun after
    a preposition ("amid reports that ...") or opens a relative clause ("voters who said ..."),
    which must stand outside its sentence's subject (whose report would run on into the main
    predicate) and go on with a clause, not an object ("who claimed responsibility"). "Said of
    the plan that ..." is left to the quoted-fragment rules, which read its object."""
    floor, cstart, cend = cue
    if _PREPOSITION_END.search(_tail(ctx.masked, floor, cstart)[0]) or _OF_AFTER.match(ctx.masked, cend):
        return False
    if not _RELATIVE_END.search(before_np):
        return True
    return _group_relative(before_np) and (led or _CLAUSE_SUBJECT.match(after) is not None)


_APPOSITIVE_TO_CUE = re.compile(
    r",\s+(?:(?:who|whose|a|an|the)\b[^\x00;:]*|(?:after|before|when|while|since|speaking|in|at|during)\b[^\x00;:,]*),"
    r"(?:\s+(?:\w+ly|also|then|later|again))?\s*$",
    re.I,
)


def _appositive_head(ctx: _Ctx, floor: int, np_start: int) -> Entity | None:
    """The person named right before a relative clause, appositive or phrase of time set off by
    commas and running up to the cue ("The venture capitalist Ann Lee, who backed the mayor in
    2012, said ...", "Lee, after the row broke in May, later said ..."): the words before the
    name, or a time phrase the slot takes for its tail, keep the slot from reading it."""
    for m in ctx.people.mentions_in(floor, np_start):
        if not _APPOSITIVE_TO_CUE.match(ctx.masked, m.name_end, np_start):
            continue
        ent = ctx.people.entity_of(m)
        if len(m.tokens) > 1 or m.gender is not None or " " in ent.name:
            return ent  # a lone surname only as someone named in full before
    return None


def _named_subject(ctx: _Ctx) -> Entity | None:
    """The sentence subject as a speaker, when it is a body or a person named in full: a lone
    capitalised word opening a sentence ("Cement makers ...") is too often no name."""
    who = subject(ctx.text, ctx.masked, ctx.sent, ctx.people)[0]
    if who is not None and who.kind == "person" and " " not in who.name:
        return None
    return who


_LONG_SUBJECT = re.compile(r"(?:^|\W)(?!(?:who|that|which)\s*$)[\w’'-]*[\w)%]\s*$", re.I)
"""A subject noun phrase ending right before a cue, with no comma or quotation between, and no
relative pronoun (whose clause would run on into the main predicate)."""


_SOURCE_GLOSS = re.compile(r"\s*(?:who|whom|whose|which|where|compared|including)\b", re.I)


def _around(
    ctx: _Ctx, floor: int, cstart: int, np_end: int, cues: list[tuple[int, int, str]]
) -> Found | None:
    """The report an attribution interrupts: words before it and a clause after its comma."""
    if not re.match(r"\s*,", ctx.masked[np_end : np_end + 3]):
        return None
    after = np_end + ctx.masked[np_end:].index(",") + 1
    if _SOURCE_GLOSS.match(ctx.masked, after, ctx.sent.end):
        return None  # "..., according to Ann Lee, who ran the study": the clause glosses the source
    left = _classify(ctx, floor, cstart)
    right = _classify(ctx, after, _region_end(ctx, after, cues, floor))
    if not left or not right or not _has_words(ctx.text[right[0][0] : right[0][1]], 3):
        return None
    (ls, le, lk, lg), (rs, re_, rk, rg) = left[0], right[0]
    if _CONTRAST_LEAD.match(ctx.masked, ls, le):
        return Found(rs, re_, rk, None, cstart, None, rg)  # "While A, according to X, B": B is X's
    kind = QuoteKind.INDIRECT if lk is rk is QuoteKind.INDIRECT else QuoteKind.MIXED
    return Found(ls, re_, kind, None, cstart, None, lg + rg, [(ls, le), (rs, re_)])


_CONTRAST_LEAD = re.compile(r"(?:while|although|though|whereas|even\s+though)\s", re.I)
"""A contrast clause opening the sentence ("While most were marked secret, according to an
official, two were ..."): the writer's concession; the source speaks for the clause after it."""


_ATTRIBUTION_TAIL = re.compile(r"[^,;:\x00.!?]{0,60}(?=,\s)")
"""The rest of an attribution up to the comma after which the report it interrupts resumes."""


def _resumed(ctx: _Ctx, cend: int, cues: list[tuple[int, int, str]]) -> int | None:
    """Where an attribution standing between two parts of a report ends ("..., they say,
    [imposing ...]"), unless a cue of its own follows the comma (", adding that ...")."""
    m = _ATTRIBUTION_TAIL.match(ctx.masked, cend, ctx.sent.end)
    if m is None:
        return None
    after = m.end() + 1
    while after < ctx.sent.end and ctx.masked[after].isspace():
        after += 1
    if any(c == after for c, _e, _k in cues) or _ANONYMITY.match(ctx.masked, after, ctx.sent.end):
        return None  # ", adding that ...", ", on condition of anonymity": the attribution goes on
    return m.end()


def _clauses(ctx: _Ctx, start: int, end: int, led: bool) -> list[tuple[int, int]]:
    """A "that" clause split at a second "and that" when each part holds a quotation:
    "saying that "A" and that the West "B"" reports two quoted things."""
    if not led:
        return [(start, end)]
    out = []
    for m in _AND_THAT.finditer(ctx.masked, start, end):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, end))
    quoted = [any(a <= seg.open < b for seg in ctx.segments) for a, b in out]
    if len(out) > 1 and all(quoted):
        return out
    return [(out[0][0], end)]  # "A and that B" stays one report unless each part quotes someone


_INTRO = wordset(
    """in on at after before during while when since as although though for with without despite like
    unlike under over ahead asked speaking if because once following until by from according in
    earlier later last this next meanwhile however still yet instead now then today yesterday"""
)
_CONJ = frozenset({"but", "and", "so", "yet", "or"})
_COMMA = re.compile(r",\s+")
_SUBJECT_TOKENS = 30  # more than any subject noun phrase


_OPENING_ADVERBS = _SENTENCE_ADVERBS | {"then", "later", "finally", "soon"}
_OPENING_TIME = re.compile(rf"\s*(?:{_TIME}|yesterday|today)\s+(?=(?-i:[A-Z]))", re.I)
_AGE = re.compile(r"\s*\d+-year-old\s+(?=(?-i:[A-Z]))", re.I)
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.’' -]*[A-Z.](?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s+(?:-{1,2}|[—–])\s+"
)
"""What may open a sentence before its subject's name: a time phrase with no comma after it
("On Sunday Mr. Trump wrote ..."), a news dateline ("MYRTLE BEACH, S.C. - Sen. Ted Cruz ..."),
or an age ("62-year-old Brenda Johnson")."""
_OPENERS = (_OPENING_TIME, _DATELINE, _AGE)


def subject(text: str, masked: str, sent: Sentence, people: People) -> tuple[Entity | None, bool]:
    """The sentence's subject when it names someone, and whether a subject was found at all.

    The subject is the first noun phrase at the start of the sentence or of its
    main clause (after an introductory phrase and comma). A group subject
    ("officials") is found but names nobody: (None, True).
    """
    commas = (m.end() for m in _COMMA.finditer(masked, sent.start, sent.end))
    for pos in [sent.start, *islice(commas, 3)]:
        opening = next((m for r in _OPENERS if (m := r.match(masked, pos, sent.end))), None)
        toks = list(islice(iter_tokens(masked, opening.end() if opening else pos, sent.end), _SUBJECT_TOKENS))
        while toks and (toks[0].text.casefold() in _CONJ or toks[0].text.casefold() in _OPENING_ADVERBS):
            toks = toks[1:]  # "And then Trump went on the attack"
        if not toks or toks[0].text.casefold() in _INTRO or toks[0].text == "\x00":
            continue
        begin = toks[0].start
        end = begin
        for tok in toks:
            w = tok.text
            if w in {",", ";", ":", "\x00", "(", "—"} or w.casefold() in _BOUNDARY_WORDS:
                break
            if w[:1].islower() and w not in {"of", "’", "'", "s"} and not _is_np_word(w):
                break
            end = tok.end
        if end > begin:
            ent, _real = people.classify(begin, end)
            place = ent is not None and ent.kind != "person" and pos > sent.start
            if place and re.match(r"\.?,", masked[end : end + 2]):
                continue  # "At a rally in Dover, Del., Ms. Lee said": the place closes the opening phrase
            if ent is not None:
                return ent, True
            phrase = [w.casefold() for w in re.findall(r"[\w’'-]+", masked[begin:end])]
            if phrase and people.is_group(phrase):
                return None, True
    return None, False


def _is_np_word(word: str) -> bool:
    from extract.lexicon import lexicon

    lex = lexicon()
    low = word.casefold()
    return (
        low in lex.office_heads
        or low in lex.office_modifiers
        or low in lex.groups
        or low.endswith("ministry")
    )
