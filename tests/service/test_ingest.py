"""``service.ingest``: extracting a folder without reading it all first, and bulk loads."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.models import ArticleMeta
from index.store import IndexStore
from service.corpus import ArticleFile
from service.ingest import BULK_PROCS_FROM, IN_FLIGHT, commit_all, extract_files
from tests.index.segments import GENERATOR, contents
from tests.service.support import QUOTESEARCH, article_text, cli_env, counts, write_articles


def test_extraction_reads_a_bounded_number_of_articles_ahead() -> None:
    pulled = 0

    def files() -> Iterator[ArticleFile]:
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield ArticleFile(Path(f"{i}.txt"), article_text(i), ArticleMeta())

    extracted = extract_files(files(), [], workers=2)
    first = next(extracted)
    assert first.quotes and pulled <= IN_FLIGHT * 2 + 1
    assert len([first, *extracted]) == 200 and pulled == 200


def test_a_bulk_load_holds_what_commit_by_commit_loading_holds_in_one_segment_per_process(
    tmp_path: Path,
) -> None:
    articles = list(GENERATOR.articles(quotes=3200))  # commits of 200 articles or more: two processes each
    bulk = IndexStore(tmp_path / "bulk", bulk=True)
    assert commit_all(bulk, articles, commit_every=BULK_PROCS_FROM, bulk=True, procs=2) == len(articles)
    plain = IndexStore(tmp_path / "plain")
    commit_all(plain, articles, commit_every=BULK_PROCS_FROM)
    assert len(bulk.index._segments()) == 2
    assert contents(bulk) == contents(plain)


@pytest.mark.slow
def test_the_cli_bulk_load_indexes_every_article(tmp_path: Path, topics_file: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, 30)
    index = tmp_path / "index"
    args = [QUOTESEARCH, "ingest", "--bulk", str(folder), "--index-dir", str(index), "--workers", "2"]
    done = subprocess.run(args, env=cli_env(topics_file), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert counts(index)["article"] == 30 and counts(index)["quote"] == 60
