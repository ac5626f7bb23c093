"""Reporting cues: the verbs and phrases that attribute words to someone.

Split by what they need after them. Speech verbs ("said", "insisted") take a
bare clause ("Pevkur said there are no plans"); verbs that also have other
senses ("announced", "suggested", "denied") count only before "that" or a
quotation, so "announced the delivery of missiles" is not reported speech.
"""

from __future__ import annotations

import re

from extract.lexicon import wordlist, wordset

SPEECH = wordlist(
    "said says say told tells tell added adds insisted insists claimed claims noted notes stressed stresses "
    "warned warns explained explains argued argues stated asserted asserts declared declares maintained "
    "maintains contended contends acknowledged acknowledges admitted admits conceded concedes emphasized "
    "emphasised emphasizes emphasises underlined underlines underscored underscores reiterated reiterates "
    "wrote writes tweeted observed remarked commented cautioned assured assures replied replies responded "
    "answered countered recalled recalls shouted yelled exclaimed demanded quipped joked bragged mused "
    "scoffed griped grumbled reasoned retorted wondered marveled recounted confided whispered hinted "
    "reassured reassures fumed snapped gushed raved interjected vented sniped objected raged groused "
    "remembered remembers"
)
STRICT = wordlist(
    "announced announces revealed reveals suggested suggests mentioned mentions denied denies disclosed "
    "confirmed confirms agreed agrees predicted predicts promised promises vowed vows pledged pledges "
    "complained complains concluded concludes reported reports alleged alleges charged testified "
    "speculated estimated boasted believes believed thinks thought hopes hoped fears feared expects "
    "expected worried worries knew feels felt think believe hope fear expect wrote writes "
    "argue acknowledge note insist agree admit warn claim stress explain maintain contend concede "
    "found finds find showed shows show learned learns recognize recognized recognizes implied implies "
    "conclude indicated indicates indicate know knows doubt doubts doubted determined "
    "hopeful confident convinced optimistic certain adamant skeptical sceptical aware continued continues "
    "posted emphasize assert suggest reveal announce report confirm deny predict declare repeated repeats "
    "echoed echoes realized realizes realize discovered discover noticed assumed assume anticipated "
    "forecast proposed propose recommended ruled signaled signalled stipulated surmised reckoned "
    "guaranteed swore proclaimed professed affirmed reaffirmed opined theorized theorised divulged "
    "gloated lamented laments bemoaned advised notified allowed posited posits clarified confessed figured "
    "guessed hypothesized hypothesised calculated projected requested"
)
CLAUSE_PARTICIPLES = wordset(
    "implying joking hinting believing boasting bragging announcing revealing confirming denying signaling "
    "signalling showing determining"
)
"""Participles that report only before a clause ("implying that ...", "believing he would ..."):
before an object they are the writer's account of a deed ("showing disregard for ...")."""
PARTICIPLES = wordlist(
    "saying adding stating noting arguing insisting claiming warning telling explaining stressing "
    "declaring asserting suggesting acknowledging writing emphasizing emphasising predicting promising "
    "vowing maintaining contending underlining recalling conceding admitting complaining cautioning "
    "reiterating reassuring assuring"
)
_ADJECTIVES = wordset("hopeful confident convinced optimistic certain adamant skeptical sceptical aware")
NOUN_LIKE = _ADJECTIVES | wordset("show shows note claim doubt doubts find finds know")
"""Cue words that report only before a "that" clause: adjectives ("confident that") and words as
often nouns as verbs ("a TV show", "a cautious note")."""
BELIEF = wordset("think thinks thought believe believes believed hope hopes hoped fear fears feared")
"""Strict cues that also take a clause without "that" when a subject opens it ("she thinks
the plan works", "he believed voters would forgive him"): no other sense of these verbs
is followed by a subject."""
TELL = wordset(
    "told tells tell telling assured assures assuring reassured reassures reassuring reminded informed warned"
)

