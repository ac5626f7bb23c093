"""The contract of ``extract_article``, and the seed articles scored against their gold."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from extract import extract_article
from extract.models import ArticleMeta, Quote, Stance

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).parent / "data" / "seed_quotes.json"


def test_offsets_index_the_raw_text_and_context_holds_the_sentence_before() -> None:
    text = "By Priya Raman\nThe ferry was late again.\n\n“We are sorry,” Captain Nils Aberg said.\n"
    result = extract_article(text, ArticleMeta(url="https://example.org/ferry"))
    (quote,) = result.quotes
    assert quote.text == "We are sorry,"
    assert text[quote.start : quote.end] == "“We are sorry,”"  # the span takes in the marks
    assert quote.cue == "said"
    assert "The ferry was late again." in quote.context and "Captain Nils Aberg said." in quote.context
    assert result.article.byline == "Priya Raman"
    assert result.article.url == "https://example.org/ferry"


def test_mentions_are_the_people_named_in_the_quoted_words() -> None:
    text = (
        "Chilean President Mateo Rojas opened the summit.\n\n"
        "“I thank Rojas and Aino Salo for their patience,” Omar Haddad said."
    )
    quote = extract_article(text).quotes[-1]
    assert quote.mentions == ("Mateo Rojas", "Aino Salo")


def test_every_quote_gets_a_stance_result() -> None:
    (quote,) = extract_article("The bridge will reopen, Mayor Ilse Marten said.").quotes
    assert quote.stance.stance in set(Stance)


def test_empty_and_quote_free_text() -> None:
    assert extract_article("").quotes == []
    assert extract_article("The river rose overnight. Schools stayed closed.").quotes == []


# -- the seed articles against their gold ---------------------------------------------------------


def _fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'")
    words = " ".join(re.findall(r"\w+", s.casefold()))
    return words[4:] if words.startswith("the ") else words


def _names(pred: str | None, gold: str, aliases: dict[str, list[str]], contains: bool) -> bool:
    ok = {_fold(gold)} | {_fold(a) for a in aliases.get(gold, [])}
    p = _fold(pred)
    return bool(pred) and (p in ok or (contains and any(f" {o} " in f" {p} " for o in ok)))


def _f1(tp: int, npred: int, ngold: int) -> float:
    p, r = (tp / npred if npred else 0.0), (tp / ngold if ngold else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: dict[str, Any], predicted: dict[str, list[Quote]]) -> dict[str, float]:
    """The seed scorer's figures: spans match at Jaccard >= 0.5, one to one, optional gold ignored."""
    tp = tpa = npred = ngold = off_n = off_ok = cty_n = cty_ok = 0
    for art in gold["articles"]:
        gq, pq = art["quotes"], predicted[art["file"]]
        pairs = sorted(
            (
                (
                    max(0, min(p.end, g["end"]) - max(p.start, g["start"]))
                    / (max(p.end, g["end"]) - min(p.start, g["start"])),
                    i,
                    j,
                )
                for i, p in enumerate(pq)
                for j, g in enumerate(gq)
            ),
            reverse=True,
        )
        used, match = set(), {}
        for ov, i, j in pairs:
            if ov >= 0.5 and i not in used and j not in match:
                used.add(i)
                match[j] = i
        ngold += sum(not g["optional"] for g in gq)
        npred += len(pq) - sum(1 for j in match if gq[j]["optional"])
        for j, g in enumerate(gq):
            if g["optional"] or j not in match:
                continue
            p = pq[match[j]]
            tp += 1
            spk = p.speaker
            tpa += _fold(spk.name if spk else None) == _fold(g["speaker"])
            info = gold["speakers"].get(g["speaker"] or "", {})
            if info.get("office"):
                off_n += 1
                office = spk.office.name if spk and spk.office else None
                off_ok += _names(office, info["office"], gold["office_aliases"], contains=True)
            if info.get("country"):
                cty_n += 1
                country = spk.country.name if spk and spk.country else None
                cty_ok += _names(country, info["country"], gold["country_aliases"], contains=True)
    return {
        "quotes_f1": _f1(tp, npred, ngold),
        "attributed_f1": _f1(tpa, npred, ngold),
        "office_acc": off_ok / off_n,
        "country_acc": cty_ok / cty_n,
    }


