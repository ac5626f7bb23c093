"""Extraction throughput on generated 800-word articles: one core, then every core."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from bench.corpus import Generator
from extract import extract_article, load_topics
from extract.models import ArticleMeta
from service.corpus import ArticleFile
from service.ingest import extract_files


def measure(
    articles: int = 200, seed: int = 0, topics_file: Path = Path("seed/topics.toml"), budget: float = 30.0
) -> dict[str, Any]:
    """Articles/s and words/s of ``extract_article``, sequentially and through the process pool.

    Each pass stops after ``budget`` seconds even if not every article was done.
    """
    topics = load_topics(topics_file)
    generator = Generator(seed=seed)
    texts = [a.article.text for a in generator.articles(articles)]
    words = [len(t.split()) for t in texts]
    out: dict[str, Any] = {"articles": len(texts), "mean_words": round(sum(words) / len(words))}

    extract_article(texts[0], ArticleMeta(), topics)  # warm-up: lazy models and caches
    started = time.perf_counter()
    done = 0
    for text in texts:
        extract_article(text, ArticleMeta(), topics)
        done += 1
        if time.perf_counter() - started > budget:
            break
    seconds = time.perf_counter() - started
    out["one_core"] = _rates(done, sum(words[:done]), seconds)

    cores = os.cpu_count() or 1
    files = [ArticleFile(path=Path(f"{i:07d}.txt"), text=t, meta=ArticleMeta()) for i, t in enumerate(texts)]
    started = time.perf_counter()
    done = sum(1 for _ in extract_files(files, topics, workers=cores))
    seconds = time.perf_counter() - started
    out["all_cores"] = {**_rates(done, sum(words[:done]), seconds), "cores": cores}
    return out


def _rates(articles: int, words: int, seconds: float) -> dict[str, float]:
    return {
        "done": articles,
        "seconds": round(seconds, 2),
        "articles_per_s": round(articles / seconds, 1) if seconds else 0.0,
        "words_per_s": round(words / seconds) if seconds else 0.0,
    }
