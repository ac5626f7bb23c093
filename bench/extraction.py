"""``quotesearch bench extraction``: extraction quality on the seeds and a devset, and its speed.

Quality is scored by the shared scorer scripts themselves (run as subprocesses
on temporary files), so the figures printed here are the ones anyone gets by
running those scripts by hand. Speed is extraction alone, in this process,
pinned to one core where the platform allows it: the median of several runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from extract import extract_article, load_topics
from extract.models import ArticleMeta, score_record
from extract.topics import Topic


def _pin_one_core() -> set[int] | None:
    """Run on a single core so the speed figure means "per core"; return the cores to restore."""
    if not (hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity")):
        return None
    cores = set(os.sched_getaffinity(0))
    if cores:
        os.sched_setaffinity(0, {min(cores)})
    return cores


def _score(script: Path, gold: Path, pred: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(script), "--gold", str(gold), "--pred", str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _write_predictions(path: Path, items: Sequence[tuple[str, str]], topics: Sequence[Topic]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for name, text in items:
            for quote in extract_article(text, ArticleMeta(), topics).quotes:
                out.write(json.dumps(score_record(name, quote), ensure_ascii=False) + "\n")


def seed_figures(
    gold: Path, seed_dir: Path, tools: Path, topics: Sequence[Topic], work: Path
) -> dict[str, Any]:
    """score_quotes.py figures for the seed articles."""
    items = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(seed_dir.glob("*.txt"))]
    pred = work / "seed.jsonl"
    _write_predictions(pred, items, topics)
    return _score(tools / "score_quotes.py", gold, pred)


def devset_figures(
    devset: Path, tools: Path, topics: Sequence[Topic], work: Path, split: int
) -> dict[str, dict[str, Any]]:
    """score_attributions.py figures for the devset's first ``split`` articles, the rest, and all."""
    articles = [json.loads(line) for line in devset.read_text(encoding="utf-8").splitlines() if line.strip()]
    parts = {
        f"first_{split}": articles[:split],
        f"last_{len(articles) - split}": articles[split:],
        f"all_{len(articles)}": articles,
    }
    out: dict[str, dict[str, Any]] = {}
    for label, part in parts.items():
        if not part:
            continue
        gold = work / f"{label}.gold.jsonl"
        gold.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in part), encoding="utf-8")
        pred = work / f"{label}.pred.jsonl"
        _write_predictions(pred, [(str(a["id"]), str(a["text"])) for a in part], topics)
        out[label] = _score(tools / "score_attributions.py", gold, pred)
    return out


def speed(texts: Sequence[str], topics: Sequence[Topic], runs: int) -> dict[str, float]:
    """Articles/s and words/s of extraction on one core, the median of ``runs`` passes."""
    words = sum(len(t.split()) for t in texts)
    restore = _pin_one_core()
    try:
        extract_article(texts[0], ArticleMeta(), topics)  # warm-up: lexicons and caches
        seconds = []
        for _ in range(runs):
            started = time.perf_counter()
            for text in texts:
                extract_article(text, ArticleMeta(), topics)
            seconds.append(time.perf_counter() - started)
    finally:
        if restore:
            os.sched_setaffinity(0, restore)
    median = statistics.median(seconds)
    return {
        "articles": len(texts),
        "mean_words": round(words / len(texts)),
        "articles_per_s": round(len(texts) / median, 1),
        "words_per_s": round(words / median),
        "articles_per_s_at_800_words": round(words / median / 800, 1),
    }


def hostile_inputs() -> dict[str, str]:
    """Generated articles that once took time quadratic in their length: one long sentence
    full of nested quotation marks, of reporting verbs, or of plain words."""
    nested = 2700
    return {
        "nested_quotes_100kb": ("\"He said 'she said " * nested) + "x" + ("' she said\" he said" * nested),
        "cue_every_word_100kb": "Ann Lee said " * 7700 + "so.",
        "one_sentence_1mb": "word " * 200_000 + '"Hello there," said Bob.',
    }


def hostile_timings() -> dict[str, str]:
    """Seconds of extraction for each hostile input, on one core (one run each)."""
    restore = _pin_one_core()
    out = {}
    try:
        for name, text in hostile_inputs().items():
            started = time.perf_counter()
            extract_article(text)
            out[name] = f"{time.perf_counter() - started:.2f} s for {len(text) // 1000} KB"
    finally:
        if restore:
            os.sched_setaffinity(0, restore)
    return out


def run(args: argparse.Namespace, settings: Any = None) -> int:
    """Print (or write as JSON) the seed figures, the devset figures and the speed."""
    topics_file = getattr(settings, "topics_file", None) or Path("seed/topics.toml")
    topics = load_topics(topics_file)
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="qs-bench-extraction-") as tmp:
        work = Path(tmp)
        report["seed"] = seed_figures(args.gold, args.seed_dir, args.tools, topics, work)
        texts = [p.read_text(encoding="utf-8") for p in sorted(args.seed_dir.glob("*.txt"))]
        if args.devset:
            report["devset"] = devset_figures(args.devset, args.tools, topics, work, args.split)
            lines = args.devset.read_text(encoding="utf-8").splitlines()
            texts = [str(json.loads(line)["text"]) for line in lines if line.strip()]
    report["speed_one_core"] = speed(texts, topics, args.runs)
    if not args.skip_hostile:
        report["hostile_inputs"] = hostile_timings()
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    _print_block("seed (score_quotes.py)", report["seed"])
    for label, figures in report.get("devset", {}).items():
        _print_block(f"devset {label} (score_attributions.py)", figures)
    _print_block("speed, one core (median of runs)", report["speed_one_core"])
    if "hostile_inputs" in report:
        _print_block("hostile inputs, one core", report["hostile_inputs"])
    return 0


def _print_block(title: str, figures: dict[str, Any]) -> None:
    print(title)
    for key, value in figures.items():
        print(f"  {key:28} {value:.3f}" if isinstance(value, float) else f"  {key:28} {value}")


def register(commands: Any) -> None:
    """Add ``extraction`` to the ``bench`` subcommand group."""
    cmd = commands.add_parser("extraction", help="extraction quality (seeds, devset) and speed on one core")
    cmd.add_argument("--gold", type=Path, required=True, help="seed gold (seed_quotes.json)")
    cmd.add_argument("--devset", type=Path, help="attribution corpus JSONL (e.g. polnear_train.jsonl)")
    cmd.add_argument(
        "--tools", type=Path, required=True, help="folder holding score_quotes.py, score_attributions.py"
    )
    cmd.add_argument(
        "--seed-dir", type=Path, default=Path("seed"), help="seed article folder (default: seed)"
    )
    cmd.add_argument("--split", type=int, default=150, help="devset articles to develop on; the rest check")
    cmd.add_argument("--runs", type=int, default=5, help="speed passes; the median is reported")
    cmd.add_argument("--json", action="store_true", help="print one JSON object")
    cmd.add_argument("--skip-hostile", action="store_true", help="leave out the hostile-input timings")
    cmd.set_defaults(run=run)
