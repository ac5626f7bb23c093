"""The access log: one JSON line per request with what an operator needs, and never the token."""

from __future__ import annotations

import json
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.conftest import TOKEN

INGEST = """mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) { article { id } } }"""
FIELDS = {"method", "path", "operation", "status", "duration_ms", "error_codes"}


def lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "quotesearch.access"]


@pytest.fixture(autouse=True)
def _capture(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="quotesearch.access")


def test_one_line_per_request_with_its_fields(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    client.post("/graphql", json={"query": "query Topics { topics { id } }"})
    client.post(
        "/graphql", json={"query": "query A { topics { id } } query B { __typename }", "operationName": "B"}
    )
    client.get("/graphql", params={"query": "query ViaGet { topics { id } }"})
    client.post("/graphql", json={"query": "{ quotes(first: 0) { totalCount } }"})
    client.post("/graphql", json={"query": "query Broken { topics { id "})
    client.get("/healthz")
    logged = lines(caplog)
    assert len(logged) == 6
    assert all(set(line) == FIELDS for line in logged)
    assert [line["operation"] for line in logged] == ["Topics", "B", "ViaGet", None, "Broken", None]
    assert [line["status"] for line in logged] == [200, 200, 200, 200, 400, 200]
    assert [line["error_codes"] for line in logged] == [
        [],
        [],
        [],
        ["BAD_USER_INPUT"],
        ["GRAPHQL_PARSE_FAILED"],
        [],
    ]
    assert [line["method"] for line in logged] == ["POST", "POST", "GET", "POST", "POST", "GET"]
    assert logged[-1]["path"] == "/healthz"
    assert all(isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0 for line in logged)


def test_the_token_is_never_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    text = 'Ferry news\n\n"The ferry runs again," the mayor said on Monday.'
    headers = {"authorization": f"Bearer {TOKEN}"}
    client.post("/graphql", json={"query": INGEST, "variables": {"input": {"text": text}}}, headers=headers)
    client.post("/graphql", json={"query": INGEST, "variables": {"input": {"text": text}}}, headers={})
    client.get(f"/graphql?token={TOKEN}", params={"query": "{ topics { id } }"}, headers=headers)
    client.get(f"/metrics?{TOKEN}", headers=headers)
    logged = lines(caplog)
    assert [line["operation"] for line in logged[:2]] == ["Ingest", "Ingest"]
    assert logged[1]["error_codes"] == ["UNAUTHENTICATED"]
    access = "\n".join(r.getMessage() for r in caplog.records if r.name == "quotesearch.access")
    assert TOKEN not in access and TOKEN not in caplog.text
    assert "authorization" not in access.lower() and "bearer" not in access.lower()


def test_a_huge_body_still_gets_its_line(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    body = {"operationName": "Big", "query": INGEST, "variables": {"input": {"text": "word " * 1_000_000}}}
    response = client.post("/graphql", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413
    [line] = lines(caplog)
    assert line["status"] == 413 and line["error_codes"] == ["PAYLOAD_TOO_LARGE"]
    assert line["operation"] in ("Big", None)  # refused on its Content-Length: the body was never read
