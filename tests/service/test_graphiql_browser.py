"""A real browser opens GraphiQL, runs the example query and sees quotes.

Uses Debian's chromium through Playwright (no browser download). CI installs
chromium; on a machine without it the test is skipped, except under CI.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from service.app import create_app
from service.settings import Settings

ROOT = Path(__file__).parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason="chromium is not installed (CI installs it)",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = Settings(
        index_dir=tmp_path_factory.mktemp("browser") / "index",
        seed_dir=ROOT / "seed",
        topics_file=ROOT / "seed" / "topics.toml",
    )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_graphiql_runs_the_example_query_and_shows_quotes(server_url: str) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{server_url}/graphql", wait_until="networkidle")
            page.wait_for_selector(".graphiql-execute-button", timeout=20_000)
            page.click(".graphiql-execute-button")
            result = page.locator(".result-window")
            result.get_by_text('"totalCount"').wait_for(timeout=20_000)
            page.screenshot(path=str(ARTIFACTS / "graphiql.png"))
            text = result.inner_text()
        finally:
            browser.close()
    assert '"speaker"' in text
    assert "Stoltenberg" in text or "troops" in text
