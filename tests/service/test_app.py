"""The HTTP surface: health, readiness, GraphiQL, GET queries, CORS."""

from starlette.testclient import TestClient

from service.app import create_app
from service.settings import Settings


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_reports_articles(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"ready": True, "articles": 3}


def test_readyz_is_503_on_an_empty_index(settings: Settings, tmp_path: object) -> None:
    empty = settings.model_copy(
        update={"index_dir": settings.index_dir.parent / "empty", "seed_dir": settings.seed_dir}
    )
    empty.seed_dir.mkdir(exist_ok=True)
    with TestClient(create_app(empty)) as client:
        assert client.get("/readyz").status_code == 503


def test_graphiql_in_the_browser(client: TestClient) -> None:
    response = client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


def test_queries_via_get(client: TestClient) -> None:
    response = client.get("/graphql", params={"query": "{ topics { id } }"})
    assert response.json() == {"data": {"topics": [{"id": "troops-abroad"}]}}


def test_cors_is_closed_by_default(client: TestClient) -> None:
    response = client.options(
        "/graphql", headers={"origin": "https://evil.example", "access-control-request-method": "POST"}
    )
    assert "access-control-allow-origin" not in response.headers


def test_cors_allows_configured_origins(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"cors_origins": ["https://app.example"]}))
    with TestClient(app) as client:
        response = client.options(
            "/graphql", headers={"origin": "https://app.example", "access-control-request-method": "POST"}
        )
        assert response.headers["access-control-allow-origin"] == "https://app.example"
