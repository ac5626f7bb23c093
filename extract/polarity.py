"""General English knowledge the stance classifier needs: tokens, word forms, phrases, negation.

Nothing here knows any topic. Topic words (what is being deployed, charged, banned...)
come from the topics file; this module only knows how English says yes and no:
negators and their scope, contractions, inflected forms, and idioms whose polarity
holds whatever the subject ("rule out", "keep options open").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_CONTRACTIONS = (
    (re.compile(r"\bcan['’]t\b"), "can not"),
    (re.compile(r"\bwon['’]t\b"), "will not"),
    (re.compile(r"\bshan['’]t\b"), "shall not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"n['’]t\b"), " not"),
    (re.compile(r"['’]m\b"), " am"),
    (re.compile(r"['’]re\b"), " are"),
)
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|[,;:]")
# A sentence ends at . ! or ? (plus closing quotes) before a capital or an opening quote,
# so "U.S. officials" stays whole while "Ukraine. We" splits.
# A line break ends a sentence too: headlines and bylines carry no full stop.
_SENTENCE_END = re.compile(r"[.!?]+[\"”’']*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\s*\n\s*")

# Irregular forms the suffix rules cannot undo.
_IRREGULAR = {
    "sent": "send", "went": "go", "gone": "go", "fought": "fight", "took": "take", "taken": "take",
    "kept": "keep", "done": "do", "did": "do", "has": "have", "had": "have", "is": "be", "are": "be",
    "was": "be", "were": "be", "been": "be", "am": "be", "thought": "think", "said": "say",
    "told": "tell", "spoke": "speak", "spoken": "speak", "brought": "bring", "left": "leave",
}  # fmt: skip

NEGATORS = frozenset(
    {"not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "without", "hardly"}
    | {"deny", "refuse"}  # "denied any such plans", "refused to send": negate what follows
)
# "no doubt", "not only", "no matter": a negator word that negates nothing.
_IDLE_AFTER_NEGATOR = frozenset({"doubt", "only", "matter"})
# Fronted negatives scope over their whole sentence ("Under no circumstances, however, will ...").
SENTENCE_NEGATORS = ("under no circumstance", "in no case", "by no means", "in no way", "at no point")
# Negation does not reach across these: "did not say whether others are considering ...".
SCOPE_BREAKERS = frozenset(
    {",", ";", ":", "but", "that", "which", "who", "whom", "what", "if", "because", "while"}
    | {"whether", "although", "though", "unless", "when"}
)
# Coordination ends a negator's reach too: "cannot and will not exclude" negates once.
NEGATION_BREAKERS = SCOPE_BREAKERS | {"and", "or"}
CONDITIONAL = frozenset({"if", "unless", "whether", "when"})
FIRST_PERSON = frozenset({"we", "i", "us", "our", "my"})
OWN_POSSESSIVE = frozenset({"his", "her", "their", "its", "our", "my"})
OWN_BODIES = frozenset({"country", "government", "nation", "state", "army", "military", "side"})
# Shown with the negator that follows them, so evidence reads "would not", not "not".
AUXILIARIES = frozenset(
    {"should", "must", "do", "be", "have", "could", "would", "will", "can", "may", "might"}
)
MODALS = frozenset({"could", "would", "will", "can", "may", "might", "shall"})
# A claimed benefit is an argument only when hypothetical: "troops would help" argues for
# sending them, "our forces will help evacuate civilians" reports a plan.
HYPOTHETICAL = frozenset({"could", "would", "can", "may", "might"})
DEONTIC = ("should", "must", "need to", "have to", "ought to")
INTENT = ("want to", "wish to", "ready to", "prepared to", "willing to", "will", "going to", "plan to")

# Idioms with a fixed polarity, flipped by a local negator ("can't rule out" -> support).
SUPPORT_IDIOMS = (
    "keep ... option open", "option ... on the table", "door ... open", "do everything",
    "do whatever it take", "do all we can", "do what it take", "on the table", "be ... an option",
    "remain ... an option", "in favour of", "in favor of", "favour", "favor", "advocate",
    "call for", "push for", "argue for", "press for", "endorse", "back the idea", "back the plan",
    "back the proposal", "support the idea", "support the plan", "support the proposal",
)  # fmt: skip
OPPOSE_IDIOMS = (
    "rule ... out", "exclude", "out of the question", "off the table", "no-go", "be against", "oppose",
    "object to", "reject", "warn against", "caution against", "argue against",
)  # fmt: skip
# Planning and intention: "no plans to ..." opposes whoever holds the plan.
# Needing and asking for it is wanting it: "we need troops", "we did not request soldiers".
PLAN_WORDS = (
    "plan", "intend", "intention", "want", "wish", "prepare", "aim", "going to", "need", "request",
    "ask for",
)  # fmt: skip
# Weighing an option: affirmative only counts when the speaker's own side is weighing it.
CONSIDER_WORDS = ("consider", "weigh", "discuss", "talk about", "talk of", "contemplate", "mull", "open to")
# Putting an option on the table in public is taking its side, whoever reports it.
RAISE_WORDS = (
    "raise the possibility", "suggest the possibility", "speak about the possibility",
    "float the idea", "raise the idea", "propose",
)  # fmt: skip
# Consequences that make a speaker warn against something; negated they dismiss the fear.
RISK_WORDS = (
    "escalat*", "provocat*", "provoke", "drag ... into", "trigger", "tragic", "catastroph*",
    "disaster*", "dangerous", "danger", "inevitable", "world war", "nuclear war", "wider war",
    "direct confrontation", "fear", "afraid", "worry", "concern", "legitimate target", "destroy",
)  # fmt: skip
# Said of a fear or risk, these call it baseless (negating it without a negator before it).
DISMISSERS = (
    "not ... well-founded", "not ... justified", "not ... warranted", "not ... real", "unfounded",
    "overblown", "overstated", "exaggerated", "baseless", "groundless", "unjustified",
)  # fmt: skip
# Claims that something works; after a hypothetical modal ("would help", "would not change").
BENEFIT_WORDS = (
    "help", "change", "make ... difference", "turn the tide",
    "tip the balance", "strengthen", "bolster", "deter", "improve", "boost",
)  # fmt: skip
SUPPORT_FEELINGS = (
    "welcome", "grateful", "glad", "happy", "delighted", "appreciate", "good idea",
    "right thing", "right decision",
)  # fmt: skip
OPPOSE_FEELINGS = (
    "mistake", "error", "blunder", "bad idea", "terrible idea", "reckless", "madness", "folly", "foolish",
)  # fmt: skip
# Calling a claim false is a statement about facts, not a side on the policy.
FACT_DENIALS = ("not true", "untrue", "false", "disinformation", "fake", "lie", "nonsense", "fabrication")
# Words pointing back to an option named earlier ("such a move", "that possibility").
DETERMINERS = frozenset({"the", "a", "an", "any", "such"})
ANAPHOR_DETERMINERS = frozenset({"such", "this", "that", "these", "those"})
# Bare pronouns may stand for the option too ("it would escalate"), but only as the subject
# of a consequence: alone they are too common to tie a quote to a topic.
PRONOUNS = frozenset({"it", "this", "that"})
# Objects that leave what is sent to the context: "we won't be sending anyone".
PRONOUN_OBJECTS = frozenset({"anyone", "anybody", "someone", "somebody", "them", "people", "there"})
ANAPHOR_NOUNS = frozenset(
    {"move", "step", "possibility", "option", "idea", "notion", "plan", "deployment", "mission"}
    | {"scenario", "proposal", "prospect", "fear", "assumption"}
)
# Reporting verbs that carry a side of their own when the quote's words do not.
OPPOSE_REPORTING = ("warn", "caution", "rule out", "reject", "dismiss", "oppose")
# Denying opposes only a plan or an act ("denied it intends to send troops"); denying a
# fact ("denied that troops were there") takes no side.
DENIAL_REPORTING = ("deny", "refute")
SUPPORT_REPORTING = ("welcome", "endorse", "back", "praise", "hail", "call for", "urge")
# A short reply to a question about the act answers it: "Why not?" yes, "Absolutely not." no.
QUESTION = re.compile(
    r"\basked\s+(?:whether|if|about)\b.*\b(?:would|will|could|should|might|plan\w*|intend\w*|consider\w*)\b",
    re.IGNORECASE | re.DOTALL,
)
YES_ANSWERS = ("yes", "absolutely", "certainly", "definitely", "of course", "sure")
SHORT_ANSWER = 5  # words; a longer reply carries its own cues or none
# Reporting links that make a quote the elaboration of the claim just before it.
ELABORATION_LINK = re.compile(
    r"\b(?:saying|stating|arguing|adding|insisting|noting|explaining|stressing|emphasi[sz]ing|"
    r"declaring)(?:\s+that)?[\s,:\"“‘']*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Token:
    """A lower-cased word (or , ; :) and every base form it may be an inflection of."""

    text: str
    forms: frozenset[str]


def normalize(text: str) -> str:
    """Lower-case and expand negative contractions so every negator is the word "not"."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    return text


