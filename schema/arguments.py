"""Arguments shared by every connection field, described once for the explorer's docs."""

from __future__ import annotations

from typing import Annotated

import strawberry

from extract.models import Stance
from schema.errors import ApiError, ErrorCode

First = Annotated[
    int | None, strawberry.argument(description="Return the first n items (1-100; default 10).")
]
After = Annotated[str | None, strawberry.argument(description="Return items after this cursor.")]
Last = Annotated[int | None, strawberry.argument(description="Return the last n items (1-100).")]
Before = Annotated[str | None, strawberry.argument(description="Return items before this cursor.")]
StanceFilter = Annotated[Stance | None, strawberry.argument(description="Only quotes with this stance.")]
TopicFilter = Annotated[
    strawberry.ID | None, strawberry.argument(description="Only quotes on this topic id.")
]

MAX_NAME_CHARS = 200


def check_lengths(**values: str | None) -> None:
    """Names, countries and offices are short; a long one is an attack or a mistake, not a search."""
    for name, value in values.items():
        if value is not None and len(value) > MAX_NAME_CHARS:
            raise ApiError(ErrorCode.BAD_USER_INPUT, f"`{name}` is longer than {MAX_NAME_CHARS} characters")