QUOTATION_ONLY = wordset(
    "asked asks laughed smiled cried sighed offered pressed pleaded urged challenged summarized "
    "summarised texted emailed messaged ventured deadpanned teased cracked chided mocked scolded "
    "thundered protested admonished retaliated boomed bellowed roared barked growled murmured muttered "
    "stammered sputtered shrugged gasped groaned sniffed huffed intoned interrupted enthused begged implored "
    "reads read"
)
"""Cues only next to the quotation they attribute ("“Why?” Reed asked", "“Not yet,” she
laughed", "asked: “Why?”"): elsewhere they are a request ("asked the council to wait", "urged
..."), a question put to someone, or a deed, which other rules read."""
_VERBS = sorted(
    set(SPEECH) | set(STRICT) | set(PARTICIPLES) | CLAUSE_PARTICIPLES | QUOTATION_ONLY, key=len, reverse=True
)
CUE = re.compile(
    r"\b(?:according\s+to|expressed\s+(?:concern|hope|confidence|doubts?|fears?|optimism|frustration|"
    r"regret|skepticism|scepticism)|ma(?:de|ke|kes|king)\s+(?:it\s+)?clear|point(?:s|ed|ing)?\s+out|went\s+on\s+to\s+(?:say|add|note)|shot\s+back|chimed\s+in|"
    r"(?:" + "|".join(_VERBS) + r"))\b",
    re.I,
)
_BEFORE_A_PLURAL_NOUN = re.compile(
    r"\b(?:to|of|about|on|in|with|by|from|for|over|amid|despite|(?-i:[a-z]+ed))\s+$", re.I
)
"""A preposition or a past-tense verb right before a cue ending in "s": the word is a plural
noun ("referring to reports that", "cited reports that", "denied claims that")."""
_NOT_A_CUE_BEFORE = re.compile(
    r"(?:\bas\s+(?:\w+ly\s+)?|\bso-|\bthe\s+|\bit\s+is\s+|\bwas\s+|\bwere\s+|\bbe\s+|\bbeen\s+|\bis\s+"
    r"|\b(?:a|an|his|her|their|its|our|my|your|this|these|those|every|each|no|any)\s+"
    r"|(?<!\bhe)(?<!\bshe)(?<!\bit)(?<!\bwho)(?<!\bthat)[’']s\s+)$",
    re.I,
)


