"""The HTTP floor: a bare Starlette endpoint returning a fixed JSON body, served like the API.

Run as ``python -m bench.floor_app PORT WORKERS BYTES``; same uvicorn (uvloop,
httptools) and worker count as ``quotesearch serve``, so the difference to
the API is GraphQL plus the search itself.
"""

from __future__ import annotations

import json
import os
import sys

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BYTES_ENV = "BENCH_FLOOR_BYTES"


def body(size: int) -> bytes:
    """A JSON document of exactly ``size`` bytes (at least 30)."""
    shell = json.dumps({"data": {"padding": ""}}).encode()
    return json.dumps({"data": {"padding": "x" * max(0, size - len(shell))}}).encode()


def create_app() -> Starlette:
    payload = body(int(os.environ.get(BYTES_ENV, "2000")))

    async def graphql(request: Request) -> Response:
        await request.body()
        return Response(payload, media_type="application/json")

    async def healthz(request: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type="application/json")

    return Starlette(routes=[Route("/graphql", graphql, methods=["GET", "POST"]), Route("/healthz", healthz)])


def main() -> int:
    import uvicorn

    port, workers, size = (int(a) for a in sys.argv[1:4])
    os.environ[BYTES_ENV] = str(size)
    uvicorn.run("bench.floor_app:create_app", factory=True, host="127.0.0.1", port=port, workers=workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
