"""Dutch dates and dated lines ("Den Haag, 3 oktober 2024", "Vastgesteld 21 juni 2022")."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

import regex
from dateutil import parser as dateutil_parser


class DutchParserInfo(dateutil_parser.parserinfo):
    """Dutch month and weekday names for python-dateutil."""

    MONTHS = [
        ("jan", "januari"),
        ("feb", "februari"),
        ("mrt", "maart", "mar"),
        ("apr", "april"),
        ("mei", "mei"),
        ("jun", "juni"),
        ("jul", "juli"),
        ("aug", "augustus"),
        ("sep", "sept", "september"),
        ("okt", "oktober", "oct"),
        ("nov", "november"),
        ("dec", "december"),
    ]
    WEEKDAYS = [
        ("ma", "maandag"),
        ("di", "dinsdag"),
        ("wo", "woensdag"),
        ("do", "donderdag"),
        ("vr", "vrijdag"),
        ("za", "zaterdag"),
        ("zo", "zondag"),
    ]


_PARSERINFO = DutchParserInfo(dayfirst=True)
MONTH_NAMES = r"(?i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
#: "3 oktober 2024", also with the OCR-like lack of a space and a marker-free year.
DATE_PATTERN = r"(?P<date>(?P<day>[0-3]?\d)\s{0,2}" + MONTH_NAMES + r"\s{0,2}(?P<year>1[89]\d\d|20\d\d))"

_DATELINE = regex.compile(
    r"""^(?:
        (?P<label>(?i:vastgesteld|voorgesteld|ontvangen|ingediend|ingezonden|beantwoord|publicatiedatum))[^\n]{0,80}?
      | (?P<place>(?:['’]s-Gravenhage|Den\ Haag|[A-Z][\p{L}'’.-]+(?:[ -][A-Z\p{Ll}][\p{L}'’.-]+){0,3})),?\s*\n?\s*
    )?"""
    + DATE_PATTERN
    + r"\s*$",
    regex.VERBOSE,
)


#: A dated line is shorter than this: longer lines are never asked the pattern.
DATELINE_LENGTH = 120


@dataclass(frozen=True, slots=True)
class DateLine:
    """A parsed dated line: the place or label before the date, and the date with its offsets."""

    place: str | None
    label: str | None
    date: datetime.date | None
    date_start: int
    date_end: int
    place_start: int | None
    place_end: int | None


@functools.lru_cache(maxsize=8192)
def parse_date(text: str) -> datetime.date | None:
    """Parse a Dutch date such as "3 oktober 2024"; None when it is no valid date.

    Cached: an archive repeats the same few thousand dates, and dateutil is the slow step.
    """
    try:
        value = dateutil_parser.parse(text, parserinfo=_PARSERINFO, default=datetime.datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None
    return value.date()


def _may_end_in_year(line: str) -> bool:
    """A necessary condition for a dated line, far cheaper than the pattern: it ends in a year."""
    tail = line.rstrip()
    return len(tail) >= 4 and tail[-4] in "12" and tail[-1].isdigit()


def is_dateline(line: str) -> bool:
    """True when the whole line is a dated line (cheap: no date arithmetic)."""
    return len(line) < DATELINE_LENGTH and _may_end_in_year(line) and _DATELINE.match(line) is not None


@functools.lru_cache(maxsize=8192)
def parse_dateline(line: str) -> DateLine | None:
    """Parse a whole dated line; None when the line is not one (cached: the moties of one day share
    "Voorgesteld 12 maart 2024", and the pattern's lazy label gap makes a match cost several µs)."""
    match = _DATELINE.match(line) if len(line) < DATELINE_LENGTH and _may_end_in_year(line) else None
    if match is None:
        return None
    date = parse_date(match.group("date"))
    place = match.group("place")
    label = match.group("label")
    if place is not None:
        return DateLine(
            place, None, date, match.start("date"), match.end("date"), match.start("place"), match.end("place")
        )
    return DateLine(
        None, label.capitalize() if label else None, date, match.start("date"), match.end("date"), None, None
    )
