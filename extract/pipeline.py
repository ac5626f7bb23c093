"""Extraction entry point: raw article text in, article and attributed quotes out.

The steps, each in its own module: cleanup (title, byline, chrome), quotation
marks (direct), sentences, names and titles, cue-driven attribution
(reported), quotes no cue claims (continuations and quoted fragments), and
finally coreference-resolved speakers and stance.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract import stance
from extract.cleanup import clean
from extract.direct import Segment, find_segments, headline_segments, mask
from extract.fragments import closes_on_stop, complement
from extract.models import Article, ArticleMeta, ExtractedArticle, Quote, QuoteKind
from extract.names import find_names
from extract.reported import SPEECH_ACTS, Found, attribute, continues_predicate, subject
from extract.sentences import Sentence, split
from extract.spans import WINDOW, SpanSet, window
from extract.speakers import Entity, People
from extract.terms import is_title, names_a_thing, term_owner
from extract.titles import country_of
from extract.topics import Topic

_LOWER_WORD = re.compile(r"\b[a-z][\w\-’']*")
_COUNTRY_SUBJECT = re.compile(
    r"^(?:that\s+)?(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+"
    r"(?:does|do|did|will|won[’']t|would|is|isn[’']t|has|hasn[’']t|can|cannot|can[’']t|should|must|plans|intends|wants|doesn[’']t|certainly|also|has\s+no)\b"
)


_HEADLINE_WORDS = 20
"""Words an article's first line may hold to be read as its headline (single quote marks quote)."""


@dataclass
class _Doc:
    """The article as the rules read it: raw text, masked text, and its units."""

    text: str
    masked: str
    sentences: list[Sentence]
    segments: list[Segment]
    seg_sentence: dict[int, int]  # segment open offset -> sentence index
    starts: list[int]  # sentence starts, for bisection
    opens: list[int]  # segment opening offsets, for bisection


def _read(text: str, title: str | None) -> tuple[_Doc, str | None, str | None]:
    cleaned = clean(text, title)
    sentences: list[Sentence] = []
    segments: list[Segment] = []
    seg_sentence: dict[int, int] = {}
    para = 0
    for line in cleaned.lines:
        if not line.body:
            continue
        segs = find_segments(text, line.start, line.end)
        if para == 0 and len(text[line.start : line.end].split()) <= _HEADLINE_WORDS:
            segs = headline_segments(text, line.start, line.end, segs)
        segments.extend(segs)
        opens = [s.open for s in segs]
        for sent in split(text, line.start, line.end, para, segs):
            for seg in segs[bisect.bisect_left(opens, sent.start) : bisect.bisect_left(opens, sent.end)]:
                seg_sentence[seg.open] = len(sentences)
            sentences.append(sent)
        para += 1
    chars = list(mask(text, segments))
    body = [False] * len(text)
    for sent in sentences:
        body[sent.start : sent.end] = [True] * (sent.end - sent.start)
    masked = "".join(c if body[i] or c == "\n" else " " for i, c in enumerate(chars))
    starts, opens = [s.start for s in sentences], [s.open for s in segments]
    doc = _Doc(text, masked, sentences, segments, seg_sentence, starts, opens)
    return doc, cleaned.title, cleaned.byline


def extract_article(
    text: str, meta: ArticleMeta | None = None, topics: Sequence[Topic] = ()
) -> ExtractedArticle:
    """Find, type and attribute the quotes of one article."""
    meta = meta or ArticleMeta()
    doc, title, byline = _read(text, meta.title)
    fields = meta.model_dump(exclude={"title"})
    article = Article(id=Article.id_for(text), text=text, title=title, byline=byline, **fields)

    body_text = "".join(c if doc.masked[i] != " " or c.isspace() else " " for i, c in enumerate(text))
    names_text = body_text.replace("[", " ").replace("]", " ")
    mentions = find_names(names_text, frozenset(_LOWER_WORD.findall(text)))
    people = People(names_text, mentions, [(s.open, s.close) for s in doc.segments])

    found: list[Found] = []
    for sent in doc.sentences:
        found.extend(attribute(text, doc.masked, sent, _opening_in(doc, sent.start, sent.end), people))
    found.extend(_uncued(doc, people, found))
    found.sort(key=lambda f: f.start)
    _continue_chains(doc, found)
    if MERGE:
        found = _merge_pieces(doc, found)
    _infer_countries(text, found)

    quotes = [_quote(doc, people, f, topics) for f in found]
    return ExtractedArticle(article=article, quotes=quotes)


