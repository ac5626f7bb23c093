"""A tiny synthetic index, built once per session, for the benchmark helpers' tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.build import build_index
from bench.corpus import Generator


@pytest.fixture(scope="session")
def tiny_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "index"
    build_index(Generator(seed=0).articles(quotes=300), path, procs=1)
    return path
