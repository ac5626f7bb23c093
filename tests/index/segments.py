"""Indexes of several segments, and what a search can see in an index, comparable across merges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.build import build_index
from bench.corpus import Generator
from index.store import IndexStore

GENERATOR = Generator(seed=3)


def contents(store: IndexStore) -> dict[str, Any]:
    """Everything a search can see, keyed by document id rather than (merge-dependent) document number."""
    with store.index.reader() as reader:
        ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
        return {
            "postings": sorted((f, t, ids[d], w, v) for f, t, d, w, v in reader.iter_postings()),
            "stored": sorted((fields["id"], fields["payload"]) for _, fields in reader.iter_docs()),
            "lengths": sorted(
                (ids[d], f, reader.doc_field_length(d, f)) for d in ids for f in ("text", "body", "speaker")
            ),
            "sorting": sorted((ids[d], reader.column_reader("speaker_id")[d]) for d in ids),
        }


def segmented_index(path: Path, *, optimize: bool) -> IndexStore:
    """Several segments, and deleted documents in them: quotes reported again are replaced, not added."""
    articles = list(GENERATOR.articles(quotes=600))
    build_index(articles, path, procs=1, batch=10, optimize=False)
    store = IndexStore(path)
    first = articles[0]
    store.ingest([first.model_copy(update={"article": first.article.model_copy(update={"id": "again"})})])
    if optimize:
        store.index.optimize()
    return store
