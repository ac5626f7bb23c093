"""Extraction entry point: raw article text in, article and attributed quotes out.

The steps, each in its own module: cleanup (title, byline, chrome), quotation
marks (direct), sentences, names and titles, cue-driven attribution
(reported), quotes no cue claims (continuations and quoted fragments), and
finally coreference-resolved speakers and stance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract import stance
from extract.cleanup import clean
from extract.direct import Segment, find_segments, mask
from extract.models import Article, ArticleMeta, ExtractedArticle, Quote, QuoteKind
from extract.names import find_names
from extract.reported import Found, attribute, complement, continues_predicate, subject
from extract.sentences import Sentence, split
from extract.speakers import Entity, People
from extract.titles import country_of
from extract.topics import Topic

_LOWER_WORD = re.compile(r"\b[a-z][\w\-’']*")
_COUNTRY_SUBJECT = re.compile(
    r"^(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+(?:does|do|did|will|won[’']t|would|is|isn[’']t|has|"
    r"hasn[’']t|can|cannot|can[’']t|should|must|plans|intends|wants|doesn[’']t|certainly|also|has\s+no)\b"
)


@dataclass
class _Doc:
    """The article as the rules read it: raw text, masked text, and its units."""

    text: str
    masked: str
    sentences: list[Sentence]
    segments: list[Segment]
    seg_sentence: dict[int, int]  # segment open offset -> sentence index


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
        segments.extend(segs)
        for sent in split(text, line.start, line.end, para, segs):
            for seg in segs:
                if sent.start <= seg.open < sent.end:
                    seg_sentence[seg.open] = len(sentences)
            sentences.append(sent)
        para += 1
    chars = list(mask(text, segments))
    body = [False] * len(text)
    for sent in sentences:
        body[sent.start : sent.end] = [True] * (sent.end - sent.start)
    masked = "".join(c if body[i] or c == "\n" else " " for i, c in enumerate(chars))
    return _Doc(text, masked, sentences, segments, seg_sentence), cleaned.title, cleaned.byline


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
        segs = [s for s in doc.segments if sent.start <= s.open < sent.end]
        found.extend(attribute(text, doc.masked, sent, segs, people))
    found.extend(_uncued(doc, people, found))
    found.sort(key=lambda f: f.start)
    _continue_chains(doc, found)
    if MERGE:
        found = _merge_pieces(doc, found)
    _infer_countries(text, found)

    quotes = [_quote(doc, people, f, topics) for f in found]
    return ExtractedArticle(article=article, quotes=quotes)


def _uncued(doc: _Doc, people: People, found: list[Found]) -> list[Found]:
    """Quotations no cue claimed: a quote continuing the previous speaker's words, or a
    quoted fragment of three words or more whose sentence names its speaker.
    Shorter uncued fragments are scare quotes, not quotations."""
    used = {s.open for f in found for s in f.segments}
    covered = [(f.start, f.end) for f in found]
    out: list[Found] = []
    ordered = sorted(found, key=lambda f: f.start)
    for seg in doc.segments:
        if seg.open in used or any(a <= seg.start < b for a, b in covered):
            continue
        if any(f.start <= seg.start < f.end for f in out):
            continue
        si = doc.seg_sentence.get(seg.open)
        if si is None:
            continue
        sent = doc.sentences[si]
        words = seg.words(doc.text)
        lead = doc.masked[sent.start : seg.open].strip()
        prior = [f for f in ordered + out if f.start < seg.open]
        if lead:
            comp = complement(doc.text, doc.masked, sent, seg)
            if comp is None and words < 3:
                continue  # a scare quote: a quoted term no one is said to have said
            who, group = subject(doc.text, doc.masked, sent, people)
            if who is None and not group:
                who = _nearest_person(doc, people, sent, seg)
            if comp is not None:
                cs, ce, verb = comp
                ce = _before_next_report(doc, found + out, seg, ce)
                if any(f.start < ce and cs < f.end for f in found + out):
                    continue
                segs = tuple(s for s in doc.segments if cs <= s.open < ce)
                used.update(s.open for s in segs)
                prefix = doc.masked[cs : seg.open].strip(" ,:")
                direct = not prefix and not continues_predicate(doc.masked, seg.close, ce)
                if direct or (words >= 3 and len(doc.masked[cs:ce].replace("\x00", "").split()) <= 2):
                    out.append(Found(seg.start, seg.end, QuoteKind.DIRECT, verb, seg.open, who, (seg,)))
                else:
                    out.append(Found(cs, ce, QuoteKind.MIXED, verb, seg.open, who, segs))
                continue
            if who is None:
                continue
        else:
            if words < 3 and seg.closed:
                continue
            who = None
            if prior:
                prev = max(prior, key=lambda f: f.start)
                psi = _sentence_of(doc, prev.start)
                if psi is not None and sent.para - doc.sentences[psi].para <= 1:
                    who = prev.speaker
        out.append(Found(seg.start, seg.end, QuoteKind.DIRECT, None, seg.open, who, (seg,)))
    return out


def _before_next_report(doc: _Doc, found: list[Found], seg: Segment, end: int) -> int:
    """Cut a verb object before the next report in its sentence ("accuses Obama of "X" and
    Trump says ..." ends at "and")."""
    later = [f.cue_start for f in found if seg.close <= f.cue_start < end]
    if not later:
        return end
    cut = None
    for m in re.finditer(r",|;|\s+(?:and|but)\s", doc.masked[seg.close : min(later)]):
        cut = seg.close + m.start()
    return cut if cut is not None else end


def _sentence_of(doc: _Doc, pos: int) -> int | None:
    for i, s in enumerate(doc.sentences):
        if s.start <= pos < s.end:
            return i
    return None


def _nearest_person(doc: _Doc, people: People, sent: Sentence, seg: Segment) -> Entity | None:
    best: Entity | None = None
    for m in people.mentions:
        if sent.start <= m.name_start and m.name_end <= seg.open and not people.is_quoted(m.name_start):
            best = people.entity_of(m) or best
    return best


def _continue_chains(doc: _Doc, found: list[Found]) -> None:
    """A quote left open at a paragraph's end continues in the next paragraph: one speaker."""
    by_seg = {s.open: f for f in found for s in f.segments}
    chain: list[Found] = []
    for seg in doc.segments:
        f = by_seg.get(seg.open)
        if f is None:
            chain = []
            continue
        chain.append(f)
        if seg.closed:
            who = next((c.speaker for c in chain if c.speaker), None)
            for c in chain:
                c.speaker = c.speaker or who
            chain = []


MERGE = True


def _merge_pieces(doc: _Doc, found: list[Found]) -> list[Found]:
    """Join the pieces of one attribution into one quote.

    "A," she said, "B." and "A," she said. "B." (B with no cue of its own, in
    the same paragraph) are one quotation interrupted by its attribution: the
    attribution corpora annotate them as one span, and a reader searching for
    either half wants the whole statement.
    """
    out: list[Found] = []
    for f in found:
        prev = _piece_owner(doc, out, f) if f.kind is QuoteKind.DIRECT else None
        if prev is not None:
            prev.pieces = [*(prev.pieces or [(prev.start, prev.end)]), (f.start, f.end)]
            prev.end = f.end
            prev.segments = prev.segments + f.segments
            continue
        out.append(f)
    return out


def _piece_owner(doc: _Doc, out: list[Found], f: Found) -> Found | None:
    """The earlier quote of the same paragraph and speaker that ``f`` continues, looking
    past the speaker's own reported clauses in between ("..., claiming that ...")."""
    para = _para(doc, f.start)
    for prev in reversed(out):
        if _para(doc, prev.start) != para or prev.speaker is not f.speaker:
            return None
        if prev.segments and prev.kind is QuoteKind.DIRECT:
            if f.cue is None or (f.cue_start == prev.cue_start and prev.end <= f.cue_start <= f.start):
                return prev
            return None
        if f.cue is not None:
            return None
    return None


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


def _quote(doc: _Doc, people: People, f: Found, topics: Sequence[Topic]) -> Quote:
    si = _sentence_of(doc, f.start)
    context = ""
    if si is not None:
        first = doc.sentences[si - 1].start if si > 0 else doc.sentences[si].start
        last = doc.sentences[si].end
        cue_si = _sentence_of(doc, f.cue_start)
        if cue_si is not None:
            last = max(last, doc.sentences[cue_si].end)
        context = doc.text[first:last]
    named: list[str] = []
    for m in people.mentions:
        if f.start <= m.name_start and m.name_end <= f.end:
            ent = people.entity_of(m)
            if ent and ent.kind == "person" and ent.name not in named:
                named.append(ent.name)
    pieces = f.pieces or [(f.start, f.end)]
    q = Quote(
        text=" ".join(doc.text[a:b] for a, b in pieces),
        start=f.start,
        end=f.end,
        kind=f.kind,
        speaker=f.speaker.speaker() if f.speaker else None,
        cue=f.cue,
        context=context,
        mentions=tuple(named),
    )
    return q.model_copy(update={"stance": stance.classify(q, topics)})
