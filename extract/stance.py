"""Stance of a quote on configurable topics: relevance first, then polarity, with evidence.

For each topic, in this order:

1. Relevance: the quote names the topic, or its context does (names and titles aside),
   or an anaphor ("such a move", "that possibility") points back to an option. With
   none, the quote takes no side on the topic, whatever its polarity words.
2. The quote's own cues, each with the negation that reaches it: "no plans to deploy
   troops" opposes, "nothing can be ruled out" supports, "would not trigger Article 5"
   dismisses a risk and so supports. What follows a "but" outweighs what it concedes.
   A quote conceded before a "but" of the other side ("no plans yet, but such a
   possibility should ...") is a proponent's caveat: neutral.
3. Without cues of its own: a claim called false is about facts (neutral); a quote
   elaborating the claim before it ("welcomed the idea, saying ...") takes that
   claim's side; a short reply takes the side of its yes or no; and a reporting verb
   with a side of its own ("warned") decides last.

The decisive words are returned as evidence so every label can be checked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extract import polarity as P
from extract.models import Quote, Stance, StanceResult
from extract.topics import Topic

_SUPPORT_IDIOMS = P.phrases(P.SUPPORT_IDIOMS)
_OPPOSE_IDIOMS = P.phrases(P.OPPOSE_IDIOMS)
_PLAN = P.phrases(P.PLAN_WORDS)
_CONSIDER = P.phrases(P.CONSIDER_WORDS)
_RAISE = P.phrases(P.RAISE_WORDS)
_RISK = P.phrases(P.RISK_WORDS)
_DISMISSERS = P.phrases(P.DISMISSERS)
_BENEFIT = P.phrases(P.BENEFIT_WORDS)
_SUPPORT_FEELINGS = P.phrases(P.SUPPORT_FEELINGS)
_OPPOSE_FEELINGS = P.phrases(P.OPPOSE_FEELINGS)
_FACT_DENIALS = P.phrases(P.FACT_DENIALS)
_DEONTIC = P.phrases(P.DEONTIC)
_INTENT = P.phrases(P.INTENT)
_OPPOSE_REPORTING = P.phrases(P.OPPOSE_REPORTING)
_SUPPORT_REPORTING = P.phrases(P.SUPPORT_REPORTING)
_DENIAL_REPORTING = P.phrases(P.DENIAL_REPORTING)
_YES = P.phrases(P.YES_ANSWERS)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# Runs of capitalised words are names and titles ("National Security Adviser", "Air Force"):
# in the context around a quote they say nothing about what the quote is about.
_NAMES = re.compile(r"\b[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)+")

# Relevance levels: where the words tying a quote to a topic were found.
IN_QUOTE, ACTION_IN_QUOTE, IN_CONTEXT, ANAPHOR_ONLY = 1.0, 0.8, 0.7, 0.4
# Confidence by how the stance was decided: an explicit cue in a quote that names the topic
# is surest; one tied to the topic only through context or an anaphor less so; a side
# inherited from the surrounding claim or a reporting verb least. Conflicting cues scale
# these down by their margin (``_decide``).
_OWN_CUE = {IN_QUOTE: 0.9, ACTION_IN_QUOTE: 0.85, IN_CONTEXT: 0.75, ANAPHOR_ONLY: 0.55}
_INHERITED, _REPORTING_VERB, _CONCESSION, _FACT, _IRRELEVANT = 0.6, 0.5, 0.5, 0.65, 0.35
_NEUTRAL_ON_TOPIC = {IN_QUOTE: 0.7, ACTION_IN_QUOTE: 0.7, IN_CONTEXT: 0.6, ANAPHOR_ONLY: 0.5}


@dataclass(frozen=True)
class _Vocabulary:
    """A topic's word lists, compiled once."""

    terms: tuple[P.Phrase, ...]
    actions: tuple[P.Phrase, ...]
    risks: tuple[P.Phrase, ...]
    support: tuple[P.Phrase, ...]
    oppose: tuple[P.Phrase, ...]


@lru_cache(maxsize=64)
def _vocabulary(topic: Topic) -> _Vocabulary:
    return _Vocabulary(
        terms=P.phrases(topic.terms),
        actions=P.phrases(topic.actions),
        risks=_RISK + P.phrases(topic.risk_terms),
        support=_SUPPORT_IDIOMS + P.phrases(topic.support_cues),
        oppose=_OPPOSE_IDIOMS + P.phrases(topic.oppose_cues),
    )


