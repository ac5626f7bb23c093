"""The response cache: a repeated read answered from memory, never a stale, private or failed answer."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from index.search import RECHECK
from service import response_cache
from service.app import create_app
from service.response_cache import CACHE_HEADER, ResponseCache, _Answers, is_query
from service.settings import Settings
from tests.conftest import TOKEN
from tests.service.support import article_text

SEARCH = "query($q: String!) { quotes(query: $q) { totalCount edges { node { text } } } }"
ARTICLES = "{ articles { totalCount } }"
INGEST = "mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }"
HEADER = CACHE_HEADER.decode()


def settle() -> None:
    """Wait until a newly seen index generation's answers may be kept (every searcher has caught up)."""
    time.sleep(2 * RECHECK + 0.05)


@pytest.fixture
def cached(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        client.post("/graphql", json={"query": "{ __typename }"})  # the cache sees the index's generation
        settle()
        yield client


def test_a_repeated_query_is_answered_from_the_cache_with_the_same_bytes(cached: TestClient) -> None:
    request = {"query": SEARCH, "variables": {"q": "soldiers"}}
    first, second = cached.post("/graphql", json=request), cached.post("/graphql", json=request)
    assert (first.headers[HEADER], second.headers[HEADER]) == ("miss", "hit")
    assert second.content == first.content
    assert second.json()["data"]["quotes"]["totalCount"] > 0
    assert second.headers["content-type"] == first.headers["content-type"]


def test_other_variables_are_another_question(cached: TestClient) -> None:
    soldiers = cached.post("/graphql", json={"query": SEARCH, "variables": {"q": "soldiers"}})
    trainers = cached.post("/graphql", json={"query": SEARCH, "variables": {"q": "trainers"}})
    assert trainers.headers[HEADER] == "miss"
    assert trainers.json() != soldiers.json()


def test_a_commit_makes_earlier_answers_unreachable(cached: TestClient) -> None:
    before = cached.post("/graphql", json={"query": ARTICLES}).json()["data"]["articles"]["totalCount"]
    assert cached.post("/graphql", json={"query": ARTICLES}).headers[HEADER] == "hit"
    ingested = cached.post(
        "/graphql",
        json={"query": INGEST, "variables": {"input": {"text": article_text(7)}}},
        headers={"authorization": f"Bearer {TOKEN}"},
    )
    assert HEADER not in ingested.headers  # authenticated: never looked up, never kept
    after = cached.post("/graphql", json={"query": ARTICLES})
    assert after.headers[HEADER] == "miss"
    assert after.json()["data"]["articles"]["totalCount"] == before + 1
    settle()
    cached.post("/graphql", json={"query": ARTICLES})
    again = cached.post("/graphql", json={"query": ARTICLES})
    assert again.headers[HEADER] == "hit" and again.content == after.content


class FakeStore:
    """What the cache asks of an ``IndexStore``: its generation and this process's commits."""

    def __init__(self) -> None:
        self.generation_now = 1
        self.commits = 0

    def generation(self) -> int:
        return self.generation_now

    def local_commits(self) -> int:
        return self.commits


def test_a_new_generation_is_settled_only_when_every_searcher_has_caught_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [100.0]
    monkeypatch.setattr(response_cache.time, "monotonic", lambda: clock[0])
    store = FakeStore()
    cache = ResponseCache(Starlette(), store, max_bytes=1000)  # type: ignore[arg-type]
    assert cache.generation() == (1, False)
    clock[0] += 2 * RECHECK + 0.01
    assert cache.generation() == (1, True)
    store.generation_now = 2  # another process commits: seen at the next recheck, then settled later
    assert cache.generation() == (1, True)
    clock[0] += RECHECK + 0.01
    assert cache.generation() == (2, False)
    clock[0] += RECHECK
    assert cache.generation() == (2, False)
    clock[0] += RECHECK
    assert cache.generation() == (2, True)
    store.commits += 1  # a commit by this process: seen at once
    store.generation_now = 3
    assert cache.generation() == (3, False)


def test_errors_and_authenticated_requests_are_not_kept(cached: TestClient) -> None:
    refused = {"query": '{ quotes(after: "not-a-cursor") { totalCount } }'}
    for _ in range(2):
        answer = cached.post("/graphql", json=refused)
        assert "errors" in answer.json() and answer.headers[HEADER] == "miss"
    private = {"query": ARTICLES}
    for _ in range(2):
        answer = cached.post("/graphql", json=private, headers={"authorization": f"Bearer {TOKEN}"})
        assert answer.status_code == 200 and HEADER not in answer.headers


def test_off_when_given_no_memory(settings: Settings) -> None:
    off = settings.model_copy(update={"response_cache_mb": 0})
    with TestClient(create_app(off)) as client:
        for _ in range(2):
            assert HEADER not in client.post("/graphql", json={"query": ARTICLES}).headers


def test_only_a_query_operation_counts_as_a_read() -> None:
    document = "query A { articles { totalCount } } mutation B { ingestArticle { article { id } } }"
    assert is_query(document, "A")
    assert not is_query(document, "B")
    assert not is_query(document, None)  # two operations and none chosen: GraphQL refuses it
    assert not is_query("{ unclosed", None)


def test_the_memory_bound_holds_and_the_least_recently_used_goes_first() -> None:
    answers = _Answers(max_bytes=8_000)
    for i in range(100):
        answers.put((1, b"", f"request {i}".encode()), ([], b"x" * 500))
        assert answers.size <= 8_000
    assert answers.get((1, b"", b"request 99")) is not None
    assert answers.get((1, b"", b"request 0")) is None
    answers.put((1, b"", b"huge"), ([], b"x" * 2_000))  # over an eighth of the memory: not kept
    assert answers.get((1, b"", b"huge")) is None
