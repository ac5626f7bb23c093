"""Topics are data: each one read from a TOML file, so adding a topic needs no code."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict


class Topic(BaseModel):
    """A subject quotes can take a side on, and the words that tie a quote to it."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    description: str
    terms: tuple[str, ...]
    support_cues: tuple[str, ...] = ()
    oppose_cues: tuple[str, ...] = ()


def load_topics(path: Path) -> list[Topic]:
    """Read every ``[[topic]]`` table of a topics file; an absent file means no topics."""
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Topic.model_validate(t) for t in data.get("topic", [])]