@dataclass(frozen=True)
class Cue:
    """One piece of polarity evidence: its side, how much it weighs, and its words."""

    stance: Stance
    weight: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class _Clause:
    """A stretch of one sentence between contrast points; negation and referents are read in it."""

    toks: tuple[P.Token, ...]  # the whole sentence, so fronted negatives stay visible
    lo: int
    hi: int
    terms: tuple[tuple[int, int], ...]  # topic nouns in the sentence
    anaphors: tuple[tuple[int, int], ...]  # "such a move", "that possibility" in the sentence
    referents: tuple[tuple[int, int], ...]  # topic nouns, actions and anaphors in the sentence

    def inside(self, span: tuple[int, int]) -> bool:
        return self.lo <= span[0] < self.hi

    def spans(self, lexicon: Sequence[P.Phrase]) -> list[tuple[int, int]]:
        return [s for s in P.find_any(lexicon, self.toks) if self.inside(s)]

    def referent(self, spans: Sequence[tuple[int, int]] | None = None) -> tuple[int, int] | None:
        """The first topic referent of this clause (or of ``spans``), if any."""
        for span in spans if spans is not None else self.referents:
            if self.inside(span):
                return span
        return None

    def negated(
        self, start: int, window: int = 4, claimed: Sequence[tuple[int, int]] = ()
    ) -> tuple[bool, tuple[int, int] | None]:
        """Whether the word at ``start`` is negated, and the negating words' span.

        A negator reaches only the first cue after it: one followed by a ``claimed``
        span before ``start`` is that cue's ("can't exclude anything, will do everything").
        """
        local = [
            i
            for i in P.local_negators(self.toks, start, window)
            if not any(i < c[0] < start for c in claimed)
        ]
        fronted = P.sentence_negator_before(self.toks, start)
        odd = (len(local) % 2 == 1) != (fronted is not None)
        if fronted is not None:
            return odd, fronted
        if not local:
            return odd, None
        return odd, (local[0] - self._has_aux(local[0]), local[-1] + 1)

    def pronoun_before(self, start: int) -> bool:
        """A pronoun subject ("it would escalate") that may stand for the option in the context.

        Only right before a verb: "that" in "said that the situation" is no subject.
        """
        return any(
            a.text in P.PRONOUNS and (b.text in P.MODALS or bool(b.forms & P.AUXILIARIES))
            for a, b in itertools.pairwise(self.toks[self.lo : start + 1])
        )

    def conditional_before(self, start: int) -> bool:
        return any(t.text in P.CONDITIONAL for t in self.toks[self.lo : start])

    def own_side_before(self, start: int) -> bool:
        """The speaker's own side is the subject: "we are considering", "his country is weighing"."""
        window = self.toks[max(self.lo, start - 5) : start]
        if any(t.text in P.FIRST_PERSON for t in window):
            return True
        return any(
            a.text in P.OWN_POSSESSIVE and b.forms & P.OWN_BODIES for a, b in itertools.pairwise(window)
        )

    def _has_aux(self, i: int) -> bool:
        """Whether the negator at ``i`` negates the auxiliary before it ("would not", not "has no")."""
        return (
            self.toks[i].text in {"not", "never"}
            and i > self.lo
            and bool(self.toks[i - 1].forms & P.AUXILIARIES)
        )

    def negator_words(self, i: int) -> str:
        """A negator with the auxiliary it negates: "would not", "should not"."""
        return P.words(self.toks, i - self._has_aux(i), i + 1)

    def words(self, span: tuple[int, int] | None) -> tuple[str, ...]:
        return (P.words(self.toks, *span),) if span else ()

    def referent_words(self) -> tuple[str, ...]:
        """The clause's first referent as evidence, with its noun if it is an action."""
        ref = self.referent()
        return (self.act(ref),) if ref else ()

    def act(self, span: tuple[int, int]) -> str:
        """An action with the topic noun right after it, if any: "deploy troops", "send its soldiers"."""
        for term in self.terms:
            gap = self.toks[span[1] : term[0]]
            if 0 <= term[0] - span[1] <= 3 and not any(t.text in P.SCOPE_BREAKERS for t in gap):
                return P.words(self.toks, span[0], term[1])
        return P.words(self.toks, *span)


def _anaphors(toks: Sequence[P.Token]) -> list[tuple[int, int]]:
    """Spans like "such a move", "that possibility", "these fears"."""
    spans = []
    for i, tok in enumerate(toks):
        if tok.text not in P.ANAPHOR_DETERMINERS:
            continue
        j = i + 1 + (i + 1 < len(toks) and toks[i + 1].text in {"a", "an"})
        if j < len(toks) and toks[j].forms & P.ANAPHOR_NOUNS:
            spans.append((i, j + 1))
    return spans


