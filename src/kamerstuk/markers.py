"""Footnote markers in plain text, where the superscript is lost: "(NDPP)1", "technologiegebieden2"."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

#: Every run of digits; the few there are in a document are checked in Python, which is far cheaper
#: than a pattern with look-behinds tried at every character.
_DIGITS = re.compile(r"\d+")
_MONTH_BEFORE = re.compile(
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+$"
)
_GLUE = frozenset(")]»”\"’'.,:;")
_AFTER = frozenset(" \t\n.,;:)]»”'’-")
#: Words that end in digits but are names, not markers.
_NOT_MARKERS = frozenset(
    {"d66", "ja21", "bij1", "co2", "doc29", "a40", "q1", "q2", "q3", "q4", "h2", "no2", "pm10", "pm2", "covid-19"}
)
_TRAILING = re.compile(r"(?<=[^\W\d_)\]»”'’.])(\d{1,2})$")


def _candidate(text: str, start: int, end: int, expected: int) -> tuple[int, int] | None:
    """The marker (start, end) within the digit run text[start:end] if it can be note `expected`."""
    if end < len(text) and text[end] not in _AFTER:
        return None
    digits = text[start:end]
    marker = str(expected)
    if digits == marker:
        before = text[start - 1] if start else " "
        if not (before.isalpha() or before in _GLUE):
            return None
        if (
            start >= 2
            and (text[start - 2].isupper() or text[start - 2].isdigit())
            and (before.isupper() or before.isdigit())
        ):
            return None
        return start, end
    if (
        len(digits) in (5, 6)
        and digits.endswith(marker)
        and digits[:2] in ("19", "20")
        and len(digits) - len(marker) == 4
    ):
        if _MONTH_BEFORE.search(text, max(0, start - 12), start):
            return end - len(marker), end
    return None


def find_markers(text: str, ranges: Sequence[tuple[int, int]], limit: int | None = None) -> list[tuple[str, int, int]]:
    """Find note markers (number, start, end) inside the sorted `ranges` of `text`, in order.

    Plain text cannot tell a marker from a number by layout, so markers must count up: a candidate
    is taken only when it is the next note number (glued to a word, bracket, quote or punctuation,
    or to a year after a month name); `limit` (the highest note number, when the notes are known)
    caps the count.
    """
    if not ranges:
        return []
    starts = [start for start, _ in ranges]
    found: list[tuple[str, int, int]] = []
    expected = 1
    for match in _DIGITS.finditer(text):
        if limit is not None and expected > limit:
            break
        hit = _candidate(text, match.start(), match.end(), expected)
        if hit is None:
            continue
        index = bisect_right(starts, hit[0]) - 1
        if index < 0 or hit[0] >= ranges[index][1] or _is_name(text, hit[0], str(expected)):
            continue
        found.append((str(expected), hit[0], hit[1]))
        expected += 1
    return found


def _is_name(text: str, position: int, digits: str) -> bool:
    """True when the digits complete a known name such as D66 or CO2."""
    word_start = position
    while (
        word_start > 0
        and position - word_start < 12
        and (text[word_start - 1].isalnum() or text[word_start - 1] == "-")
    ):
        word_start -= 1
    return (text[word_start:position] + digits).lower() in _NOT_MARKERS


def strip_trailing_marker(text: str) -> tuple[str, str | None]:
    """Split a glued trailing marker off a heading or title: "INFORMATEURS1" -> ("INFORMATEURS", "1")."""
    match = _TRAILING.search(text)
    if match is None or _is_name(text, match.start(), match.group(1)):
        return text, None
    return text[: match.start()], match.group(1)
