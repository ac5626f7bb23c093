"""Error codes every client can branch on, and masking of everything unexpected.

Errors found before execution (syntax, validation, the limiters) come out of
graphql-core without a code; ``code_for`` names them so the HTTP layer can
add one to every error.

A resolver raises ``ApiError`` for what the client did wrong; any other
exception is a bug, logged with its stack trace on the server and shown to the
client only as ``INTERNAL`` with no detail.
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

logger = logging.getLogger("quotesearch.errors")


class ErrorCode(StrEnum):
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    NOT_FOUND = "NOT_FOUND"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    TIMEOUT = "TIMEOUT"
    INTERNAL = "INTERNAL"


class ApiError(GraphQLError):
    """An error the client can act on; ``extensions.code`` says which kind."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message, extensions={"code": code.value})


# Messages of strawberry's limiters (token count, depth, aliases): rejected before execution.
_TOO_COMPLEX = re.compile(
    r"more than \d+ tokens|exceeds maximum operation depth|aliases found|Cannot spread fragment .* itself"
)


PRE_EXECUTION = {
    ErrorCode.GRAPHQL_PARSE_FAILED,
    ErrorCode.GRAPHQL_VALIDATION_FAILED,
    ErrorCode.QUERY_TOO_COMPLEX,
}


def code_for(message: str) -> ErrorCode:
    """The code of an error raised before execution (parse, limits, validation), from its message."""
    if _TOO_COMPLEX.search(message):
        return ErrorCode.QUERY_TOO_COMPLEX
    if message.startswith("Syntax Error"):
        return ErrorCode.GRAPHQL_PARSE_FAILED
    return ErrorCode.GRAPHQL_VALIDATION_FAILED


def _is_expected(error: GraphQLError) -> bool:
    """Parse and validation errors, and ``ApiError``s, are the client's to see."""
    original = error.original_error
    return original is None or isinstance(original, GraphQLError)


class MaskInternalErrors(MaskErrors):
    """Replace unexpected errors by a bare INTERNAL error, logging the real one."""

    def __init__(self) -> None:
        super().__init__(
            should_mask_error=lambda error: not _is_expected(error), error_message="Internal error."
        )

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        logger.error("unexpected error in %s", error.path, exc_info=error.original_error)
        masked = super().anonymise_error(error)
        masked.extensions = {"code": ErrorCode.INTERNAL.value}
        return masked
