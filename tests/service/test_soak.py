"""Soak: the real server (2 workers) under concurrency 32 with mixed queries and interleaved ingests.

No 500s (a 503 TIMEOUT only when rare: this is no speed test), no lost ingest, memory and open
files flat after warm-up. Loopback only; the server's process group is killed at the end.
``QUOTESEARCH_SOAK_SECONDS`` lengthens the run.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx2
import pytest

from index.store import IndexStore
from service.ingest import ingest_paths
from tests.conftest import TOKEN
from tests.service.support import QUOTESEARCH, WORDS, article_text, cli_env, free_port, write_articles

SECONDS = float(os.environ.get("QUOTESEARCH_SOAK_SECONDS", "20"))
CONCURRENCY = 32
WARM_UP = 0.3  # the first 30% of the run
FD_SLACK = 32  # descriptors a few more index segments may hold at once, across both workers
SEED_ARTICLES = 150
INGEST_EVERY = 25  # one request in 25 is an ingest

QUERIES = [
    ("query Q($q: String) { quotes(query: $q, first: 10) { totalCount edges { node { text } } } }",
     lambda: {"q": random.choice(WORDS)}),
    ("query P($n: String) { people(name: $n) { edges { node { name quotes(first: 3) { totalCount } } } } }",
     lambda: {"n": random.choice(["Kowalczyk", "Muller", "Lopez", "nobody"])}),
    ('query A($q: String) { articles(query: $q, first: 5) { edges { node { title } } } }',
     lambda: {"q": random.choice(WORDS)}),
    ("query F($q: String) { quotes(query: $q, last: 5) { pageInfo { hasPreviousPage startCursor } } }",
     lambda: {"q": f'"plan number {random.randrange(SEED_ARTICLES)}"'}),
    ("query Bad($q: String) { quotes(query: $q) { totalCount } }", lambda: {"q": '(unbalanced "x'}),
]  # fmt: skip
INGEST = """mutation In($input: IngestArticleInput!) { ingestArticle(input: $input) {
    article { id } userErrors { code } } }"""


def descendants(pid: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = [pid], [pid]
    while frontier:
        frontier = [p for p, parent in parents.items() if parent in frontier]
        tree.extend(frontier)
    return tree


def usage(pid: int) -> tuple[float, int]:
    """Resident MB and open file descriptors of the server and all its children."""
    rss_kb, fds = 0, 0
    for p in descendants(pid):
        try:
            status = Path(f"/proc/{p}/status").read_text()
            rss_kb += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            fds += len(os.listdir(f"/proc/{p}/fd"))
        except (OSError, StopIteration):
            continue
    return rss_kb / 1024, fds


async def findable(client: httpx2.AsyncClient, i: int) -> int:
    """How many quotes of ingested article ``i`` a search finds, asked again while the server
    sheds load (an error) on a starved machine: this checks that nothing was lost, not speed."""
    for _ in range(10):
        response = await client.post(
            "/graphql",
            json={"query": "query C($q: String) { quotes(query: $q) { totalCount } }",
                  "variables": {"q": f'"item {i}"'}},
        )  # fmt: skip
        data = response.json().get("data")
        if data:
            return int(data["quotes"]["totalCount"])
        await asyncio.sleep(0.5)
    raise AssertionError(f"article {i}: {response.status_code} {response.text[:200]}")


async def soak(base: str, pid: int) -> dict[str, Any]:
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    shed: list[str] = []  # error codes of 503 answers: load shed on a starved machine
    ingested: list[int] = []
    samples: list[tuple[float, float, int]] = []
    started = time.monotonic()
    deadline = started + SECONDS
    next_article = iter(range(10_000, 100_000))
    limits = httpx2.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)

    async with httpx2.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def worker(w: int) -> None:
            n = w
            while time.monotonic() < deadline:
                n += 1
                try:
                    if n % INGEST_EVERY == 0:
                        i = next(next_article)
                        response = await client.post(
                            "/graphql",
                            json={"query": INGEST, "variables": {"input": {"text": article_text(i)}}},
                            headers={"authorization": f"Bearer {TOKEN}"},
                        )
                        body = response.json()
                        if response.status_code == 200 and not body.get("errors"):
                            ingested.append(i)
                        elif response.status_code != 503:
                            failures.append(f"ingest {i}: {response.status_code} {response.text[:200]}")
                    elif n % 7 == 0:
                        response = await client.get("/graphql", params={"query": "{ topics { id } }"})
                    else:
                        document, variables = random.choice(QUERIES)
                        response = await client.post(
                            "/graphql", json={"query": document, "variables": variables()}
                        )
                    statuses[response.status_code] += 1
                    if response.status_code == 503:
                        shed.append(response.json()["errors"][0]["extensions"]["code"])
                except httpx2.HTTPError as e:
                    failures.append(f"transport: {e!r}")

        async def sampler() -> None:
            while time.monotonic() < deadline:
                rss, fds = usage(pid)
                samples.append((time.monotonic() - started, rss, fds))
                await asyncio.sleep(1.0)

        await asyncio.gather(sampler(), *(worker(w) for w in range(CONCURRENCY)))

        found = [await findable(client, i) for i in ingested]
        total = (await client.post("/graphql", json={"query": "{ articles { totalCount } }"})).json()
    return {
        "statuses": statuses,
        "shed": shed,
        "failures": failures,
        "ingested": ingested,
        "found": found,
        "articles": total["data"]["articles"]["totalCount"],
        "samples": samples,
    }


@pytest.mark.slow
def test_soak(tmp_path: Path, topics_file: Path) -> None:
    from extract.topics import load_topics

    index = tmp_path / "index"
    store = IndexStore(index)
    ingest_paths(
        store, [write_articles(tmp_path / "seed", SEED_ARTICLES)[0].parent], load_topics(topics_file), 1
    )
    store.index.close()
    port = free_port()
    env = cli_env(topics_file, QUOTESEARCH_API_TOKEN=TOKEN, QUOTESEARCH_SEED_DIR=str(tmp_path / "seed"))
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [QUOTESEARCH, "serve", "--workers", "2", "--host", "127.0.0.1", "--port", str(port),
         "--index-dir", str(index)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx2.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx2.HTTPError:
                pass
            assert server.poll() is None, (tmp_path / "server.log").read_text()[-2000:]
            time.sleep(0.25)
        else:
            pytest.fail("server did not become ready")
        result = asyncio.run(soak(base, server.pid))
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()

    statuses: Counter[int] = result["statuses"]
    assert sum(statuses.values()) > 1000, statuses
    assert not [s for s in statuses if s >= 500 and s != 503], statuses
    # a request past its time budget is answered 503 TIMEOUT, as designed: allowed when rare (the
    # machine is shared and this is no speed test), never another code and never a 500
    assert set(result["shed"]) <= {"TIMEOUT"}, result["shed"]
    assert statuses[503] <= sum(statuses.values()) // 100, statuses
    assert result["failures"] == []
    assert len(result["ingested"]) > 20
    assert all(n == 1 for n in result["found"]), "an acknowledged ingest is not findable"
    assert result["articles"] == SEED_ARTICLES + len(result["ingested"])
    samples = result["samples"]
    warm = [s for s in samples if s[0] >= SECONDS * WARM_UP]
    assert len(warm) >= 5
    base_rss = warm[0][1]
    peak_rss = max(s[1] for s in warm)
    assert peak_rss <= base_rss * 1.2, f"RSS grew from {base_rss:.0f} to {peak_rss:.0f} MB"
    # descriptors come and go with segments and searchers (a pooled searcher on a few more segments holds
    # a couple of dozen more for a moment); a leak, one per request or per ingest, shows as hundreds
    third = len(warm) // 3
    early, late = max(s[2] for s in warm[:third]), max(s[2] for s in warm[-third:])
    assert late <= max(early * 1.2, early + FD_SLACK), f"open fds grew: {[s[2] for s in warm]}"
    print(f"soak: {dict(statuses)} ingested={len(result['ingested'])} rss={base_rss:.0f}->{peak_rss:.0f} MB")
