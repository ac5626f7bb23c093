"""Extraction entry point: raw article text in, article and attributed quotes out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract import stance
from extract.models import Article, ArticleMeta, ExtractedArticle, Quote, QuoteKind
from extract.topics import Topic

_DIRECT = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")


def extract_article(
    text: str, meta: ArticleMeta | None = None, topics: Sequence[Topic] = ()
) -> ExtractedArticle:
    """Find the quotes of one article (first cut: quotation marks only, no speakers)."""
    meta = meta or ArticleMeta()
    article = Article(id=Article.id_for(text), text=text, **meta.model_dump())
    quotes = []
    for m in _DIRECT.finditer(text):
        q = Quote(text=m.group(1), start=m.start(1), end=m.end(1), kind=QuoteKind.DIRECT)
        quotes.append(q.model_copy(update={"stance": stance.classify(q, topics)}))
    return ExtractedArticle(article=article, quotes=quotes)