def _clauses(text: str, vocab: _Vocabulary) -> list[tuple[_Clause, float]]:
    """Clauses of a text with their weight: what follows a "but" outweighs what it concedes."""
    out: list[tuple[_Clause, float]] = []
    for start, end in P.sentence_spans(text):
        toks = tuple(P.tokenize(P.normalize(text[start:end])))
        terms, anaphors = tuple(P.find_any(vocab.terms, toks)), tuple(_anaphors(toks))
        referents = tuple(sorted({*terms, *P.find_any(vocab.actions, toks), *anaphors}))
        cuts = [0] + [i for i, t in enumerate(toks) if t.text in {"but", ";"} and i > 0] + [len(toks)]
        for lo, hi in itertools.pairwise(cuts):
            if toks[lo].text == "but" and out:
                out = [(c, w * 0.6) for c, w in out]
                out.append((_Clause(toks, lo, hi, terms, anaphors, referents), 1.3))
            else:
                out.append((_Clause(toks, lo, hi, terms, anaphors, referents), 1.0))
    return out


def _idiom_cues(c: _Clause, vocab: _Vocabulary) -> list[Cue]:
    """Fixed-polarity idioms ("rule out", "keep options open"), flipped by negation."""
    cues = []
    claimed = c.spans(vocab.support + vocab.oppose)
    for lexicon, base, other in (
        (vocab.support, Stance.SUPPORT, Stance.OPPOSE),
        (vocab.oppose, Stance.OPPOSE, Stance.SUPPORT),
    ):
        for span in c.spans(lexicon):
            neg, neg_span = c.negated(span[0], claimed=claimed)
            inside = [i for i in range(span[0] + 1, span[1]) if P.negates(c.toks, i)]
            neg = neg != (len(inside) % 2 == 1)  # "troops are not an option"
            neg_span = neg_span or ((inside[0], inside[0] + 1) if inside else None)
            if neg and neg_span and neg_span[1] >= span[0] - 3:
                evidence: tuple[str, ...] = (P.words(c.toks, neg_span[0], span[1]),)
            else:
                evidence = (*c.words(neg_span if neg else None), P.words(c.toks, *span))
            cues.append(Cue(other if neg else base, 1.0, evidence + c.referent_words()))
    return cues


def _plan_cues(c: _Clause) -> list[Cue]:
    """Plans, intentions and deliberation: "no plans to deploy" opposes, "we are considering" supports."""
    if c.referent([*c.terms, *c.anaphors]) is None:
        return []  # "we want to send more shells" plans an act, but not this topic's
    cues = []
    for span in c.spans(_PLAN + _CONSIDER):
        neg, neg_span = c.negated(span[0])
        if neg:
            lo = neg_span[0] if neg_span else span[0]
            cues.append(Cue(Stance.OPPOSE, 1.0, (P.words(c.toks, lo, span[1]), *c.referent_words())))
        elif c.own_side_before(span[0]) and not c.conditional_before(span[0]):
            cues.append(Cue(Stance.SUPPORT, 0.8, (P.words(c.toks, *span), *c.referent_words())))
    for span in c.spans(_RAISE):
        if not c.negated(span[0])[0]:
            cues.append(Cue(Stance.SUPPORT, 0.7, (P.words(c.toks, *span), *c.referent_words())))
    return cues


def _action_cues(c: _Clause, vocab: _Vocabulary) -> list[Cue]:
    """The act itself: "won't deploy troops" opposes, "we should send trainers" supports."""
    topical = c.referent([*c.terms, *c.anaphors]) is not None
    cues = []
    idioms = c.spans(vocab.support + vocab.oppose)
    for span in c.spans(vocab.actions):
        if not topical and not (span[1] < c.hi and c.toks[span[1]].text in P.PRONOUN_OBJECTS):
            continue  # "won't send weapons" is another topic's act
        act = c.act(span)
        neg, neg_span = c.negated(span[0])
        if neg and neg_span and any(neg_span[0] < i[0] < span[0] for i in idioms):
            continue  # the act is the idiom's object: "not ruled out sending troops" keeps it open
        if neg:
            negation = c.words(neg_span)
            cues.append(Cue(Stance.OPPOSE, 1.0, (*negation, act)))
            continue
        if c.conditional_before(span[0]):
            continue
        lo = max(c.lo, span[0] - 4)
        for i in range(lo, span[0]):  # a duty or wish must govern the act, not a verb before "that"
            if c.toks[i].text in P.NEGATION_BREAKERS or P.negates(c.toks, i):
                lo = i + 1
        before = c.toks[lo : span[0]]
        if P.find_any(_DEONTIC, before):
            cues.append(Cue(Stance.SUPPORT, 0.9, (P.words(before, 0, len(before)) + " " + act,)))
        elif P.find_any(_INTENT, before) and c.own_side_before(span[0]):
            cues.append(Cue(Stance.SUPPORT, 0.8, (P.words(before, 0, len(before)) + " " + act,)))
    return cues


