"""``quotesearch bench run``: one benchmark run on one machine, printed as a table and saved as JSON.

Per index size (quotes): build the index from the generated corpus, read
from a pre-extracted JSONL file written once per size and seed (or reuse
an earlier build of the same size and seed), measure the engine floor and our
reader in-process, then start the real server (``quotesearch serve``, one
worker per core) and send the query mix over HTTP from a separate load
process at each concurrency, first with the result cache off (every request
searches), then on. Finally the HTTP floor: a bare Starlette endpoint
returning a body the size of the cheapest query's response, same server.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import engine, extraction_speed, mix, server
from bench.build import BuildResult, build_index, cached_build, corpus_file, read_jsonl
from bench.corpus import Generator

CACHE_ENV = "QUOTESEARCH_RESULT_CACHE"
RESPONSE_CACHE_ENV = "QUOTESEARCH_RESPONSE_CACHE_MB"


def machine() -> dict[str, Any]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        mem = int(Path("/proc/meminfo").read_text().split()[1]) // 1024
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_mb": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def load(port: int, bodies: list[tuple[str, str]], concurrency: int, duration: float) -> dict[str, Any]:
    spec = {"port": port, "bodies": bodies, "concurrency": concurrency, "duration": duration}
    done = subprocess.run(
        [sys.executable, "-m", "bench.load"],
        input=json.dumps(spec).encode(),
        capture_output=True,
        timeout=duration + 120,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _post(port: int, body: bytes) -> bytes:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        data: bytes = response.read()
        return data


WARM_ROUNDS = 6
WARM_RATIO = 1.25


def settled(p99s: list[float]) -> bool:
    """Whether warm-up rounds' p99 has stopped falling: the round before the last was within
    ``WARM_RATIO`` of the last. A drop (4,286 ms, then 722) is a server still warming."""
    return len(p99s) > 1 and p99s[-2] <= WARM_RATIO * p99s[-1]


def warm_up(port: int, bodies: list[tuple[str, str]], seconds: float) -> list[float]:
    """Load the server at c=8 in rounds of ``seconds`` until their p99 has ``settled``
    (at most ``WARM_ROUNDS``); returns each round's p99.

    Each worker opens its searchers and fills its per-generation filter sets
    on first use; at 10^6 quotes a first facet or stance query takes seconds,
    so a fixed 5 s left one worker cold and put its warm-up into whichever
    run came next (c=1 p99 2.8 s in one run, c=8 at c=1's req/s in another).
    """
    p99s: list[float] = []
    for _ in range(WARM_ROUNDS):
        p99s.append(load(port, bodies, 8, seconds)["all"]["p99_ms"])
        if settled(p99s):
            break
    return p99s


def serve_and_load(
    index_dir: Path,
    bodies: list[tuple[str, str]],
    cheapest: list[tuple[str, str]],
    concurrencies: list[int],
    duration: float,
    workers: int,
    cache: bool,
    logs: Path,
) -> dict[str, Any]:
    port = server.free_port()
    command = [sys.executable, "-m", "service.cli", "serve", "--index-dir", str(index_dir)]
    command += ["--port", str(port), "--workers", str(workers)]
    env = {
        CACHE_ENV: "1" if cache else "0",
        RESPONSE_CACHE_ENV: "64" if cache else "0",
        "QUOTESEARCH_INDEX_DIR": str(index_dir),
    }
    started = time.perf_counter()
    srv = server.start(
        command, port, logs / f"serve-{index_dir.name}-{'cache' if cache else 'nocache'}.log", env
    )
    out: dict[str, Any] = {"startup_s": round(time.perf_counter() - started, 2), "cache": cache}
    try:
        sizes = sorted(len(_post(port, body.encode())) for _, body in cheapest)
        out["response_bytes"] = sizes[len(sizes) // 2]  # the median response of the cheapest kind
        out["warm_up_p99_ms"] = warm_up(port, bodies, min(5.0, duration))
        out["mix"] = {str(c): load(port, bodies, c, duration) for c in concurrencies}
        out["cheapest"] = load(port, cheapest, 8, min(duration, 5.0))
        out["processes"] = server.process_stats(srv.pid)
    finally:
        srv.stop()
    return out


def http_floor(
    size: int, concurrencies: list[int], duration: float, workers: int, logs: Path
) -> dict[str, Any]:
    port = server.free_port()
    command = [sys.executable, "-m", "bench.floor_app", str(port), str(workers), str(size)]
    srv = server.start(command, port, logs / "floor.log")
    try:
        body = [("floor", "{}")]
        load(port, body, 8, 2.0)
        return {str(c): load(port, body, c, min(duration, 5.0)) for c in concurrencies}
    finally:
        srv.stop()


def run(
    sizes: list[int],
    out: Path,
    seed: int = 0,
    duration: float = 8.0,
    concurrencies: list[int] | None = None,
    workers: int | None = None,
    work_dir: Path = Path("bench-results"),
    extraction: bool = True,
    rebuild: bool = False,
    procs: int | None = None,
) -> dict[str, Any]:
    concurrencies = concurrencies or [1, 8, 32]
    workers = workers or os.cpu_count() or 1
    logs = work_dir / "logs"
    generator = Generator(seed=seed)
    requests = mix.requests(generator, seed)
    bodies = [(r.kind, r.body().decode()) for pool in requests.values() for r in pool]
    cheapest = [(r.kind, r.body().decode()) for r in requests[mix.CHEAPEST]]
    results: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["quotesearch", *sys.argv[1:]]) if sys.argv else "",
        "machine": machine(),
        "settings": {"seed": seed, "duration_s": duration, "concurrency": concurrencies, "workers": workers},
        "mix": {kind: mix.DOCUMENTS[kind] for kind in mix.KINDS},
        "sizes": {},
    }
    if extraction:
        print("extraction speed ...", file=sys.stderr, flush=True)
        results["extraction"] = extraction_speed.measure(seed=seed)
    for size in sizes:
        index_dir = work_dir / "indexes" / f"q{size}-s{seed}"
        build: BuildResult | None = None if rebuild else cached_build(index_dir)
        reused = build is not None
        if build is None:
            corpus, generated = corpus_file(generator, size, work_dir / "corpus")
            if generated is not None:
                print(f"{size}: corpus generated in {generated:.0f} s", file=sys.stderr, flush=True)
            print(f"building {size} quotes ...", file=sys.stderr, flush=True)
            big = size >= 500_000  # fewer, larger commits: fewer segments to merge
            build = build_index(
                read_jsonl(corpus),
                index_dir,
                procs=procs,
                batch=10_000 if big else 2000,
            )
        entry: dict[str, Any] = {"build": {**build.as_dict(), "reused": reused}, "load_average": []}
        print(f"{size}: in-process engine floor and reader ...", file=sys.stderr, flush=True)
        # at 10^6 a common-term facet search takes seconds: fewer variants and one repetition
        big = size >= 500_000
        sample = {kind: pool[:6] for kind, pool in requests.items()} if big else requests
        entry["in_process"] = engine.measure(index_dir, sample, reps=1 if big else 3)
        for cache in (False, True):
            entry["load_average"].append(round(os.getloadavg()[0], 2))  # other work on the machine
            print(f"{size}: HTTP, cache {'on' if cache else 'off'} ...", file=sys.stderr, flush=True)
            key = "http_cache" if cache else "http"
            entry[key] = serve_and_load(
                index_dir, bodies, cheapest, concurrencies, duration, workers, cache, logs
            )
        print(f"{size}: HTTP floor ...", file=sys.stderr, flush=True)
        entry["http_floor"] = http_floor(
            entry["http"]["response_bytes"], concurrencies, duration, workers, logs
        )
        results["sizes"][str(size)] = entry
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=1))
    print(render(results))
    return results


# -- the table --------------------------------------------------------------------------


def _f(value: Any, digits: int = 1) -> str:
    if isinstance(value, int | float):
        return f"{value:.{digits}f}"
    return "-"


def _over(run_: dict[str, Any], concurrency: str, kind: str, engine_p50: float) -> float | None:
    """A kind's HTTP p50 at ``concurrency`` as a multiple of the engine floor's p50."""
    p50 = run_["mix"][concurrency]["kinds"].get(kind, {}).get("p50_ms")
    return p50 / engine_p50 if p50 and engine_p50 else None


def _warm_note(run_: dict[str, Any]) -> str:
    rounds = run_.get("warm_up_p99_ms")  # not in results written before the warm-up rounds
    return f"; warm-up rounds (c=8) p99 {', '.join(_f(p, 0) for p in rounds)} ms" if rounds else ""


def render(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        f"quotesearch bench, {results['date']}: {m['cores']} cores, {m['cpu']}, {m['memory_mb']} MB, "
        f"Python {m['python']}",
        f"command: {results['command']}",
    ]
    ex = results.get("extraction")
    if ex:
        one, every = ex["one_core"], ex["all_cores"]
        lines.append(
            f"extraction ({ex['articles']} articles, ~{ex['mean_words']} words): one core "
            f"{one['articles_per_s']} articles/s ({one['words_per_s']} words/s); "
            f"{every['cores']} cores {every['articles_per_s']} articles/s ({every['words_per_s']} words/s)"
        )
    for size, entry in results["sizes"].items():
        b = entry["build"]
        lines += [
            "",
            f"== {int(size):,} quotes: {b['quotes']:,} quotes, {b['articles']:,} articles, "
            f"{b['people']:,} people; "
            f"build {b['seconds']:.0f} s from the corpus file "
            f"(procs={b['procs']}{', reused' if b.get('reused') else ''}), "
            f"{b['megabytes']:.0f} MB, {b['segments']} segment(s); 1-min load average before the HTTP runs "
            f"{entry.get('load_average')}",
        ]
        engine_ms, reader_ms = entry["in_process"]["engine"], entry["in_process"]["reader"]
        http, cached = entry["http"], entry["http_cache"]
        cs = list(http["mix"])
        head = f"{'kind':<10}{'engine p50':>11}{'reader p50':>11}"
        for c in cs:
            head += f"{'c' + c + ' p50/p99':>17}"
        head += f"{'c1/engine':>10}{'cached c8':>16}{'cached c1/engine':>17}"
        lines += ["per kind, ms (caches off unless 'cached': results and whole answers reused):", head]
        for kind in mix.KINDS:
            engine_p50 = engine_ms[kind]["p50_ms"]
            row = f"{kind:<10}{_f(engine_p50, 2):>11}{_f(reader_ms[kind]['p50_ms'], 2):>11}"
            for c in cs:
                k = http["mix"][c]["kinds"].get(kind, {})
                row += f"{_f(k.get('p50_ms')):>9}/{_f(k.get('p99_ms')):<7}"
            ck = cached["mix"].get("8", cached["mix"][cs[-1]])["kinds"].get(kind, {})
            row += f"{_f(_over(http, cs[0], kind, engine_p50), 2):>9}x"
            row += f"{_f(ck.get('p50_ms')):>9}/{_f(ck.get('p99_ms')):<7}"
            row += f"{_f(_over(cached, cs[0], kind, engine_p50), 2):>16}x"
            lines.append(row)
        lines.append(
            "whole mix:  conc   p50    p95    p99   req/s  errors | cached: p50   p99   req/s  errors"
        )
        for c in cs:
            a, z = http["mix"][c]["all"], cached["mix"][c]["all"]
            lines.append(
                f"            {c:>4} {_f(a['p50_ms']):>6} {_f(a['p95_ms']):>6} {_f(a['p99_ms']):>6} "
                f"{_f(a['rps']):>7} {a['errors']:>6} | {_f(z['p50_ms']):>11} {_f(z['p99_ms']):>5} "
                f"{_f(z['rps']):>6} {z['errors']:>6}"
            )
        floor = entry["http_floor"]
        f8 = floor.get("8", floor[cs[-1]])["all"]
        shares = []
        for name, run_ in (("cache off", http), ("cache on", cached)):
            cheap = run_["cheapest"]["all"]
            share = cheap["rps"] / f8["rps"]
            shares.append(f"{name} {_f(cheap['rps'])} req/s, p50 {_f(cheap['p50_ms'])} ms = {share:.0%}")
        lines.append(
            f"cheapest ({mix.CHEAPEST}) alone, c8, share of the HTTP floor: {'; '.join(shares)} "
            f"(floor {_f(f8['rps'])} req/s, p50 {_f(f8['p50_ms'], 2)} ms, {http['response_bytes']} B bodies; "
            "by conc: " + ", ".join(f"c{c} {_f(floor[c]['all']['rps'], 0)}/s" for c in floor) + ")"
        )
        for name, run_ in (("cache off", http), ("cache on", cached)):
            procs = run_["processes"]
            workers = [p for p in procs if p["pid"] != procs[0]["pid"]] or procs
            lines.append(
                f"server ({name}): peak RSS per worker {max(p['peak_rss_mb'] for p in workers):.0f} MB "
                f"(now {max(p['rss_mb'] for p in workers):.0f}: anon {max(p['anon_mb'] for p in workers):.0f}"
                f" + index files {max(p['file_mb'] for p in workers):.0f}), all processes "
                f"{sum(p['peak_rss_mb'] for p in procs):.0f} MB; open fds per worker "
                f"{max(p['fds'] for p in workers)}; startup {run_['startup_s']} s" + _warm_note(run_)
            )
    return "\n".join(lines)
