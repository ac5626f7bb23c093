"""Concurrent writers: every ingest succeeds, searches keep answering, a foreign lock is waited for."""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from index.store import INDEX_NAME
from service.settings import Settings
from tests.conftest import TOKEN
from tests.graphql_client import data
from tests.service.support import article_text, counts, index_state

INGEST = """mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
    article { id } quotes { text } userErrors { code message } } }"""
ARTICLE_COUNT = "{ articles { totalCount } }"

# Holds Whoosh's write lock on the index until a line arrives on stdin.
LOCK_HOLDER = f"""
import sys
from whoosh import index
ix = index.open_dir(sys.argv[1], indexname={INDEX_NAME!r})
writer = ix.writer()
print("locked", flush=True)
sys.stdin.readline()
writer.cancel()
print("released", flush=True)
"""


def ingest(client: TestClient, text: str) -> dict[str, Any]:
    response = client.post(
        "/graphql",
        json={"query": INGEST, "variables": {"input": {"text": text}}},
        headers={"authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_concurrent_ingests_all_succeed_and_all_are_committed(client: TestClient, settings: Settings) -> None:
    before_docs, before_generation = index_state(settings.index_dir)
    before = counts(settings.index_dir)
    texts = [article_text(1000 + i) for i in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda t: ingest(client, t), texts))
    for body in results:
        assert "errors" not in body, body  # no LockError, no INTERNAL, no TIMEOUT
        assert body["data"]["ingestArticle"]["userErrors"] == []
        assert len(body["data"]["ingestArticle"]["quotes"]) == 2
    assert len({b["data"]["ingestArticle"]["article"]["id"] for b in results}) == 8
    after = counts(settings.index_dir)
    assert after["article"] == before["article"] + 8
    assert after["quote"] == before["quote"] + 16
    _, generation = index_state(settings.index_dir)
    assert generation == before_generation + 8  # one commit each, none lost or merged away
    assert data(client, ARTICLE_COUNT)["articles"]["totalCount"] == before["article"] + 8
    for i in range(8):
        found = data(client, "query($q: String) { quotes(query: $q) { totalCount } }", q=f'"item {1000 + i}"')
        assert found["quotes"]["totalCount"] == 1
    assert before_docs < index_state(settings.index_dir)[0]


def test_ingest_waits_for_a_foreign_writer_while_searches_answer_from_the_last_commit(
    client: TestClient, settings: Settings
) -> None:
    before = data(client, ARTICLE_COUNT)["articles"]["totalCount"]
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(settings.index_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "locked"
        with ThreadPoolExecutor(max_workers=1) as pool:
            started = time.monotonic()
            pending = pool.submit(ingest, client, article_text(2000))
            time.sleep(0.5)
            assert not pending.done(), pending.result()  # waiting for the lock, not failed
            for _ in range(5):  # searches meanwhile answer at once, from the last commit
                t = time.monotonic()
                assert data(client, ARTICLE_COUNT)["articles"]["totalCount"] == before
                assert time.monotonic() - t < 1.0
            time.sleep(1.0)
            holder.stdin.write("\n")
            holder.stdin.flush()
            assert holder.stdout.readline().strip() == "released"
            body = pending.result(timeout=10)
            waited = time.monotonic() - started
        assert "errors" not in body, body
        assert body["data"]["ingestArticle"]["userErrors"] == []
        assert waited >= 1.5
        assert data(client, ARTICLE_COUNT)["articles"]["totalCount"] == before + 1
    finally:
        holder.kill()
        holder.wait()


def test_a_second_store_in_another_thread_does_not_break_ingest(settings: Settings, tmp_path: Path) -> None:
    """Two IndexStores on one folder (e.g. the CLI beside the server) serialise on Whoosh's file lock."""
    from extract import extract_article
    from extract.models import ArticleMeta
    from index.store import IndexStore

    stores = [IndexStore(settings.index_dir), IndexStore(settings.index_dir)]
    before = counts(settings.index_dir)["article"]
    batches = [
        [extract_article(article_text(3000 + 10 * s + i), ArticleMeta(), []) for i in range(10)]
        for s in range(2)
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda pair: pair[0].ingest(pair[1]), zip(stores, batches, strict=True)))
    assert counts(settings.index_dir)["article"] == before + 20
