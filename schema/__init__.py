"""The GraphQL schema: Strawberry types over the index, with limits against hostile queries.

Knows nothing of HTTP: the service builds a ``Context`` per request.
"""

from __future__ import annotations

from collections.abc import Callable

from strawberry import Schema
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig

from schema.context import Context
from schema.errors import ApiError, ErrorCode, MaskInternalErrors
from schema.mutation import Mutation
from schema.query import Query

__all__ = ["ApiError", "Context", "ErrorCode", "build_schema"]

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 2000


def build_schema(introspection: bool = True) -> Schema:
    """The schema with its protective extensions: limits run before execution, caches skip re-parsing.

    ``introspection=False`` is for locked-down deployments (GraphiQL needs introspection).
    """
    extensions: list[Callable[[], SchemaExtension] | type[SchemaExtension]] = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        MaskInternalErrors,
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return Schema(
        query=Query, mutation=Mutation, config=StrawberryConfig(auto_camel_case=True), extensions=extensions
    )
