"""SIGKILL mid-batch: what was committed is whole, nothing is half-indexed, a re-run completes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from index.fields import ARTICLE, PERSON, QUOTE
from index.store import IndexStore
from service.ingest import COMMIT_EVERY
from tests.service.support import QUOTESEARCH, cli_env, write_articles

ARTICLES = 2000


def documents(path: Path) -> dict[str, list[dict[str, object]]]:
    """Every stored payload in the index, by document type (opening it as a restarted server would)."""
    store = IndexStore(path)
    try:
        with store.index.searcher() as searcher:
            found: dict[str, list[dict[str, object]]] = {}
            for doctype in (ARTICLE, QUOTE, PERSON):
                found[doctype] = [json.loads(f["payload"]) for f in searcher.documents(doctype=doctype)]
            ids = [f["id"] for f in searcher.all_stored_fields()]
        assert len(ids) == len(set(ids)), "duplicate documents"
        return found
    finally:
        store.index.close()


def assert_whole(docs: dict[str, list[dict[str, object]]]) -> None:
    """No article without its quotes, no quote pointing at a missing article."""
    articles = {str(a["id"]) for a in docs[ARTICLE]}
    quotes = {str(q["id"]): q for q in docs[QUOTE]}
    for article in docs[ARTICLE]:
        quote_ids = article["quote_ids"]
        assert isinstance(quote_ids, list) and len(quote_ids) == 2
        missing = [q for q in quote_ids if q not in quotes]
        assert not missing, f"article {article['id']} lacks quotes {missing}"
    for quote in quotes.values():
        appearances = quote["appearances"]
        assert isinstance(appearances, list)
        assert {str(a["article_id"]) for a in appearances} <= articles


@pytest.mark.slow
def test_sigkill_mid_batch_loses_nothing_committed_and_a_rerun_completes(
    tmp_path: Path, topics_file: Path
) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES)
    index = tmp_path / "index"
    args = [QUOTESEARCH, "ingest", str(folder), "--index-dir", str(index), "--workers", "1"]
    proc = subprocess.Popen(
        args, env=cli_env(topics_file), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("committed "):
                break
        else:
            pytest.fail("the ingest ended without committing")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    docs = documents(index)  # the index opens
    committed = len(docs[ARTICLE])
    assert committed % COMMIT_EVERY == 0 and COMMIT_EVERY <= committed < ARTICLES
    assert_whole(docs)

    rerun = subprocess.run(args, env=cli_env(topics_file), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    docs = documents(index)
    assert len(docs[ARTICLE]) == ARTICLES
    assert len(docs[QUOTE]) == 2 * ARTICLES  # each article's two quotes, each once
    assert_whole(docs)
    appearances = Counter(str(a["article_id"]) for q in docs[QUOTE] for a in q["appearances"])  # type: ignore[attr-defined]
    assert set(appearances.values()) == {2}
    assert len(docs[PERSON]) == 6
