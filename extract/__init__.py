"""Extraction: article cleanup, quotes, speakers, offices, countries and stance.

Knows nothing of the index or the API above it; its output is ``extract.models``.
"""

from extract.models import Article, ArticleMeta, ExtractedArticle, Quote, Speaker, Stance
from extract.pipeline import extract_article
from extract.topics import Topic, load_topics

__all__ = [
    "Article",
    "ArticleMeta",
    "ExtractedArticle",
    "Quote",
    "Speaker",
    "Stance",
    "Topic",
    "extract_article",
    "load_topics",
]
