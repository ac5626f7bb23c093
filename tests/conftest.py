"""Shared fixtures: a small hand-written corpus, indexed for real in a temp dir.

The corpus is built from ``ExtractedArticle`` models directly, so index, schema
and service tests do not depend on how good extraction is today.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from extract.models import (
    Article,
    Country,
    ExtractedArticle,
    Office,
    Quote,
    QuoteKind,
    Speaker,
    Stance,
    StanceResult,
)
from index.store import IndexStore
from service.app import create_app
from service.settings import Settings

TOPIC = "troops-abroad"
TOKEN = "test-token-123"

KOWALCZYK = Speaker(
    name="Anna Kowalczyk",
    office=Office(name="Prime Minister"),
    country=Country(name="Poland", code="PL"),
    aliases=("Kowalczyk",),
)
MUELLER = Speaker(
    name="Jörg Müller",
    office=Office(name="Defense Minister"),
    country=Country(name="Germany", code="DE"),
    aliases=("Müller",),
)
ZELENSKIY = Speaker(
    name="Volodymyr Zelenskiy", office=Office(name="President"), country=Country(name="Ukraine", code="UA")
)


def quote(
    text: str,
    article: str,
    speaker: Speaker | None,
    stance: Stance = Stance.NEUTRAL,
    kind: QuoteKind = QuoteKind.DIRECT,
    mentions: tuple[str, ...] = (),
) -> Quote:
    start = article.index(text)
    return Quote(
        text=text,
        start=start,
        end=start + len(text),
        kind=kind,
        speaker=speaker,
        cue="said",
        mentions=mentions,
        stance=StanceResult(stance=stance, confidence=0.8, topic=TOPIC, evidence=("evidence",)),
    )


def article(
    text: str,
    title: str,
    published: date | None,
    quotes: list[tuple[str, Speaker | None, Stance]],
    **kw: object,
) -> ExtractedArticle:
    return ExtractedArticle(
        article=Article(
            id=Article.id_for(text), text=text, title=title, published_at=published, outlet="Daily Ledger"
        ),
        quotes=[quote(t, text, s, st, **kw) for t, s, st in quotes],  # type: ignore[arg-type]
    )


FIRST = (
    "Poland rules out troops\n\n"
    '"We will not send soldiers to Freedonia," Prime Minister Anna Kowalczyk said. '
    '"Aid to Ukraine must continue and Kowalczyk is right," German Defense Minister Jörg Müller said.'
)
SECOND = (
    "Berlin weighs trainers\n\n"
    '"Sending trainers is a reasonable step," Müller said. Kowalczyk repeated: '
    '"We will not send soldiers to Freedonia." Officials said "the talks were productive and calm".'
)
THIRD_LINES = [f'"Statement {i} on the deployment of soldiers," Müller said.' for i in range(25)]
THIRD = (
    "Twenty-five statements\n\n"
    + " ".join(THIRD_LINES)
    + ' "We are grateful for every soldier," Zelenskiy said.'
)


def corpus() -> list[ExtractedArticle]:
    first = article(
        FIRST,
        "Poland rules out troops",
        date(2024, 3, 1),
        [("We will not send soldiers to Freedonia,", KOWALCZYK, Stance.OPPOSE)],
    )
    first.quotes.append(
        quote(
            "Aid to Ukraine must continue and Kowalczyk is right,",
            FIRST,
            MUELLER,
            mentions=("Anna Kowalczyk",),
        )
    )
    second = article(
        SECOND,
        "Berlin weighs trainers",
        date(2024, 4, 10),
        [
            ("Sending trainers is a reasonable step,", MUELLER, Stance.SUPPORT),
            ("We will not send soldiers to Freedonia.", KOWALCZYK, Stance.OPPOSE),
            ("the talks were productive and calm", None, Stance.NEUTRAL),
        ],
    )
    third = article(
        THIRD,
        "Twenty-five statements",
        None,
        [(f"Statement {i} on the deployment of soldiers,", MUELLER, Stance.NEUTRAL) for i in range(25)]
        + [("We are grateful for every soldier,", ZELENSKIY, Stance.SUPPORT)],
    )
    return [first, second, third]


@pytest.fixture
def store(tmp_path: Path) -> IndexStore:
    store = IndexStore(tmp_path / "index")
    store.ingest(corpus())
    return store


@pytest.fixture
def topics_file(tmp_path: Path) -> Path:
    path = tmp_path / "topics.toml"
    path.write_text(
        f'[[topic]]\nid = "{TOPIC}"\nname = "Troops abroad"\n'
        'description = "Sending soldiers."\nterms = ["troops"]\n'
    )
    return path


@pytest.fixture
def settings(store: IndexStore, topics_file: Path, tmp_path: Path) -> Settings:
    return Settings(
        index_dir=store.path, seed_dir=tmp_path / "no-seed", topics_file=topics_file, api_token=TOKEN
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client
