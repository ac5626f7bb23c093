"""``quotesearch bench extraction``: figures come from the scorer scripts, speed from one core."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from bench import extraction
from extract.topics import load_topics

ROOT = Path(__file__).resolve().parents[2]

_FAKE_SCORER = """
import argparse, json
ap = argparse.ArgumentParser()
ap.add_argument("--gold"); ap.add_argument("--pred"); ap.add_argument("--json", action="store_true")
a = ap.parse_args()
lines = [json.loads(l) for l in open(a.pred, encoding="utf-8") if l.strip()]
print(json.dumps({"predicted": len(lines), "articles": sorted({l["article"] for l in lines})}))
"""


@pytest.fixture()
def tools(tmp_path: Path) -> Path:
    for name in ("score_quotes.py", "score_attributions.py"):
        (tmp_path / name).write_text(_FAKE_SCORER, encoding="utf-8")
    return tmp_path


def test_seed_and_devset_predictions_reach_the_scorers(
    tools: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    devset = tmp_path / "dev.jsonl"
    rows = [
        {"id": "a1", "text": "The bridge will reopen, Mayor Ilse Marten said.", "quotes": []},
        {"id": "a2", "text": "“We are ready,” Captain Nils Aberg said.", "quotes": []},
    ]
    devset.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    args = argparse.Namespace(
        gold=tmp_path / "gold.json",
        devset=devset,
        tools=tools,
        seed_dir=ROOT / "seed",
        split=1,
        runs=1,
        json=True,
        skip_hostile=True,
    )
    assert extraction.run(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["seed"]["articles"] == sorted(p.name for p in (ROOT / "seed").glob("*.txt"))
    assert report["devset"]["first_1"] == {"predicted": 1, "articles": ["a1"]}
    assert report["devset"]["last_1"] == {"predicted": 1, "articles": ["a2"]}
    assert report["devset"]["all_2"]["predicted"] == 2
    assert report["speed_one_core"]["articles"] == 2


def test_speed_reports_rates() -> None:
    topics = load_topics(ROOT / "seed" / "topics.toml")
    figures = extraction.speed(["Mayor Ilse Marten said the bridge would reopen. " * 20], topics, runs=2)
    assert figures["articles"] == 1 and figures["mean_words"] == 160
    assert figures["articles_per_s"] > 0 and figures["words_per_s"] > 0


def test_hostile_inputs_are_large_and_timed(monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = extraction.hostile_inputs()
    assert all(len(text) >= 95_000 for text in inputs.values())
    monkeypatch.setattr(extraction, "hostile_inputs", lambda: {"tiny": "Ann Lee said so."})
    assert extraction.hostile_timings()["tiny"].endswith("s for 0 KB")


def test_the_cli_knows_the_subcommand() -> None:
    from service.cli import _parser

    args = _parser().parse_args(["bench", "extraction", "--gold", "g.json", "--tools", "t"])
    assert args.run is extraction.run


def test_speed_leaves_the_process_on_all_its_cores() -> None:
    import os

    if not hasattr(os, "sched_getaffinity"):
        pytest.skip("no CPU affinity on this platform")
    before = os.sched_getaffinity(0)
    extraction.speed(["A short text."], load_topics(ROOT / "seed" / "topics.toml"), runs=1)
    assert os.sched_getaffinity(0) == before