_CLAUSE_AFTER = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?that\b|\s+(?:he|she|they|it|we|i)(?:\s|[’'](?:s|d|re|ll|ve|m)\b)", re.I
)
_GERUND_OBJECT = re.compile(r"\s+(?!(?:that|he|she|they|it|we|i)\b)[a-z0-9]", re.I)
_AFTER_BREAK = re.compile(r"(?:[,;:\x00(—–-]|\b(?:and|then|while|before|after|by|in|also))\s*$", re.I)
""""Adding" reports after a break (", adding ...", "before adding ..."); right after a verb and
before a noun ("had opposed adding new fees") it is that verb's object, a deed and no report."""
_AFTER_QUOTATION = re.compile(r"\x00\s*,?\s*(?:[\w.’'-]+,?\s+){0,8}$")
_BEFORE_QUOTATION = re.compile(r"\s*[,:]\s*\x00")
"""A quotation and at most a short subject before a quotation-only cue ("“Why?” the mayor
asked", "“Why?” asked Reed"), or a comma or colon and the quotation after it ("Reed asked:
“Why?”")."""
_ADD_TO = re.compile(r"\s+(?:to|up)\b", re.I)
_AGREE_TO = re.compile(r"\s+to\b", re.I)
_BY = re.compile(r"\s+by\b", re.I)


NOUN_CUE = re.compile(
    r"\b(?:claims?|assertions?|argument|contention|insistence|warnings?|promises?|pledge|belief|"
    r"suggestion|allegations?|accusations?|remarks?|comments?|statements?|boast|vow|threats?|"
    r"predictions?|notion|hopes?|fears?|concerns?|complaints?|admission|acknowledgment|assurances?|rumou?rs?|charges?|pledges|denials?|speculation)(?=\s+that\s)",
    re.I,
)
"""Nouns of saying and believing that report a "that" clause ("the mayor's claim that ...")."""


def find_noun_cues(masked: str, start: int, end: int) -> list[re.Match[str]]:
    """Noun cues in ``masked[start:end]``: a report of their owner's when a clause follows."""
    return list(NOUN_CUE.finditer(masked, start, end))


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
        exempt = low.startswith("according") or low in PARTICIPLES or low in _ADJECTIVES  # "is confident"
        if _NOT_A_CUE_BEFORE.search(before) and not exempt:
            continue
        if low.endswith("s") and _BEFORE_A_PLURAL_NOUN.search(before):
            continue  # "referring to reports that ...", "in claims that ...": a noun
        if low in {"adding", "added", "adds", "add"} and _ADD_TO.match(masked, m.end(), end):
            continue  # "adding to his lead" is no report
        if low.startswith("agree") and _AGREE_TO.match(masked, m.end(), end):
            continue  # "agreed to a moratorium", "agreed to talk": a deal, not words
        if low.endswith("ed") and _BY.match(masked, m.end(), end):
            continue  # "the figures reported by the agency": a passive, its agent after "by"
        if before.endswith("-") and low.endswith("ing"):
            continue  # "the tax-writing committee": part of a compound adjective
        if low in CLAUSE_PARTICIPLES and not _CLAUSE_AFTER.match(masked, m.end(), end):
            continue  # "showing disregard for the law": a deed, not a report
        if low in QUOTATION_ONLY and m.group()[0].isupper():
            continue  # "“...,” Read said": a name ("Ian Read"), not the verb
        if low in QUOTATION_ONLY and not (
            _AFTER_QUOTATION.search(masked, max(start, m.start() - 60), m.start())
            or _BEFORE_QUOTATION.match(masked, m.end(), end)
        ):
            continue  # "asked the council to wait" is a request; "“Why?” Reed asked" attributes the question
        if low == "adding" and _GERUND_OBJECT.match(masked, m.end(), end) and not _AFTER_BREAK.search(before):
            continue  # "opposed adding new rules": a gerund, the object of the verb before it
        out.append(m)
    return out


_COMPLEMENT_LEMMAS = wordlist(
    "call describe label brand dub term refer praise hail criticize criticise blast attack slam mock dismiss "
    "reject defend decry denounce condemn accuse charge blame vow promise pledge urge propose want warn "
    "insist demand yell shout scream cry chant tweet post write declare proclaim announce characterize "
    "characterise portray paint cast frame identify pronounce mention cite quote invoke repeat reiterate "
    "emphasize emphasise stress highlight tout boast brag laud applaud welcome embrace endorse support back "
    "oppose question challenge dispute deny refuse decline ask request implore beg plead suggest imply hint "
    "predict claim allege contend argue assert maintain acknowledge admit concede confess recall recount "
    "note observe remark comment explain discuss talk speak address lament complain bemoan regret thank "
    "joke quip scoff deride ridicule lambaste chide rebuke scold insult vilify disparage belittle assure "
    "reassure swear threaten caution advise recommend encourage tell say believe think feel hope fear "
    "worry expect doubt consider view regard deem reckon suspect agree object protest counter respond "
    "reply answer retort greet nickname summarize express voice signal promote push pitch champion "
    "advocate favor favour prefer target dismiss decry pronounce mispronounce sing read echo mouth utter "
    "whisper murmur mutter exclaim recite offer rank credit command order"
)
_IRREGULAR = {
    "say": "said",
    "tell": "told",
    "write": "wrote written",
    "think": "thought",
    "feel": "felt",
    "speak": "spoke spoken",
    "swear": "swore sworn",
    "cast": "cast",
    "read": "read",
    "sing": "sang sung",
    "refer": "referred referring",
    "admit": "admitted admitting",
    "regret": "regretted regretting",
    "extol": "extolled extolling",
    "prefer": "preferred preferring",
    "seek": "sought",
    "know": "knew known",
    "show": "shown",
    "find": "found",
}


def inflect(lemma: str) -> set[str]:
    """The forms of a verb: -s, -ed, -ing and the irregular ones."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("sh", "ch", "s", "x")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        one_syllable = len(re.findall(r"[aeiouy]+", lemma)) == 1  # "slam", not "credit" or "threaten"
        double = (
            one_syllable
            and len(lemma) > 2
            and lemma[-1] in "bgmnpt"
            and lemma[-2] in "aeiou"
            and lemma[-3] not in "aeiou"
        )
        stem = lemma + lemma[-1] if double else lemma
        forms |= {lemma + "s", stem + "ed", stem + "ing"}
    forms |= set(_IRREGULAR.get(lemma, "").split())
    return forms


COMPLEMENT_VERBS = frozenset(f for lemma in _COMPLEMENT_LEMMAS for f in inflect(lemma))
"""Verbs whose object may carry quoted words ("called the system "rigged"")."""


_ATTITUDE_LEMMAS = wordlist(
    "endorse support oppose praise criticize criticise blast slam attack denounce decry condemn defend "
    "dismiss reject rail urge demand propose promise vow pledge want question challenge deny accuse blame "
    "cite mention discuss describe highlight tout extol applaud welcome embrace favor favour recall "
    "acknowledge admit predict announce reveal lament mock ridicule thank congratulate fear hail laud "
    "tout champion advocate dispute rebuke chide scold insult disparage refer allude respond talk speak "
    "worry focus warn caution agree balk complain argue apologize apologise call ask seek point consider "
    "prefer deem ignore refuse decline express threaten pressure back reference articulate knock recount "
    "estimate downplay assail excoriate castigate berate lambaste bash fault commend salute credit deride "
    "bemoan"
)
ATTITUDE_VERBS = frozenset(f for lemma in _ATTITUDE_LEMMAS for f in inflect(lemma)) | {"pressed", "pressing"}
"""Verbs of stance and evaluation whose object is an attribution's content ("railed against the deal").
"Press" is there only as "pressed" and "pressing": "a press secretary" is a noun."""
PARTICLE_ONLY = {
    form: particles
    for lemma, particles in (("call", ("for", "on")), ("point", ("to",)))
    for form in inflect(lemma)
}
"""Stance verbs that are one only with their particle: "called for a ban", "pointed to the
figures" ("called the plan a disaster" is a naming, left to the quoted-fragment rules)."""
_PHRASAL_IRREGULAR = {
    "take": ("took", "taken"),
    "lay": ("laid",),
    "make": ("made",),
    "come": ("came",),
    "throw": ("threw", "thrown"),
    "hit": ("hit",),
    "cast": ("cast",),
    "put": ("put",),
    "pay": ("paid",),
    "spell": ("spelt",),
    "dwell": ("dwelt",),
    "break": ("broke", "broken"),
}
PHRASAL = {
    form: re.compile(r"\s+(?:" + rest + r")\b", re.I)
    for lemma, rest in (
        ("take", r"aim\s+at|issue\s+with|a\s+(?:swipe|shot|jab|dig)\s+at"),
        ("fire", r"back\s+at"),
        ("hit", r"back\s+at|out\s+at"),
        ("double", r"down\s+on"),
        ("come", r"out\s+(?:against|in\s+favou?r\s+of)|to\s+the\s+defen[cs]e\s+of"),
        ("make", r"the\s+case\s+(?:for|against|that)|no\s+secret\s+of"),
        ("single", r"out"),
        ("call", r"out"),
        ("cast", r"doubts?\s+on"),
        ("pour", r"cold\s+water\s+on"),
        ("throw", r"(?:his|her|their|its)\s+support\s+behind|cold\s+water\s+on"),
        ("pay", r"tribute\s+to"),
        ("put", r"forward"),
        ("spell", r"out"),
        ("offer", r"(?:support|praise|condolences)\s+(?:for|to)"),
        ("touch", r"(?:briefly\s+)?(?:on|upon)"),
        ("brush", r"(?:aside|off)"),
        ("rip", r"into"),
        ("dwell", r"on|upon"),
        ("harp", r"on"),
        ("open", r"up\s+about"),
        ("sound", r"the\s+alarm\s+(?:about|over|on)|off\s+(?:on|about|against)"),
        ("riff", r"on"),
        ("break", r"(?:his|her|their|its)\s+silence\s+(?:on|about)"),
        ("weigh", r"in\s+on"),
        ("lash", r"out\s+(?:at|against)"),
        ("push", r"back\s+(?:on|against)"),
        ("raise", r"(?:concerns?|questions?|doubts?|objections?|alarms?)\s+(?:about|over|with|regarding)"),
        (
            "voice",
            r"(?:support|opposition|concerns?|doubts?|frustration|skepticism|objections?)\s+(?:for|to|about|over|with)",
        ),
        ("float", r"the\s+idea\s+of"),
        ("lay", r"out"),
    )
    for form in inflect(lemma) | set(_PHRASAL_IRREGULAR.get(lemma, ()))
}
"""Verbs that take a stance only as part of a set phrase, whose object follows the phrase:
"took aim at [the plan]", "weighed in on [...]", "raised concerns about [...]", "laid out [...]",
"doubled down on [...]", "fired back at [...]", "made the case for [...]", "touched on [...]"."""
