"""Plain text extracted element by element from the official XML: one text node per line.

The Tweede Kamer's open data and many scrapers store a Kamerstuk this way: "Vergaderjaar
2024-2025", "Tweede Kamer der Staten-Generaal", "2", "Kamerstukken", "21 501", "-", "20",
"Europese Raad", "Nr.", "2146", the heading, "Voorgesteld", "17 december 2024", then the body.
The header is read here, line by line, into the same tokens the XML reader makes; the body goes
to the plain-text reader, its tokens shifted to their place in the whole text.
"""

from __future__ import annotations

import regex

from ..extract.dates import DATE_PATTERN, parse_date
from ..models import Diagnostic, Span
from ..tokens import Token, TokenKind
from . import text as text_reader

T = TokenKind
_VERGADERJAAR = regex.compile(r"Vergaderjaar\s+(\d{4}\s*[-–]\s*\d{4})\s*$")
_CHAMBER = regex.compile(r"(Tweede|Eerste) Kamer der Staten-Generaal\s*$")
_KAMERSTUKKEN = regex.compile(r"Kamerstukken\s*$")
#: "21 501", "36 725", "4100": a dossier number on its own line (a lone "2" is a subscript, as in CO2).
#: A scraper may join the suffix nodes to the number: "36 410-XVI", "21 501-20", "36 600 VII".
_DOSSIER = regex.compile(
    r"(\d{2,3} \d{3}|\d{4,6})(?:\s?[-–]\s?(?P<suffix>\d{1,2}|[IVXLC]+[A-D]?|[A-Z]{1,3})|\s(?P<roman>[IVXLC]+))?\s*$"
)
_SUFFIX = regex.compile(r"(?:[IVXLC]+|[A-Z]{1,3}|\d{1,2})\s*$")
_R_NUMBER = regex.compile(r"R\s?\d{3,4}\s*$")
_NR = regex.compile(r"(?i:nr)\.\s*$")
_NR_INLINE = regex.compile(r"(?i:nr)\.\s*(\w+)\s*$")
_ONDERNUMMER = regex.compile(r"(\d+[A-Za-z]?|[A-Z]{1,3})\s*$")
_DATE_LABEL = regex.compile(r"(?i:voorgesteld|ontvangen|ingediend|vastgesteld)\b")
_DATE_LINE = regex.compile(DATE_PATTERN + r"\s*$")
_BODY_START = regex.compile(r"De Kamer,|Aan de |Den Haag|'s-Gravenhage")
#: Offsets a reader may leave in a token's attrs, shifted with the token.
_OFFSET_ATTRS = ("number_start", "printed_end", "title_start", "title_end")


class _Lines:
    """The lines of the text with their offsets; `take()` is the only way forward.

    Every loop below is a `for` over a finite range that takes at least one line per pass or
    leaves, so the reader cannot stall (tests/test_progress.py checks that readers have no other loops).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = [(line.start, line.end) for line in text_reader.split_lines(text)]
        self._index = 0

    def peek(self, ahead: int = 0) -> str | None:
        """The stripped line `ahead` lines on, or None past the end."""
        index = self._index + ahead
        if index >= len(self.lines):
            return None
        start, end = self.lines[index]
        return self.text[start:end]

    def take(self) -> tuple[int, int]:
        """Consume the current line and return its offsets."""
        span = self.lines[self._index]
        self._index += 1
        return span

    def rest_start(self) -> int:
        """Where the unread rest of the text starts."""
        return self.lines[self._index][0] if self._index < len(self.lines) else len(self.text)


def _preamble_kind(line: str) -> str | None:
    """Which line of the text nodes' opening this is: vergaderjaar, chamber, chamber number or "Kamerstukken"."""
    if _VERGADERJAAR.match(line):
        return "vergaderjaar"
    if _CHAMBER.match(line):
        return "chamber"
    if line in ("1", "2"):
        return "number"
    if _KAMERSTUKKEN.match(line):
        return "kamerstukken"
    return None


