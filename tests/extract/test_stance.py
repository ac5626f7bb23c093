"""Stance classification: one test per construction, on sentences written for these tests.

The seed articles are scored only at the end (``test_seed_gold_quotes``); every rule is
pinned here on wording of our own so that no rule can quietly fit the seed alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extract.models import Quote, QuoteKind, Stance
from extract.polarity import sentence_spans
from extract.stance import classify
from extract.topics import Topic, load_topics

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
TROOPS = load_topics(ROOT / "seed" / "topics.toml")
CITY = load_topics(DATA / "topics_city.toml")

SUP, OPP, NEU = Stance.SUPPORT, Stance.OPPOSE, Stance.NEUTRAL


def quote(text: str, context: str | None = None, cue: str | None = None) -> Quote:
    """A quote whose context is the given text, or just the quote itself."""
    return Quote(text=text, start=0, end=len(text), kind=QuoteKind.DIRECT, cue=cue, context=context or text)


def stance_of(
    text: str, context: str | None = None, cue: str | None = None, topics: list[Topic] = TROOPS
) -> Stance:
    return classify(quote(text, context, cue), topics).stance


NEGATION = [
    # plain negation of the act, of a plan, of a wish
    ("There are no plans to deploy a single soldier to Kharkiv", OPP),
    ("Berlin has no intention of deploying its paratroopers' instructors to Ukraine", OPP),
    ("Norway does not plan to send its soldiers to the front line", OPP),
    ("Our army won't deploy combat troops in Ukraine", OPP),
    ("The government certainly doesn't want to send its soldiers to Ukraine", OPP),
    ("We will never put boots on the ground in Ukraine", OPP),
    ("Our troops will not take part in any combat there", OPP),
    ("Under no circumstances, the minister repeated, will Italian soldiers be sent to Ukraine", OPP),
    ("Sending troops has been ruled out by the cabinet", OPP),
    ("It is out of the question to send Dutch soldiers to the front", OPP),
    ("There will be no Western boots on the ground", OPP),
    ("No British soldiers will be deployed to Ukraine", OPP),
    ("I'm against sending our soldiers to die in Ukraine", OPP),
    ("We reject any idea of sending troops", OPP),
    ("Troops are not an option for us", OPP),
    ("It's not on the table, and our trainers stay home", OPP),
    # double negation: refusing to rule out keeps the option open
    ("Deploying trainers to Kyiv should not be ruled out", SUP),
    ("We shouldn't rule out anything when it comes to advisers on the ground", SUP),
    ("Nothing can be ruled out, including a mission of our soldiers", SUP),
    ("No one can exclude a deployment of military trainers", SUP),
    ("We have not ruled out sending instructors next year", SUP),
    ("Our allies must keep all options open, troops included", SUP),
    ("We cannot and will not exclude any scenario, including troops", SUP),
    ("Nobody should exclude the option of sending trainers", SUP),
    # two quoted fragments joined: the first negator is used up by the first idiom
    ("we cannot exclude anything will do everything to keep our soldiers ready", SUP),
]


@pytest.mark.parametrize(("text", "expected"), NEGATION)
def test_negation_and_double_negation(text: str, expected: Stance) -> None:
    assert stance_of(text) is expected


RELEVANCE = [
    "We will send more artillery shells and air defence systems to Ukraine",
    "We must keep supplying tanks and drones until Ukraine wins",
    "Financial aid for Kyiv must not stop",
    "Victory means the liberation of every occupied village",
]


@pytest.mark.parametrize("text", RELEVANCE)
def test_other_matters_take_no_side(text: str) -> None:
    """Weapons, money and victory are not troops: no cue counts without relevance."""
    assert stance_of(text) is NEU


DESCRIPTIVE = [
    "Some allies are already training Ukrainian soldiers in Germany",
    "Several governments are weighing whether to send soldiers under bilateral deals",
    "Moscow says France is preparing to send a contingent of troops",
    "Military attachés from every embassy already work in Kyiv",
]


@pytest.mark.parametrize("text", DESCRIPTIVE)
def test_reports_of_what_others_do_are_neutral(text: str) -> None:
    assert stance_of(text) is NEU


def test_own_side_considering_supports_but_others_considering_is_neutral() -> None:
    assert stance_of("Our government is considering sending military advisers to Lviv") is SUP
    assert stance_of("We need troops on the ground to train our units") is SUP
    assert stance_of("We need more shells, not promises") is NEU
    assert stance_of("Other capitals are considering sending military advisers to Lviv") is NEU


def test_deontic_modal_supports_and_its_negation_opposes() -> None:
    assert stance_of("Europe should send peacekeeping troops to Ukraine") is SUP
    assert stance_of("Europe should not send troops to Ukraine") is OPP
    assert stance_of("If troops ever go there, they should stay far from the front") is NEU


REPORTING = [
    # the verb decides when the quote's words alone do not
    (
        "it intends to station soldiers in Ukraine",
        "The ministry denied that it intends to station soldiers in Ukraine.",
        "denied",
        OPP,
    ),
    (
        "the consequences would be grave",
        "Asked about stationing troops in Ukraine, the senator warned that the consequences would be grave.",
        "warned",
        OPP,
    ),
    (
        "NATO troops were fighting in Ukraine",
        "Paris denied that NATO troops were fighting in Ukraine.",
        "denied",
        NEU,
    ),
    # the quote elaborates the claim before it: "welcomed the idea, saying ..."
    (
        "That would be a real sign of solidarity.",
        "Asked whether allied instructors could come to Kyiv, the mayor welcomed the idea, "
        "saying: “That would be a real sign of solidarity.”",
        "saying",
        SUP,
    ),
    (
        "We are not going there.",
        "The defence secretary ruled out any deployment of British soldiers, saying “We are not "
        "going there.”",
        "saying",
        OPP,
    ),
    (
        "Ukraine deserves our help.",
        "The minister backed the idea of sending instructors, saying: “Ukraine deserves our help.”",
        "saying",
        SUP,
    ),
    (
        "This would be a grave error.",
        "The general warned against sending troops to Ukraine, saying “This would be a grave error.”",
        "saying",
        OPP,
    ),
    # a quoted noun phrase is the object of the verb before it
    (
        "the possibility of sending instructors to Ukraine",
        "The Latvian minister also spoke about the possibility of sending instructors to Ukraine.",
        "spoke",
        SUP,
    ),
    (
        "the deployment of more troops",
        "Officials in Brussels discussed the timing of the deployment of more troops.",
        "discussed",
        NEU,
    ),
    # calling a claim false is about facts, even when the verb is "denied"
    (
        "This is pure fiction and disinformation.",
        "Moscow claims Paris is sending 3,000 troops. The French army denied the report: “This "
        "is pure fiction and disinformation.”",
        "denied",
        NEU,
    ),
]


@pytest.mark.parametrize(("text", "context", "cue", "expected"), REPORTING)
def test_reporting_verb_and_its_sentence(text: str, context: str, cue: str, expected: Stance) -> None:
    assert stance_of(text, context, cue) is expected


ANAPHORA = [
    (
        "Such a move would be a grave mistake",
        "Some allies are debating whether to send troops to Ukraine. “Such a move would be a "
        "grave mistake,” the senator said.",
        OPP,
    ),
    (
        "We are seriously considering that possibility",
        "Reporters asked the minister about sending military trainers to Ukraine. “We are "
        "seriously considering that possibility,” she said.",
        SUP,
    ),
    (
        "it would only escalate the war",
        "Asked about NATO soldiers in Ukraine, he said it would only escalate the war.",
        OPP,
    ),
    (
        "We won't be sending anyone",
        "Asked whether Britain would deploy soldiers, the minister said: “We won't be sending anyone.”",
        OPP,
    ),
    (
        "We will be delighted if it happens",
        "The Ukrainian minister was asked about European soldiers joining the fight. “We will "
        "be delighted if it happens,” he said.",
        SUP,
    ),
]


@pytest.mark.parametrize(("text", "context", "expected"), ANAPHORA)
def test_relevance_comes_from_the_context_the_quote_points_back_to(
    text: str, context: str, expected: Stance
) -> None:
    assert stance_of(text, context) is expected


def test_a_title_in_the_context_is_no_topic() -> None:
    context = "National Security Adviser Anna Berg said: “We will keep all options open on sanctions.”"
    assert stance_of("We will keep all options open on sanctions.", context) is NEU


def test_an_unresolved_anaphor_decides_only_with_low_confidence() -> None:
    """ "Such a move" with nothing to point back to still marks an option, but only weakly;
    a bare "it" does not tie a quote to any topic."""
    unresolved = classify(quote("Such a move would be a grave mistake"), TROOPS)
    assert unresolved.stance is OPP
    assert unresolved.confidence <= 0.55
    assert stance_of("We are seriously considering it") is NEU


CONSEQUENCES = [
    ("A few hundred Western instructors would make a real difference on the battlefield", SUP),
    ("Foreign soldiers could help the army hold the line", SUP),
    ("A handful of NATO troops would not change anything at the front", OPP),
    ("Putting NATO soldiers in Ukraine would drag us into a war with Moscow", OPP),
    ("Fears that trainers in Lviv would provoke Moscow are exaggerated", SUP),
    ("Deploying troops would not lead to escalation", SUP),
    ("There is no doubt that sending troops would escalate the war", OPP),
    ("Any foreign soldiers would become legitimate targets for our army", OPP),
    ("If Western troops come, we will destroy them", OPP),
    ("Our forces will help evacuate civilians from the city", NEU),  # a plan reported, not an argument
    ("We should not be afraid that sending trainers means war", SUP),
]


@pytest.mark.parametrize(("text", "expected"), CONSEQUENCES)
def test_risks_and_benefits_of_the_act(text: str, expected: Stance) -> None:
    assert stance_of(text) is expected


def test_what_follows_but_outweighs_what_it_concedes() -> None:
    assert stance_of("Aid is flowing well, but we have no plans to send soldiers") is OPP
    assert stance_of("This is a hard debate, but we must not rule out sending troops") is SUP


SHORT_ANSWERS = [
    ("Why not?", "Asked whether Estonia could send instructors, the minister replied: “Why not?”", SUP),
    (
        "Absolutely not.",
        "Asked whether Germany would send soldiers, the chancellor said: “Absolutely not.”",
        OPP,
    ),
    ("Of course.", "Asked if Latvia would consider sending trainers, she said: “Of course.”", SUP),
    ("We will see.", "Asked whether Poland would send troops, the premier said: “We will see.”", NEU),
]


@pytest.mark.parametrize(("text", "context", "expected"), SHORT_ANSWERS)
def test_a_short_reply_answers_the_question_about_the_act(text: str, context: str, expected: Stance) -> None:
    assert stance_of(text, context) is expected


def test_a_but_clause_without_a_side_leaves_the_stance_alone() -> None:
    text = "Britain had no plans to send troops"
    context = "He said Britain had no plans to send troops, but added that the situation could change."
    assert stance_of(text, context) is OPP


def test_a_concession_before_a_but_of_the_other_side_is_neutral() -> None:
    text = "we have no immediate plans to send instructors"
    context = (
        "The minister said we have no immediate plans to send instructors, but insisted "
        "the option must stay on the table."
    )
    assert stance_of(text, context) is NEU


def test_evidence_names_the_deciding_words() -> None:
    result = classify(quote("Slovakia has no plans to deploy troops to Ukraine"), TROOPS)
    assert result.stance is OPP
    assert result.topic == "western-troops-in-ukraine"
    assert "no plans" in result.evidence
    assert "deploy troops" in result.evidence
    kept = classify(quote("Nothing can be ruled out, not even our soldiers"), TROOPS)
    assert "nothing can be ruled out" in kept.evidence


def test_confidence_is_higher_when_the_cue_and_relevance_are_explicit() -> None:
    explicit = classify(quote("We have no plans to deploy troops"), TROOPS)
    via_context = classify(
        quote(
            "this has been ruled out", "He spoke about troops in Ukraine. He said this has been ruled out."
        ),
        TROOPS,
    )
    via_anaphor_only = classify(quote("we must not rule anything out", "Such a step needs a vote."), TROOPS)
    irrelevant = classify(quote("The weather in Kyiv was mild"), TROOPS)
    assert explicit.confidence > via_context.confidence > via_anaphor_only.confidence
    assert all(0.0 <= r.confidence <= 1.0 for r in (explicit, via_context, via_anaphor_only, irrelevant))
    assert irrelevant.stance is NEU
    assert irrelevant.confidence < 0.5
    assert irrelevant.evidence == ()


CITY_CASES = [
    ("The council has no plans to introduce a congestion charge", OPP),
    ("A congestion charge should not be ruled out", SUP),
    ("We should bring in road pricing as soon as possible", SUP),
    ("Road pricing would hit small businesses hard", OPP),
    ("Road pricing has given us clean air for the first time in decades", SUP),
    ("The congestion charge raised 40 million last year", NEU),
    ("The new tram line opens in May", NEU),
]


@pytest.mark.parametrize(("text", "expected"), CITY_CASES)
def test_a_second_topic_needs_no_code(text: str, expected: Stance) -> None:
    assert stance_of(text, topics=CITY) is expected


def test_each_quote_is_judged_on_its_most_relevant_topic() -> None:
    both = TROOPS + CITY
    troops = classify(quote("Our soldiers will not be deployed to Ukraine"), both)
    assert (troops.stance, troops.topic) == (OPP, "western-troops-in-ukraine")
    charge = classify(quote("The mayor ruled out a congestion charge"), both)
    assert (charge.stance, charge.topic) == (OPP, "congestion-charge")
    charge_first = classify(quote("The mayor ruled out a congestion charge"), CITY + TROOPS)
    assert charge_first.topic == "congestion-charge"


def test_no_relevant_topic_is_neutral_on_the_first_topic() -> None:
    result = classify(quote("The bakery on the corner closed"), CITY + TROOPS)
    assert (result.stance, result.topic) == (NEU, "congestion-charge")
    assert 0.0 < result.confidence < 0.5


def test_no_topics_means_no_stance() -> None:
    result = classify(quote("We have no plans to deploy troops"), [])
    assert (result.stance, result.topic, result.evidence) == (NEU, None, ())


# --- the seed gold, classified from gold spans so extraction changes cannot move it ---

_REPORTING_VERB = re.compile(
    r"\b(said|says|saying|told|telling|added|adding|claimed|insisted|stated|stating|warned|denied|noted|"
    r"emphasized|stressed|revealed|mentioned|suggested|according to|welcomed|underlined|described|spoke|"
    r"expressed|arguing|refuted|responded|disclosed|acknowledging)\b",
    re.IGNORECASE,
)


def _gold_quote(text: str, gold: dict[str, object]) -> Quote:
    """A quote as extraction would pass it: the holding sentence plus the one before, and its nearest cue."""
    start, end = int(str(gold["start"])), int(str(gold["end"]))
    spans = sentence_spans(text)
    hold = [i for i, (s, e) in enumerate(spans) if s < end and e > start]
    context = text[spans[max(hold[0] - 1, 0)][0] : spans[hold[-1]][1]].strip()
    verbs = [
        m
        for m in _REPORTING_VERB.finditer(text, spans[hold[0]][0], spans[hold[-1]][1])
        if not start <= m.start() < end
    ]
    cue = (
        min(verbs, key=lambda m: min(abs(m.start() - end), abs(m.end() - start))).group(1) if verbs else None
    )
    kind = QuoteKind(str(gold["kind"]))
    return Quote(text=str(gold["text"]), start=start, end=end, kind=kind, cue=cue, context=context)


def test_seed_gold_quotes() -> None:
    gold = json.loads((DATA / "seed_quotes.json").read_text(encoding="utf-8"))
    pairs = []
    for article in gold["articles"]:
        text = (ROOT / "seed" / article["file"]).read_text(encoding="utf-8")
        for g in article["quotes"]:
            if not g["optional"]:
                pairs.append((Stance(g["stance"]), classify(_gold_quote(text, g), TROOPS).stance))
    accuracy = sum(g is p for g, p in pairs) / len(pairs)
    f1s = []
    for label in (SUP, OPP, NEU):
        tp = sum(g is label and p is label for g, p in pairs)
        predicted, actual = sum(p is label for _, p in pairs), sum(g is label for g, _ in pairs)
        f1s.append(2 * tp / (predicted + actual) if predicted + actual else 0.0)
    assert accuracy >= 0.90
    assert sum(f1s) / 3 >= 0.90


def test_a_negated_reporting_verb_lends_no_side() -> None:
    words = "sending Western troops to Ukraine"
    assert stance_of(words, cue="endorsed") is SUP
    assert stance_of(words, cue="not endorse") is NEU
