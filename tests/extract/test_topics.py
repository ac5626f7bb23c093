"""Topics load from TOML as data; the seed topic is the one the gold was labelled against."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from extract.topics import Topic, load_topics

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"


def test_seed_topic_is_the_gold_topic_with_its_labelling_rules() -> None:
    gold = json.loads((DATA / "seed_quotes.json").read_text(encoding="utf-8"))["topic"]
    (topic,) = load_topics(ROOT / "seed" / "topics.toml")
    assert (topic.id, topic.name, topic.description) == (gold["id"], gold["name"], gold["description"])
    assert topic.stance_guide.model_dump() == gold["stance_guide"]
    assert "troop" in topic.terms and "send" in topic.actions


def test_a_second_topics_file_loads_with_its_own_vocabulary() -> None:
    (topic,) = load_topics(DATA / "topics_city.toml")
    assert topic.id == "congestion-charge"
    assert "road pricing" in topic.terms
    assert topic.stance_guide.oppose


def test_absent_file_means_no_topics(tmp_path: Path) -> None:
    assert load_topics(tmp_path / "missing.toml") == []


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "topics.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    one = '[[topic]]\nid = "a"\nname = "A"\ndescription = "d"\nterms = ["x"]\n'
    with pytest.raises(ValueError, match="duplicate topic ids: a"):
        load_topics(_write(tmp_path, one + one))


def test_a_misspelt_field_is_an_error_not_a_silently_ignored_word_list(tmp_path: Path) -> None:
    body = '[[topic]]\nid = "a"\nname = "A"\ndescription = "d"\nterms = ["x"]\nsuport_cues = ["y"]\n'
    with pytest.raises(ValidationError):
        load_topics(_write(tmp_path, body))


def test_a_topic_needs_terms_to_be_recognised_by(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        load_topics(_write(tmp_path, '[[topic]]\nid = "a"\nname = "A"\ndescription = "d"\nterms = []\n'))


def test_topics_are_hashable_values() -> None:
    """The classifier caches each topic's compiled vocabulary by the topic itself."""
    topic = Topic(id="a", name="A", description="d", terms=("x",))
    assert {topic: 1}[Topic(id="a", name="A", description="d", terms=("x",))] == 1
