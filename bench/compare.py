"""Before and after: the query mix through an older ``index/search.py`` and the current one, in-process.

``python -m bench.compare INDEX_DIR [REV] [VARIANTS]`` loads ``index/search.py``
as it was at git revision REV (default 035ca2e, the reader before the
performance work) next to the current one, runs the same requests through
both and through raw Whoosh (the engine floor), one thread, cache off, and
prints p50 per kind. Both readers share today's ``index.store`` (and its
Whoosh patches), so the difference is the search code alone.
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from bench import mix
from bench.corpus import Generator
from bench.engine import RawWhoosh, reader_call
from index.search import IndexReader
from index.store import IndexStore

BEFORE = "035ca2e"


def load_revision(rev: str) -> ModuleType:
    source = subprocess.run(
        ["git", "show", f"{rev}:index/search.py"], capture_output=True, check=True, text=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / f"search_{rev}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(f"search_{rev}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _uncached(reader_class: Any, store: IndexStore) -> Any:
    """A reader of any revision with its result cache off (readers before 035ca2e had none)."""
    try:
        return reader_class(store, time_budget=60, cache_size=0)
    except TypeError:
        return reader_class(store, time_budget=60)


def compare(
    index_dir: Path, rev: str = BEFORE, variants: int = 8, reps: int = 2
) -> dict[str, dict[str, float]]:
    store = IndexStore(index_dir)
    readers: dict[str, Callable[[mix.Request], Any]] = {}
    raw = RawWhoosh(store)
    old = _uncached(load_revision(rev).IndexReader, store)
    new = IndexReader(store, time_budget=60, cache_size=0)
    readers = {
        "engine": raw.run,
        "before": lambda r: reader_call(old, r),
        "after": lambda r: reader_call(new, r),
    }
    out: dict[str, dict[str, float]] = {}
    for kind, pool in mix.requests(Generator(0), 0).items():
        pool = pool[:variants]
        times: dict[str, list[float]] = {name: [] for name in readers}
        for request in pool:  # warm-up
            for run in readers.values():
                run(request)
        for _ in range(reps):
            for request in pool:
                for name, run in readers.items():
                    started = time.perf_counter()
                    run(request)
                    times[name].append((time.perf_counter() - started) * 1000)
        out[kind] = {name: round(statistics.median(values), 2) for name, values in times.items()}
    return out


def main() -> int:
    index_dir = Path(sys.argv[1])
    rev = sys.argv[2] if len(sys.argv) > 2 else BEFORE
    variants = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    result = compare(index_dir, rev, variants)
    print(f"{'kind':10}{'engine':>9}{'before':>9}{'after':>9}   p50 ms, in-process, one thread, cache off")
    for kind, row in result.items():
        print(f"{kind:10}{row['engine']:9.2f}{row['before']:9.2f}{row['after']:9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
