"""Reading article files: folders, metadata, and files that are not articles."""

from pathlib import Path

import pytest

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
