"""Settings from environment variables (prefix ``QUOTESEARCH_``), validated by pydantic-settings."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything an operator can set; see the README's "Configuration" table."""

    model_config = SettingsConfigDict(env_prefix="QUOTESEARCH_", env_file=None)

    index_dir: Path = Field(Path("data/index"), description="Where the Whoosh index lives.")
    seed_dir: Path = Field(Path("seed"), description="Articles indexed when no index exists yet.")
    topics_file: Path = Field(Path("seed/topics.toml"), description="Topics quotes take a stance on.")
    api_token: SecretStr | None = Field(None, description="Bearer token for mutations; unset disables them.")
    graphiql: bool = Field(True, description="Serve the GraphiQL explorer at GET /graphql.")
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed by CORS; none by default."
    )
    search_time_budget: float = Field(2.0, gt=0, description="Seconds a search may run before it is stopped.")
    request_time_budget: float = Field(5.0, gt=0, description="Seconds a whole request may take.")
    max_body_bytes: int = Field(4_000_000, gt=0, description="Largest accepted request body.")
    response_cache_mb: int = Field(
        64, ge=0, description="Memory per worker for repeated queries' answers (0 turns it off)."
    )
    introspection: bool = Field(True, description="Answer schema introspection (GraphiQL needs it).")
    read_only: bool = Field(
        False, description="Open the index read-only (e.g. a read-only mount); no mutations."
    )
