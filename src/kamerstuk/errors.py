"""The one exception family `kamerstuk` raises for bad input."""

from __future__ import annotations


class ParseError(ValueError):
    """The input could not be read as a Kamerstuk; the message names what and where."""

    def __init__(self, message: str, *, source: str | None = None, position: int | None = None) -> None:
        self.source = source
        self.position = position
        where = []
        if source is not None:
            where.append(source)
        if position is not None:
            where.append(f"offset {position}")
        super().__init__(f"{': '.join(where)}: {message}" if where else message)
        self.reason = message


class InputTooLargeError(ParseError):
    """The input is larger than the configured maximum size."""