@pytest.fixture(scope="module")
def seed_scores() -> dict[str, float]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    predicted = {
        art["file"]: extract_article((ROOT / "seed" / art["file"]).read_text(encoding="utf-8")).quotes
        for art in gold["articles"]
    }
    return score(gold, predicted)


@pytest.mark.parametrize("figure", ["quotes_f1", "attributed_f1", "office_acc", "country_acc"])
def test_seed_articles_meet_the_targets(seed_scores: dict[str, float], figure: str) -> None:
    assert seed_scores[figure] >= 0.95, seed_scores


def test_seed_titles_and_chrome() -> None:
    text = (ROOT / "seed" / "000_3be481e6e8c43324.txt").read_text(encoding="utf-8")
    result = extract_article(text)
    assert result.article.title == "Every NATO member has military personnel in Ukraine – Estonia"
    assert not any("Reply" in q.text or "New NATO member backs" in q.text for q in result.quotes)


def test_a_short_quoted_sentence_goes_on_with_the_quote_before_it() -> None:
    text = "“The ferry is late again,” Mayor Ilse Marten said. “We’re hopeful.”"
    quotes = extract_article(text).quotes
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("The ferry is late again, We’re hopeful.", "Ilse Marten")
    ]


def test_a_quoted_sentence_goes_on_with_the_mixed_report_before_it() -> None:
    text = "The ferry “will sail all winter,” Mayor Ilse Marten said. “The money is there.”\n\nIt rained."
    quotes = extract_article(text).quotes
    assert [(q.kind.value, q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("mixed", "The ferry “will sail all winter,” The money is there.", "Ilse Marten")
    ]
    assert (quotes[0].start, quotes[0].end) == (0, text.index("”\n") + 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "“The ferry stays,” Mayor Ilse Marten assured Tomas Brevik, after Brevik praised the night "
            "service for its punctual crossings. “You have my word.”",
            [
                ("The ferry stays, You have my word.", "Ilse Marten"),
                ("the night service for its punctual crossings", "Tomas Brevik"),
            ],
            id="another speaker's report in the attribution",
        ),
        pytest.param(
            "“The ferry stays,” Mayor Ilse Marten said, describing the night service as “the town’s "
            "lifeline.” “You have my word.”",
            [
                ("The ferry stays, You have my word.", "Ilse Marten"),
                ("the night service as “the town’s lifeline.”", "Ilse Marten"),
            ],
            id="the speaker's own participle report in the attribution",
        ),
    ],
)
def test_a_quoted_sentence_goes_on_with_the_quotation_before_it_past_another_report(
    text: str, expected: list[tuple[str, str]]
) -> None:
    quotes = extract_article(text).quotes
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == expected


