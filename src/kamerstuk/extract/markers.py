"""Footnote markers in plain text, where the superscript is lost: "(NDPP)1", "technologiegebieden2"."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence

import regex

#: Every run of ASCII digits (a marker is ASCII); the few there are in a document are checked in
#: Python, far cheaper than a pattern with look-behinds tried at every character. `regex` scans
#: `[0-9]+` several times faster than `re` scans `\d+`.
_DIGITS = regex.compile(r"[0-9]+")
_ASCII_DIGITS = frozenset("0123456789")
_MONTH_BEFORE = re.compile(
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+$"
)
#: "01-10-2016" before a glued marker: a numeric date ("(Volkskrant, 01-10-20161)").
_NUMERIC_DATE_BEFORE = re.compile(r"(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.]$")
#: A five-digit number that is cited (a dossier "20223, nr. 7", "Kamerstuk 19637") is no year plus marker.
_CITED_NUMBER = re.compile(r"(?:[Kk]amerstuk(?:ken)?|[Dd]ossier)\s+\d+$|^\d+\s*,?\s*(?:nr|nrs)\b|\d+[-/]\d")
_GLUE = frozenset(")]»”\"’'.,:;?!")
_AFTER = frozenset(" \t\n.,;:)]»”'’-")
#: Words that end in digits but are names, not markers.
_NOT_MARKERS = frozenset(
    {"d66", "ja21", "bij1", "co2", "doc29", "a40", "q1", "q2", "q3", "q4", "h2", "no2", "pm10", "pm2", "covid-19"}
)
#: "14a.1", "2.3", "G.3": the digits after the dot number an article, section or part.
_NUMBERED_LABEL = re.compile(r"(?:\b\d+[a-z]{0,2}|\b[A-Z])\.$")
_GLUED_END = re.compile(r"[^\W\d_]\d{1,3}$")
_TRAILING = re.compile(r"(?<=[^\W\d_)\]»”'’.])(\d{1,2})$")


def _candidate(text: str, start: int, end: int, expected: int) -> tuple[int, int] | None:
    """The marker (start, end) within the digit run text[start:end] if it can be note `expected`."""
    digits = text[start:end]
    marker = str(expected)
    after = text[end] if end < len(text) else " "
    if digits == marker:
        before = text[start - 1] if start else " "
        if before.isalpha():
            if after not in _AFTER and not (before.islower() and after.islower()):
                return None
            return None if _is_code(text, start, after) else (start, end)
        if before == "." and _NUMBERED_LABEL.search(text, max(0, start - 12), start):
            return None
        return (start, end) if before in _GLUE and after in _AFTER else None
    if after in _AFTER and len(digits) == 4 + len(marker) and digits.endswith(marker) and _is_year(digits[:4]):
        if (
            _MONTH_BEFORE.search(text, max(0, start - 12), start)
            or _NUMERIC_DATE_BEFORE.search(text, max(0, start - 8), start)
            or not _CITED_NUMBER.search(text, max(0, start - 12), end + 6)
        ):
            return end - len(marker), end
    if after in _AFTER and digits.endswith(marker) and _code_before(text, start, digits) == len(digits) - len(marker):
        return end - len(marker), end
    return None


def _is_code(text: str, position: int, after: str) -> bool:
    """True when the letters before `position` are a capital code such as IP4, G5 or E1.

    Two capitals or fewer are always a code; three to five only when no punctuation or line end
    follows ("EMSA1," and a heading's "STAAT1" are markers, "BBP2 groei" is not).
    """
    word_start = position
    while word_start > 0 and position - word_start <= 6 and text[word_start - 1].isalnum():
        word_start -= 1
    word = text[word_start:position]
    if not word.isupper():
        return False
    return len(word) <= 2 or (len(word) <= 5 and after not in ".,;:)\n")


def _is_year(digits: str) -> bool:
    return digits[:2] in ("19", "20") and 1900 <= int(digits) <= 2049


def find_markers(
    text: str,
    ranges: Sequence[tuple[int, int]],
    limit: int | None = None,
    known: Sequence[tuple[int, str]] = (),
    first: int = 1,
) -> list[tuple[str, int, int]]:
    """Find note markers (number, start, end) inside the sorted `ranges` of `text`, in order.

    Plain text cannot tell a marker from a number by layout, so markers must count up: a candidate
    is taken only when it is the next note number (glued to a word, bracket, quote or punctuation,
    to a year after a month name or in a numeric date, or listed after the previous marker as in
    "»1, 2"), and not a page number glued to an entry of a table of contents. Counting starts at
    `first` (the lowest note number, when the notes are known); when no marker counts up from it,
    an excerpt may start mid-way, and counting starts from the first plausible marker instead. Past
    `limit` (the highest note number) only a marker glued to a word continues the count, so that a
    marker whose note is missing is still found. `known` are (position, number) markers the reader
    already placed; counting goes on from them.
    """
    if not ranges:
        return []
    if known:
        found = _count_markers(text, ranges, limit, known, first, mid_way=False)
    else:
        found = _count_by_search(text, ranges, limit, first)
    if not found and not known:
        found = _count_markers(text, ranges, limit, known, first, mid_way=True)
    return found


def _count_markers(
    text: str,
    ranges: Sequence[tuple[int, int]],
    limit: int | None,
    known: Sequence[tuple[int, str]],
    first: int,
    *,
    mid_way: bool,
) -> list[tuple[str, int, int]]:
    """One counting pass of `find_markers`; with `mid_way` the count starts at the first plausible marker."""
    starts = [start for start, _ in ranges]
    pending = sorted(known)
    next_known = 0
    found: list[tuple[str, int, int]] = []
    expected: int | None = None if mid_way else first
    last_end = -1
    for match in _DIGITS.finditer(text):
        start, end = match.span()
        while next_known < len(pending) and pending[next_known][0] <= start:
            placed = pending[next_known][1]
            expected = int(placed) + 1 if placed.isdigit() else expected
            next_known += 1
        if expected is None:
            hit = _first_candidate(text, start, end)
            if hit is None:
                continue
            number = int(text[hit[0] : hit[1]])
        elif limit is not None and expected > limit:
            found.extend(_past_limit(text, ranges, starts, expected, start))
            break
        elif not text.endswith(str(expected), start, end):
            # every kind of candidate below ends in the expected number: a run that does not cannot be one
            continue
        else:
            number = expected
            hit = _expected_hit(text, start, end, expected, last_end)
        if hit is None or not _accepted(text, ranges, starts, hit, str(number)):
            continue
        found.append((str(number), hit[0], hit[1]))
        expected = number + 1
        last_end = hit[1]
    return found


def _expected_hit(text: str, start: int, end: int, expected: int, last_end: int) -> tuple[int, int] | None:
    """The marker `expected` in the digit run text[start:end]: in a list right after the last marker
    ("1, 2"), else as a lone candidate; None when it is neither."""
    listed = last_end >= 0 and start - last_end <= 2
    hit = _listed(text, start, end, expected, last_end) if listed else None
    return hit if hit is not None else _candidate(text, start, end, expected)


def _accepted(
    text: str, ranges: Sequence[tuple[int, int]], starts: list[int], hit: tuple[int, int], number: str
) -> bool:
    """Whether a marker found at `hit` stands inside one of the `ranges` (starting at `starts`) and is
    neither part of a name nor an entry of a contents list."""
    index = bisect_right(starts, hit[0]) - 1
    if index < 0 or hit[0] >= ranges[index][1]:
        return False
    return not (_is_name(text, hit[0], number) or _in_contents_list(text, hit[1]))


def _count_by_search(
    text: str, ranges: Sequence[tuple[int, int]], limit: int | None, first: int
) -> list[tuple[str, int, int]]:
    """`_count_markers` from `first` without known markers, going from one digit run that ends in the
    expected number to the next by `str.find` instead of walking every digit run of the text.

    The same result: without known markers the expected number changes only at a taken marker, and
    a run that does not end in it yields no candidate (`_listed` and `_candidate` both need that
    ending), so the runs skipped are runs the walk would pass over; past `limit` the walk's next run
    is the next digit run after the last marker, found here by one search.
    """
    starts = [start for start, _ in ranges]
    found: list[tuple[str, int, int]] = []
    expected = first
    last_end = -1
    position = 0
    size = len(text)
    for _ in range(size + 1):  # each pass moves `position` on or leaves
        if limit is not None and expected > limit:
            following = _DIGITS.search(text, position)
            if following is not None:
                found.extend(_past_limit(text, ranges, starts, expected, following.start()))
            break
        marker = str(expected)
        at = text.find(marker, position)
        if at < 0:
            break
        end = at + len(marker)
        if end < size and text[end] in _ASCII_DIGITS:
            position = at + 1  # inside a longer run: look further
            continue
        start = at  # back to where the run starts (it may start before `position` after a look inside it)
        for _ in range(at):
            if text[start - 1] not in _ASCII_DIGITS:
                break
            start -= 1
        position = end
        hit = _expected_hit(text, start, end, expected, last_end)
        if hit is None or not _accepted(text, ranges, starts, hit, marker):
            continue
        found.append((marker, hit[0], hit[1]))
        expected += 1
        last_end = hit[1]
    return found


def _past_limit(
    text: str, ranges: Sequence[tuple[int, int]], starts: list[int], expected: int, position: int
) -> list[tuple[str, int, int]]:
    """Markers past the last note number: only the next number glued to a word counts ("technologiegebieden2"),
    found by a search for that number after three letters, so the rest of the text is not walked digit by digit."""
    found: list[tuple[str, int, int]] = []
    prose_end = ranges[-1][1]
    for _ in range(len(text)):
        match = _glued_number(expected).search(text, position, prose_end)
        if match is None:
            break
        position = match.end()
        hit = _candidate(text, match.start(), match.end(), expected)
        index = bisect_right(starts, match.start()) - 1
        if hit is None or index < 0 or hit[0] >= ranges[index][1]:
            continue
        if _is_name(text, hit[0], str(expected)) or _in_contents_list(text, hit[1]):
            continue
        found.append((str(expected), hit[0], hit[1]))
        expected += 1
    return found


@functools.lru_cache(maxsize=64)
def _glued_number(number: int) -> regex.Pattern[str]:
    """The digits of `number` right after three letters and before no further digit."""
    return regex.compile(r"(?<=[^\W\d_]{3})" + str(number) + r"(?![0-9])")


#: What stands between two markers of a flattened superscript list: "»1, 2", "1,2", "1 2".
_LIST_GAP = frozenset({", ", ",", " "})


def _listed(text: str, start: int, end: int, expected: int, last_end: int) -> tuple[int, int] | None:
    """The next number of a flattened marker list right after the previous marker ("»1, 2")."""
    if last_end < 0 or text[last_end:start] not in _LIST_GAP or text[start:end] != str(expected):
        return None
    after = text[end] if end < len(text) else " "
    return (start, end) if after in _AFTER else None


def _first_candidate(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A marker that can open the count of an excerpt that starts mid-way: one or two digits glued to a
    lower-case word ("tijdstip2"), to a closing quote or bracket, to punctuation after a word
    ("staatsrecht.4"), or to a known code that ends in digits ("covid-192")."""
    digits = text[start:end]
    after = text[end] if end < len(text) else " "
    if after not in _AFTER:
        return None
    code = _code_before(text, start, digits)
    if code is not None:
        start += code
        digits = digits[code:]
    if not 1 <= len(digits) <= 2 or digits[0] == "0":
        return None
    before = text[start - 1] if start else " "
    if code is not None or before in ')»”’"':
        return start, end
    if before in ".,:;":
        word = text[max(0, start - 6) : start - 1]
        return (start, end) if len(word) == 5 and word.isalpha() and word.islower() else None
    word = text[max(0, start - 3) : start]
    return (start, end) if len(word) == 3 and word.isalpha() and word.islower() else None


def _code_before(text: str, start: int, digits: str) -> int | None:
    """How many leading digits of the run belong to a known code glued before a marker ("covid-19" + "2")."""
    if not start or not (text[start - 1].isalnum() or text[start - 1] == "-"):
        return None  # no word before the digits, and every code opens with a letter
    return _code_in_word_before(text, start, digits)


def _code_in_word_before(text: str, start: int, digits: str) -> int | None:
    """`_code_before` without its pre-test: the word before the digits, then the known codes."""
    word_start = start
    while (
        word_start > 0 and start - word_start < 12 and (text[word_start - 1].isalnum() or text[word_start - 1] in "-")
    ):
        word_start -= 1
    word = text[word_start:start].lower()
    for length in range(1, len(digits)):
        if (word + digits[:length]) in _NOT_MARKERS:
            return length
    return None


def _in_contents_list(text: str, end: int) -> bool:
    """True when the digits end a short line whose nearest non-blank neighbour also ends in glued
    digits: a flattened table of contents ("ALGEMEEN2", "Aanhef2"), where the digits are pages."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[end:line_end].strip():
        return False
    line_start = text.rfind("\n", 0, end) + 1
    if end - line_start > 80:
        return False
    before = [line.rstrip() for line in text[max(0, line_start - 300) : line_start].split("\n") if line.strip()]
    after = [line.rstrip() for line in text[line_end : line_end + 300].split("\n") if line.strip()]
    neighbours = before[-1:] + after[:1]
    return any(len(line) <= 80 and _GLUED_END.search(line) for line in neighbours)


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
    # The unanchored search tries every position of a title; it can only match a text that ends in a
    # digit (or a digit and the one line break `$` allows), and most titles end in a letter.
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    match = _TRAILING.search(text) if last.isdigit() else None
    if match is None or _is_name(text, match.start(), match.group(1)):
        return text, None
    return text[: match.start()], match.group(1)
