"""Hostile articles, through the API and the CLI: indexed correctly or refused by name, in bounded time.

A refusal leaves the index exactly as it was (document count and commit generation).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from service.ingest import EXTRACT_TIMEOUT
from service.settings import Settings
from tests.conftest import TOKEN
from tests.graphql_client import error_codes
from tests.service.support import QUOTESEARCH, cli_env, counts, index_state, run_measured

INGEST = """mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
    article { id } quotes { text } userErrors { field message code } } }"""
MARGIN = 3.0  # seconds of slack on top of a budget, for a slow CI machine

# Many reporting verbs and nested quote marks in one sentence: extraction takes time quadratic in its length.
NESTED = ("\"He said 'she said " * 400) + "x" + ("' she said\" he said" * 400)
ONE_MB_SENTENCE = ("word " * 200_000) + '"Hello there," said Bob.'


def post(client: TestClient, text: str) -> tuple[int, dict[str, Any], float]:
    started = time.monotonic()
    response = client.post(
        "/graphql",
        json={"query": INGEST, "variables": {"input": {"text": text}}},
        headers={"authorization": f"Bearer {TOKEN}"},
    )
    return response.status_code, response.json(), time.monotonic() - started


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "EMPTY_TEXT"), (" \n\t \u2003\n", "EMPTY_TEXT"), ("abc\x00\x01\x02 said", "BINARY")],
    ids=["empty", "whitespace", "nul-bytes"],
)
def test_blank_or_binary_text_is_refused_by_name(
    client: TestClient, settings: Settings, text: str, code: str
) -> None:
    before = index_state(settings.index_dir)
    status, body, _ = post(client, text)
    assert status == 200
    errors = body["data"]["ingestArticle"]["userErrors"]
    assert [e["code"] for e in errors] == [code]
    assert errors[0]["field"] == "text"
    assert index_state(settings.index_dir) == before


def test_a_20_mb_article_is_refused_and_the_index_untouched(client: TestClient, settings: Settings) -> None:
    before = index_state(settings.index_dir)
    status, body, seconds = post(client, "word " * 4_000_000)
    assert status == 413
    assert error_codes(body) == ["PAYLOAD_TOO_LARGE"]
    assert "limit" in body["errors"][0]["message"]
    assert seconds < 10
    assert index_state(settings.index_dir) == before


def test_an_article_over_the_character_limit_is_refused_by_name(
    client: TestClient, settings: Settings
) -> None:
    before = index_state(settings.index_dir)
    status, body, _ = post(client, "a" * 2_000_001)  # under the 4 MB body limit
    if status == 413:  # the body limit caught it first: also a refusal naming the problem
        assert error_codes(body) == ["PAYLOAD_TOO_LARGE"]
    else:
        errors = body["data"]["ingestArticle"]["userErrors"]
        assert [e["code"] for e in errors] == ["TOO_LARGE"]
        assert "characters" in errors[0]["message"]
    assert index_state(settings.index_dir) == before


def test_100k_quotation_marks_are_indexed_in_bounded_time(client: TestClient, settings: Settings) -> None:
    status, body, seconds = post(client, "Headline\n\n" + '"' * 100_000)
    assert status == 200, body
    assert seconds < EXTRACT_TIMEOUT + MARGIN
    result = body["data"]["ingestArticle"]
    assert result["userErrors"] == [] and result["quotes"] == []


@pytest.mark.parametrize("text", [NESTED, ONE_MB_SENTENCE], ids=["nested-quotes", "1mb-sentence"])
def test_pathologically_slow_extraction_is_stopped_and_refused(
    client: TestClient, settings: Settings, text: str
) -> None:
    """Unguarded, these take 10 s+ of CPU in a server thread (and commit after the client gave up)."""
    before = index_state(settings.index_dir)
    status, body, seconds = post(client, text)
    assert seconds < EXTRACT_TIMEOUT + MARGIN
    assert status == 200, body
    if body.get("errors"):
        assert error_codes(body) == ["BAD_USER_INPUT"]
        assert "took over" in body["errors"][0]["message"]
        time.sleep(1.0)  # nothing still running may commit it later
        assert index_state(settings.index_dir) == before
    else:  # a faster extractor may index it: then it must really be there
        assert body["data"]["ingestArticle"]["article"]["id"]
        assert index_state(settings.index_dir)[1] == before[1] + 1
    # and the next article is extracted and indexed as usual
    status, body, seconds = post(client, 'Ferry news\n\n"The ferry runs again," the mayor said on Monday.')
    assert status == 200 and body["data"]["ingestArticle"]["userErrors"] == []
    assert body["data"]["ingestArticle"]["quotes"] == [{"text": "The ferry runs again,"}]
    assert seconds < 5


def test_cli_indexes_or_skips_hostile_files_in_bounded_time_and_memory(
    tmp_path: Path, topics_file: Path
) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "whitespace.txt").write_text("  \n\t\n   ")
    (folder / "quotes.txt").write_text("Headline\n\n" + '"' * 100_000)
    (folder / "sentence.txt").write_text(ONE_MB_SENTENCE)
    (folder / "huge.txt").write_text("word " * 4_000_000)  # 20 MB
    (folder / "fine.txt").write_text('Ferry news\n\n"The ferry runs again," the mayor said on Monday.')
    index = tmp_path / "index"
    run = run_measured(
        [QUOTESEARCH, "ingest", str(folder), "--index-dir", str(index), "--workers", "1"],
        cli_env(topics_file),
        timeout=90,
    )
    assert run.code == 1, run.stderr  # some files were refused (named below); the rest were indexed
    assert run.seconds < 60
    assert run.peak_rss_mb < 700, f"peak RSS {run.peak_rss_mb:.0f} MB"
    assert "skipped" in run.stderr and "huge.txt" in run.stderr and "empty.txt" in run.stderr
    # quotes.txt, sentence.txt and fine.txt are indexed; blank and oversized files are not
    assert counts(index)["article"] == 3


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"PK\x03\x04\x00\x00binary\x00zip", "binary"), (b"Caf\xe9 au lait \xff\xfe said", "not UTF-8")],
    ids=["binary", "latin-1"],
)
def test_cli_refuses_binary_and_non_utf8_files_by_name(
    tmp_path: Path, topics_file: Path, data: bytes, problem: str
) -> None:
    index = tmp_path / "index"
    fine = tmp_path / "fine.txt"
    fine.write_text('Ferry news\n\n"The ferry runs again," the mayor said on Monday.')
    first = run_measured(
        [QUOTESEARCH, "ingest", str(fine), "--index-dir", str(index), "--workers", "1"],
        cli_env(topics_file),
        timeout=60,
    )
    assert first.code == 0, first.stderr
    before = index_state(index)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    run = run_measured(
        [QUOTESEARCH, "ingest", str(bad), "--index-dir", str(index), "--workers", "1"],
        cli_env(topics_file),
        timeout=60,
    )
    assert run.code == 1  # the rest of a batch is indexed; the refused files are named
    assert "bad.txt" in run.stderr and problem in run.stderr
    assert "Traceback" not in run.stderr
    assert index_state(index) == before
