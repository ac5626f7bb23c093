"""End to end on the shipped seed corpus: files → extraction → Whoosh → GraphQL."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from service.app import create_app
from service.bootstrap import SEED_STAMP
from service.settings import Settings
from tests.graphql_client import data

SEED = Path(__file__).parents[2] / "seed"


@pytest.fixture(scope="module")
def seed_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    index_dir = tmp_path_factory.mktemp("seed") / "index"
    settings = Settings(index_dir=index_dir, seed_dir=SEED, topics_file=SEED / "topics.toml")
    with TestClient(create_app(settings)) as client:
        yield client


def test_an_index_is_built_from_seed_when_missing(seed_client: TestClient) -> None:
    assert seed_client.get("/readyz").json() == {"ready": True, "articles": 5}


@pytest.mark.parametrize(
    ("person", "name"), [("Stoltenberg", "Jens Stoltenberg"), ("Pevkur", "Hanno Pevkur")]
)
def test_quotes_by_person_come_with_their_speaker(seed_client: TestClient, person: str, name: str) -> None:
    query = """query($p: String) {
        quotes(person: $p, first: 5) { totalCount edges { node { speaker { name } } } } }"""
    result = data(seed_client, query, p=person)["quotes"]
    assert result["totalCount"] >= 3
    assert {e["node"]["speaker"]["name"] for e in result["edges"]} == {name}


def test_the_seed_topic_is_served(seed_client: TestClient) -> None:
    topics = data(seed_client, "{ topics { id } }")["topics"]
    assert {"id": "western-troops-in-ukraine"} in topics


def test_a_stale_seed_index_is_rebuilt(tmp_path: Path) -> None:
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "a.txt").write_text('Title\n\n"We will build the bridge," Mayor Ann Lee said.')
    settings = Settings(index_dir=tmp_path / "index", seed_dir=seed, topics_file=SEED / "topics.toml")
    with TestClient(create_app(settings)) as client:
        assert client.get("/readyz").json()["articles"] == 1
    (seed / "b.txt").write_text('Other\n\n"We will not build the tunnel," Mayor Ann Lee said.')
    with TestClient(create_app(settings)) as client:
        assert client.get("/readyz").json()["articles"] == 2
    assert (settings.index_dir / SEED_STAMP).exists()
