"""GET /metrics: request counts by path/status/error code, a latency histogram, index document counts."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families
from starlette.testclient import TestClient

from service.app import create_app
from service.settings import Settings
from tests.conftest import TOKEN

INGEST = """mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }"""


def scrape(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def requests(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], **labels: str) -> float:
    key = ("quotesearch_http_requests_total", tuple(sorted(labels.items())))
    return samples.get(key, 0.0)


def test_requests_are_counted_by_path_status_and_error_code(client: TestClient) -> None:
    for _ in range(3):
        client.post("/graphql", json={"query": "{ topics { id } }"})
    client.post("/graphql", json={"query": "{ topics { id "})
    client.post("/graphql", json={"query": "{ quotes(first: 0) { totalCount } }"})
    client.get("/healthz")
    client.get("/wp-admin/setup.php")
    samples = scrape(client)
    assert requests(samples, path="/graphql", status="200", code="") == 3
    assert requests(samples, path="/graphql", status="400", code="GRAPHQL_PARSE_FAILED") == 1
    assert requests(samples, path="/graphql", status="200", code="BAD_USER_INPUT") == 1
    assert requests(samples, path="/healthz", status="200", code="") == 1
    assert requests(samples, path="other", status="404", code="") == 1  # unknown paths share one label


def test_latency_histogram(client: TestClient) -> None:
    for _ in range(4):
        client.post("/graphql", json={"query": '{ quotes(query: "soldiers") { totalCount } }'})
    samples = scrape(client)
    count = samples[("quotesearch_http_request_duration_seconds_count", (("path", "/graphql"),))]
    total = samples[("quotesearch_http_request_duration_seconds_sum", (("path", "/graphql"),))]
    inf = samples[
        ("quotesearch_http_request_duration_seconds_bucket", (("le", "+Inf"), ("path", "/graphql")))
    ]
    assert count == inf == 4
    assert 0 < total < 4 * 2.0


def test_index_document_counts_follow_commits(client: TestClient) -> None:
    samples = scrape(client)
    docs = {k[1][0][1]: v for k, v in samples.items() if k[0] == "quotesearch_index_documents"}
    assert docs == {"article": 3, "quote": 30, "person": 3}
    generation = samples[("quotesearch_index_generation", ())]
    text = 'Ferry news\n\n"The ferry runs again," Anna Kowalczyk said on Monday.'
    client.post(
        "/graphql",
        json={"query": INGEST, "variables": {"input": {"text": text}}},
        headers={"authorization": f"Bearer {TOKEN}"},
    )
    samples = scrape(client)
    docs = {k[1][0][1]: v for k, v in samples.items() if k[0] == "quotesearch_index_documents"}
    assert docs["article"] == 4 and docs["quote"] == 31
    assert samples[("quotesearch_index_generation", ())] == generation + 1


def test_each_app_has_its_own_registry(client: TestClient, settings: Settings) -> None:
    client.get("/healthz")
    with TestClient(create_app(settings)) as other:
        assert requests(scrape(other), path="/healthz", status="200", code="") == 0
    assert requests(scrape(client), path="/healthz", status="200", code="") == 1
