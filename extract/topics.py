"""Topics are data: each one read from a TOML file, so adding a topic needs no code.

A topic names what quotes take a side on and the words that tie a quote to it.
The classifier's general English (negation, "rule out", "no plans to") lives in
``extract.polarity``; a topic only adds its own vocabulary and the few stance cues
that mean something for it alone (for troops in Ukraine, "Article 5").
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class StanceGuide(BaseModel):
    """The labelling rules a human annotator follows for this topic, shown to users as-is."""

    model_config = ConfigDict(frozen=True)

    support: str = ""
    oppose: str = ""
    neutral: str = ""


class Topic(BaseModel):
    """A subject quotes can take a side on, and the words that tie a quote to it.

    Every word list holds base forms ("send", "troop"); inflections are matched for
    free. ``word*`` matches a prefix and ``...`` a gap of up to three words.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    description: str
    stance_guide: StanceGuide = StanceGuide()
    terms: tuple[str, ...] = Field(min_length=1, description="Nouns that make a quote relevant.")
    actions: tuple[str, ...] = Field(default=(), description="Verbs of the act the stance is about.")
    risk_terms: tuple[str, ...] = Field(default=(), description="Feared consequences beyond general ones.")
    support_cues: tuple[str, ...] = Field(default=(), description="Phrases that favour it (negatable).")
    oppose_cues: tuple[str, ...] = Field(default=(), description="Phrases that reject it (negatable).")


def load_topics(path: Path) -> list[Topic]:
    """Read every ``[[topic]]`` table of a topics file; an absent file means no topics.

    Duplicate ids are refused: results name their topic by id, so two topics
    sharing one would make every stance ambiguous.
    """
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    topics = [Topic.model_validate(t) for t in data.get("topic", [])]
    ids = [t.id for t in topics]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"{path}: duplicate topic ids: {', '.join(duplicates)}")
    return topics
