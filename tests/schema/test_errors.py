"""Every error carries a code; nothing unexpected leaks a stack trace."""

import json

import pytest
from starlette.testclient import TestClient

from index.search import IndexReader
from tests.graphql_client import error_codes, gql


def test_malformed_graphql_is_a_400_with_a_parse_error(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": "{ quotes(first: 1 { totalCount } }"})
    assert response.status_code == 400
    assert error_codes(response.json()) == ["GRAPHQL_PARSE_FAILED"]


def test_unknown_field_is_a_validation_error(client: TestClient) -> None:
    assert error_codes(gql(client, "{ quotes { nope } }")) == ["GRAPHQL_VALIDATION_FAILED"]


def test_too_deep_is_too_complex(client: TestClient) -> None:
    inner = "quotes { edges { node { speaker { quotes { edges { node { speaker { name } } } } } } } }"
    query = "{ people { edges { node { " + inner + " } } } }"
    assert error_codes(gql(client, query)) == ["QUERY_TOO_COMPLEX"]


def test_alias_flood_is_too_complex(client: TestClient) -> None:
    query = "{ " + " ".join(f"a{i}: topics {{ id }}" for i in range(40)) + " }"
    assert error_codes(gql(client, query)) == ["QUERY_TOO_COMPLEX"]


def test_alias_flood_hidden_in_fragments_is_too_complex(client: TestClient) -> None:
    fragment = "fragment F on Query { " + " ".join(f"a{i}: topics {{ id }}" for i in range(40)) + " }"
    assert error_codes(gql(client, "{ ...F } " + fragment)) == ["QUERY_TOO_COMPLEX"]


def test_fragment_cycle_is_too_complex(client: TestClient) -> None:
    query = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"
    assert "QUERY_TOO_COMPLEX" in error_codes(gql(client, query))


def test_token_flood_is_too_complex(client: TestClient) -> None:
    query = "{ topics { " + "id " * 3000 + "} }"
    assert error_codes(gql(client, query)) == ["QUERY_TOO_COMPLEX"]


def test_unknown_node_is_null(client: TestClient) -> None:
    body = gql(client, '{ node(id: "UXVvdGU6bm9wZQ==") { id } }')  # Quote:nope
    assert body["data"] == {"node": None}


def test_node_of_no_known_type_is_bad_input(client: TestClient) -> None:
    assert error_codes(gql(client, '{ node(id: "V2lkZ2V0OjE=") { id } }')) == ["BAD_USER_INPUT"]  # Widget:1


def test_a_bug_is_masked_as_internal_without_details(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret path /etc/passwd")

    monkeypatch.setattr(IndexReader, "quotes", broken)
    body = gql(client, "{ quotes { totalCount } }")
    assert error_codes(body) == ["INTERNAL"]
    assert "secret" not in json.dumps(body)
    assert "Traceback" not in json.dumps(body)
