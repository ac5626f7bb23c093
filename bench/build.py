"""Building a benchmark index from generated (pre-extracted) articles, timed."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from whoosh import index as whoosh_index

from bench.corpus import Generator
from extract.models import ExtractedArticle
from index import frequent
from index.fields import ARTICLE, PERSON, QUOTE, build_schema
from index.store import INDEX_NAME, IndexStore
from service.ingest import commit_all

STAMP = "bench-build.json"


@dataclass
class BuildResult:
    quotes: int
    articles: int
    people: int
    seconds: float
    megabytes: float
    segments: int
    procs: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def dir_megabytes(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def read_jsonl(path: Path) -> Iterator[ExtractedArticle]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield ExtractedArticle.model_validate_json(line)


def corpus_file(generator: Generator, quotes: int, folder: Path) -> tuple[Path, float | None]:
    """The generated articles holding ``quotes`` quotes, as pre-extracted JSONL, and the seconds
    generating them took (None: written by an earlier run and reused).

    Generating a synthetic corpus is not building an index: at 10^6 quotes it
    is minutes of the building process's CPU, so the bench writes it once per
    size and seed and times the build from the file, as an archive of
    extracted articles would be loaded.
    """
    path = folder / f"q{quotes}-s{generator.seed}-w{generator.words_per_article}.jsonl"
    if path.exists():
        return path, None
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for extracted in generator.articles(quotes=quotes):
            out.write(extracted.model_dump_json() + "\n")
    partial.replace(path)  # a run stopped half way leaves no corpus that looks whole
    return path, round(time.perf_counter() - started, 2)


def build_index(
    articles: Iterable[ExtractedArticle],
    path: Path,
    procs: int | None = None,
    batch: int = 2000,
    optimize: bool = True,
) -> BuildResult:
    """A fresh index at ``path`` from ``articles``: ``batch`` articles a commit, then one merge.

    Commits of ``procs`` > 1 write one segment per process, and no commit
    merges segments (``merge=False``): the final optimize merges them all, once,
    into ``procs`` segments, merged side by side (``IndexStore.optimize``).
    """
    procs = procs or os.cpu_count() or 1
    shutil.rmtree(path, ignore_errors=True)
    started = time.perf_counter()
    store = IndexStore(path, bulk=True)
    commit_all(store, articles, batch, bulk=optimize, procs=procs)
    seconds = time.perf_counter() - started
    with store.index.searcher() as searcher:
        segments = len(store.index._segments())
        result = BuildResult(
            quotes=int(searcher.doc_frequency("doctype", QUOTE)),
            articles=int(searcher.doc_frequency("doctype", ARTICLE)),
            people=int(searcher.doc_frequency("doctype", PERSON)),
            seconds=round(seconds, 2),
            megabytes=round(dir_megabytes(path), 1),
            segments=segments,
            procs=procs,
        )
    store.index.close()
    (path / STAMP).write_text(json.dumps(result.as_dict()))
    return result


def cached_build(path: Path) -> BuildResult | None:
    """The result of an earlier build at ``path``, if it finished with today's layout: an index
    without a field searches use (``pairs``) or without the frequent terms' arrays
    (``index.frequent``) would measure an older one."""
    stamp = path / STAMP
    if not (stamp.exists() and IndexStore.exists(path)):
        return None
    index = whoosh_index.open_dir(str(path), indexname=INDEX_NAME, readonly=True)
    try:
        if set(index.schema.names()) != set(build_schema().names()):
            return None
        with index.reader() as reader:
            if any(frequent.open_segment(leaf) is None for leaf, _ in reader.leaf_readers()):
                return None
    finally:
        index.close()
    return BuildResult(**json.loads(stamp.read_text()))
