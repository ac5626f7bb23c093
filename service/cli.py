"""The ``quotesearch`` command: extract, ingest, serve, schema."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from extract import extract_article, load_topics
from extract.models import score_record
from index.store import IndexBusyError, IndexStore
from service.corpus import ArticleFileError, read_articles
from service.ingest import BULK_COMMIT_EVERY, ingest_paths
from service.settings import Settings


def _extract(args: argparse.Namespace, settings: Settings) -> int:
    topics = load_topics(settings.topics_file)
    for article in read_articles(args.paths):
        result = extract_article(article.text, article.meta, topics)
        for quote in result.quotes:
            print(json.dumps(score_record(article.path.name, quote), ensure_ascii=False))
    return 0


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    store = IndexStore(args.index_dir or settings.index_dir, bulk=args.bulk)
    before = store.doc_count()
    skipped: list[str] = []
    count = ingest_paths(
        store,
        args.paths,
        load_topics(settings.topics_file),
        workers=args.workers,
        on_commit=lambda n: print(f"committed {n} articles", file=sys.stderr),
        skipped=skipped,
        bulk=args.bulk,
    )
    print(f"read {count} articles; index now holds {store.doc_count()} documents (was {before})")
    if skipped:
        print(f"quotesearch: skipped {len(skipped)} files that are not articles:", file=sys.stderr)
        for problem in skipped:
            print(f"  {problem}", file=sys.stderr)
        return 1
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    """Build the index if needed, then serve it with one uvicorn worker per core (by default)."""
    import os

    import uvicorn

    from service.bootstrap import open_index

    if args.index_dir:
        os.environ["QUOTESEARCH_INDEX_DIR"] = str(args.index_dir)  # the workers read settings from env
        settings = Settings()
    open_index(settings).index.close()  # build once here, not in every worker
    workers = args.workers or os.cpu_count() or 1
    uvicorn.run(  # the app logs each request itself (service/observability.py)
        "service.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=workers,
        access_log=False,
    )
    return 0


def _build_index(args: argparse.Namespace, settings: Settings) -> int:
    from service.bootstrap import open_index

    if args.index_dir:
        settings = settings.model_copy(update={"index_dir": args.index_dir})
    store = open_index(settings)
    print(f"index {settings.index_dir} ready: {store.doc_count()} documents")
    return 0


def _schema(args: argparse.Namespace, settings: Settings) -> int:
    from schema import build_schema

    print(build_schema().as_str())
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotesearch", description="Search what public figures said.")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="print the quotes of articles as JSONL (scorer format)")
    extract.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    extract.set_defaults(run=_extract)

    ingest = commands.add_parser("ingest", help="extract articles and add them to the index (idempotent)")
    ingest.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    ingest.add_argument("--index-dir", type=Path, help="index folder (default: $QUOTESEARCH_INDEX_DIR)")
    ingest.add_argument(
        "--workers",
        type=int,
        default=None,
        help="extraction (and bulk indexing) processes (default: all cores)",
    )
    ingest.add_argument(
        "--bulk",
        action="store_true",
        help=f"load an archive: commits of {BULK_COMMIT_EVERY} articles indexed on every core, "
        "then one merge of the whole index (for a new or small index: the merge rewrites all of it)",
    )
    ingest.set_defaults(run=_ingest)

    serve = commands.add_parser(
        "serve", help="serve the GraphQL API (builds the index from seed/ if missing)"
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--index-dir", type=Path, help="index folder (default: $QUOTESEARCH_INDEX_DIR)")
    serve.add_argument("--workers", type=int, default=None, help="server processes (default: one per core)")
    serve.set_defaults(run=_serve)

    build = commands.add_parser("build-index", help="build the index from seed/ if it is missing or stale")
    build.add_argument("--index-dir", type=Path, help="index folder (default: $QUOTESEARCH_INDEX_DIR)")
    build.set_defaults(run=_build_index)

    schema = commands.add_parser("schema", help="print the GraphQL schema (SDL)")
    schema.set_defaults(run=_schema)

    from bench.cli import register as register_bench

    bench = commands.add_parser("bench", help="benchmarks: generate a corpus, run the benchmark")
    bench_commands = bench.add_subparsers(dest="bench_command", required=True)
    register_bench(bench_commands)
    from bench.extraction import register as register_extraction_bench

    register_extraction_bench(bench_commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    args = _parser().parse_args(argv)
    try:
        code: int = args.run(args, Settings())
    except (ArticleFileError, IndexBusyError) as e:
        print(f"quotesearch: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    raise SystemExit(main())