_UNCUED_WORDS = 5
"""Words a quoted fragment inside a writer's sentence needs, with no verb of saying governing
it and no colon before it, to be taken for anyone's words: shorter, it is a label ("the
“king of debt” moniker"), a slogan or a scare quote far more often than a quotation."""
_TERM_WORDS = 3
"""Below this, an uncued fragment is a term whoever's sentence it is in; from it up to
``_UNCUED_WORDS`` it is a named person's phrase ("Marten defended “a politics of hope”")
unless a noun follows it, which makes it a label ("the “ferry for all” service")."""


def _modifies_noun(doc: _Doc, seg: Segment) -> bool:
    """Whether a short quoted term modifies the noun after it, with no comma or stop of its own
    between ("“fair deal” plan", not "“fair deal,” said"): uncued, it is a label; as a verb's
    object ("portrays “illegal” migrants as ..."), the noun phrase is the object. A title
    ("“Harbour Days” opened") names the thing itself."""
    return (
        seg.words(doc.text) < _UNCUED_WORDS
        and not closes_on_stop(doc.text, seg)
        and names_a_thing(doc.masked, seg.close)
        and not is_title(doc.text[seg.start : seg.end])
    )


def _person(who: Entity | None) -> bool:
    """Whether the speaker is a person: an organisation's short quoted phrase is its slogan."""
    return who is not None and who.kind == "person"


def _uncued(doc: _Doc, people: People, found: list[Found]) -> list[Found]:
    """Quotations no cue claimed: a quote continuing the previous speaker's words, or a
    quoted fragment of three words or more whose sentence names its speaker.
    Shorter uncued fragments are scare quotes, not quotations."""
    used = {s.open for f in found for s in f.segments}
    taken = SpanSet()
    for f in found:
        taken.add(f.start, f.end)
    cue_starts = sorted(f.cue_start for f in found)
    out: list[Found] = []
    latest: Found | None = None  # the attribution starting last before the quotation
    ordered = sorted(found, key=lambda f: f.start)
    k = 0
    for seg in doc.segments:
        while k < len(ordered) and ordered[k].start < seg.open:
            if latest is None or ordered[k].start > latest.start:
                latest = ordered[k]
            k += 1
        if seg.open in used or taken.covers(seg.start):
            continue
        si = doc.seg_sentence.get(seg.open)
        if si is None:
            continue
        sent = window(doc.text, doc.sentences[si], seg.open, seg.close)
        words = seg.words(doc.text)
        lead = doc.masked[sent.start : seg.open].strip()
        comp = complement(doc.text, doc.masked, sent, seg) if lead else None
        span = (seg.open, seg.close)
        owner = term_owner(doc.text, doc.masked, sent.start, span, people, comp is not None) if lead else None
        if owner is not None and owner.possessive:
            new = Found(seg.start, seg.end, QuoteKind.DIRECT, owner.cue, seg.open, owner.who, (seg,))
            out.append(new)
            taken.add(new.start, new.end)
            continue
        own_sentence = not lead and latest is not None and _para(doc, latest.start) == sent.para
        if (
            comp is None
            and is_title(doc.text[seg.start : seg.end])
            and not (own_sentence and _is_sentence(doc.text, seg))
        ):
            continue  # a title or name in quotation marks, which no cue claims
        if lead:
            introduced = lead.endswith(":") and _is_sentence(doc.text, seg)  # "Her answer: “No.”"
            if comp is None and (
                (words < _TERM_WORDS and not introduced)
                or (not lead.endswith(":") and _modifies_noun(doc, seg))
            ):
                continue  # a scare quote or a label: a quoted term no one is said to have said
            who, group = subject(doc.text, doc.masked, sent, people)
            if owner is not None:
                who = owner.who  # "what the mayor called a “disaster”": the mayor's word
            elif who is None and not group:
                who = _possessor(doc, people, sent) or _nearest_person(
                    doc, people, sent, comp[0] if comp else seg.open
                )
            if comp is None and words < _UNCUED_WORDS and not lead.endswith(":") and not _person(who):
                continue  # a short phrase is a person's words only: "the party's “fair deal”" is a label
            if comp is not None:
                cs, ce, verb = comp
                who = _verb_subject(doc, people, sent, cs, verb) or who
                ce = _before_next_report(doc, cue_starts, seg, ce)
                if taken.overlaps(cs, ce):
                    continue
                segs = tuple(_opening_in(doc, cs, ce))
                used.update(s.open for s in segs)
                prefix = doc.masked[cs : seg.open].strip(" ,:")
                direct = (
                    not prefix
                    and not _modifies_noun(doc, seg)
                    and not (
                        continues_predicate(doc.masked, seg.close, ce)
                        and not _OBJECT_OF.search(doc.masked, sent.start, seg.open)
                    )
                )
                if direct:  # "called him “a stiff”" is mixed: the verb's object, as the corpora mark it
                    new = Found(seg.start, seg.end, QuoteKind.DIRECT, verb, seg.open, who, (seg,))
                else:
                    new = Found(cs, ce, QuoteKind.MIXED, verb, seg.open, who, segs)
                out.append(new)
                taken.add(new.start, new.end)
                latest = new if latest is None or new.start > latest.start else latest
                bisect.insort(cue_starts, seg.open)
                continue
            if who is None and not lead.endswith(":"):
                # a quotation a colon introduces is someone's words even when unnamed, and so is
                # a fragment going on with the report just before it ("..., she said. It
                # works only when “all pay.”"), whose speaker the merge gives it
                fragment = Found(seg.start, seg.end, QuoteKind.DIRECT, None, seg.open, None, (seg,))
                if latest is None or not _paraphrase_goes_on(doc, latest, fragment):
                    continue
        else:
            latest_para = _para(doc, latest.start) if latest is not None else None
            replier = _previous_subject(doc, people, si, latest)
            going_on = latest_para == sent.para or replier is not None
            if words < 3 and seg.closed and not (going_on and _is_sentence(doc.text, seg)):
                continue  # a short quotation is a quote only as a sentence going on from the last one
            who = None
            if latest is not None and latest_para is not None and sent.para - latest_para <= 1:
                who = latest.speaker
            who = replier or who
        new = Found(seg.start, seg.end, QuoteKind.DIRECT, None, seg.open, who, (seg,))
        out.append(new)
        taken.add(new.start, new.end)
        bisect.insort(cue_starts, seg.open)
        latest = new if latest is None or new.start > latest.start else latest
    return out


