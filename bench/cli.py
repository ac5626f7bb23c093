"""``quotesearch bench generate`` and ``quotesearch bench run``: registered by ``service.cli``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def _sizes(text: str) -> list[int]:
    return [int(float(s)) for s in text.split(",") if s.strip()]


def generate(args: argparse.Namespace, settings: Any = None) -> int:
    """Write article files (and an ``articles.toml``) and/or the pre-extracted JSONL."""
    from bench.corpus import Generator

    if args.out is None and args.quotes_jsonl is None:
        print("quotesearch bench generate: give --out DIR and/or --quotes-jsonl FILE", file=sys.stderr)
        return 2
    if args.articles is None and args.quotes is None:
        args.articles = 100
    generator = Generator(seed=args.seed, words_per_article=args.words)
    out: Path | None = args.out
    jsonl = args.quotes_jsonl.open("w", encoding="utf-8") if args.quotes_jsonl else None
    meta: list[str] = []
    articles = quotes = 0
    if out:
        out.mkdir(parents=True, exist_ok=True)
    try:
        for extracted in generator.articles(count=args.articles, quotes=args.quotes):
            article = extracted.article
            articles += 1
            quotes += len(extracted.quotes)
            if out:
                name = article.source or f"{articles:07d}.txt"
                (out / name).write_text(article.text, encoding="utf-8")
                meta.append(
                    f'[article."{name}"]\ntitle = {_toml(article.title)}\noutlet = {_toml(article.outlet)}\n'
                    f"url = {_toml(article.url)}\npublished_at = {article.published_at}\n"
                )
            if jsonl:
                jsonl.write(extracted.model_dump_json() + "\n")
    finally:
        if jsonl:
            jsonl.close()
    if out:
        (out / "articles.toml").write_text("\n".join(meta), encoding="utf-8")
    print(f"generated {articles} articles with {quotes} quotes (seed {args.seed})", file=sys.stderr)
    return 0


def _toml(value: str | None) -> str:
    import json

    return json.dumps(value or "", ensure_ascii=False)


def run(args: argparse.Namespace, settings: Any = None) -> int:
    from bench.run import run as run_bench

    run_bench(
        sizes=args.sizes,
        out=args.json,
        seed=args.seed,
        duration=args.duration,
        concurrencies=args.concurrency,
        workers=args.workers,
        work_dir=args.work_dir,
        extraction=not args.no_extraction,
        rebuild=args.rebuild,
        procs=args.procs,
    )
    return 0


def register(commands: Any) -> None:
    """Add ``generate`` and ``run`` to the ``bench`` subcommand group."""
    gen = commands.add_parser("generate", help="write a synthetic news corpus (deterministic by seed)")
    gen.add_argument("--articles", type=int, default=None, help="how many articles (default: 100)")
    gen.add_argument("--quotes", type=int, default=None, help="or: as many articles as hold this many quotes")
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--words", type=int, default=800, help="words per article (about)")
    gen.add_argument("--out", type=Path, default=None, help="folder for article .txt files and articles.toml")
    gen.add_argument(
        "--quotes-jsonl", type=Path, default=None, help="file for pre-extracted ExtractedArticle records"
    )
    gen.set_defaults(run=generate)

    bench = commands.add_parser(
        "run", help="benchmark extraction, index builds and search over HTTP against their floors"
    )
    bench.add_argument(
        "--sizes", type=_sizes, default=[10_000, 100_000], help="index sizes in quotes (default 10000,100000)"
    )
    bench.add_argument("--json", type=Path, default=Path("bench-results/latest.json"), help="results file")
    bench.add_argument("--seed", type=int, default=0)
    bench.add_argument("--duration", type=float, default=8.0, help="seconds per load run (default 8)")
    bench.add_argument(
        "--concurrency", type=_sizes, default=[1, 8, 32], help="client concurrencies (default 1,8,32)"
    )
    bench.add_argument("--workers", type=int, default=None, help="server workers (default: one per core)")
    bench.add_argument("--procs", type=int, default=None, help="indexing processes (default: one per core)")
    bench.add_argument("--work-dir", type=Path, default=Path("bench-results"), help="indexes and logs")
    bench.add_argument("--no-extraction", action="store_true", help="skip the extraction speed run")
    bench.add_argument("--rebuild", action="store_true", help="rebuild indexes even if a build exists")
    bench.set_defaults(run=run)