def _absent_cues(c: _Clause) -> list[Cue]:
    """A promised absence: "there will be no Western boots on the ground" opposes.

    Only with a modal: "there are no foreign troops there" is a present fact, not a side.
    """
    if not any(t.text in P.MODALS for t in c.toks[c.lo : c.hi]):
        return []
    cues = []
    for term in c.terms:
        before = range(max(c.lo, term[0] - 3), term[0])
        no = next((i for i in before if c.toks[i].text == "no"), None)
        if c.inside(term) and no is not None and not any(c.toks[i].text in P.SCOPE_BREAKERS for i in before):
            cues.append(Cue(Stance.OPPOSE, 0.9, (P.words(c.toks, no, term[1]),)))
    return cues


def _risk_cues(c: _Clause, vocab: _Vocabulary) -> list[Cue]:
    """Feared consequences oppose; fears negated ("would not trigger") or dismissed ("unfounded") support.

    All risk words of a clause are one claim, negated by every negator before it in
    the clause ("I can't imagine ... will say 'Article Five'") - a wider scope than
    for verbs, because negating a verb of belief negates its whole complement.
    """
    spans = c.spans(vocab.risks)
    if not spans or not (c.referents or c.pronoun_before(spans[0][0])):
        return []
    first = spans[0][0]
    negators = [i for i in range(c.lo, first) if P.negates(c.toks, i)]
    dismissers = [s for s in c.spans(_DISMISSERS) if s[0] > first]
    flips = len(negators) + len(dismissers) + (P.sentence_negator_before(c.toks, first) is not None)
    evidence = [c.negator_words(i) for i in negators]
    evidence += [P.words(c.toks, *s) for s in spans] + [P.words(c.toks, *s) for s in dismissers]
    stance = Stance.SUPPORT if flips % 2 else Stance.OPPOSE
    return [Cue(stance, 0.8, tuple(dict.fromkeys(evidence)))]


def _benefit_cues(c: _Clause) -> list[Cue]:
    """Claims the deployment would work: "could help" supports, "would not change" opposes."""
    cues = []
    for span in c.spans(_BENEFIT):
        before = range(max(c.lo, span[0] - 3), span[0])
        modal = next((i for i in before if c.toks[i].text in P.HYPOTHETICAL), None)
        subject = c.referent([r for r in c.referents if r[1] <= modal]) if modal is not None else None
        if modal is None or (subject is None and not c.pronoun_before(modal)):
            continue
        neg, _ = c.negated(span[0], window=3)
        words = (P.words(c.toks, modal, span[1]),)
        cues.append(Cue(Stance.OPPOSE if neg else Stance.SUPPORT, 0.8, words))
    return cues


def _feeling_cues(c: _Clause) -> list[Cue]:
    """Welcoming or condemning words ("we will be grateful", "a reckless idea")."""
    cues = []
    for lexicon, base, other in (
        (_SUPPORT_FEELINGS, Stance.SUPPORT, Stance.OPPOSE),
        (_OPPOSE_FEELINGS, Stance.OPPOSE, Stance.SUPPORT),
    ):
        for span in c.spans(lexicon):
            neg, neg_span = c.negated(span[0], window=3)
            cues.append(
                Cue(
                    other if neg else base, 0.7, (*c.words(neg_span if neg else None), P.words(c.toks, *span))
                )
            )
    return cues


def _deontic_anaphor_cues(c: _Clause) -> list[Cue]:
    """An option named earlier, then a duty: "such a possibility should be part of our policy"."""
    cues = []
    for span in _anaphors(c.toks[c.lo : c.hi]):
        end = c.lo + span[1]
        for modal in P.find_any(_DEONTIC, c.toks[end : end + 3]):
            if c.conditional_before(c.lo + span[0]):
                continue
            neg, _ = c.negated(end + modal[1] + 1, window=2)
            words = P.words(c.toks, c.lo + span[0], end + modal[1])
            cues.append(Cue(Stance.OPPOSE if neg else Stance.SUPPORT, 0.8, (words,)))
    return cues


