"""Facts about a parsed Document that several rules share: where a span is, whether the text has an end."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..models import Diagnostic, Document

#: Last lines of the site's page chrome that follow the notes or the signature: the page ended here.
END_CHROME = frozenset({"Naar boven"})


def line_starts(text: str) -> list[int]:
    """The offset of every line's first character in `text`, built once so each lookup is a bisection."""
    return [0, *(match.end() for match in re.finditer("\n", text))]


def line_column(starts: list[int], offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of `offset`, given the text's `line_starts`."""
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def located(diagnostic: Diagnostic, starts: list[int]) -> Diagnostic:
    """The diagnostic with line and column filled from its span's start, when it has a span."""
    if diagnostic.span is None:
        return diagnostic
    line, column = line_column(starts, diagnostic.span.start)
    return diagnostic.model_copy(update={"line": line, "column": column})


def last_line(text: str) -> str:
    """The last non-blank line of `text`, stripped."""
    lines = text.rstrip().rsplit("\n", 1)
    return lines[-1].strip()


def has_end(doc: Document) -> bool:
    """True when the text plainly reaches the document's end: it has its notes, or ends with page chrome.

    Many inputs are page beginnings; rules about what a whole document must hold only apply to these.
    """
    return bool(doc.notes) or last_line(doc.text) in END_CHROME
