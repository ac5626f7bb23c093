"""Relay cursor pagination over offset-addressable result lists.

Cursors are opaque (base64 of the offset) and arguments are checked, not
clamped: asking for more than ``MAX_PAGE`` items is an error, as in GitHub's API.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from schema.errors import ApiError, ErrorCode

MAX_PAGE = 100
DEFAULT_PAGE = 10
_PREFIX = "cursor:"


def encode_cursor(offset: int) -> str:
    return base64.b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.b64decode(cursor.encode(), validate=True).decode()
        if text.startswith(_PREFIX):
            offset = int(text[len(_PREFIX) :])
            if offset >= 0:
                return offset
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise ApiError(ErrorCode.BAD_USER_INPUT, f"invalid cursor {cursor!r}")


@dataclass(frozen=True)
class Window:
    """Which slice of a result list a page covers: ``offset`` and ``limit`` items."""

    offset: int
    limit: int
    needs_total: bool = False  # `last` without `before` counts from the end


def check_size(name: str, value: int | None) -> None:
    if value is not None and not 1 <= value <= MAX_PAGE:
        raise ApiError(ErrorCode.BAD_USER_INPUT, f"`{name}` must be between 1 and {MAX_PAGE}, got {value}")


def window(first: int | None, after: str | None, last: int | None, before: str | None) -> Window:
    """The slice that ``first``/``after``/``last``/``before`` ask for."""
    check_size("first", first)
    check_size("last", last)
    if first is not None and last is not None:
        raise ApiError(ErrorCode.BAD_USER_INPUT, "pass `first` or `last`, not both")
    start = decode_cursor(after) + 1 if after else 0
    end = decode_cursor(before) if before else None
    if last is not None:
        if end is None:
            return Window(offset=0, limit=last, needs_total=True)
        return Window(offset=max(start, end - last), limit=min(last, max(0, end - start)))
    size = first or DEFAULT_PAGE
    if end is not None:
        size = min(size, max(0, end - start))
    return Window(offset=start, limit=size)


def from_end(win: Window, total: int) -> Window:
    """Resolve a `last`-only window once the total is known."""
    return Window(offset=max(0, total - win.limit), limit=min(win.limit, total))