def cues(text: str, topic: Topic) -> list[Cue]:
    """Every polarity cue in a text about a topic, one per clause and side, weighted by contrast."""
    vocab = _vocabulary(topic)
    merged: list[Cue] = []
    for clause, weight in _clauses(text, vocab):
        found = (
            _idiom_cues(clause, vocab) + _plan_cues(clause) + _action_cues(clause, vocab)
            + _absent_cues(clause) + _risk_cues(clause, vocab) + _benefit_cues(clause) + _feeling_cues(clause)
            + _deontic_anaphor_cues(clause)
        )  # fmt: skip
        for side in (Stance.SUPPORT, Stance.OPPOSE):
            mine = [c for c in found if c.stance is side]
            if mine:
                evidence = tuple(dict.fromkeys(e for c in mine for e in c.evidence))
                merged.append(Cue(side, max(c.weight for c in mine) * weight, evidence))
    return merged


def relevance(quote: Quote, topic: Topic) -> tuple[float, tuple[str, ...]]:
    """How a quote is tied to a topic (an ``IN_*`` level or 0) and the words that tie it."""
    vocab = _vocabulary(topic)
    for text, with_terms, with_actions in (
        (quote.text, IN_QUOTE, ACTION_IN_QUOTE),
        (_NAMES.sub(" ", quote.context), IN_CONTEXT, IN_CONTEXT),
    ):
        toks = P.tokenize(P.normalize(text))
        for lexicon, level in ((vocab.terms, with_terms), (vocab.actions, with_actions)):
            spans = P.find_any(lexicon, toks)
            if spans:
                return level, (P.words(toks, *spans[0]),)
    for text in (quote.text, quote.context):
        toks = P.tokenize(P.normalize(text))
        spans = _anaphors(toks)
        if spans:
            return ANAPHOR_ONLY, (P.words(toks, *spans[0]),)
    return 0.0, ()


def _frames(quote: Quote) -> tuple[str, str]:
    """The rest of the sentence(s) holding the quote in its context: (before it, after it).

    Other quotations are blanked out, so a neighbouring quote's words never decide this one.
    """
    context, needle = quote.context, quote.text.strip().rstrip(".,")
    at = context.find(needle) if needle else -1
    if at < 0:
        return "", ""
    end = at + len(needle)
    spans = [s for s in P.sentence_spans(context) if s[0] < end and s[1] > at]
    if not spans:
        return "", ""
    before, after = context[spans[0][0] : at], context[end : spans[-1][1]]
    return _QUOTED.sub(" ", before), _QUOTED.sub(" ", after)


def _score(found: Sequence[Cue]) -> tuple[Stance, float, tuple[str, ...]]:
    """The winning side, its margin in [0, 1] and its evidence; NEUTRAL on a tie or nothing."""
    support = sum(c.weight for c in found if c.stance is Stance.SUPPORT)
    oppose = sum(c.weight for c in found if c.stance is Stance.OPPOSE)
    if support == oppose:
        return Stance.NEUTRAL, 0.0, tuple(dict.fromkeys(e for c in found for e in c.evidence))
    side = Stance.SUPPORT if support > oppose else Stance.OPPOSE
    evidence = tuple(dict.fromkeys(e for c in found if c.stance is side for e in c.evidence))
    return side, abs(support - oppose) / (support + oppose), evidence


def _answer(quote: Quote) -> Cue | None:
    """A short reply to a question about the act: "Why not?" supports, "Absolutely not." opposes."""
    toks = P.tokenize(P.normalize(quote.text))
    if not toks or len(toks) > P.SHORT_ANSWER or not P.QUESTION.search(quote.context):
        return None
    said = P.words(toks, 0, len(toks))
    if "why not" in said:  # a rhetorical question negating a negation
        return Cue(Stance.SUPPORT, 0.6, (said,))
    if any(P.negates(toks, i) for i in range(len(toks))):
        return Cue(Stance.OPPOSE, 0.6, (said,))
    if P.find_any(_YES, toks):
        return Cue(Stance.SUPPORT, 0.6, (said,))
    return None


_NOT = frozenset({"not", "never"})