def test_a_quoted_sentence_after_an_adding_that_report_goes_on_with_the_report() -> None:
    text = (
        "“The bridge will reopen in May,” Mayor Ilse Marten said, adding that the council had found "
        "the money. “We will not wait another winter.”"
    )
    quotes = extract_article(text).quotes
    assert [(q.kind.value, q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("direct", "The bridge will reopen in May,", "Ilse Marten"),
        ("mixed", "that the council had found the money. “We will not wait another winter.”", "Ilse Marten"),
    ]


def test_a_quoted_paragraph_goes_on_with_the_mixed_report_before_it() -> None:
    text = "The new toll is “fair to everyone who drives,” Mayor Ilse Marten said.\n\n“Nobody pays twice.”"
    quotes = extract_article(text).quotes
    assert [(q.kind.value, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("mixed", "Ilse Marten")
    ]
    assert (quotes[0].start, quotes[0].end) == (0, len(text))


def test_an_office_holder_speaking_for_a_country_in_a_that_clause_holds_its_office() -> None:
    (quote,) = extract_article(
        "Defence Minister Kari Lund said that Norway does not plan to send ships."
    ).quotes
    assert quote.text.startswith("that ")
    assert quote.speaker is not None and quote.speaker.country is not None
    assert quote.speaker.country.name == "Norway"


def test_an_uncued_quotation_sentences_after_the_last_does_not_go_on_with_it() -> None:
    text = (
        "The hearing began late. “We start in May,” I said. When I sat down I saw the clerk frown, "
        "and the chair spoke up. “Explain the delay to me.”"
    )
    quotes = extract_article(text).quotes
    assert [q.text for q in quotes] == ["We start in May,", "Explain the delay to me."]


def test_a_quotation_after_a_second_predicate_of_the_speaker_is_a_statement_of_its_own() -> None:
    text = (
        "Mayor Ilse Marten spoke last. “We have work to do,” she told the crowd, then turned to the toll. "
        "“But that work is not to raise it.”"
    )
    assert [q.text for q in extract_article(text).quotes] == [
        "We have work to do,",
        "But that work is not to raise it.",
    ]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            "Mayor Ilse Marten said the pier budget was final.\n\nTom Reyes disagreed. “We will fight this.”",
            "We will fight this.",
            "Tom Reyes",
            id="uncued quotation after a sentence about someone",
        ),
        pytest.param(
            "Anna Kowal was asked about the pier deal.\n\nKowal’s answer: “Yes.”",
            "Yes.",
            "Anna Kowal",
            id="one-word sentence after a colon",
        ),
        pytest.param(
            "Anna Kowal is running for mayor. Her message was simple: “Vote.”",
            "Vote.",
            "Anna Kowal",
            id="her message: the woman last named",
        ),
    ],
)
def test_an_uncued_quotation_is_the_person_the_text_points_to(text: str, words: str, speaker: str) -> None:
    quote = extract_article(text).quotes[-1]
    assert quote.text == words
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_quotation_running_over_paragraphs_is_the_speaker_named_at_its_end() -> None:
    text = (
        "Mayor Ilse Marten said the pier budget was final.\n\n"
        "“We will fight this.\n\n“We have the votes,” Tom Reyes said."
    )
    speakers = [q.speaker.name if q.speaker else None for q in extract_article(text).quotes[1:]]
    assert speakers == ["Tom Reyes", "Tom Reyes"]


def test_a_quoted_fragment_is_the_words_of_the_name_right_before_its_verb() -> None:
    text = (
        "Anna Kowal and Tom Reyes met. Kowal said the pier was “safe,” for instance, "
        "and Reyes vowed to “shut it down.” Critics were irritated, with Reyes calling it a “sham.”"
    )
    speakers = [(q.text, q.speaker.name if q.speaker else None) for q in extract_article(text).quotes]
    assert speakers[1:] == [("to “shut it down.”", "Tom Reyes"), ("it a “sham.”", "Tom Reyes")]


def test_a_short_reply_after_a_sentence_about_someone_is_theirs() -> None:
    text = (
        "Anna Kowal and Tom Reyes met.\n\n"
        "Asked about Reyes, Kowal laughed. “He is a friend.” Reyes nodded. “We won.”"
    )
    speakers = [
        (q.text, q.speaker.name if q.speaker else None) for q in extract_article(text).quotes if q.cue is None
    ]
    assert speakers == [("He is a friend.", "Anna Kowal"), ("We won.", "Tom Reyes")]


def test_a_verb_after_a_quoted_prepositional_object_is_not_the_quotations() -> None:
    text = (
        "Fans cheered Anna Kowal. But their chants of “Kowal! Kowal!” were cut short when the lights failed."
    )
    assert [q.text for q in extract_article(text).quotes] == ["Kowal! Kowal!"]


def test_a_paraphrase_goes_on_into_quoted_words_in_the_next_sentence() -> None:
    text = (
        "Tom Reyes runs the port.\n\nThe work is harder now, Reyes said. "
        "Good plans can still win, but only when “the truth is simpler than the lie.”"
    )
    quote = extract_article(text).quotes[-1]
    assert quote.kind.value == "mixed"
    assert text[quote.start : quote.end].startswith("The work is harder now")
    assert quote.speaker is not None and quote.speaker.name == "Tom Reyes"