_OBJECT_OF = re.compile(r"\b(?:of|about|over|against|for)\s*$", re.I)
"""A preposition before a quoted fragment: the fragment ends a noun phrase ("their chants of
“Go!”"), and a verb after it ("were cut short") is that phrase's, not the quotation's."""
_WITH = re.compile(r"\bwith\s+$", re.I)
_SUBJECT_TO_VERB = re.compile(r"(?:\s+(?:has|have|had|also|later|then|once|\w+ly))*\s+$")


def _verb_subject(doc: _Doc, people: People, sent: Sentence, obj: int, verb: str) -> Entity | None:
    """The person named right before the verb whose object holds a quoted fragment ("..., and
    Reyes vowed to “shut it down”", "with Reyes calling it “...”"): that verb's subject, whoever
    the sentence opened with."""
    at = doc.masked.rfind(verb, sent.start, obj)
    mentions = [m for m in people.mentions_in(sent.start, at) if m.name_end <= at] if at > 0 else []
    if not mentions or not _SUBJECT_TO_VERB.fullmatch(doc.masked, mentions[-1].name_end, at):
        return None
    if verb.endswith("ing") and not _WITH.search(doc.masked, sent.start, mentions[-1].start):
        # "a letter to Lynch asking ...": only "with Reyes calling ..." makes the name its subject
        return None
    who = people.entity_of(mentions[-1])
    return who if _person(who) else None


def _previous_subject(doc: _Doc, people: People, si: int, latest: Found | None) -> Entity | None:
    """The person the sentence before an uncued quotation is about, when it attributes nothing
    ("Reyes disagreed. “We will fight this.”"): the quotation is that person's reply, not the
    words of whoever spoke last."""
    if si == 0 or doc.sentences[si - 1].para != doc.sentences[si].para:
        return None
    prev = doc.sentences[si - 1]
    if latest is not None and latest.start >= prev.start and latest.speaker is not None:
        return None
    who, _group = subject(doc.text, doc.masked, prev, people)
    return who if _person(who) else None


def _opening_in(doc: _Doc, start: int, end: int) -> list[Segment]:
    """The quotations opening in ``[start, end)``."""
    return doc.segments[bisect.bisect_left(doc.opens, start) : bisect.bisect_left(doc.opens, end)]


def _is_sentence(text: str, seg: Segment) -> bool:
    """Whether quoted words end as a sentence ("“We’re hopeful.”"), not as a term."""
    return text[seg.start : seg.end].rstrip("\"”’'»").endswith((".", "!", "?", "…"))


