"""The synthetic corpus: deterministic by seed, and shaped like news (no timing here)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from bench.corpus import TOPICS, Generator
from extract.models import ExtractedArticle, QuoteKind, Stance
from service.cli import main
from service.corpus import read_articles


@pytest.fixture(scope="module")
def sample() -> list[ExtractedArticle]:
    return list(Generator(seed=7).articles(60))


def test_same_seed_same_corpus(sample: list[ExtractedArticle]) -> None:
    again = list(Generator(seed=7).articles(60))
    assert [a.model_dump_json() for a in again] == [a.model_dump_json() for a in sample]


def test_other_seed_other_corpus(sample: list[ExtractedArticle]) -> None:
    other = list(Generator(seed=8).articles(5))
    assert [a.article.text for a in other] != [a.article.text for a in sample[:5]]


def test_an_article_does_not_depend_on_what_was_generated_before() -> None:
    generator = Generator(seed=3)
    tenth = generator.article(10)
    assert Generator(seed=3).article(10) == tenth
    assert list(Generator(seed=3).articles(11))[10] == tenth


def test_quote_offsets_point_at_the_quote(sample: list[ExtractedArticle]) -> None:
    for extracted in sample:
        text = extracted.article.text
        for quote in extracted.quotes:
            assert text[quote.start : quote.end] == quote.text
            assert quote.context and quote.text in quote.context


def test_articles_look_like_news(sample: list[ExtractedArticle]) -> None:
    words = [len(a.article.text.split()) for a in sample]
    assert 700 <= sum(words) / len(words) <= 1000
    quotes = [q for a in sample for q in a.quotes]
    assert 5 <= len(quotes) / len(sample) <= 11
    assert {q.kind for q in quotes} == {QuoteKind.DIRECT, QuoteKind.INDIRECT}
    assert len({q.cue for q in quotes}) >= 6
    assert {q.stance.stance for q in quotes} == set(Stance)
    assert {q.stance.topic for q in quotes} - {None} <= {t.id for t in TOPICS}
    assert sum("“" in a.article.text for a in sample) >= 0.8 * len(sample)  # most have direct quotes
    for article in sample:
        assert article.article.title and article.article.published_at and article.article.outlet
        assert article.article.id == article.article.id_for(article.article.text)


def test_speakers_hold_offices_in_real_countries(sample: list[ExtractedArticle]) -> None:
    speakers = [q.speaker for a in sample for q in a.quotes if q.speaker]
    assert len(speakers) == sum(len(a.quotes) for a in sample)
    for speaker in speakers:
        assert speaker.office and speaker.country and speaker.country.code
        assert pycountry.countries.get(alpha_2=speaker.country.code).name == speaker.country.name
        assert speaker.name.endswith(speaker.aliases[0])
    # a Zipf law over people: some speak often, most rarely
    counts = Counter(s.name for s in speakers).most_common()
    assert counts[0][1] >= 3 * counts[-1][1]


def test_common_terms_are_common_and_rare_terms_rare() -> None:
    generator = Generator(seed=0)
    words = Counter(
        w.strip(".,”“").lower() for a in generator.articles(150) for q in a.quotes for w in q.text.split()
    )
    quotes = sum(len(a.quotes) for a in generator.articles(150))
    assert sum(words[t] for t in generator.common_terms()[:5]) > quotes / 5
    assert sum(words[t] for t in generator.rare_terms()) < quotes / 20


def test_generate_writes_articles_and_extracted_records(tmp_path: Path) -> None:
    out, jsonl = tmp_path / "corpus", tmp_path / "quotes.jsonl"
    assert (
        main(
            [
                "bench",
                "generate",
                "--articles",
                "4",
                "--seed",
                "5",
                "--out",
                str(out),
                "--quotes-jsonl",
                str(jsonl),
            ]
        )
        == 0
    )
    records = [ExtractedArticle.model_validate_json(line) for line in jsonl.read_text().splitlines()]
    assert len(records) == 4
    files = list(read_articles([out]))
    assert [f.text for f in files] == [r.article.text for r in records]
    assert files[0].meta.title == records[0].article.title
    assert files[0].meta.published_at == records[0].article.published_at
    assert json.loads(jsonl.read_text().splitlines()[0])["quotes"]


def test_generate_by_quote_count(tmp_path: Path) -> None:
    jsonl = tmp_path / "q.jsonl"
    assert main(["bench", "generate", "--quotes", "50", "--quotes-jsonl", str(jsonl)]) == 0
    records = [ExtractedArticle.model_validate_json(line) for line in jsonl.read_text().splitlines()]
    assert sum(len(r.quotes) for r in records) >= 50
    assert sum(len(r.quotes) for r in records[:-1]) < 50
