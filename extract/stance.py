"""Stance of a quote on the configured topics (placeholder until the stance issue lands)."""

from __future__ import annotations

from collections.abc import Sequence

from extract.models import Quote, StanceResult
from extract.topics import Topic


def classify(quote: Quote, topics: Sequence[Topic]) -> StanceResult:
    """Return the quote's stance on the topic it is most relevant to."""
    topic = topics[0].id if topics else None
    return StanceResult(topic=topic)
