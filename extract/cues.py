"""Reporting cues: the verbs and phrases that attribute words to someone.

Split by what they need after them. Speech verbs ("said", "insisted") take a
bare clause ("Pevkur said there are no plans"); verbs that also have other
senses ("announced", "suggested", "denied") count only before "that" or a
quotation, so "announced the delivery of missiles" is not reported speech.
"""

from __future__ import annotations

import re

SPEECH = (
    "said says say told tells tell added adds insisted insists claimed claims noted notes stressed stresses "
    "warned warns explained explains argued argues stated asserted asserts declared declares maintained "
    "maintains contended contends acknowledged acknowledges admitted admits conceded concedes emphasized "
    "emphasised emphasizes emphasises underlined underlines underscored underscores reiterated reiterates "
    "wrote writes tweeted observed remarked commented cautioned assured assures replied replies responded "
    "answered countered recalled recalls"
).split()
STRICT = (
    "announced announces revealed reveals suggested suggests mentioned mentions denied denies disclosed "
    "confirmed confirms agreed agrees predicted predicts promised promises vowed vows pledged pledges "
    "complained complains concluded concludes reported reports alleged alleges charged testified "
    "speculated estimated boasted believes believed thinks thought hopes hoped fears feared expects "
    "expected worried worries knew feels felt think believe hope fear expect"
).split()
PARTICIPLES = (
    "saying adding stating noting arguing insisting claiming warning telling explaining stressing "
    "declaring asserting suggesting acknowledging writing emphasizing emphasising predicting promising "
    "vowing maintaining contending underlining recalling conceding admitting complaining cautioning "
    "reiterating"
).split()
TELL = frozenset("told tells tell telling assured assures reminded informed warned".split())

_VERBS = sorted(set(SPEECH) | set(STRICT) | set(PARTICIPLES), key=len, reverse=True)
CUE = re.compile(
    r"\b(?:according\s+to|expressed\s+(?:concern|hope|confidence|doubts?|fears?|optimism|frustration|"
    r"regret|skepticism|scepticism)|made\s+(?:it\s+)?clear|pointed\s+out|went\s+on\s+to\s+(?:say|add|note)|"
    r"(?:" + "|".join(_VERBS) + r"))\b",
    re.I,
)
_NOT_A_CUE_BEFORE = re.compile(
    r"(?:\bas\s+(?:\w+ly\s+)?|\bso-|\bthe\s+|\bit\s+is\s+|\bwas\s+|\bwere\s+|\bbe\s+|\bbeen\s+|\bis\s+)$",
    re.I,
)


def kind_of(cue: str) -> str:
    """``participle``, ``according``, ``phrase`` (needs "that"), ``speech`` or ``strict``."""
    low = re.sub(r"\s+", " ", cue.casefold())
    if low.startswith("according"):
        return "according"
    if low in PARTICIPLES:
        return "participle"
    if " " in low:
        return "phrase"
    if low in SPEECH and low not in STRICT:
        return "speech"
    return "strict"


def find_cues(masked: str, start: int, end: int) -> list[re.Match[str]]:
    """Cue matches in ``masked[start:end]`` that are reporting verbs, not "as reported" or "the said"."""
    out = []
    for m in CUE.finditer(masked, start, end):
        before = masked[max(start, m.start() - 20) : m.start()]
        low = m.group().casefold()
        if _NOT_A_CUE_BEFORE.search(before) and not low.startswith("according") and low not in PARTICIPLES:
            continue
        out.append(m)
    return out
