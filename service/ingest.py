"""Wiring extraction to the index: from article text (or files) to committed records.

Extraction is CPU-bound and pure, so a batch of files is extracted by a
process pool using every core; the single writer then commits each chunk of
articles in one transaction, so a crash loses at most the chunk in flight and
never leaves an article half-indexed.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from extract import extract_article
from extract.models import MAX_ARTICLE_CHARS, ArticleMeta, ExtractedArticle
from extract.topics import Topic
from index.models import ArticleRecord
from index.store import IndexStore
from schema.errors import ApiError, ErrorCode
from service.corpus import ArticleFile, read_articles

COMMIT_EVERY = 200
BULK_COMMIT_EVERY = 2000  # articles a bulk load commits at a time, as the benchmark does up to 10^5 quotes
BULK_PROCS_FROM = 200  # a smaller commit is indexed in the committing process: starting others costs more
IN_FLIGHT = 16  # articles read ahead per extraction process
EXTRACT_TIMEOUT = 4.0  # seconds one API-ingested article may take to extract (under the request budget)

logger = logging.getLogger("quotesearch.ingest")


def _extract_file(topics: Sequence[Topic], article: ArticleFile) -> ExtractedArticle:
    return extract_article(article.text, article.meta, topics)


def extract_files(
    files: Iterable[ArticleFile], topics: Sequence[Topic], workers: int | None = None
) -> Iterator[ExtractedArticle]:
    """Extract articles in order, on ``workers`` processes (all cores by default).

    At most ``IN_FLIGHT`` articles a worker are read ahead: ``Executor.map``
    would read every file of an archive (and keep its text) before the first
    result comes back.
    """
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        yield from (_extract_file(topics, f) for f in files)
        return
    extract = partial(_extract_file, topics)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[ExtractedArticle]] = deque()
        for article in files:
            pending.append(pool.submit(extract, article))
            if len(pending) >= IN_FLIGHT * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def chunks(items: Iterable[ExtractedArticle], size: int) -> Iterator[list[ExtractedArticle]]:
    """Consecutive lists of ``size`` articles (the last may be shorter): one commit each."""
    chunk: list[ExtractedArticle] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _within_limit(files: Iterable[ArticleFile], skipped: list[str]) -> Iterator[ArticleFile]:
    """Skip (with a warning) blank files, and files too large to extract in bounded time."""
    for article in files:
        problem = None
        if not article.text.strip():
            problem = f"{article.path}: no text"
        elif len(article.text) > MAX_ARTICLE_CHARS:
            problem = f"{article.path}: {len(article.text):,} characters (at most {MAX_ARTICLE_CHARS:,})"
        if problem:
            logger.warning("skipped %s", problem)
            skipped.append(problem)
            continue
        yield article


def commit_all(
    store: IndexStore,
    articles: Iterable[ExtractedArticle],
    commit_every: int = COMMIT_EVERY,
    bulk: bool = False,
    procs: int | None = None,
    on_commit: Callable[[int], None] | None = None,
) -> int:
    """Commit ``articles`` ``commit_every`` at a time; returns how many.

    ``bulk``: a bulk load, as the benchmark builds its indexes. Each commit
    is indexed by ``procs`` processes (all cores by default) into segments
    left unmerged, and one merge of the whole index into ``procs`` segments
    ends the load (``IndexStore.optimize``). Without it, each commit merges
    the small segments it leaves, which keeps an index that is also being
    searched in few segments.
    """
    procs = procs or os.cpu_count() or 1
    done = 0
    for chunk in chunks(articles, commit_every):
        store.ingest(chunk, procs=procs if bulk and len(chunk) >= BULK_PROCS_FROM else 1, merge=not bulk)
        done += len(chunk)
        if on_commit:
            on_commit(done)
    if bulk and done:
        store.optimize(procs)
    return done


def ingest_paths(
    store: IndexStore,
    paths: list[Path],
    topics: Sequence[Topic],
    workers: int | None = None,
    commit_every: int | None = None,
    on_commit: Callable[[int], None] | None = None,
    skipped: list[str] | None = None,
    bulk: bool = False,
) -> int:
    """Extract and index every article under ``paths``; returns how many were indexed.

    Files that are not articles (binary, not UTF-8, blank, too large) are
    skipped and named in ``skipped``; the rest are indexed, ``commit_every``
    a commit (by default ``BULK_COMMIT_EVERY`` for a bulk load, else ``COMMIT_EVERY``),
    as a bulk load if ``bulk`` (``commit_all``).
    """
    skipped = [] if skipped is None else skipped
    readable = _within_limit(read_articles(paths, skipped), skipped)
    articles = extract_files(readable, topics, workers)
    size = commit_every or (BULK_COMMIT_EVERY if bulk else COMMIT_EVERY)
    return commit_all(store, articles, size, bulk, workers, on_commit)


class ExtractionTooSlow(ValueError):
    """An article whose extraction ran past its time limit (and was stopped)."""


class BoundedExtractor:
    """Extraction in a child process that is killed when one article runs past ``timeout`` seconds.

    Extraction is pure Python and cannot be interrupted inside a thread, and some
    texts (many reporting verbs in one very long sentence, deeply nested quotes)
    take time quadratic in their length. One article at a time goes to the
    child, so killing it never takes another request's work with it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _kill(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            for process in list(pool._processes.values()):
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)

    def __call__(
        self, text: str, meta: ArticleMeta, topics: Sequence[Topic], timeout: float
    ) -> ExtractedArticle:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("forkserver"))
            future = self._pool.submit(extract_article, text, meta, list(topics))
            try:
                return future.result(timeout=timeout)
            except FutureTimeout:
                self._kill()
                raise ExtractionTooSlow(
                    f"extracting quotes from this text took over {timeout:g} s and was stopped; "
                    "very long sentences or deeply nested quotes are the usual cause"
                ) from None
            except BrokenProcessPool:
                self._kill()
                raise


_EXTRACTOR = BoundedExtractor()  # one child per server process, shared by every app in it


def text_ingester(
    store: IndexStore, topics: Sequence[Topic], timeout: float = EXTRACT_TIMEOUT
) -> Callable[[str, ArticleMeta], ArticleRecord]:
    """The ingest hook the API uses: one article's text in, its stored record out.

    Extraction runs under a time limit; an article that exceeds it is refused
    (``BAD_USER_INPUT``) and the index is not touched.
    """

    def ingest(text: str, meta: ArticleMeta) -> ArticleRecord:
        try:
            extracted = _EXTRACTOR(text, meta, topics, timeout)
        except ExtractionTooSlow as e:
            raise ApiError(ErrorCode.BAD_USER_INPUT, str(e)) from None
        return store.ingest([extracted])[0]

    return ingest
