"""ingestArticle: authentication, input errors, idempotence."""

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from service.app import create_app
from service.settings import Settings
from tests.conftest import TOKEN
from tests.graphql_client import data, error_codes, gql

INGEST = """mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
    article { id title outlet publishedAt }
    quotes { text }
    userErrors { field message code } } }"""
ARTICLE = {
    "text": 'Harbour row\n\n"The harbour will stay open all winter," the mayor said on Monday.',
    "title": "Harbour row",
    "outlet": "Coast Herald",
    "publishedAt": "2025-01-02",
}
COUNT = "{ articles { totalCount } }"


def test_ingest_with_the_token_adds_the_article(client: TestClient) -> None:
    before = data(client, COUNT)["articles"]["totalCount"]
    result = data(client, INGEST, TOKEN, input=ARTICLE)["ingestArticle"]
    assert result["userErrors"] == []
    assert result["article"]["title"] == "Harbour row"
    assert result["article"]["publishedAt"] == "2025-01-02"
    assert data(client, COUNT)["articles"]["totalCount"] == before + 1
    found = data(client, '{ articles(query: "harbour") { edges { node { outlet } } } }')["articles"]["edges"]
    assert found == [{"node": {"outlet": "Coast Herald"}}]


def test_ingesting_the_same_text_twice_is_one_article(client: TestClient) -> None:
    first = data(client, INGEST, TOKEN, input=ARTICLE)["ingestArticle"]
    second = data(client, INGEST, TOKEN, input=ARTICLE)["ingestArticle"]
    assert first["article"]["id"] == second["article"]["id"]
    assert data(client, '{ articles(query: "harbour") { totalCount } }')["articles"]["totalCount"] == 1


@pytest.mark.parametrize("token", [None, "wrong-token", TOKEN + "x"])
def test_ingest_without_the_right_token_is_unauthenticated(client: TestClient, token: str | None) -> None:
    body = gql(client, INGEST, token, input=ARTICLE)
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert data(client, COUNT)["articles"]["totalCount"] == 3


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "EMPTY_TEXT"), ("   \n\t ", "EMPTY_TEXT"), ("a\x00b", "BINARY"), ("x" * 2_000_001, "TOO_LARGE")],
)
def test_bad_text_is_a_user_error_and_changes_nothing(client: TestClient, text: str, code: str) -> None:
    result = data(client, INGEST, TOKEN, input={**ARTICLE, "text": text})["ingestArticle"]
    assert result["article"] is None
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [("text", code)]
    assert data(client, COUNT)["articles"]["totalCount"] == 3


def test_bad_url_is_a_user_error(client: TestClient) -> None:
    result = data(client, INGEST, TOKEN, input={**ARTICLE, "url": "ftp://x"})["ingestArticle"]
    assert [e["field"] for e in result["userErrors"]] == ["url"]


@pytest.fixture
def client_without_token(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings.model_copy(update={"api_token": None}))) as client:
        yield client


def test_mutations_are_disabled_without_a_configured_token(client_without_token: TestClient) -> None:
    body = gql(client_without_token, INGEST, TOKEN, input=ARTICLE)
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert "disabled" in body["errors"][0]["message"]
