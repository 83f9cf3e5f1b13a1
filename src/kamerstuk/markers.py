"""Footnote markers in plain text, where the superscript is lost: "(NDPP)1", "technologiegebieden2"."""

from __future__ import annotations

from collections.abc import Iterable

import regex

#: Digits glued to a word, a closing bracket or quote, or punctuation, ending at a boundary.
_CANDIDATE = regex.compile(
    r"""(?<=[\p{L}\)\]»”"’'.,:;])      # glued to a letter, bracket, quote or punctuation
        (?<![\p{Lu}\d][\p{Lu}\d])       # not the tail of a code such as IP4, JA21, G5, 4G
        (?P<n>\d{1,3})
        (?=[\s.,;:)\]»”'’-]|$)""",
    regex.VERBOSE,
)
#: A year with a marker glued to it, after a month name: "31 augustus 20231".
_YEAR_MARKER = regex.compile(
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+"
    r"(?:19|20)\d\d(?P<n>\d{1,2})(?=[\s.,;:)]|$)"
)
#: Words that end in digits but are names, not markers.
_NOT_MARKERS = frozenset(
    {"d66", "ja21", "bij1", "co2", "doc29", "a40", "q1", "q2", "q3", "q4", "h2", "no2", "nox2", "pm10", "pm2", "covid-19"}
)


def find_markers(text: str, ranges: Iterable[tuple[int, int]], limit: int | None = None) -> list[tuple[str, int, int]]:
    """Find note markers (number, start, end) in `ranges` of `text`, in order.

    Plain text cannot tell a marker from a number by layout, so markers must count up: a candidate
    is taken when it is the next note number, or repeats an earlier one right after a bracket or
    quote; `limit` (the highest note number, when the notes are known) caps the count.
    """
    found: list[tuple[str, int, int]] = []
    expected = 1
    for start, end in ranges:
        segment = text[start:end]
        candidates = sorted(
            [(m.start("n"), m.end("n"), m.group("n")) for m in _CANDIDATE.finditer(segment)]
            + [(m.start("n"), m.end("n"), m.group("n")) for m in _YEAR_MARKER.finditer(segment)]
        )
        for m_start, m_end, digits in candidates:
            value = int(digits)
            if value != expected or (limit is not None and value > limit):
                continue
            if _is_name(segment, m_start, digits):
                continue
            found.append((digits, start + m_start, start + m_end))
            expected += 1
    return found


def _is_name(segment: str, position: int, digits: str) -> bool:
    """True when the digits complete a known name such as D66 or CO2."""
    word_start = position
    while word_start > 0 and (segment[word_start - 1].isalnum() or segment[word_start - 1] == "-"):
        word_start -= 1
    return (segment[word_start:position] + digits).lower() in _NOT_MARKERS


def strip_trailing_marker(text: str) -> tuple[str, str | None]:
    """Split a glued trailing marker off a heading or title: "INFORMATEURS1" -> ("INFORMATEURS", "1")."""
    match = regex.search(r"(?<=[\p{L})\]»”'’.])(\d{1,2})$", text)
    if match is None or _is_name(text, match.start(), match.group(1)):
        return text, None
    return text[: match.start()], match.group(1)
