"""Before and after over HTTP: the whole mix against an older revision's server and this tree's, in turns.

``python -m bench.ab INDEX_DIR REV [ROUNDS] [CONCURRENCY] [--before-index DIR]``
unpacks revision REV (``git archive``) into a temporary folder, then ROUNDS
times serves INDEX_DIR from that tree and from this one, one server at a time
(one worker per core, result cache off), warms each for 5 s and loads it with
the benchmark's mix for 8 s at CONCURRENCY (default 8), and prints every run
and the medians. On a shared machine a single pair says little; turns spread a
neighbour's load over both sides. When the index layout changed between the
two, ``--before-index`` gives REV the index its own code built (from the same
corpus), so each side serves the index it would have.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

from bench import mix, server
from bench.corpus import Generator
from bench.run import CACHE_ENV, RESPONSE_CACHE_ENV, load

HERE = Path(__file__).resolve().parent.parent


def unpack(rev: str, into: Path) -> Path:
    """The tree of git revision ``rev`` of this repository, written under ``into``."""
    archive = subprocess.run(["git", "archive", rev], cwd=HERE, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def serve_and_load(
    tree: Path,
    index_dir: Path,
    bodies: list[tuple[str, str]],
    concurrency: int,
    logs: Path,
    warm: float = 5.0,
    duration: float = 8.0,
) -> dict[str, Any]:
    """Serve ``index_dir`` with the code in ``tree`` and load it with ``bodies``; the whole-mix summary."""
    port = server.free_port()
    command = [sys.executable, "-m", "service.cli", "serve", "--index-dir", str(index_dir)]
    command += ["--port", str(port), "--workers", str(os.cpu_count() or 1)]
    env = {
        CACHE_ENV: "0",
        RESPONSE_CACHE_ENV: "0",
        "QUOTESEARCH_INDEX_DIR": str(index_dir),
        "PYTHONPATH": str(tree),
    }
    # run in the tree: ``python -m`` puts the working directory first on the import path
    srv = server.start(command, port, logs / f"ab-{tree.name}.log", env, cwd=tree)
    try:
        load(port, bodies, concurrency, warm)
        result: dict[str, Any] = load(port, bodies, concurrency, duration)["all"]
        result["load_average"] = round(os.getloadavg()[0], 2)
        return result
    finally:
        srv.stop()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ab")
    parser.add_argument("index_dir", type=Path)
    parser.add_argument("rev")
    parser.add_argument("rounds", type=int, nargs="?", default=3)
    parser.add_argument("concurrency", type=int, nargs="?", default=8)
    parser.add_argument("--before-index", type=Path, help="the index REV serves (default: INDEX_DIR)")
    args = parser.parse_args()
    rev, concurrency = args.rev, args.concurrency
    indexes = {rev: (args.before_index or args.index_dir).resolve(), "now": args.index_dir.resolve()}
    bodies = [(r.kind, r.body().decode()) for pool in mix.requests(Generator(0), 0).values() for r in pool]
    runs: dict[str, list[dict[str, Any]]] = {rev: [], "now": []}
    with tempfile.TemporaryDirectory() as scratch:
        trees = {rev: unpack(rev, Path(scratch) / "before"), "now": HERE}
        for _ in range(args.rounds):
            for name, tree in trees.items():
                logs = HERE / "bench-results" / "logs"
                run = serve_and_load(tree, indexes[name], bodies, concurrency, logs)
                runs[name].append(run)
                print(
                    f"{name:>10} c{concurrency}: p50 {run['p50_ms']:.1f} ms, p99 {run['p99_ms']:.1f} ms, "
                    f"{run['rps']:.1f} req/s, {run['errors']} errors, load {run['load_average']}",
                    flush=True,
                )
    for name, results in runs.items():
        print(
            f"{name:>10} medians: p50 {statistics.median(r['p50_ms'] for r in results):.1f} ms, "
            f"p99 {statistics.median(r['p99_ms'] for r in results):.1f} ms, "
            f"{statistics.median(r['rps'] for r in results):.1f} req/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