def _opening(text: str) -> int | None:
    """How many opening lines are the XML's kamerstukkop text nodes; None when the text does not open so.

    Usually "Vergaderjaar ...", the chamber, "2", "Kamerstukken"; scrapers drop or reorder some of
    them, so any order of at least two kinds counts when "Kamerstukken" or the vergaderjaar is among
    them and a dossier number alone on its line follows. Without any of them, a dossier number alone
    on the first line with "Nr." alone on a line under its title is the same layout.
    """
    head = [line for line in map(str.strip, text[:1200].split("\n")) if line][:10]
    kinds: list[str] = []
    for line in head:
        kind = _preamble_kind(line)
        if kind is None or kind in kinds:
            break
        kinds.append(kind)
    if len(head) <= len(kinds) or not _DOSSIER.match(head[len(kinds)]):
        return None
    if len(kinds) >= 2 and {"kamerstukken", "vergaderjaar"} & set(kinds):
        return len(kinds)
    rest = head[len(kinds) + 1 :]
    numbered = any(_NR.match(line) and _ONDERNUMMER.match(nxt) for line, nxt in zip(rest, rest[1:], strict=False))
    return len(kinds) if numbered else None


def recognises(text: str) -> bool:
    """True when the text opens as the XML's text nodes do: vergaderjaar, chamber, chamber number, "Kamerstukken"."""
    return _opening(text) is not None


def read(text: str) -> tuple[list[Token], list[Diagnostic]]:
    """Tokens of a text-node text whose header `recognises` accepts, and the body reader's diagnostics."""
    lines = _Lines(text)
    tokens: list[Token] = []
    for _ in range(_opening(text) or 0):
        start, end = lines.take()
        opening = text[start:end].strip()
        year = _VERGADERJAAR.match(opening)
        if year is not None:
            tokens.append(Token(T.PREAMBLE, start, end, {"vergaderjaar": year.group(1)}))
        elif _preamble_kind(opening) == "chamber":
            tokens.append(Token(T.PREAMBLE, start, end, {"chamber": opening}))
        else:
            tokens.append(Token(T.CHROME, start, end))
    for _ in range(len(lines.lines)):
        line = lines.peek()
        if line is None or not _DOSSIER.match(line):
            break
        tokens.append(_dossier(lines))
    tokens.extend(_number(lines))
    tokens.extend(_heading(lines))
    tokens.extend(_dateline(lines))
    offset = lines.rest_start()
    body, diagnostics = text_reader.read(text[offset:])
    tokens.extend(_shifted(token, offset) for token in body)
    return tokens, [_moved(diagnostic, text, offset) for diagnostic in diagnostics]


def _dossier(lines: _Lines) -> Token:
    """A dossier number line, its suffix ("-", "20" or "XXIII"), an R-number in brackets, the title lines."""
    start, end = lines.take()
    printed = _DOSSIER.match(lines.text[start:end].strip())
    attrs = {"number": printed.group(1).replace(" ", "") if printed else lines.text[start:end].strip()}
    if printed is not None and (printed.group("suffix") or printed.group("roman")):
        attrs["suffix"] = printed.group("suffix") or printed.group("roman")
    inline = "suffix" in attrs
    if not inline and lines.peek() in ("-", "–") and (suffix := lines.peek(1)) is not None and _SUFFIX.match(suffix):
        lines.take()
        end = lines.take()[1]
        attrs["suffix"] = suffix
    elif not inline and (suffix := lines.peek()) is not None and _SUFFIX.match(suffix) and not _NR.match(suffix):
        end = lines.take()[1]
        attrs["suffix"] = suffix
    if lines.peek() == "(" and (r_number := lines.peek(1)) is not None and _R_NUMBER.match(r_number):
        if lines.peek(2) == ")":
            for _ in range(3):
                end = lines.take()[1]
    if lines.peek() in ("-", "–"):
        end = lines.take()[1]
    title: list[str] = []
    for _ in range(len(lines.lines)):
        line = lines.peek()
        if line is None or _NR.match(line) or _NR_INLINE.match(line) or (_DOSSIER.match(line) and title):
            break
        title.append(line)
        end = lines.take()[1]
    if title:
        attrs["title"] = _join(title)
    return Token(T.DOSSIER, start, end, attrs)


