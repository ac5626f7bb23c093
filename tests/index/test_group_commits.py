"""IndexStore's group commits under a backlog (a throughput fix from the performance work)."""

from __future__ import annotations

import threading
from pathlib import Path

from bench.corpus import Generator
from index.store import IndexStore


def test_concurrent_ingests_share_commits_and_all_land(tmp_path: Path) -> None:
    store = IndexStore(tmp_path / "index", group_after=0.0)  # group whatever waits
    articles = [Generator(seed=5).article(i) for i in range(12)]
    results: dict[int, list[str]] = {}

    def ingest(i: int) -> None:
        results[i] = [r.id for r in store.ingest([articles[i]])]

    threads = [threading.Thread(target=ingest, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {i: [articles[i].article.id] for i in range(12)}
    assert store.count("article") == 12
    assert 1 <= store.generation() <= 12


def test_without_a_backlog_each_ingest_is_one_commit(tmp_path: Path) -> None:
    store = IndexStore(tmp_path / "index")
    before = store.generation()
    for i in range(3):
        store.ingest([Generator(seed=6).article(i)])
    assert store.generation() == before + 3