def _reporting_prior(quote: Quote, vocab: _Vocabulary) -> Cue | None:
    """The side a reporting verb carries by itself ("warned", "welcomed"), if any."""
    toks = P.tokenize(P.normalize(quote.cue or ""))
    if any(t.text in _NOT for t in toks):
        return None  # "did not endorse": a verb's side, negated, is no side at all
    said = P.tokenize(P.normalize(quote.text))
    future = P.MODALS | {"to", "should", "must"}
    intended = [
        a
        for a in P.find_any(vocab.actions, said)
        if any(t.text in future for t in said[max(0, a[0] - 2) : a[0]])
    ]
    denies_a_plan = bool(P.find_any(_DENIAL_REPORTING, toks) and (P.find_any(_PLAN, said) or intended))
    for lexicon, side in ((_OPPOSE_REPORTING, Stance.OPPOSE), (_SUPPORT_REPORTING, Stance.SUPPORT)):
        if denies_a_plan or P.find_any(lexicon, toks):
            return Cue(side, 0.5, (P.words(toks, 0, len(toks)),))
    return None


@dataclass(frozen=True)
class _Decision:
    relevance: float
    strength: float
    result: StanceResult


def _tidy(evidence: Sequence[str]) -> tuple[str, ...]:
    """Evidence without repeats or words already shown inside a longer phrase ("no" in "no plans")."""
    unique = list(dict.fromkeys(evidence))
    return tuple(e for e in unique if not any(e != o and f" {e} " in f" {o} " for o in unique))


def _decide(quote: Quote, topic: Topic) -> _Decision:
    """The stance on one topic, by the rules in the module docstring, in their order."""
    level, tie = relevance(quote, topic)

    def result(stance: Stance, confidence: float, evidence: tuple[str, ...]) -> _Decision:
        strength = confidence if stance is not Stance.NEUTRAL else 0.0
        conf = round(min(max(confidence, 0.0), 1.0), 2)
        return _Decision(
            level,
            strength,
            StanceResult(stance=stance, confidence=conf, topic=topic.id, evidence=_tidy(evidence)),
        )

    if not level:
        return result(Stance.NEUTRAL, _IRRELEVANT, ())
    vocab = _vocabulary(topic)
    before, after = _frames(quote)
    quote_toks = P.tokenize(P.normalize(quote.text))
    stance, margin, evidence = _score(cues(quote.text, topic))
    if stance is not Stance.NEUTRAL:
        if re.match(r"[\s,;:\"”’']*but\b", after, re.IGNORECASE):
            conceded, _, against = _score(cues(after, topic))
            if conceded not in (stance, Stance.NEUTRAL):
                return result(Stance.NEUTRAL, _CONCESSION, (*evidence, "but", *against))
        return result(stance, _OWN_CUE[level] * (0.6 + 0.4 * margin), (*evidence, *tie))
    denial = P.find_any(_FACT_DENIALS, quote_toks)
    if denial and not P.find_any(vocab.terms + vocab.actions, quote_toks):
        return result(Stance.NEUTRAL, _FACT, (P.words(quote_toks, *denial[0]),))
    elaborates = P.ELABORATION_LINK.search(before.rstrip())
    # A quoted noun phrase is the object of the verb before it: "spoke about <the possibility of ...>".
    governed = bool(quote_toks) and quote_toks[0].text in P.DETERMINERS
    if elaborates or governed:
        inherited, margin, evidence = _score(cues(before if elaborates else before + quote.text, topic))
        if inherited is not Stance.NEUTRAL:
            return result(inherited, _INHERITED * (0.6 + 0.4 * margin), (*evidence, *tie))
    prior = _answer(quote) or _reporting_prior(quote, vocab)
    if prior is not None and level >= IN_CONTEXT:
        return result(prior.stance, _REPORTING_VERB, (*prior.evidence, *tie))
    return result(Stance.NEUTRAL, _NEUTRAL_ON_TOPIC[level], tie)


def classify(quote: Quote, topics: Sequence[Topic]) -> StanceResult:
    """Return the quote's stance on the topic it is most relevant to.

    Ties on relevance go to the topic with the more decisive stance, then to the
    earlier topic. With no relevant topic the quote is NEUTRAL on the first topic
    with low confidence; with no topics at all there is nothing to take a side on.
    """
    if not topics:
        return StanceResult()
    decisions = [_decide(quote, t) for t in topics]
    best = max(range(len(decisions)), key=lambda i: (decisions[i].relevance, decisions[i].strength, -i))
    return decisions[best].result
