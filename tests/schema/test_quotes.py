"""Quote search through the real app over HTTP: filters, paging, facets, highlights."""

from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.graphql_client import data, error_codes, gql

QUOTES = """
query($query: String, $person: String, $stance: Stance, $country: String, $office: String, $mentions: String,
      $kind: QuoteKind, $first: Int, $after: String, $last: Int, $before: String, $orderBy: QuoteOrderInput,
      $publishedAfter: Date, $publishedBefore: Date, $topic: ID) {
  quotes(query: $query, person: $person, stance: $stance, country: $country, office: $office,
         mentions: $mentions, kind: $kind, first: $first, after: $after, last: $last, before: $before,
         orderBy: $orderBy, publishedAfter: $publishedAfter, publishedBefore: $publishedBefore,
         topic: $topic) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id text stance highlight speaker { name } } }
  }
}
"""


def quotes(client: TestClient, **variables: Any) -> dict[str, Any]:
    result: dict[str, Any] = data(client, QUOTES, **variables)["quotes"]
    return result


def texts(connection: dict[str, Any]) -> list[str]:
    return [e["node"]["text"] for e in connection["edges"]]


def test_person_filter_returns_their_quotes_with_speaker(client: TestClient) -> None:
    result = quotes(client, person="Kowalczyk")
    assert texts(result) == ["We will not send soldiers to Freedonia,"]
    assert result["edges"][0]["node"]["speaker"] == {"name": "Anna Kowalczyk"}
    assert result["edges"][0]["node"]["stance"] == "OPPOSE"


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"stance": "SUPPORT"}, 2),
        ({"country": "Germany"}, 27),
        ({"country": "PL"}, 1),
        ({"office": "Prime Minister"}, 1),
        ({"mentions": "Anna Kowalczyk"}, 1),
        ({"kind": "DIRECT"}, 30),
        ({"topic": "troops-abroad"}, 30),
        ({"query": "soldier*"}, 27),
        ({"query": '"reasonable step"'}, 1),
        ({"query": "soldiers AND NOT statement"}, 2),
        ({"publishedAfter": "2024-04-01"}, 2),
        ({"publishedBefore": "2024-03-31"}, 2),
        ({"stance": "SUPPORT", "person": "Muller"}, 1),
        ({"query": "soldier*", "country": "UA", "stance": "SUPPORT"}, 1),
    ],
)
def test_each_filter_alone_and_combined(client: TestClient, variables: dict[str, Any], expected: int) -> None:
    assert quotes(client, first=100, **variables)["totalCount"] == expected


def test_paging_forward_visits_every_quote_once(client: TestClient) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = quotes(client, person="Müller", first=10, after=after)
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == 27


def test_paging_backward_from_a_cursor(client: TestClient) -> None:
    everything = quotes(client, person="Müller", first=30)
    ids = [e["node"]["id"] for e in everything["edges"]]
    cursor_of_tenth = everything["edges"][9]["cursor"]
    page = quotes(client, person="Müller", last=5, before=cursor_of_tenth)
    assert [e["node"]["id"] for e in page["edges"]] == ids[4:9]
    assert page["pageInfo"]["hasPreviousPage"] is True


def test_last_without_cursor_gives_the_end(client: TestClient) -> None:
    everything = quotes(client, person="Müller", first=30)
    page = quotes(client, person="Müller", last=3)
    assert [e["node"]["id"] for e in page["edges"]] == [e["node"]["id"] for e in everything["edges"]][-3:]
    assert page["pageInfo"]["hasNextPage"] is False


@pytest.mark.parametrize(
    "variables", [{"first": 101}, {"first": 0}, {"last": 100000}, {"first": 5, "last": 5}]
)
def test_page_sizes_out_of_range_are_errors_not_clamped(
    client: TestClient, variables: dict[str, Any]
) -> None:
    assert error_codes(gql(client, QUOTES, **variables)) == ["BAD_USER_INPUT"]


def test_a_garbled_cursor_is_bad_input(client: TestClient) -> None:
    assert error_codes(gql(client, QUOTES, after="not-a-cursor")) == ["BAD_USER_INPUT"]


def test_highlights_mark_query_terms(client: TestClient) -> None:
    node = quotes(client, query="trainers")["edges"][0]["node"]
    assert node["highlight"] == "Sending <mark>trainers</mark> is a reasonable step"


def test_highlights_asked_for_inside_fragments(client: TestClient) -> None:
    query = """
    query { quotes(query: "trainers") { ...Page } }
    fragment Page on QuoteConnection { edges { node { ... on Quote { highlight } } } }
    """
    node = data(client, query)["quotes"]["edges"][0]["node"]
    assert node["highlight"] == "Sending <mark>trainers</mark> is a reasonable step"


def test_no_highlight_without_a_query(client: TestClient) -> None:
    assert quotes(client, person="Kowalczyk")["edges"][0]["node"]["highlight"] is None


def test_order_by_date(client: TestClient) -> None:
    newest = quotes(
        client, query="soldiers OR trainers", orderBy={"field": "PUBLISHED_AT", "direction": "DESC"}
    )
    oldest = quotes(
        client, query="soldiers OR trainers", orderBy={"field": "PUBLISHED_AT", "direction": "ASC"}
    )
    assert texts(newest)[0] == "Sending trainers is a reasonable step,"
    assert texts(newest) != texts(oldest)


def test_facets_count_the_whole_result_set(client: TestClient) -> None:
    query = """{ quotes(query: "soldier*", first: 1) { totalCount facets {
        stance { value count } person { value count } country { value count } office { value count }
        topic { value count } } } }"""
    result = data(client, query)["quotes"]
    facets = result["facets"]
    assert {f["value"]: f["count"] for f in facets["stance"]} == {"NEUTRAL": 25, "OPPOSE": 1, "SUPPORT": 1}
    assert facets["person"][0] == {"value": "Jörg Müller", "count": 25}
    assert {f["value"] for f in facets["country"]} == {"DE", "PL", "UA"}
    assert sum(f["count"] for f in facets["topic"]) == result["totalCount"]


def test_facets_list_the_most_frequent_values_first_up_to_first(client: TestClient) -> None:
    query = """query($first: Int!) { quotes(query: "soldier*") { facets(first: $first) {
        person { value count } country { value count } } } }"""
    everyone = data(client, query, first=100)["quotes"]["facets"]
    top = data(client, query, first=1)["quotes"]["facets"]
    assert len(everyone["person"]) > 1 and len(everyone["country"]) > 1
    counts = [f["count"] for f in everyone["person"]]
    assert counts == sorted(counts, reverse=True)
    assert top == {"person": everyone["person"][:1], "country": everyone["country"][:1]}


@pytest.mark.parametrize("first", [0, 101, -1])
def test_facets_first_outside_1_to_100_is_bad_input(client: TestClient, first: int) -> None:
    query = "query($first: Int!) { quotes { facets(first: $first) { person { value } } } }"
    assert error_codes(gql(client, query, first=first)) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("query", ["*oldier", "payload:x", "*", "so*"])
def test_refused_search_strings_are_bad_input(client: TestClient, query: str) -> None:
    assert error_codes(gql(client, QUOTES, query=query)) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("query", ['"unbalanced', "(a OR", "field:", "a OR " * 300])
def test_broken_search_strings_get_a_sane_answer(client: TestClient, query: str) -> None:
    body = gql(client, QUOTES, query=query)
    assert "data" in body
    assert set(error_codes(body)) <= {"BAD_USER_INPUT"}
