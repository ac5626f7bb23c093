"""Error codes every client can branch on, and masking of everything unexpected.

A resolver raises ``ApiError`` for what the client did wrong; any other
exception is a bug, logged with its stack trace on the server and shown to the
client only as ``INTERNAL`` with no detail.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

logger = logging.getLogger("quotesearch.errors")


class ErrorCode(StrEnum):
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