def _before_next_report(doc: _Doc, cue_starts: list[int], seg: Segment, end: int) -> int:
    """Cut a verb object before the next report in its sentence ("accuses Obama of "X" and
    Trump says ..." ends at "and")."""
    i = bisect.bisect_left(cue_starts, seg.close)
    if i == len(cue_starts) or cue_starts[i] >= end:
        return end
    cut = None
    for m in re.finditer(r",|;|\s+(?:and|but)\s", doc.masked[seg.close : cue_starts[i]]):
        cut = seg.close + m.start()
    return cut if cut is not None else end


def _sentence_of(doc: _Doc, pos: int) -> int | None:
    i = bisect.bisect_right(doc.starts, pos) - 1
    return i if i >= 0 and pos < doc.sentences[i].end else None


_WORDS_OF = re.compile(
    r"\s*(His|Her)\s+(?:[a-z-]+\s+){0,2}(?:answer|reply|response|message|verdict|advice|words|slogan|motto|"
    r"mantra|take|assessment|explanation|retort|warning|promise|pitch|plea)\b"
)
"""A sentence opening on someone's own words by a possessive pronoun ("Her answer was “No.”")."""


def _possessor(doc: _Doc, people: People, sent: Sentence) -> Entity | None:
    """Whose words "His answer ..." or "Her message ..." are: the person the pronoun refers to."""
    m = _WORDS_OF.match(doc.masked, sent.start, sent.end)
    if m is None:
        return None
    return people.pronoun("he" if m.group(1) == "His" else "she", sent.start)


def _nearest_person(doc: _Doc, people: People, sent: Sentence, limit: int) -> Entity | None:
    """The last person named in the sentence before ``limit``, the start of the verb object
    holding a quoted fragment (so that the person the words describe, "ranked [Fiorina as
    ...]", is not taken for the one who said them): the last one a verb follows if any ("Cruz
    knocked Rubio on trade and called [him a “moderate”]"), a subject rather than an object."""
    best: Entity | None = None
    subject: Entity | None = None
    for m in people.mentions_in(sent.start, limit):
        if m.name_end <= limit and not people.is_quoted(m.name_start):
            best = people.entity_of(m) or best
            verb = _WORD_AFTER.match(doc.masked, m.name_end, limit)
            if verb is not None and verb.group(1) in SPEECH_ACTS:
                subject = best
    return subject or best


_WORD_AFTER = re.compile(r"(?:\s+(?:[^,.;:\x00]{0,40}?,\s+)?who)?\s+(?:\w+ly\s+)?(\w+)")
"""The word after a name, past an adverb or a short aside and "who" ("Santilli on camera, who
responds"): when it is a verb of saying or stance, the name is that verb's subject."""


def _continue_chains(doc: _Doc, found: list[Found]) -> None:
    """A quote left open at a paragraph's end continues in the next paragraph: one speaker, the
    one its attribution names ("“A ¶ “B,” Reyes said."), over whoever spoke before it."""
    by_seg = {s.open: f for f in found for s in f.segments}
    chain: list[Found] = []
    for seg in doc.segments:
        f = by_seg.get(seg.open)
        if f is None:
            chain = []
            continue
        chain.append(f)
        if seg.closed:
            cued = next((c.speaker for c in chain if c.cue is not None and c.speaker), None)
            who = cued or next((c.speaker for c in chain if c.speaker), None)
            for c in chain:
                c.speaker = who if c.cue is None or c.speaker is None else c.speaker
            chain = []


MERGE = True


def _merge_pieces(doc: _Doc, found: list[Found]) -> list[Found]:
    """Join the pieces of one attribution into one quote.

    "A," she said, "B." and "A," she said. "B." (B with no cue of its own, in
    the same paragraph or as the whole of the next one) are one quotation
    interrupted by its attribution: the attribution corpora annotate them as one
    span, and a reader searching for either half wants the whole statement.
    """
    out: list[Found] = []
    for f in found:
        report = _report_going_on(doc, out, f)
        if report is not None:
            report.kind = QuoteKind.MIXED
            report.end = _with_marks(f)[1]
            report.segments = report.segments + f.segments
            continue
        prev = _opening_quotation(doc, out, f) or (
            _piece_owner(doc, out, f) if f.kind is QuoteKind.DIRECT else None
        )
        if prev is not None:
            if prev.kind is QuoteKind.INDIRECT:
                prev.kind = QuoteKind.MIXED  # a paraphrase going on into quoted words
            prev.pieces = [*(prev.pieces or [(prev.start, prev.end)]), (f.start, f.end)]
            prev.end = f.end
            prev.segments = prev.segments + f.segments
            continue
        out.append(f)
    return out


