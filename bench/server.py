"""Server processes for the benchmark: start, wait until ready, measure, stop.

Every server is started in its own session, so stopping it signals exactly
its process group (the uvicorn supervisor and its workers) and nothing else.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self, timeout: float = 15.0) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=timeout)
            except ProcessLookupError:
                pass


def start(
    command: list[str],
    port: int,
    log: Path,
    env: dict[str, str] | None = None,
    ready_path: str = "/healthz",
    timeout: float = 180.0,
    cwd: Path | None = None,
) -> Server:
    """Start ``command`` (which must listen on ``port``) and wait until ``ready_path`` answers 200."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
            start_new_session=True,
            cwd=cwd,
        )
    server = Server(process, port, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}{ready_path}", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"server not ready after {timeout:g} s; see {log}")


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                queue.extend(int(c) for c in (task / "children").read_text().split())
            except OSError:
                continue
    return found


def _status(pid: int) -> dict[str, str]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return fields


def _kb(value: str) -> float:
    return int(value.split()[0]) / 1024 if value else 0.0


def process_stats(pid: int) -> list[dict[str, object]]:
    """Peak and current RSS (MB) and open file descriptors of a server and its workers.

    Current RSS is split into anonymous memory (the process's own) and mapped
    files (Whoosh maps index files; those pages are the shared page cache).
    """
    stats = []
    for child in descendants(pid):
        try:
            status = _status(child)
            fds = len(os.listdir(f"/proc/{child}/fd"))
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:80]
        except OSError:
            continue
        stats.append(
            {
                "pid": child,
                "cmd": cmdline.strip(),
                "peak_rss_mb": round(_kb(status.get("VmHWM", "")), 1),
                "rss_mb": round(_kb(status.get("VmRSS", "")), 1),
                "anon_mb": round(_kb(status.get("RssAnon", "")), 1),
                "file_mb": round(_kb(status.get("RssFile", "")) + _kb(status.get("RssShmem", "")), 1),
                "fds": fds,
            }
        )
    return stats
