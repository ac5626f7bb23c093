"""What the index stores and returns: records and result pages, as pydantic models."""

from __future__ import annotations

from datetime import date
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from extract.models import Article, Country, QuoteKind, Stance, StanceResult
from extract.registry import PersonRecord

__all__ = [
    "Appearance",
    "ArticleRecord",
    "FacetCount",
    "Facets",
    "Page",
    "PersonRecord",
    "QuoteFilter",
    "QuoteHit",
    "QuoteOrder",
    "QuoteRecord",
]


class Appearance(BaseModel):
    """Where a quote stands in one article (the same quote may be reported by several)."""

    article_id: str
    start: int
    end: int
    cue: str | None = None


class QuoteRecord(BaseModel):
    """A quote as stored: one per speaker and wording, with every article it appears in."""

    id: str
    text: str
    kind: QuoteKind
    speaker_id: str | None = None
    speaker_name: str | None = None
    office: str | None = None
    country: Country | None = None
    stance: StanceResult = StanceResult()
    mention_ids: list[str] = Field(default_factory=list)
    appearances: list[Appearance] = Field(default_factory=list)
    published_at: date | None = None


class ArticleRecord(Article):
    """An article as stored, with the ids of the quotes found in it, in text order."""

    quote_ids: list[str] = Field(default_factory=list)


class QuoteOrder(BaseModel):
    """Result order: by relevance to ``query`` (the default) or by publication date."""

    by: str = "relevance"  # "relevance" | "date"
    descending: bool = True


class QuoteFilter(BaseModel):
    """Every way to narrow a quote search; all given conditions must hold."""

    query: str | None = None
    stance: Stance | None = None
    person: str | None = None
    person_ids: list[str] | None = None
    mentions: str | None = None
    country: str | None = None
    office: str | None = None
    topic: str | None = None
    kind: QuoteKind | None = None
    article_id: str | None = None
    published_after: date | None = None
    published_before: date | None = None


class QuoteHit(BaseModel):
    """A quote in a result page, with its speaker's record (read in the same call as the page)."""

    record: QuoteRecord
    speaker: PersonRecord | None = None
    score: float | None = None
    highlight: str | None = None


class FacetCount(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    """Counts over the whole result set, for dashboards."""

    stance: list[FacetCount] = Field(default_factory=list)
    person: list[FacetCount] = Field(default_factory=list)
    country: list[FacetCount] = Field(default_factory=list)
    office: list[FacetCount] = Field(default_factory=list)
    topic: list[FacetCount] = Field(default_factory=list)


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One slice of a result list and the size of the whole."""

    items: list[T]
    total: int
    offset: int