_ADDING = frozenset({"add", "adds", "added", "adding"})
"""Cues that open a second statement. "…, noting that", "…, claiming that" and "…, referring
to" instead gloss the quotation before them, which goes on past them as one quote."""


def _opening_quotation(doc: _Doc, out: list[Found], f: Found) -> Found | None:
    """The quotation an uncued one goes on with across its attribution's own report:
    "“A,” she said, describing the plan as “fair.” “B.”" reads as her statement A-B
    interrupted by the attribution, whose participle or "after ..." clause is a second,
    nested report; the attribution corpora mark A to B as one span and the clause apart,
    so B joins A rather than the clause just before it. "..., adding that ..." is the one
    such clause that opens a new statement instead (``_report_going_on``, tried first)."""
    if f.kind is not QuoteKind.DIRECT or f.cue is not None or len(out) < 2:
        return None
    quoted, report = out[-2], out[-1]
    if quoted.kind is not QuoteKind.DIRECT or quoted.cue is None or report.kind is QuoteKind.DIRECT:
        return None
    if not (quoted.end <= report.start and _next_sentence(doc, report.end, f.start)):
        return None
    si = _sentence_of(doc, quoted.start)
    if si is None or si != _sentence_of(doc, report.start) or si != _sentence_of(doc, quoted.cue_start):
        return None
    opens = not doc.masked[doc.sentences[si].start : quoted.start].strip("\x00 ")
    same = quoted.speaker is not None and report.speaker in (None, quoted.speaker)
    return quoted if opens and same else None


def _report_going_on(doc: _Doc, out: list[Found], f: Found) -> Found | None:
    """The reported clause an uncued quotation goes on with: "“A,” she said, adding that B.
    “C.”" reads as her words A, and then a second statement, B in the writer's words and C in
    hers; the attribution corpora mark it so, as one mixed span from "that" to C's end."""
    if f.kind is not QuoteKind.DIRECT or f.cue is not None or not out:
        return None
    report = out[-1]
    if report.kind is not QuoteKind.INDIRECT or report.cue not in _ADDING or report.speaker is None:
        return None
    if not _next_sentence(doc, report.end, f.start):
        return None
    before = [p for p in out[:-1] if p.end <= report.start]
    quoted = before[-1] if before else None
    if quoted is None or quoted.kind is not QuoteKind.DIRECT:
        return None
    one_sentence = _sentence_of(doc, quoted.start) == _sentence_of(doc, report.start)
    return report if one_sentence and quoted.speaker is report.speaker is f.speaker else None


def _piece_owner(doc: _Doc, out: list[Found], f: Found) -> Found | None:
    """The earlier quote of the same paragraph and speaker that ``f`` continues, looking
    past the speaker's own reported clauses in between ("..., claiming that ...")."""
    para = _para(doc, f.start)
    if f.cue is None and out and _SECOND_PREDICATE.search(doc.masked, out[-1].end, f.start):
        return None  # "“A,” she told the crowd, then turned to the toll. “B.”": a new turn
    for prev in reversed(out):
        if _para(doc, prev.start) != para:
            return prev if _goes_on(doc, prev, f) else None
        if prev.segments and f.cue is None and _next_sentence(doc, prev.end, f.start):
            return prev  # "The plan “is sound,” she said. “We start in May.”": one report goes on
        if f.cue is None and _paraphrase_goes_on(doc, prev, f):
            return prev  # "The plan is sound, she said. It works only when “all pay.”": her report goes on
        if prev.speaker is not f.speaker:
            return None
        if prev.segments and prev.kind is QuoteKind.DIRECT:
            if f.cue is None and not _adjacent(doc, prev.end, f.start):
                return None  # "“A,” I said. <the judge's doing> “B.”": words between may change the speaker
            if f.cue is None or (f.cue_start == prev.cue_start and prev.end <= f.cue_start <= f.start):
                return prev
            return None
        if f.cue is not None:
            return None
    return None