def forms(word: str) -> frozenset[str]:
    """Candidate base forms of a word, by undoing English suffixes; cheap and over-generous.

    Over-generation is harmless because lexicon entries are real base forms:
    "planning" yields {"planning", "plann", "planne", "plan"} and only "plan" matches.
    """
    out = {word}
    if word in _IRREGULAR:
        out.add(_IRREGULAR[word])
    if len(word) > 3:
        if word.endswith("ies") or word.endswith("ied"):
            out.add(word[:-3] + "y")
        if word.endswith("es"):
            out.add(word[:-2])
        if word.endswith("s") and not word.endswith("ss"):
            out.add(word[:-1])
        for suffix in ("ed", "ing"):
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 2:
                out |= {stem, stem + "e"}
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    out.add(stem[:-1])
    return frozenset(out)


def tokenize(text: str) -> list[Token]:
    """Tokens of already normalized text."""
    return [Token(t, forms(t)) for t in _TOKEN.findall(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of raw text."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@dataclass(frozen=True)
class Phrase:
    """A lexicon entry: base-form words, ``word*`` for a prefix, ``...`` for a gap of up to 3 words."""

    parts: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Phrase:
        return cls(tuple(normalize(text).split()))

    def _word_ok(self, part: str, token: Token) -> bool:
        if part.endswith("*"):
            return any(f.startswith(part[:-1]) for f in token.forms)
        return part in token.forms

    def _match_from(self, toks: Sequence[Token], i: int, p: int) -> int | None:
        if p == len(self.parts):
            return i
        if self.parts[p] == "...":
            for gap in range(4):
                j = i + gap
                if j > len(toks) or any(t.text in SCOPE_BREAKERS for t in toks[i:j]):
                    break
                end = self._match_from(toks, j, p + 1)
                if end is not None:
                    return end
            return None
        if i < len(toks) and self._word_ok(self.parts[p], toks[i]):
            return self._match_from(toks, i + 1, p + 1)
        return None

    def find(self, toks: Sequence[Token]) -> list[tuple[int, int]]:
        """Every (start, end) token span where the phrase occurs, end exclusive."""
        hits = []
        for i in range(len(toks)):
            end = self._match_from(toks, i, 0)
            if end is not None:
                hits.append((i, end))
        return hits


def phrases(texts: Iterable[str]) -> tuple[Phrase, ...]:
    """Compile lexicon entries once."""
    return tuple(Phrase.of(t) for t in texts)


def find_any(lexicon: Sequence[Phrase], toks: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans of every entry of a lexicon, in text order."""
    return sorted({span for phrase in lexicon for span in phrase.find(toks)})


def words(toks: Sequence[Token], start: int, end: int) -> str:
    """The surface words of a token span, for evidence."""
    return " ".join(t.text for t in toks[start:end])


def negates(toks: Sequence[Token], i: int) -> bool:
    """Whether the word at ``i`` is a negator here ("no plans": yes; "no doubt": no)."""
    if not toks[i].forms & NEGATORS:
        return False
    return not (i + 1 < len(toks) and toks[i + 1].text in _IDLE_AFTER_NEGATOR)


def local_negators(toks: Sequence[Token], start: int, window: int = 4) -> list[int]:
    """Indices of the negators among the ``window`` words before ``start``, up to a scope breaker.

    Their count's parity is what matters: "nothing can be ruled out" negates once,
    "no one can't ..." twice.
    """
    found = []
    for i in range(start - 1, max(start - window, 0) - 1, -1):
        if toks[i].text in NEGATION_BREAKERS:
            break
        if negates(toks, i):
            found.append(i)
    return sorted(found)


_SENTENCE_NEGATORS = phrases(SENTENCE_NEGATORS)


def sentence_negator_before(toks: Sequence[Token], start: int) -> tuple[int, int] | None:
    """A fronted negative ("under no circumstances") earlier in the sentence, if any."""
    for span in find_any(_SENTENCE_NEGATORS, toks):
        if span[1] <= start:
            return span
    return None
