"""Opening the served index, building it from ``seed/`` when it is missing or stale.

"Stale" means the seed articles, the topics file, the extractor's code or the
index schema have changed since the index was built from them. An index that has received
other articles (through the API or ``quotesearch ingest``) is never rebuilt
automatically: that would lose them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path

import extract
import index.analysis
import index.fields
from extract.topics import load_topics
from index.fields import ARTICLE
from index.store import IndexStore
from service.corpus import article_paths
from service.ingest import ingest_paths
from service.settings import Settings

logger = logging.getLogger("quotesearch.bootstrap")
SEED_STAMP = "seed-build.json"


def seed_fingerprint(settings: Settings) -> str:
    """A hash of everything a seed build depends on: articles, topics, extractor code and schema."""
    digest = hashlib.sha256()
    extractor = Path(extract.__file__).parent
    inputs = [
        *article_paths([settings.seed_dir]),
        *sorted(p for p in extractor.rglob("*") if p.is_file() and "__pycache__" not in p.parts),
        Path(index.fields.__file__),
        Path(index.analysis.__file__),  # the schema's text analyzer
    ]
    if settings.topics_file.exists():
        inputs.append(settings.topics_file)
    for path in inputs:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _stamp(index_dir: Path) -> dict[str, object]:
    stamp = index_dir / SEED_STAMP
    return dict(json.loads(stamp.read_text())) if stamp.exists() else {}


def build_from_seed(settings: Settings) -> IndexStore:
    """Build a fresh index from the seed folder next to the old one, then swap it in."""
    target = settings.index_dir
    staging = target.with_name(target.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    store = IndexStore(staging)
    count = ingest_paths(store, [settings.seed_dir], load_topics(settings.topics_file))
    (staging / SEED_STAMP).write_text(
        json.dumps({"fingerprint": seed_fingerprint(settings), "articles": count})
    )
    store.index.close()
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    logger.info("built index %s from %s (%d articles)", target, settings.seed_dir, count)
    return IndexStore(target)


def open_index(settings: Settings) -> IndexStore:
    """The index to serve: the existing one, or one (re)built from the seed articles."""
    index_dir = settings.index_dir
    if not IndexStore.exists(index_dir):
        return build_from_seed(settings)
    store = IndexStore(index_dir)
    stamp = _stamp(index_dir)
    if stamp and stamp.get("fingerprint") != seed_fingerprint(settings):
        articles = store.count(ARTICLE)
        if articles == stamp.get("articles"):
            store.index.close()
            logger.info("seed or extractor changed since %s was built; rebuilding", index_dir)
            return build_from_seed(settings)
        logger.warning("seed changed, but %s holds other articles too; not rebuilding", index_dir)
    return store
