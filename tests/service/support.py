"""Helpers for the reliability tests: index state, generated articles, the CLI as a subprocess."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.fields import ARTICLE, PERSON, QUOTE
from index.store import IndexStore

VENV_BIN = Path(sys.executable).parent
QUOTESEARCH = str(VENV_BIN / "quotesearch")
SPEAKERS = ["Anna Kowalczyk", "Jörg Müller", "Maria Lopez", "Tomas Novak", "Ingrid Berg", "Paulo Costa"]
WORDS = [
    "harbour",
    "bridge",
    "budget",
    "school",
    "river",
    "tariff",
    "pension",
    "vaccine",
    "railway",
    "forest",
    "tunnel",
    "drought",
]


@dataclass
class Measured:
    code: int
    stdout: str
    stderr: str
    peak_rss_mb: float
    seconds: float


def index_state(path: Path) -> tuple[int, int]:
    """(document count, generation) of the index as a fresh opener sees it."""
    store = IndexStore(path)
    try:
        return store.doc_count(), store.generation()
    finally:
        store.index.close()


def counts(path: Path) -> dict[str, int]:
    store = IndexStore(path)
    try:
        return {doctype: store.count(doctype) for doctype in (ARTICLE, QUOTE, PERSON)}
    finally:
        store.index.close()


def article_text(i: int) -> str:
    """A small article, distinct for each ``i``, with two attributed quotes."""
    speaker = SPEAKERS[i % len(SPEAKERS)]
    other = SPEAKERS[(i + 1) % len(SPEAKERS)]
    word = WORDS[i % len(WORDS)]
    return (
        f"Council story number {i}\n\n"
        f'"The {word} plan number {i} will go ahead next year," {speaker} said on Monday. '
        f'"We still have doubts about item {i} of the {word} plan," {other} told reporters.'
    )


def write_articles(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"article-{i:05d}.txt"
        path.write_text(article_text(i), encoding="utf-8")
        paths.append(path)
    return paths


def cli_env(topics_file: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTESEARCH_")}
    env.update(QUOTESEARCH_TOPICS_FILE=str(topics_file), PYTHONUNBUFFERED="1", **extra)
    return env


def run_measured(args: list[str], env: dict[str, str], timeout: float) -> Measured:
    """Run a command to its end (killed after ``timeout`` s) and measure its peak RSS and time."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.monotonic()
        proc = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err, text=True)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(
            code=proc.returncode,
            stdout=out.read(),
            stderr=err.read(),
            peak_rss_mb=usage.ru_maxrss / 1024,
            seconds=time.monotonic() - started,
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def post_json(url: str, payload: dict[str, Any], token: str | None = None, timeout: float = 30) -> Any:
    import urllib.request

    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, json.dumps(payload).encode(), headers)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())
