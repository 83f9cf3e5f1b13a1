"""The plain-text reader: lines of a copied Kamerstuk page turned into tokens.

Layout knowledge of the text renderings (officielebekendmakingen.nl, tweedekamer.nl, older pages)
lives here and only here; the assembler sees tokens.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter
from typing import NamedTuple

import regex

from ..extract.addressing import match_addressee
from ..extract.dates import DATE_PATTERN, DATELINE_LENGTH, is_dateline
from ..extract.dossiers import DOSSIER_PATTERN
from ..extract.kinds import kind_from_heading
from ..extract.markers import find_markers
from ..extract.people import (
    MONARCHS,
    RoleLine,
    is_name,
    is_names_line,
    looks_like_submitter,
    may_be_role_line,
    parse_role_line,
    parse_wrapped_role_line,
)
from ..models import Diagnostic, DocumentKind, Severity, Span
from ..tokens import Token, TokenKind

T = TokenKind


#: The sort key of tokens in reading order (a C function, not a lambda called per token).
_START = attrgetter("start")
#: Builds a `Line` or `Token` from its fields without the named tuple's own `__new__`, a Python
#: function (about 40 % of the cost of each of the one or two the reader makes per line).
_new_tuple = tuple.__new__


class Line(NamedTuple):
    """A non-blank line: stripped offsets into the text and whether blank lines precede it (a tuple:
    the reader makes one per line, and a tuple is built several times faster than a frozen dataclass)."""

    start: int
    end: int
    text: str
    blank_before: bool


class _Guarded:
    """A line pattern tried only on lines whose first two characters can start a match.

    Whether they can is the pattern's own partial match on them alone (`regex`'s `partial=True`:
    more text could complete a match), asked once per opening and remembered. So the shortcut never
    changes a result, and most lines are refused by a dictionary look-up instead of a pattern (a
    failing match costs 0.4-1 µs, the look-up a tenth of that).
    """

    __slots__ = ("pattern", "_starts")

    #: How many first characters are asked about: two tell most lines apart ("Af" is no "Amsterdam").
    _OPENING = 2
    #: Distinct openings remembered per pattern; past this, new ones are asked every time.
    _MEMORY = 4096

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = regex.compile(pattern, flags)
        self._starts: dict[str, bool] = {}

    def match(self, text: str) -> regex.Match[str] | None:
        """`pattern.match(text)`, skipped when the opening of `text` cannot start a match."""
        first = text[: self._OPENING]
        may = self._starts.get(first)
        if may is None:
            may = self.pattern.match(first, partial=True) is not None
            if len(self._starts) < self._MEMORY:
                self._starts[first] = may
        return self.pattern.match(text) if may else None


_CHROME = _Guarded(
    r"^(?:Naar boven|U bent hier:|Zoals vergunningen, bouwplannen en lokale regelgeving\.|"
    r"Adressen en contactpersonen van overheidsorganisaties\.)$"
)
_TABLE_HEAD = _Guarded(r"^(?:\|\s*)?Datum publicatie\s*\|?\s*Organisatie")
_TABLE_RULE = _Guarded(r"^\|?(?:\s*-{3,}\s*\|?)+$")
#: A row of the site's metadata table, also glued ("Tweede Kamer der Staten-Generaal2011-201231568 nr. 100"),
#: with or without the publication and receipt dates around it and with or without the chamber.
_TABLE_DATE = r"(?:\d{1,2}[-/]\d{1,2}[-/]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2} \p{Ll}+ \d{4})"
_TABLE_ROW = _Guarded(
    r"^(?:\|\s*)?(?:" + _TABLE_DATE + r"\s*\|?\s*)?"
    r"(?:(?P<chamber>(?:Tweede|Eerste) Kamer der Staten-Generaal)\s*\|?\s*)?"
    r"(?P<year>\d{4}-\d{4})\s*\|?\s*(?P<dossier>\d{5}(?:-[0-9A-Z]{1,6})?)\s*nr\.\s*(?P<nr>[0-9A-Za-z]{1,6}?)"
    r"(?:\s*\|?\s*" + _TABLE_DATE + r")?\s*\|?\s*$"
)
_PAGE_TITLE = _Guarded(r"^(?:\p{Lu}[^:\n]{2,80}?\S : \S|Koninklijke boodschap - \S)")
_VERGADERJAAR = _Guarded(r"^Vergaderjaar\s+(?P<y>(?:\d\s?){4}\s*[-–/]\s*(?:\d\s?){1,3}\d)$", regex.IGNORECASE)
_CHAMBER_NUMBER = _Guarded(r"^[12]$")
_LIST_HEADING = _Guarded(r"^(?i:Korte aantekeningen|Besluitenlijst)\b")
#: The meeting date inside a besluitenlijst's heading ("... van woensdag 12 maart 2024", "... d.d. 12 maart 2024").
_HEADING_DATE = regex.compile(DATE_PATTERN)
#: rijksbegroting.nl's compact header: dossier, number and heading on one line ("30169 9 Verslag van een ...").
_COMPACT_HEADER = _Guarded(r"^(?P<dossier>\d{5}(?:-[0-9A-Z]{1,6})?) (?P<nr>\d{1,4}) (?P<rest>\p{L}.{5,})$")
#: openkamer's answer line under "Ingediend <date>": "Beantwoord 9 december 2015 (na 28 dagen)".
_ANSWERED = _Guarded(r"^Beantwoord\s+" + DATE_PATTERN)
_CHAMBER_LINE = _Guarded(r"^(?P<c>Tweede|Eerste) Kamer der Staten-Generaal(?: [12])?$")
_DOSSIER_LINE = _Guarded(r"^" + DOSSIER_PATTERN + r"(?:\s+(?P<title>\S.*))?$", regex.VERBOSE)
_NUMBER_LINE = _Guarded(r"^(?:Nr\.|nr\.|NR\.)\s?(?P<nr>\d{1,5}[a-z]?)(?:\s+(?P<rest>\S.*))?$")
_LETTER_NUMBER = _Guarded(r"^(?P<nr>[A-Z]{1,3})(?P<marker>\d{0,2})\s+(?P<rest>[A-Z][A-Z\d]{2,}\b.*)$")
#: A dossier number with a footnote marker glued to it, alone on its line: "23 9821".
_DOSSIER_WITH_MARKER = _Guarded(r"^(?P<number>\d{2} \d{3})(?P<marker>[1-9])$")
#: An Eerste Kamer letter number alone on its line, the heading on the next.
_LONE_LETTER = _Guarded(r"^[A-Z]{1,3}$")
#: Old scanned headings run on into the dated line and the body: "EINDVERSLAG Vastgesteld 26 november 1987 De ...".
_RUN_ON_DATELINE = regex.compile(
    r"\s(?P<dateline>(?:Vastgesteld|Voorgesteld|Ontvangen)\s" + DATE_PATTERN + r")(?:\s+|$)"
)
#: The date of written questions or of their answer, inside the first sentences.
_INLINE_DATE = regex.compile(r"\((?P<label>ingezonden|ontvangen)\s+" + DATE_PATTERN + r"\)")
#: "HERDRUK1" after the number: a reprint, with its own footnote marker; the heading follows.
_REPRINT = _Guarded(r"^HERDRUK\d{0,2}$")
_DOCNUMBER_HEADING = _Guarded(r"^(?P<docnr>20\d\d[DZ]\d{5})\s+(?P<rest>\S.*)$")
_NOTES_START = regex.compile(r"^X\s?Noot$")
_NOTE_NUMBER = _Guarded(r"^\d{1,3}$")
_LIST_ITEM = regex.compile(r"^(?:[•·▪◦●*–—-]\s|\(?[a-z]\)\s|\(?\d{1,2}[.)]\s|[a-z]\.\s)")
#: The first characters of a list item other than digits and lower-case letters.
_LIST_STARTS = frozenset("•·▪◦●*–—-(")
#: The characters that close a sentence or clause at the end of a line.
_SENTENCE_ENDS = frozenset('.:;!?,)»”"')
_MOTIE_END = regex.compile(
    r"ga(?:at|an)\s+over\s+tot\s+de\s+orde\s+(?:van\s+de|der)\s+dag\s*[.,;:]?[\s\p{Pd}_]*$", regex.IGNORECASE
)
#: What may follow a motie's closing "dag", matched backwards from the end of the paragraph.
_MOTIE_TAIL = regex.compile(r"(?r)\s*[.,;:]?[\s\p{Pd}_]*$")
#: Labelled metadata lines of third-party renderings ("Indiener(s): ...", "Onderwerpen: ...",
#: openkamer's "Indiener André Bosman (VVD)"): site text, never a submitter or a signature.
_SITE_LABEL = regex.compile(
    r"^(?:(?:(?:Mede-?)?[Ii]ndiener|Ondertekenaar)(?:s|\(s\))?|Onderwerp(?:en)?|Gepubliceerd|Bron(?: vraag| antwoord)?"
    r"|ID|Nummer|Zaaknummer|Gerelateerde personen|Beantwoord door|Volledige titel"
    r"|Kamer(?:vraag|antwoord) document nummer|Stemmingsuitslag|Onderdeel van (?:kamerstukdossier|zaak|activiteiten))"
    r"\s*:|^(?:Indiener|Beantwoord door|Onderwerpen|Bron (?:vraag|antwoord)) \S"
)
#: The first letters of those labels: the cheapest test, before the others.
_SITE_LABEL_INITIALS = frozenset("IiMOGBNZVKS")
#: Labels a note's own text may open with ("Bron: CBS"): they do not end the notes.
_NOTE_LIKE_LABELS = ("Bron", "ID", "Nummer", "Zaaknummer", "Beantwoord door", "Stemmingsuitslag")
#: The labels without a colon: with a colon near the start, a cheap test before the pattern.
_SITE_LABEL_STARTS = ("Indiener ", "Beantwoord door ", "Onderwerpen ", "Bron vraag ", "Bron antwoord ")
_UPPER_HEADING = _Guarded(r"^[\p{Lu}\d][\p{Lu}\d\s,.'’()&–-]*$")
_PLACE = _Guarded(r"^(?:['’]s-Gravenhage|Den Haag|Brussel|Amsterdam|Rotterdam|Utrecht),?$")
_BARE_DATE = _Guarded(r"^" + DATE_PATTERN + r"$")
_SIGNERS_BLOCK = regex.compile(
    r"^(?:Ondertekenaars|-|Eerste ondertekenaar|Mede ondertekenaar|[^,\n]{2,60}, [\p{L} -]{2,60}?(?: -)?)$"
)
_WRAP_WIDTH = 60
#: An upper-case heading may wrap over this many more lines.
_HEADING_WRAPS = 2
#: Tokens whose text is the document's own prose, where footnote markers stand.
_PROSE = frozenset({T.DOSSIER, T.NUMBER, T.HEADING, T.SECTION_HEADING, T.PARAGRAPH, T.LIST_ITEM, T.ADDRESSEE})


#: The diagnostic for a pass of a reader loop that consumed nothing (see `LineCursor`).
NO_PROGRESS = "KS904"


class LineCursor:
    """The reader's position in its lines; `advance()` is the only way forward, never back."""

    __slots__ = ("_lines", "_position")

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._position = 0

    @property
    def position(self) -> int:
        """The index of the current line; equal to the number of lines once all are consumed."""
        return self._position

    @property
    def done(self) -> bool:
        """True once every line is consumed."""
        return self._position >= len(self._lines)

    @property
    def current(self) -> Line:
        """The line at the cursor; only valid while not `done`."""
        return self._lines[self._position]

    def advance(self, count: int = 1) -> None:
        """Consume `count` lines (at least one): the only way the cursor moves."""
        if count < 1:
            raise ValueError(f"a cursor advances by at least one line, not {count}")
        position = self._position + count
        self._position = position if position < len(self._lines) else len(self._lines)


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text` with stripped offsets."""
    lines: list[Line] = []
    add = lines.append
    blank = False
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            # The first non-blank character of the line is the first character of its stripped text.
            start = offset if raw[0] == stripped[0] else offset + raw.index(stripped[0])
            add(_new_tuple(Line, (start, start + len(stripped), stripped, blank)))
            blank = False
        else:
            blank = True
        offset += len(raw) + 1
    return lines


def tokenize(text: str) -> list[Token]:
    """Turn normalised plain text into tokens with spans, in reading order."""
    return read(text)[0]


def read(text: str) -> tuple[list[Token], list[Diagnostic]]:
    """The tokens of normalised plain text, and the reader's own diagnostics (KS904)."""
    tokenizer = _TextTokenizer(text)
    return tokenizer.run(), tokenizer.diagnostics


class _TextTokenizer:
    """One pass over the lines: preamble, header, body, signature, notes, chrome."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)
        self.tokens: list[Token] = []
        self.diagnostics: list[Diagnostic] = []
        self.cursor = LineCursor(self.lines)
        self.kind = DocumentKind.OTHER
        self.wrapped = _is_wrapped(self.lines)
        self.has_header = False

    @property
    def i(self) -> int:
        """The cursor's position, read-only: loops move it with `self.cursor.advance()`."""
        return self.cursor._position

    def passes(self) -> Iterator[Line]:
        """The current line, once per pass of a loop, until the lines run out or the loop ends.

        This is where progress is enforced: a pass that neither consumed a line nor left the loop
        would see the same line again, so its line is kept as a paragraph with diagnostic KS904 and
        consumed, and the loop goes on from the next line.
        """
        cursor, lines = self.cursor, self.lines
        count = len(lines)
        # the cursor's slot is read directly: this runs once per pass of every loop of the reader
        while (position := cursor._position) < count:
            yield lines[position]
            if cursor._position == position:  # the cursor never moves back, so it is not done either
                self.stalled(lines[position])

    def stalled(self, line: Line) -> None:
        """Keep a line no pass consumed as a paragraph, say so (KS904), and step over it."""
        number = self.text.count("\n", 0, line.start) + 1
        self.emit(T.PARAGRAPH, line.start, line.end)
        self.diagnostics.append(
            Diagnostic(
                code=NO_PROGRESS,
                message=f"the reader made no progress at line {number}; the line is kept as a paragraph",
                severity=Severity.WARNING,
                span=Span(start=line.start, end=line.end),
                line=number,
            )
        )
        self.cursor.advance()

    def emit(self, kind: TokenKind, start: int, end: int, **attrs: str) -> None:
        self.tokens.append(_new_tuple(Token, (kind, start, end, attrs or None)))
        if kind is T.NUMBER or kind is T.HEADING:
            self.has_header = True

    def run(self) -> list[Token]:
        self.preamble()
        self.header()
        self.body()
        self.inline_date()
        self.markers()
        return self.tokens

    def inline_date(self) -> None:
        """Written questions and their answers date themselves in their first sentences:
        "(ingezonden 12 maart 2019)"; where an answer is there, its date "(ontvangen 4 februari 2025)"
        dates the document."""
        if any(t.kind is T.DATELINE for t in self.tokens):
            return
        paragraphs = [t for t in self.tokens[:12] if t.kind is T.PARAGRAPH]
        if not paragraphs:
            return
        found = list(_INLINE_DATE.finditer(self.text, paragraphs[0].start, paragraphs[-1].end))
        answers = [m for m in found if m.group("label") == "ontvangen"]
        for match in (answers or found)[:1]:
            self.emit(T.DATE, match.start("label"), match.end("date"), label=match.group("label"))
            self.tokens.sort(key=_START)

    def markers(self) -> None:
        """Footnote markers inside the prose, as NOTE_REF tokens placed in reading order."""
        prose: list[tuple[int, int]] = []
        numbers: list[int] = []
        known: list[tuple[int, str]] = []
        for t in self.tokens:  # one pass over the tokens for all three
            if t.kind in _PROSE:
                prose.append((t.start, t.end))
            elif t.kind is T.NOTE_NUMBER and t.attrs:
                numbers.append(int(t.attrs["number"]))
            elif t.kind is T.NOTE_REF and t.attrs:
                known.append((t.start, t.attrs["number"]))
        found = find_markers(self.text, prose, max(numbers) if numbers else None, known, min(numbers) if numbers else 1)
        if found:
            self.tokens.extend(Token(T.NOTE_REF, start, end, {"number": number}) for number, start, end in found)
            self.tokens.sort(key=_START)

    # -- preamble ---------------------------------------------------------------------------
    def preamble(self) -> None:
        """Site text before the document: the metadata table, the page title, site boilerplate."""
        first = True
        for line in self.passes():
            row = _TABLE_ROW.match(line.text)
            if row is not None:
                facts = {"vergaderjaar": row.group("year"), "dossier": row.group("dossier"), "number": row.group("nr")}
                if row.group("chamber"):
                    facts["chamber"] = row.group("chamber")
                self.emit(T.PREAMBLE, line.start, line.end, **facts)
            elif line.text == "Kamerstuk" or _TABLE_HEAD.match(line.text) or _TABLE_RULE.match(line.text):
                self.emit(T.PREAMBLE, line.start, line.end)
            elif _CHROME.match(line.text):
                self.emit(T.CHROME, line.start, line.end)
            elif first and _PAGE_TITLE.match(line.text):
                self.emit(T.PREAMBLE, line.start, line.end, title=line.text)
            elif (vj := _VERGADERJAAR.match(line.text)) is not None:
                self.emit(T.PREAMBLE, line.start, line.end, vergaderjaar="".join(vj.group("y").split()))
            elif _CHAMBER_NUMBER.match(line.text) and self.tokens and (self.tokens[-1].attrs or {}).get("chamber"):
                self.emit(T.PREAMBLE, line.start, line.end)
            elif (ch := _CHAMBER_LINE.match(line.text)) is not None:
                self.emit(T.PREAMBLE, line.start, line.end, chamber=f"{ch.group('c')} Kamer der Staten-Generaal")
            else:
                return
            first = False
            self.cursor.advance()

    # -- header -----------------------------------------------------------------------------
    def header(self, *, seen_number: bool = False) -> None:
        """Dossier lines, number and heading, addressee and dated line, in the order pages print them."""
        if self.i < len(self.lines) and _LIST_HEADING.match(self.lines[self.i].text):
            line = self.lines[self.i]
            self.emit(T.HEADING, line.start, line.end)
            self.kind = kind_from_heading(line.text)
            self.heading_date(line.start, line.end)
            self.cursor.advance()
            seen_number = True
        if self.i < len(self.lines) and self.compact_header(self.lines[self.i]):
            seen_number = True
        for line in self.passes():
            if not seen_number and self.dossier_line(line):
                continue
            if not seen_number and self.number_line(line):
                seen_number = True
                continue
            if self.addressee(line) or self.dateline(line):
                continue
            return

    def heading_date(self, start: int, end: int) -> None:
        """A besluitenlijst is dated in its heading: the meeting date there dates the document."""
        if self.kind is DocumentKind.BESLUITENLIJST:
            found = _HEADING_DATE.search(self.text, start, end)
            if found is not None:
                self.emit(T.DATE, found.start("date"), found.end("date"))

    def compact_header(self, line: Line) -> bool:
        """ "30169 9 Verslag van een algemeen overleg": dossier, number and heading on one line, then
        the vergaderjaar and "Nr. 9 Vastgesteld 26 juli 2007" repeating the number before the dated line."""
        match = _COMPACT_HEADER.match(line.text)
        if match is None or kind_from_heading(match.group("rest")) is DocumentKind.OTHER:
            return False
        attrs = {"number_start": str(line.start), "printed_end": str(line.start + match.end("dossier"))}
        self.emit(T.DOSSIER, line.start, line.start + match.end("dossier"), **attrs)
        self.emit(T.NUMBER, line.start + match.start("nr"), line.start + match.end("nr"), number=match.group("nr"))
        self.heading(line, match.start("rest"))
        for nxt in self.passes():
            vergaderjaar = _VERGADERJAAR.match(nxt.text)
            repeated = _NUMBER_LINE.match(nxt.text)
            if vergaderjaar is not None:
                self.emit(T.PREAMBLE, nxt.start, nxt.end, vergaderjaar="".join(vergaderjaar.group("y").split()))
            elif repeated is not None and repeated.group("nr") == match.group("nr"):
                self.emit(T.PREAMBLE, nxt.start, nxt.start + repeated.end("nr"))
                rest = repeated.group("rest")
                if rest is not None:
                    kind = T.DATELINE if is_dateline(rest) else T.PARAGRAPH
                    self.emit(kind, nxt.start + repeated.start("rest"), nxt.end)
            else:
                return True
            self.cursor.advance()
        return True

    def dossier_line(self, line: Line) -> bool:
        """A dossier number with its title on the same line or the next; several may follow each other."""
        match = _DOSSIER_LINE.match(line.text)
        marked = _DOSSIER_WITH_MARKER.match(line.text) if match is None else None
        if marked is not None and self.i + 2 < len(self.lines) and self._starts_header(self.lines[self.i + 2]):
            return self.marked_dossier(line, marked)
        if match is None or self.i + 1 >= len(self.lines):
            return False
        title = match.group("title")
        nxt = self.lines[self.i + 1]
        if title is None:
            if _NUMBER_LINE.match(nxt.text) or _LETTER_NUMBER.match(nxt.text) or _DOSSIER_LINE.match(nxt.text):
                self.emit(T.DOSSIER, line.start, line.end, **self._dossier_attrs(match, line))
                self.cursor.advance()
                return True
            if self.i + 2 < len(self.lines) and self._starts_header(self.lines[self.i + 2]):
                attrs = self._dossier_attrs(match, line)
                attrs.update(title_start=str(nxt.start), title_end=str(nxt.end))
                self.emit(T.DOSSIER, line.start, nxt.end, **attrs)
                self.cursor.advance(2)
                return True
            return False
        if title[:1].islower() or not self._header_follows():
            return False
        attrs = self._dossier_attrs(match, line)
        wrapped = self.i + 2 < len(self.lines) and self._title_wraps(nxt, self.lines[self.i + 2])
        end = nxt.end if wrapped else line.end
        attrs.update(title_start=str(line.start + match.start("title")), title_end=str(end))
        self.emit(T.DOSSIER, line.start, end, **attrs)
        self.cursor.advance(2 if wrapped else 1)
        return True

    def _title_wraps(self, nxt: Line, after: Line) -> bool:
        """A dossier title hard-wrapped onto the next line (tweedekamer.nl): that line goes on in lower
        case or in wrapped text, is no header line itself, and the number or next dossier follows it."""
        if nxt.blank_before or self._starts_header(nxt) or not self._starts_header(after):
            return False
        return nxt.text[:1].islower() or self.wrapped

    def marked_dossier(self, line: Line, match: regex.Match[str]) -> bool:
        """ "23 9821" above its title: dossier 23 982 with footnote marker 1 glued to it."""
        nxt = self.lines[self.i + 1]
        attrs = {"number_start": str(line.start), "printed_end": str(line.start + match.end("number"))}
        attrs.update(title_start=str(nxt.start), title_end=str(nxt.end))
        self.emit(T.DOSSIER, line.start, nxt.end, **attrs)
        self.emit(T.NOTE_REF, line.start + match.start("marker"), line.end, number=match.group("marker"))
        self.cursor.advance(2)
        return True

    def _starts_header(self, line: Line) -> bool:
        return bool(
            _NUMBER_LINE.match(line.text)
            or _LETTER_NUMBER.match(line.text)
            or _LONE_LETTER.match(line.text)
            or _DOSSIER_LINE.match(line.text)
            or _DOSSIER_WITH_MARKER.match(line.text)
        )

    def _header_follows(self) -> bool:
        """A dossier line is only one when a number line or another dossier line follows soon."""
        for line in self.lines[self.i + 1 : self.i + 8]:
            if self._starts_header(line) or _DOCNUMBER_HEADING.match(line.text):
                return True
        return False

    def _dossier_attrs(self, match: regex.Match[str], line: Line) -> dict[str, str]:
        """Where the printed dossier number starts and ends, for the assembler to read it."""
        printed_end = match.start("title") - 1 if match.group("title") else match.end()
        return {"number_start": str(line.start + match.start()), "printed_end": str(line.start + printed_end)}

    def number_line(self, line: Line) -> bool:
        """ "Nr. 467 HEADING", "nr. 4" alone, an Eerste Kamer letter ("B VOORLOPIG VERSLAG", "AI1 ...")
        or a tweedekamer.nl document number ("2023D06019 INBRENG ...")."""
        match = _NUMBER_LINE.match(line.text)
        if match is not None:
            rest = match.group("rest")
            if rest is not None and _REPRINT.match(rest):
                self.emit(T.NUMBER, line.start, line.end, number=match.group("nr"))
                self.heading(line, None)
            else:
                self.emit(T.NUMBER, line.start, line.start + match.end("nr"), number=match.group("nr"))
                self.heading(line, match.start("rest") if rest else None)
            return True
        lone = _LONE_LETTER.match(line.text)
        if lone is not None and self.tokens and self.tokens[-1].kind is T.DOSSIER:
            self.emit(T.NUMBER, line.start, line.end, number=line.text)
            self.heading(line, None)
            return True
        match = _LETTER_NUMBER.match(line.text)
        if match is not None and self.tokens and self.tokens[-1].kind is T.DOSSIER:
            self.emit(T.NUMBER, line.start, line.start + match.end("marker"), number=match.group("nr"))
            if match.group("marker"):
                marker_start = line.start + match.start("marker")
                self.emit(T.NOTE_REF, marker_start, line.start + match.end("marker"), number=match.group("marker"))
            self.heading(line, match.start("rest"))
            return True
        match = _DOCNUMBER_HEADING.match(line.text)
        if match is not None:
            self.emit(T.PREAMBLE, line.start, line.start + match.end("docnr"))
            self.heading(line, match.start("rest"))
            return True
        return False

    def heading(self, line: Line, offset: int | None) -> None:
        """Emit the heading from `offset` of `line`, or from the next line(s) when the number stood alone."""
        self.cursor.advance()
        if offset is not None:
            start, end = line.start + offset, line.end
        else:
            if self.i >= len(self.lines):
                return
            nxt = self.lines[self.i]
            if not _UPPER_HEADING.match(nxt.text) and kind_from_heading(nxt.text) is DocumentKind.OTHER:
                return
            start, end = nxt.start, nxt.end
            self.cursor.advance()
        wraps = _HEADING_WRAPS if _UPPER_HEADING.match(self.text[start:end]) else 0
        for nxt in self.passes():
            if not wraps or not _UPPER_HEADING.match(nxt.text) or match_addressee(nxt.text) or is_dateline(nxt.text):
                break
            end = nxt.end
            self.cursor.advance()
            wraps -= 1
        # the pattern's labels all hold "gesteld" or "Ontvangen": a look for those spares its search
        may_run_on = self.text.find("gesteld", start, end) >= 0 or self.text.find("Ontvangen", start, end) >= 0
        run_on = _RUN_ON_DATELINE.search(self.text, start, end) if may_run_on else None
        if run_on is not None:
            self.emit(T.HEADING, start, run_on.start())
            self.emit(T.DATELINE, run_on.start("dateline"), run_on.end("dateline"))
            if run_on.end() < end:
                self.emit(T.PARAGRAPH, run_on.end(), end)
            end = run_on.start()
        else:
            self.emit(T.HEADING, start, end)
        self.kind = kind_from_heading(self.text[start:end])
        self.heading_date(start, end)

    def addressee(self, line: Line) -> bool:
        """ "Aan de Voorzitter ..."; text running on after the chamber's name is a paragraph."""
        found = match_addressee(line.text)
        if found is None:
            return False
        end, rest = found
        self.emit(T.ADDRESSEE, line.start, line.start + end)
        if rest is not None:
            self.emit(T.PARAGRAPH, line.start + rest, line.end)
        self.cursor.advance()
        return True

    def dateline(self, line: Line) -> bool:
        """A dated line in the header, also with place and date on two lines."""
        if is_dateline(line.text):
            self.dated(line)
            return True
        if self.i + 1 < len(self.lines) and len(line.text) < 40:
            nxt = self.lines[self.i + 1]
            two = self.text[line.start : nxt.end]
            if is_dateline(two) and not line.text[:1].islower():
                self.emit(T.DATELINE, line.start, nxt.end)
                self.cursor.advance(2)
                return True
        return False

    # -- body -------------------------------------------------------------------------------
    def body(self) -> None:
        """Everything after the header: paragraphs, headings, signatures, a motie's submitters, notes."""
        submitters = False
        text = self.text
        for line in self.passes():
            # one cheap classification first: most lines are plain, and then no special rule is asked
            plain = (
                not submitters
                and _is_plain_line(line.text)
                and (self.has_header or not _may_open_late_header(line.text))
            )
            if not plain and self.special(line, submitters):
                continue
            if _is_closed_prose(line.text):
                self.paragraph(T.PARAGRAPH)
            elif _is_list_item(line.text):
                self.paragraph(T.LIST_ITEM)
            elif self.is_section_heading(line):
                self.emit(T.SECTION_HEADING, line.start, line.end)
                self.cursor.advance()
                continue
            else:
                self.paragraph(T.PARAGRAPH)
            last = self.tokens[-1]
            submitters = submitters or _ends_motie_at(text, last.start, last.end)
        self.trailing_submitters()

    def special(self, line: Line, submitters: bool) -> bool:
        """The body's rules for what is no paragraph, list item or section heading: notes, site text,
        a motie's submitters, signatures, a late header, dated lines. True when one took the line."""
        if _is_notes_start(line.text):
            self.notes()
            return True
        if line.text == "Ondertekenaars":
            self.trailing_chrome()
            return True
        if line.text == "Naar boven" or (line.text[:1] in _SITE_LABEL_INITIALS and _is_site_label(line.text)):
            self.emit(T.CHROME, line.start, line.end)
            self.cursor.advance()
            return True
        if submitters and looks_like_submitter(line.text):
            self.emit(T.SUBMITTER, line.start, line.end)
            self.cursor.advance()
            return True
        if self.signature(line) or self.late_preamble(line) or self.late_header(line):
            return True
        if is_dateline(line.text):
            self.dated(line)
            return True
        return self.split_dateline(line)

    def late_preamble(self, line: Line) -> bool:
        """The publication's own chamber and vergaderjaar lines after site text, right above its header
        (a publication PDF copied below a site's menus): facts for the header, as at the top."""
        if self.has_header:
            return False
        year = _VERGADERJAAR.match(line.text)
        chamber = _CHAMBER_LINE.match(line.text) if year is None else None
        if year is None and chamber is None:
            return False
        if not any(self._starts_header(below) for below in self.lines[self.i + 1 : self.i + 4]):
            return False
        if year is not None:
            self.emit(T.PREAMBLE, line.start, line.end, vergaderjaar="".join(year.group("y").split()))
        elif chamber is not None:
            self.emit(T.PREAMBLE, line.start, line.end, chamber=f"{chamber.group('c')} Kamer der Staten-Generaal")
        self.cursor.advance()
        return True

    def late_header(self, line: Line) -> bool:
        """The header after site text (menus, vote charts) that hid it: a dossier line with a number
        line right after it or after its title line, or "Nr. 12 MOTIE VAN HET LID ..." on its own
        (the heading may stand on the line below "Nr. 12")."""
        if self.has_header:
            return False
        if self.compact_header(line):
            self.header(seen_number=True)
            return True
        match = _NUMBER_LINE.match(line.text)
        following = self.lines[self.i + 1].text if self.i + 1 < len(self.lines) else ""
        rest = (match.group("rest") or following) if match is not None else None
        numbered = rest is not None and kind_from_heading(rest) is not DocumentKind.OTHER
        dossier_match = _DOSSIER_LINE.match(line.text)
        dossier = dossier_match is not None and (
            _NUMBER_LINE.match(following) is not None
            or (
                dossier_match.group("title") is None
                and self.i + 2 < len(self.lines)
                and _NUMBER_LINE.match(self.lines[self.i + 2].text) is not None
            )
        )
        if not (numbered or dossier):
            return False
        before = self.i
        self.header()
        return self.i > before

    def dated(self, line: Line) -> None:
        """A dated line; "Ingediend <date>" with openkamer's "Beantwoord <date> (na 28 dagen)" under it
        is a question with its answer, dated by the answer."""
        answered = _ANSWERED.match(self.lines[self.i + 1].text) if self.i + 1 < len(self.lines) else None
        if answered is None or not line.text.startswith("Ingediend"):
            self.emit(T.DATELINE, line.start, line.end)
            self.cursor.advance()
            return
        nxt = self.lines[self.i + 1]
        self.emit(T.PARAGRAPH, line.start, line.end)
        self.emit(T.DATELINE, nxt.start, nxt.start + answered.end())
        if answered.end() < len(nxt.text):
            self.emit(T.PARAGRAPH, nxt.start + answered.end(), nxt.end)
        self.cursor.advance(2)

    def split_dateline(self, line: Line) -> bool:
        """A place alone on its line with the date on the next ("'s-Gravenhage" / "18 april 1997")."""
        if len(line.text) > 40 or self.i + 1 >= len(self.lines) or not _PLACE.match(line.text):
            return False
        nxt = self.lines[self.i + 1]
        if not _BARE_DATE.match(nxt.text):
            return False
        self.emit(T.DATELINE, line.start, nxt.end)
        self.cursor.advance(2)
        return True

    def paragraph(self, kind: TokenKind) -> None:
        """Emit one paragraph; in hard-wrapped text, join the lines of one paragraph."""
        line = self.lines[self.i]
        end = line.end
        self.cursor.advance()
        if not self.wrapped:  # one line, one paragraph: no need to look at the next line
            self.emit(kind, line.start, end)
            return
        for nxt in self.passes():
            last = self.lines[self.i - 1].text
            if nxt.blank_before or len(last) < _WRAP_WIDTH or _is_list_item(nxt.text) or _is_notes_start(nxt.text):
                break
            if _ends_sentence(last) and not nxt.text[:1].islower():
                break
            if parse_role_line(nxt.text) is not None or nxt.text == "Naar boven":
                break
            end = nxt.end
            self.cursor.advance()
        self.emit(kind, line.start, end)

    def is_section_heading(self, line: Line) -> bool:
        """A short line without closing punctuation, followed by a paragraph that starts anew."""
        text = line.text
        if len(text) > _LONGEST_HEADING or _ends_sentence(text) or not (text[0].isupper() or text[0].isdigit()):
            return False
        if self.i + 1 >= len(self.lines):
            return False
        nxt = self.lines[self.i + 1]
        if nxt.text[:1].islower() or _is_notes_start(nxt.text):
            return False
        if self.wrapped:
            prev = self.tokens[-1] if self.tokens else None
            prev_text = self.text[prev.start : prev.end] if prev else ""
            return len(text) < _WRAP_WIDTH and (
                prev is None or prev.kind is not T.PARAGRAPH or _ends_sentence(prev_text)
            )
        return nxt.blank_before or len(text.split()) <= 12

    def signature(self, line: Line) -> bool:
        """A signature block: role lines, each followed by its name line(s) when the name is not on it."""
        first = self._role_line()
        if first is None:
            if line.text in MONARCHS and self.tokens and self.tokens[-1].kind is T.DATELINE:
                self.emit(T.SIGNATURE, line.start, line.end)
                self.cursor.advance()
                return True
            return False
        for role_line in self.passes():
            # the first role line is read above already
            found = first if first is not None else self._role_line()
            first = None
            if found is None:
                break
            parsed, count = found
            self.emit(T.SIGNATURE, role_line.start, self.lines[self.i + count - 1].end)
            self.cursor.advance(count)
            wants_name = parsed.name is None or parsed.plural
            for name_line in self.passes():
                if not wants_name or not self._is_signature_name(name_line.text):
                    break
                self.emit(T.SIGNATURE, name_line.start, name_line.end)
                self.cursor.advance()
                # one person signs under a role in the singular; "De informateurs," has a name line each
                wants_name = parsed.plural
        return True

    def _role_line(self) -> tuple[RoleLine, int] | None:
        """The role line at the cursor and how many lines it takes (two when a narrow column wrapped it)."""
        parsed = parse_role_line(self.lines[self.cursor.position].text)
        if parsed is not None:
            return parsed, 1
        wrapped = self._wrapped_role_line()
        return (wrapped, 2) if wrapped is not None else None

    def _wrapped_role_line(self) -> RoleLine | None:
        """The role line at the cursor read together with the next line, when no blank line parts them."""
        index = self.cursor.position
        if index + 1 >= len(self.lines) or self.lines[index + 1].blank_before:
            return None
        return parse_wrapped_role_line(self.lines[index].text, self.lines[index + 1].text)

    @staticmethod
    def _is_signature_name(text: str) -> bool:
        return is_name(text) and not _CHROME.match(text) and not _is_notes_start(text) and text != "Ondertekenaars"

    def notes(self) -> None:
        """The notes block: "X Noot", the number, the note text, repeated; "Naar boven" at the end."""
        for line in self.passes():
            if _is_notes_start(line.text):
                self.emit(T.NOTES_START, line.start, line.end)
                self.cursor.advance()
                if self.i < len(self.lines) and _NOTE_NUMBER.match(self.lines[self.i].text):
                    num = self.lines[self.i]
                    self.emit(T.NOTE_NUMBER, num.start, num.end, number=num.text)
                    self.cursor.advance()
                continue
            if line.text == "Naar boven":
                self.emit(T.CHROME, line.start, line.end)
                self.cursor.advance()
                return
            if line.text == "Ondertekenaars":
                self.trailing_chrome()
                return
            if _is_site_label(line.text) and not line.text.startswith(_NOTE_LIKE_LABELS):
                return
            self.emit(T.NOTE_TEXT, line.start, line.end)
            self.cursor.advance()

    def trailing_chrome(self) -> None:
        """The tweedekamer.nl "Ondertekenaars" block after a letter: site metadata, not document text."""
        for line in self.passes():
            if not _SIGNERS_BLOCK.match(line.text):
                return
            self.emit(T.CHROME, line.start, line.end)
            self.cursor.advance()

    def trailing_submitters(self) -> None:
        """Amendementen and moties end with their submitters' names: re-tag trailing name paragraphs."""
        if self.kind not in (
            DocumentKind.AMENDEMENT,
            DocumentKind.GEWIJZIGD_AMENDEMENT,
            DocumentKind.MOTIE,
            DocumentKind.GEWIJZIGDE_MOTIE,
        ):
            return
        end = len(self.tokens)
        while end > 0 and self.tokens[end - 1].kind in (T.CHROME, T.NOTES_START, T.NOTE_NUMBER, T.NOTE_TEXT):
            end -= 1
        index = end
        while index > 0:
            token = self.tokens[index - 1]
            if token.kind not in (T.PARAGRAPH, T.SECTION_HEADING, T.SUBMITTER) or not is_names_line(
                token.text(self.text)
            ):
                break
            index -= 1
        for position in range(index, end):
            token = self.tokens[position]
            self.tokens[position] = Token(T.SUBMITTER, token.start, token.end)


def _is_notes_start(text: str) -> bool:
    """An "X Noot" line; only a line that starts with "X" is tried against the pattern."""
    return text[:1] == "X" and _NOTES_START.match(text) is not None


def _is_list_item(text: str) -> bool:
    """A line that starts like a list item ("- ", "a) ", "1. "); only lines that start with a
    bullet, a bracket, a digit or a lower-case letter are tried against the pattern."""
    first = text[:1]
    return (first in _LIST_STARTS or first.isdigit() or "a" <= first <= "z") and _LIST_ITEM.match(text) is not None


def _ends_sentence(text: str) -> bool:
    """Whether `text` ends in closing punctuation (before a final line break, as a regex's `$`
    allows); a look at the last character instead of a pattern tried at every position."""
    last = text[-1:]
    if last == "\n":
        last = text[-2:-1]
    return last in _SENTENCE_ENDS


def _ends_motie(text: str) -> bool:
    """Whether a paragraph ends in a motie's closing line ("... gaat over tot de orde van de dag.").
    Only text whose last word before the closing punctuation is "dag" can: that cheap test, read
    backwards from the end, spares the pattern's scan of every paragraph."""
    tail = _MOTIE_TAIL.search(text)
    end = tail.start() if tail is not None else len(text)
    return text[max(0, end - 3) : end].lower() == "dag" and _MOTIE_END.search(text) is not None


#: What may stand after a motie's closing "dag" as its last character, before which a letter must be "g".
_CLAUSE_ENDS = frozenset(".,;:")
#: Longer than a place above its date, "Naar boven", "Ondertekenaars" and a monarch's name.
_SHORT_LINE = 40
#: A line this long never opens a role line wrapped onto the next (see `parse_wrapped_role_line`).
_WRAPPED_ROLE_LENGTH = 90
#: Longer than a section heading may be.
_LONGEST_HEADING = 110
#: The body's chrome lines that a rule compares whole.
_SHORT_CHROME = frozenset({"Naar boven", "Ondertekenaars"})


def _ends_motie_at(text: str, start: int, end: int) -> bool:
    """`_ends_motie` of text[start:end], without copying the paragraph when its last letter rules it out.

    Safe: when the paragraph ends in a letter, alone or before one of ".,;:", `_MOTIE_TAIL` takes at
    most that mark (a letter is no space, dash or "_"), so the letter ends the three characters that
    must read "dag"; only "g" and "G" lower to a string with "g" (all of Unicode checked in the tests).
    """
    last = text[end - 1] if end > start else ""
    if last in _CLAUSE_ENDS and end - 2 >= start:
        last = text[end - 2]
    if last.isalpha() and last not in "gG":
        return False
    return _ends_motie(text[start:end])


def _is_closed_prose(text: str) -> bool:
    """A capitalised line that closes like a sentence or is longer than a section heading may be: no
    list item (those open with a bullet, bracket, digit or lower-case letter) and no section heading
    (`is_section_heading` refuses it by its first test), so a paragraph, told without either rule."""
    return text[:1].isupper() and (len(text) > _LONGEST_HEADING or text[-1] in _SENTENCE_ENDS)


def _is_plain_line(text: str) -> bool:
    """A body line none of `_TextTokenizer.special`'s rules can take, once the header is read and
    before a motie's submitters: one cheap classification instead of a dozen rules.

    Safe because each test is the cheap part of a rule it rules out: "X" opens every "X Noot"; the
    site labels and role lines are ruled out by their own pre-tests, a long line that passes the
    role pre-test by the role pattern itself (such a line never starts a wrapped role line, so this
    is the whole signature rule: "De NAVO heeft ..." is prose); a dated line ends in a year; a
    line longer than 40 characters is no place above a date, chrome line or monarch, and a shorter
    one is compared with those.
    """
    first = text[:1]
    return (
        first != "X"
        and not (first in _SITE_LABEL_INITIALS and _is_site_label(text))
        and (not may_be_role_line(text) or (len(text) >= _WRAPPED_ROLE_LENGTH and parse_role_line(text) is None))
        and (len(text) >= DATELINE_LENGTH or not is_dateline(text))
        and (len(text) > _SHORT_LINE or (text not in _SHORT_CHROME and text not in MONARCHS and not _PLACE.match(text)))
    )


def _may_open_late_header(text: str) -> bool:
    """Whether `late_preamble` or `late_header` could take a line before the header: each asks first
    for a vergaderjaar, chamber, compact header, number or dossier line, and takes nothing else."""
    return bool(
        _VERGADERJAAR.match(text)
        or _CHAMBER_LINE.match(text)
        or _COMPACT_HEADER.match(text)
        or _NUMBER_LINE.match(text)
        or _DOSSIER_LINE.match(text)
    )


def _is_site_label(text: str) -> bool:
    """A labelled metadata line of a third-party rendering ("Indiener(s): ..."); the cheap tests first."""
    return (text.find(":", 0, 48) >= 0 or text.startswith(_SITE_LABEL_STARTS)) and _SITE_LABEL.match(text) is not None


def _is_wrapped(lines: list[Line]) -> bool:
    """True for hard-wrapped text (tweedekamer.nl, PDF): few blank lines and lines continuing in lower case."""
    if len(lines) < 4:
        return False
    blanks = [line.blank_before for line in lines].count(True)
    if blanks > len(lines) // 3:
        return False
    continued = sum(
        1
        for line, nxt in zip(lines, lines[1:], strict=False)
        if len(line.text) >= _WRAP_WIDTH and nxt.text[:1].islower() and not nxt.blank_before
    )
    return continued >= 2
