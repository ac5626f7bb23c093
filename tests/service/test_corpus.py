"""Reading article files: folders, metadata, and files that are not articles."""

from pathlib import Path

import pytest

from service import corpus
from service.corpus import ArticleFileError, read_articles


def test_folders_are_read_in_order_with_their_metadata(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second\n\nBody.")
    (tmp_path / "a.txt").write_text("First\n\nBody.")
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / "articles.toml").write_text('[article."a.txt"]\noutlet = "Coast Herald"\n')
    articles = list(read_articles([tmp_path]))
    assert [a.path.name for a in articles] == ["a.txt", "b.txt"]
    assert articles[0].meta.outlet == "Coast Herald"
    assert articles[0].meta.source == "a.txt"
    assert articles[1].meta.outlet is None


def test_a_folders_metadata_is_read_once_however_many_articles_it_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Title {i}\n\nBody.")
    (tmp_path / "articles.toml").write_text('[article."3.txt"]\noutlet = "Coast Herald"\n')
    reads: list[Path] = []
    read_metadata = corpus._folder_metadata
    monkeypatch.setattr(
        corpus, "_folder_metadata", lambda folder: reads.append(folder) or read_metadata(folder)
    )
    articles = list(read_articles([tmp_path]))
    assert [a.meta.outlet for a in articles] == [None, None, None, "Coast Herald", None]
    assert reads == [tmp_path]


def test_binary_and_non_utf8_files_are_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "good.txt").write_text("Title\n\nA sentence.")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00")
    assert [a.path.name for a in read_articles([tmp_path])] == ["good.txt"]
    assert "not UTF-8" in caplog.text
    assert "binary" in caplog.text


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ArticleFileError, match="no such file"):
        list(read_articles([tmp_path / "missing"]))
