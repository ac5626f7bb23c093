"""The GraphQL schema: Strawberry types over the index, with limits against hostile queries.

Knows nothing of HTTP: the service builds a ``Context`` per request.
"""

from __future__ import annotations

from collections.abc import Callable

from graphql import ASTValidationRule
from strawberry import Schema
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.schema.config import StrawberryConfig

from schema.context import Context
from schema.errors import ApiError, ErrorCode, MaskInternalErrors
from schema.mutation import Mutation
from schema.query import Query

__all__ = ["ApiError", "Context", "ErrorCode", "build_schema"]

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 2000
# Depth and alias rules built once: the validation cache keys on the rule classes, and
# QueryDepthLimiter/MaxAliasesLimiter would build new ones per request, so it never hit.
LIMIT_RULES: list[type[ASTValidationRule]] = [depth_rule(MAX_DEPTH, None), alias_rule(MAX_ALIASES)]


def build_schema(introspection: bool = True) -> Schema:
    """The schema with its protective extensions: limits run before execution, caches skip re-parsing.

    ``introspection=False`` is for locked-down deployments (GraphiQL needs introspection).
    """
    extensions: list[Callable[[], SchemaExtension] | type[SchemaExtension]] = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: AddValidationRules(LIMIT_RULES),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        MaskInternalErrors,
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return Schema(
        query=Query, mutation=Mutation, config=StrawberryConfig(auto_camel_case=True), extensions=extensions
    )