def _number(lines: _Lines) -> list[Token]:
    """ "Nr." and the ondernummer on the next line, or "Nr. 12" on one line; nothing when neither is there."""
    line = lines.peek()
    if line is None:
        return []
    inline = _NR_INLINE.match(line)
    if inline is not None:
        start, end = lines.take()
        return [Token(T.NUMBER, start, end, {"number": inline.group(1)})]
    following = lines.peek(1)
    if not _NR.match(line) or following is None or not _ONDERNUMMER.match(following):
        return []
    start = lines.take()[0]
    end = lines.take()[1]
    return [Token(T.NUMBER, start, end, {"number": following})]


def _heading(lines: _Lines) -> list[Token]:
    """The heading: the lines up to the dated line or the body, at most four (inline markup splits it)."""
    parts: list[str] = []
    start = end = lines.rest_start()
    for _ in range(4):
        line = lines.peek()
        if line is None or _DATE_LABEL.match(line) or _BODY_START.match(line) or _DATE_LINE.match(line):
            break
        parts.append(line)
        end = lines.take()[1]
    if not parts:
        return []
    return [Token(T.HEADING, start, end, {"heading": _join(parts)})]


def _dateline(lines: _Lines) -> list[Token]:
    """ "Voorgesteld" (or "Voorgesteld tijdens het ... van") with its date on the same or the next line."""
    line = lines.peek()
    if line is None or not _DATE_LABEL.match(line):
        return []
    date_line = line if regex.search(DATE_PATTERN, line) else lines.peek(1)
    found = regex.search(DATE_PATTERN, date_line) if date_line is not None else None
    if found is None:
        return []
    start, end = lines.take()
    if date_line is not line:
        end = lines.take()[1]
    date = parse_date(found.group("date"))
    return [Token(T.DATELINE, start, end, {"isodate": date.isoformat()} if date else {})]


def _join(parts: list[str]) -> str:
    """Lines that inline elements split, joined as the element reads.

    "inkomen (" + "Trb. 2015, 196" + ")" is "inkomen (Trb. 2015, 196)"; a subscript or superscript
    ("CO" + "2" + "-emissie") and a part that opens with a hyphen are glued without a space.
    """
    joined = parts[0]
    for previous, part in zip(parts, parts[1:], strict=False):
        glued = part[:1] in "-–" or (len(part) <= 2 and part.isdigit() and previous[-1:].isalpha())
        joined += part if glued else " " + part
    return regex.sub(r"\(\s+", "(", regex.sub(r"\s+([),;.])", r"\1", joined))


def _moved(diagnostic: Diagnostic, text: str, offset: int) -> Diagnostic:
    """A body diagnostic with its span moved `offset` on and its line number counted in the whole text."""
    if diagnostic.span is None:
        return diagnostic
    span = Span(start=diagnostic.span.start + offset, end=diagnostic.span.end + offset)
    line = text.count("\n", 0, span.start) + 1
    message = regex.sub(r"\bat line \d+", f"at line {line}", diagnostic.message)
    return diagnostic.model_copy(update={"span": span, "message": message, "line": None, "column": None})


def _shifted(token: Token, offset: int) -> Token:
    """The token moved `offset` characters on, offsets in its attrs included."""
    attrs = token.attrs
    if attrs is not None and any(key in attrs for key in _OFFSET_ATTRS):
        attrs = {key: str(int(value) + offset) if key in _OFFSET_ATTRS else value for key, value in attrs.items()}
    return Token(token.kind, token.start + offset, token.end + offset, attrs)
