"""The contract between layers: what extraction produces and the index stores.

Every layer above (index, schema, service) speaks in these models, so a field
added here is the one place a new piece of information enters the product.
Offsets are always character offsets into the raw article text as given.
"""

from __future__ import annotations

import hashlib
from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_ARTICLE_CHARS = 2_000_000
"""The longest article text the product accepts (API and CLI alike): extraction time stays bounded."""


class Stance(StrEnum):
    """A quote's position on a topic."""

    SUPPORT = "support"
    OPPOSE = "oppose"
    NEUTRAL = "neutral"


class QuoteKind(StrEnum):
    """How the words were reported: verbatim, paraphrased, or both in one span."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Country(_Frozen):
    """A country by its canonical short name and ISO 3166-1 alpha-2 code."""

    name: str
    code: str | None = None


class Office(_Frozen):
    """A normalised office title ("Defense Minister", "Prime Minister")."""

    name: str


class Speaker(_Frozen):
    """Who said a quote, as resolved inside one article.

    ``name`` is the canonical full name (or the organisation's name);
    ``aliases`` are the other mentions that resolved to it in the article.
    """

    name: str
    kind: Literal["person", "organization"] = "person"
    office: Office | None = None
    country: Country | None = None
    organization: str | None = None
    aliases: tuple[str, ...] = ()


class StanceResult(_Frozen):
    """A stance on one topic, how sure the classifier is, and the words that decided it."""

    stance: Stance = Stance.NEUTRAL
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    topic: str | None = None
    evidence: tuple[str, ...] = ()


class Quote(_Frozen):
    """One quotation in one article.

    ``context`` is the surrounding text the quote may point back to (the
    sentence holding the reporting cue and the one before it); stance
    classification reads it to resolve "such a move" or "that possibility".
    ``mentions`` are the people named inside the quoted words.
    """

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: str | None = None
    context: str = ""
    mentions: tuple[str, ...] = ()
    stance: StanceResult = StanceResult()


class ArticleMeta(BaseModel):
    """What a caller knows about an article beyond its text; never invented."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_at: date | None = None
    source: str | None = None  # the file name an article was read from, if any


class Article(BaseModel):
    """An article after cleanup: its raw text and where its body lies in it."""

    id: str
    text: str
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_at: date | None = None
    source: str | None = None

    @staticmethod
    def id_for(text: str) -> str:
        """A stable id from the text alone, so ingesting the same text twice is a no-op."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class ExtractedArticle(BaseModel):
    """Everything extraction found in one article."""

    article: Article
    quotes: list[Quote]


def score_record(article: str, quote: Quote) -> dict[str, object]:
    """One line of ``quotesearch extract`` output, in the format the shared scorers read."""
    speaker = quote.speaker
    return {
        "article": article,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind.value,
        "speaker": speaker.name if speaker else None,
        "office": speaker.office.name if speaker and speaker.office else None,
        "country": speaker.country.name if speaker and speaker.country else None,
        "stance": quote.stance.stance.value,
        "stance_confidence": quote.stance.confidence,
        "topic": quote.stance.topic,
        "evidence": list(quote.stance.evidence),
    }
