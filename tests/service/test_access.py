"""Who gets in: the bearer token for mutations, GraphiQL, introspection, CORS, a read-only index."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

import service.app
from service.app import create_app
from service.settings import Settings
from tests.conftest import TOKEN
from tests.graphql_client import error_codes, gql

INGEST = """mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
    article { id } userErrors { code } } }"""
ARTICLE = {"text": 'Harbour row\n\n"The harbour stays open," the mayor said on Monday.'}
INTROSPECTION = "{ __schema { queryType { name } } }"


def ingest(client: TestClient, headers: dict[str, str]) -> dict[str, Any]:
    response = client.post(
        "/graphql", json={"query": INGEST, "variables": {"input": ARTICLE}}, headers=headers
    )
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def article_count(client: TestClient) -> int:
    count: int = gql(client, "{ articles { totalCount } }")["data"]["articles"]["totalCount"]
    return count


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"authorization": "Bearer wrong-token"},
        {"authorization": f"Bearer {TOKEN}x"},
        {"authorization": f"Bearer {TOKEN[:-1]}"},
        {"authorization": f"Basic {TOKEN}"},
        {"authorization": TOKEN},
        {"authorization": "Bearer "},
        {"x-api-token": TOKEN},
    ],
    ids=["missing", "wrong", "longer", "prefix", "basic", "no-scheme", "empty", "other-header"],
)
def test_mutations_without_the_right_token_are_unauthenticated(
    client: TestClient, headers: dict[str, str]
) -> None:
    before = article_count(client)
    body = ingest(client, headers)
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert body["data"] is None
    assert article_count(client) == before


def test_the_right_token_is_let_in(client: TestClient) -> None:
    before = article_count(client)
    body = ingest(client, {"authorization": f"bearer {TOKEN}"})
    assert body["data"]["ingestArticle"]["userErrors"] == []
    assert article_count(client) == before + 1


def test_tokens_are_compared_in_constant_time(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, Any]] = []
    original = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        calls.append((a, b))
        return original(a, b)

    monkeypatch.setattr(service.app.hmac, "compare_digest", spy)
    assert error_codes(ingest(client, {"authorization": "Bearer guess"})) == ["UNAUTHENTICATED"]
    assert calls, "the token was not compared with hmac.compare_digest"
    compared = {bytes(x) if isinstance(x, bytes) else x.encode() for pair in calls for x in pair}
    assert {b"guess", TOKEN.encode()} <= compared


def test_mutations_are_disabled_without_a_configured_token(settings: Settings) -> None:
    with TestClient(create_app(settings.model_copy(update={"api_token": None}))) as client:
        before = article_count(client)
        for headers in ({}, {"authorization": f"Bearer {TOKEN}"}, {"authorization": "Bearer "}):
            body = ingest(client, headers)
            assert error_codes(body) == ["UNAUTHENTICATED"]
            assert "disabled" in body["errors"][0]["message"]
        assert article_count(client) == before


def graphiql_page(settings: Settings) -> tuple[int, str]:
    with TestClient(create_app(settings)) as client:
        response = client.get("/graphql", headers={"accept": "text/html"})
        return response.status_code, response.text


def test_graphiql_can_be_switched_off_from_the_environment(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    status, page = graphiql_page(settings)
    assert status == 200 and "graphiql" in page.lower()
    monkeypatch.setenv("QUOTESEARCH_GRAPHIQL", "false")
    from_env = Settings(
        index_dir=settings.index_dir, seed_dir=settings.seed_dir, topics_file=settings.topics_file
    )
    assert from_env.graphiql is False
    status, page = graphiql_page(from_env)
    assert "graphiql" not in page.lower()
    assert status >= 400


def test_introspection_can_be_switched_off(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        assert gql(client, INTROSPECTION)["data"] == {"__schema": {"queryType": {"name": "Query"}}}
    with TestClient(create_app(settings.model_copy(update={"introspection": False}))) as client:
        body = gql(client, INTROSPECTION)
        assert not body.get("data")
        assert error_codes(body) and all(error_codes(body))
        # ordinary queries still work
        assert article_count(client) == 3


def cors_preflight(settings: Settings, origin: str) -> dict[str, str]:
    with TestClient(create_app(settings)) as client:
        response = client.options(
            "/graphql",
            headers={
                "origin": origin,
                "access-control-request-method": "POST",
                "access-control-request-headers": "authorization",
            },
        )
        return dict(response.headers)


def test_cors_is_closed_by_default_and_open_only_to_configured_origins(settings: Settings) -> None:
    assert "access-control-allow-origin" not in cors_preflight(settings, "https://evil.example")
    opened = settings.model_copy(update={"cors_origins": ["https://app.example"]})
    assert (
        cors_preflight(opened, "https://app.example")["access-control-allow-origin"] == "https://app.example"
    )
    assert "access-control-allow-origin" not in cors_preflight(opened, "https://evil.example")


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


QUERIES = [
    '{ quotes(query: "soldiers") { totalCount edges { node { text speaker { name } } } } }',
    "{ people { edges { node { name } } } }",
    '{ articles(query: "troops") { edges { node { title } } } }',
    '{ quotes(query: "(unbalanced") { totalCount } }',
    "{ topics { id } }",
]


@pytest.fixture
def read_only_settings(settings: Settings) -> Iterator[Settings]:
    yield settings.model_copy(update={"read_only": True})


@pytest.mark.parametrize("read_only", [False, True], ids=["default", "read-only"])
def test_serving_queries_leaves_the_index_files_untouched(
    settings: Settings, read_only_settings: Settings, read_only: bool
) -> None:
    before = snapshot(settings.index_dir)
    with TestClient(create_app(read_only_settings if read_only else settings)) as client:
        for query in QUERIES * 3:
            gql(client, query)
        client.get("/metrics")
        client.get("/readyz")
        if read_only:  # and no one can write through it, token or not
            body = ingest(client, {"authorization": f"Bearer {TOKEN}"})
            assert error_codes(body) == ["UNAUTHENTICATED"]
    assert snapshot(settings.index_dir) == before