def _paraphrase_goes_on(doc: _Doc, prev: Found, f: Found) -> bool:
    """Whether an uncued quoted fragment in the sentence right after an indirect report whose
    attribution trails it ("..., she said.") goes on with that report."""
    if prev.kind is not QuoteKind.INDIRECT or prev.cue_start < prev.end or f.kind is not QuoteKind.DIRECT:
        return False
    if not _person(prev.speaker) or (prev.cue or "").casefold().startswith("according"):
        return False  # "..., the Guardian reported. “We called him ...”": a source, someone else's words
    si, sj = _sentence_of(doc, max(0, prev.end - 1)), _sentence_of(doc, f.start)
    return si is not None and sj == si + 1 and doc.sentences[si].para == doc.sentences[sj].para


_SECOND_PREDICATE = re.compile(r",\s+(?:then|and\s+then)\s+[a-z]+(?:ed|s)\b")
"""A second predicate after the attribution ("she said, then turned to ..."): the speaker moved
on, and a quotation after it is a statement of its own."""


def _adjacent(doc: _Doc, end: int, start: int) -> bool:
    """Whether ``start`` lies in the sentence ending at ``end`` or in the one after it."""
    si, sj = _sentence_of(doc, max(0, end - 1)), _sentence_of(doc, start)
    return si is not None and sj is not None and sj - si <= 1


def _goes_on(doc: _Doc, prev: Found, f: Found) -> bool:
    """Whether an uncued quotation making up the whole of the paragraph after an attributed
    quotation's sentence goes on with it ("“A,” she said. ¶ “B.”", or after a mixed report
    "The toll “is fair,” she said. ¶ “B.”"): a paragraph of more words, or a second
    attribution, starts a statement of its own."""
    if not prev.segments or prev.cue is None or f.cue is not None:
        return False
    if not _next_sentence(doc, prev.end, f.start):
        return False
    si = _sentence_of(doc, f.start)
    if si is None or (si + 1 < len(doc.sentences) and doc.sentences[si + 1].para == doc.sentences[si].para):
        return False
    return not doc.masked[f.end : doc.sentences[si].end].strip("\x00 .,”\"’'")


def _next_sentence(doc: _Doc, end: int, start: int) -> bool:
    """Whether ``start`` opens the sentence right after the one ending at ``end``."""
    si, sj = _sentence_of(doc, max(0, end - 1)), _sentence_of(doc, start)
    return si is not None and sj == si + 1 and not doc.masked[doc.sentences[sj].start : start].strip("\x00 ")


def _para(doc: _Doc, pos: int) -> int | None:
    si = _sentence_of(doc, pos)
    return doc.sentences[si].para if si is not None else None


def _infer_countries(text: str, found: list[Found]) -> None:
    """An office holder with no stated country who speaks for one ("Poland does not plan
    to send its troops") holds that country's office: the article states it."""
    for f in found:
        ent = f.speaker
        if ent is None or ent.kind != "person" or ent.country or ent.organization or ent.office is None:
            continue
        m = _COUNTRY_SUBJECT.match(text[f.start : f.end])
        if m:
            ent.country = country_of(m.group(1))


def _with_marks(f: Found) -> tuple[int, int]:
    """The quote's span in the article, taking in the quotation marks its outer words stand
    in: the stretch a reader sees as the quotation, and the one attribution corpora mark.
    The quote's text stays the words alone."""
    start, end = f.start, f.end
    if f.segments:
        first, last = f.segments[0], f.segments[-1]
        if start == first.start:
            start = first.open
        if end == last.end and last.closed:
            end = last.close
    return start, end


def _quote(doc: _Doc, people: People, f: Found, topics: Sequence[Topic]) -> Quote:
    si = _sentence_of(doc, f.start)
    context = ""
    if si is not None:
        first = doc.sentences[si - 1].start if si > 0 else doc.sentences[si].start
        last = doc.sentences[si].end
        cue_si = _sentence_of(doc, f.cue_start)
        if cue_si is not None:
            last = max(last, doc.sentences[cue_si].end)
        context = doc.text[max(first, f.start - WINDOW) : min(last, f.end + WINDOW)]
    named: list[str] = []
    for m in people.mentions_in(f.start, f.end):
        if m.name_end <= f.end:
            ent = people.entity_of(m)
            if ent and ent.kind == "person" and ent.name not in named:
                named.append(ent.name)
    pieces = f.pieces or [(f.start, f.end)]
    start, end = _with_marks(f)
    q = Quote(
        text=" ".join(doc.text[a:b] for a, b in pieces),
        start=start,
        end=end,
        kind=f.kind,
        speaker=f.speaker.speaker() if f.speaker else None,
        cue=f.cue,
        context=context,
        mentions=tuple(named),
    )
    return q.model_copy(update={"stance": stance.classify(q, topics)})
