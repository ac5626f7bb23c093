"""The benchmark's helpers on tiny sizes: build, query mix, in-process floors, load client, servers.

Nothing here asserts a speed: targets live in ``quotesearch bench run``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from bench import engine, load, mix, server
from bench.build import STAMP, cached_build, corpus_file, read_jsonl
from bench.corpus import Generator
from bench.floor_app import body
from bench.run import WARM_ROUNDS, render, run, settled
from index import frequent
from index.fields import build_schema
from index.store import INDEX_NAME
from schema.pagination import decode_cursor


def test_build_counts_what_it_indexed(tiny_index: Path) -> None:
    built = cached_build(tiny_index)
    assert built is not None
    assert built.quotes >= 290 and built.articles >= 30 and built.people > 10
    assert built.megabytes > 0 and built.segments >= 1


def test_the_corpus_is_generated_once_and_read_back_whole(tmp_path: Path) -> None:
    generator = Generator(seed=5)
    (tmp_path / "q60-s5-w800.partial").write_text("{half a line")  # an interrupted earlier run
    path, seconds = corpus_file(generator, 60, tmp_path)
    assert seconds is not None and not path.with_suffix(".partial").exists()
    assert list(read_jsonl(path)) == list(Generator(seed=5).articles(quotes=60))
    assert corpus_file(generator, 60, tmp_path) == (path, None)  # reused, not generated again
    assert corpus_file(Generator(seed=6), 60, tmp_path)[0] != path


def test_a_build_with_another_schema_is_not_reused(tmp_path: Path) -> None:
    schema = build_schema()
    schema.remove("pairs")
    path = tmp_path / "older"
    path.mkdir()
    whoosh_index.create_in(str(path), schema, indexname=INDEX_NAME).close()
    (path / STAMP).write_text(
        json.dumps(
            {
                "quotes": 1,
                "articles": 1,
                "people": 1,
                "seconds": 1.0,
                "megabytes": 1.0,
                "segments": 1,
                "procs": 1,
            }
        )
    )
    assert cached_build(path) is None


def test_a_build_without_the_frequent_terms_arrays_is_not_reused(
    tiny_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frequent, "EXTENSION", ".absent")  # as an index built before them reads
    assert cached_build(tiny_index) is None


def test_mix_is_deterministic_and_covers_every_kind() -> None:
    one, two = mix.requests(Generator(seed=0), seed=1), mix.requests(Generator(seed=0), seed=1)
    assert list(one) == list(mix.KINDS)
    assert [r.body() for pool in one.values() for r in pool] == [
        r.body() for pool in two.values() for r in pool
    ]
    page5 = one["page5"][0]
    assert decode_cursor(page5.variables["after"]) == 39
    for pool in one.values():
        assert len(pool) == mix.VARIANTS
        assert json.loads(pool[0].body())["query"].startswith("query(")


def test_engine_floor_and_reader_answer_every_kind(tiny_index: Path) -> None:
    requests = {k: v[:2] for k, v in mix.requests(Generator(seed=0)).items()}
    measured = engine.measure(tiny_index, requests, reps=1)
    for side in ("engine", "reader"):
        assert set(measured[side]) == set(mix.KINDS)
        assert all(m["requests"] == 2 for m in measured[side].values())


def test_percentiles() -> None:
    values = [i / 1000 for i in range(1, 101)]
    assert load.percentile(values, 50) == 0.05
    assert load.percentile(values, 99) == 0.099
    assert load.summary(values, 2.0)["rps"] == 50.0


def test_floor_body_has_the_asked_size() -> None:
    assert len(body(2500)) == 2500
    assert json.loads(body(100))["data"]


def test_load_client_against_the_floor_server(tmp_path: Path) -> None:
    port = server.free_port()
    srv = server.start(
        [sys.executable, "-m", "bench.floor_app", str(port), "1", "300"], port, tmp_path / "floor.log"
    )
    try:
        stats = server.process_stats(srv.pid)
        assert stats[0]["pid"] == srv.pid and stats[0]["fds"] > 0
        job = load.Job(port=port, path="/graphql", bodies=[("floor", b"{}")], concurrency=2, duration=0.3)
        import asyncio

        result = asyncio.run(load.run(job))
    finally:
        srv.stop()
    assert srv.process.poll() is not None
    assert result["all"]["requests"] > 0 and result["all"]["errors"] == 0


@pytest.mark.slow
def test_a_whole_tiny_run(tmp_path: Path) -> None:
    results = run(
        sizes=[300],
        out=tmp_path / "latest.json",
        duration=0.3,
        concurrencies=[1, 2],
        workers=1,
        work_dir=tmp_path,
        extraction=False,
        procs=1,
    )
    saved = json.loads((tmp_path / "latest.json").read_text())
    assert saved["sizes"]["300"]["http"]["mix"]["1"]["all"]["errors"] == 0
    assert saved["sizes"]["300"]["http_cache"]["cheapest"]["all"]["errors"] == 0
    assert 1 <= len(saved["sizes"]["300"]["http"]["warm_up_p99_ms"]) <= WARM_ROUNDS
    assert "300 quotes" in render(results) and "cache on" in render(results)
    assert "warm-up rounds" in render(results)


def test_the_warm_up_goes_on_while_its_p99_keeps_falling() -> None:
    assert not settled([4286.0])
    assert not settled([4286.0, 722.0])  # a server still warming
    assert settled([722.0, 700.0])
    assert settled([100.0, 120.0])  # no better: as warm as it gets
