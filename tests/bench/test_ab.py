"""bench.ab on a tiny index: an older revision's tree unpacks, and a server from a tree answers the mix."""

from __future__ import annotations

from pathlib import Path

from bench import ab, mix
from bench.corpus import Generator


def test_unpack_writes_the_revision_tree(tmp_path: Path) -> None:
    tree = ab.unpack("HEAD", tmp_path)
    assert (tree / "service" / "cli.py").is_file()
    assert (tree / "seed").is_dir()


def test_a_server_from_a_tree_answers_the_mix(tiny_index: Path, tmp_path: Path) -> None:
    bodies = [(r.kind, r.body().decode()) for pool in mix.requests(Generator(0), 0).values() for r in pool]
    result = ab.serve_and_load(ab.HERE, tiny_index, bodies, 2, tmp_path, warm=0.5, duration=1.0)
    assert result["errors"] == 0
    assert result["rps"] > 0
