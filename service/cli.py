"""The ``quotesearch`` command: extract, ingest, serve."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from extract import extract_article, load_topics
from extract.models import score_record
from service.corpus import ArticleFileError, read_articles
from service.settings import Settings


def _extract(args: argparse.Namespace, settings: Settings) -> int:
    topics = load_topics(settings.topics_file)
    for article in read_articles(args.paths):
        result = extract_article(article.text, article.meta, topics)
        for quote in result.quotes:
            print(json.dumps(score_record(article.path.name, quote), ensure_ascii=False))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotesearch", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print the quotes of articles as JSONL")
    extract.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    extract.set_defaults(run=_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code: int = args.run(args, Settings())
    except ArticleFileError as e:
        print(f"quotesearch: {e}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    raise SystemExit(main())
