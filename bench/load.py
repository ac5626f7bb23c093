"""The load generator: a bounded asyncio HTTP/1.1 client, run as its own process.

Why not wrk: GraphQL reports errors with status 200, so counting errors means
reading every body, and the mix needs per-kind latencies from one run; a
small keep-alive client on raw asyncio streams (uvloop) does both and adds no
system package. It is bounded twice (a duration and a request cap) and
speaks only to 127.0.0.1.

Run as ``python -m bench.load`` with a JSON job on stdin; prints a JSON summary.
"""

from __future__ import annotations

import asyncio
import json
import math
import random
import sys
import time
from dataclasses import dataclass, field
from typing import Any

HOST = "127.0.0.1"


@dataclass
class Job:
    port: int
    path: str
    bodies: list[tuple[str, bytes]]  # (kind, request body)
    concurrency: int
    duration: float
    max_requests: int = 200_000
    seed: int = 0
    method: str = "POST"


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    error_samples: list[str] = field(default_factory=list)
    sent: int = 0


def _request(job: Job, body: bytes) -> bytes:
    head = (
        f"{job.method} {job.path} HTTP/1.1\r\nHost: {HOST}:{job.port}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {
        k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)
    }
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    chunks: list[bytes] = []
    while True:  # chunked
        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
        data = await reader.readexactly(size + 2)
        if size == 0:
            return status, b"".join(chunks)
        chunks.append(data[:-2])


async def _client(
    job: Job, requests: list[tuple[str, bytes]], deadline: float, tally: Tally, rng: random.Random
) -> None:
    reader, writer = await asyncio.open_connection(HOST, job.port)
    try:
        while time.perf_counter() < deadline and tally.sent < job.max_requests:
            kind, raw = requests[rng.randrange(len(requests))]
            tally.sent += 1
            started = time.perf_counter()
            writer.write(raw)
            try:
                status, body = await _read_response(reader)
            except (asyncio.IncompleteReadError, ConnectionError) as e:
                tally.errors[kind] = tally.errors.get(kind, 0) + 1
                tally.error_samples.append(f"{kind}: {e!r}")
                writer.close()
                reader, writer = await asyncio.open_connection(HOST, job.port)
                continue
            elapsed = time.perf_counter() - started
            if status != 200 or body.startswith(b'{"errors"') or b'"errors":' in body[:200]:
                tally.errors[kind] = tally.errors.get(kind, 0) + 1
                if len(tally.error_samples) < 5:
                    tally.error_samples.append(f"{kind}: {status} {body[:300]!r}")
            tally.latencies.setdefault(kind, []).append(elapsed)
    finally:
        writer.close()


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))  # nearest rank
    return ordered[index]


def summary(values: list[float], seconds: float, errors: int = 0) -> dict[str, Any]:
    return {
        "requests": len(values),
        "errors": errors,
        "rps": round(len(values) / seconds, 1) if seconds else 0.0,
        "p50_ms": round(percentile(values, 50) * 1000, 2),
        "p95_ms": round(percentile(values, 95) * 1000, 2),
        "p99_ms": round(percentile(values, 99) * 1000, 2),
        "mean_ms": round(sum(values) / len(values) * 1000, 2) if values else float("nan"),
    }


async def run(job: Job) -> dict[str, Any]:
    requests = [(kind, _request(job, body)) for kind, body in job.bodies]
    tally = Tally()
    started = time.perf_counter()
    deadline = started + job.duration
    rng = random.Random(job.seed)
    clients = [
        _client(job, requests, deadline, tally, random.Random(rng.random())) for _ in range(job.concurrency)
    ]
    await asyncio.gather(*clients)
    seconds = time.perf_counter() - started
    every = [v for values in tally.latencies.values() for v in values]
    return {
        "concurrency": job.concurrency,
        "seconds": round(seconds, 2),
        "all": summary(every, seconds, sum(tally.errors.values())),
        "kinds": {
            kind: summary(values, seconds, tally.errors.get(kind, 0))
            for kind, values in tally.latencies.items()
        },
        "error_samples": tally.error_samples[:5],
    }


def main() -> int:
    spec = json.load(sys.stdin)
    job = Job(
        port=spec["port"],
        path=spec.get("path", "/graphql"),
        bodies=[(kind, body.encode()) for kind, body in spec["bodies"]],
        concurrency=spec["concurrency"],
        duration=spec["duration"],
        max_requests=spec.get("max_requests", 200_000),
        seed=spec.get("seed", 0),
        method=spec.get("method", "POST"),
    )
    try:
        import uvloop

        result = uvloop.run(run(job))
    except ImportError:  # pragma: no cover - uvloop ships with uvicorn[standard]
        result = asyncio.run(run(job))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
