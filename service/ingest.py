"""Wiring extraction to the index: from article text (or files) to committed records.

Extraction is CPU-bound and pure, so a batch of files is extracted by a
process pool using every core; the single writer then commits each chunk of
articles in one transaction, so a crash loses at most the chunk in flight and
never leaves an article half-indexed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from extract import extract_article
from extract.models import ArticleMeta, ExtractedArticle
from extract.topics import Topic
from index.models import ArticleRecord
from index.store import IndexStore
from service.corpus import ArticleFile, read_articles

COMMIT_EVERY = 200


def _extract_file(topics: Sequence[Topic], article: ArticleFile) -> ExtractedArticle:
    return extract_article(article.text, article.meta, topics)


def extract_files(
    files: Iterable[ArticleFile], topics: Sequence[Topic], workers: int | None = None
) -> Iterator[ExtractedArticle]:
    """Extract articles in order, on ``workers`` processes (all cores by default)."""
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        yield from (_extract_file(topics, f) for f in files)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(partial(_extract_file, topics), files, chunksize=8)


def _chunks(items: Iterable[ExtractedArticle], size: int) -> Iterator[list[ExtractedArticle]]:
    chunk: list[ExtractedArticle] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest_paths(
    store: IndexStore,
    paths: list[Path],
    topics: Sequence[Topic],
    workers: int | None = None,
    commit_every: int = COMMIT_EVERY,
    on_commit: Callable[[int], None] | None = None,
) -> int:
    """Extract and index every article under ``paths``; returns how many articles were read."""
    done = 0
    for chunk in _chunks(extract_files(read_articles(paths), topics, workers), commit_every):
        store.ingest(chunk)
        done += len(chunk)
        if on_commit:
            on_commit(done)
    return done


def text_ingester(store: IndexStore, topics: Sequence[Topic]) -> Callable[[str, ArticleMeta], ArticleRecord]:
    """The ingest hook the API uses: one article's text in, its stored record out."""

    def ingest(text: str, meta: ArticleMeta) -> ArticleRecord:
        return store.ingest([extract_article(text, meta, topics)])[0]

    return ingest
