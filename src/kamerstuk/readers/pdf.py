"""The PDF reader: a PDF read as a person reads it, from PDFium's glyph boxes, into text plus tokens.

PDFium's own text order and spacing split words ("P agina", "Inf rastructuur") and put a letterhead's
side column inside the body, so the text is rebuilt from glyph geometry: glyphs into lines by
baseline, words by the gaps between glyph boxes, paragraphs by line spacing and indent. Superscript
glyphs (smaller, on a raised baseline) are footnote markers; small-print lines at a page's bottom are
its footnotes; running headers, footers, page numbers and the side column are page chrome.

The text is laid out as the body (paragraphs whole across page breaks, one per line, a blank line
between), then the notes, then the page chrome; the body is tokenised by the text reader.
"""

from __future__ import annotations

import ctypes
import re
import struct
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

from ..errors import ParseError
from ..extract.dates import parse_date, parse_dateline
from ..models import Metadata
from ..tokens import Token, TokenKind
from . import text as text_reader
from .rendered import Rendered

T = TokenKind
#: A PDF with more pages than this is refused before any page is read (a PDF bomb, or not a Kamerstuk).
DEFAULT_MAX_PAGES = 500
_EXTRA_HINT = "reading PDF needs pypdfium2; install it with: pip install 'kamerstuk[pdf]'"
#: Running page chrome: page numbers, publication footers, the identifier line.
_CHROME_LINE = re.compile(
    r"^(?:Pagina \d+ van \d+|ISSN \d{4} ?- ?\d{3}[\dX]|"
    r"(?:kst|ah-tk|ah-ek|blg|h-tk|h-ek)-[0-9A-Za-z-]+|"
    r"['’]s-Gravenhage \d{4}.*|Tweede Kamer, vergaderjaar .*|Eerste Kamer, vergaderjaar .*|"
    r"Aanhangsel Handelingen II \d{4}.*)$"
)
#: The longest text a heading found from weight and size may have.
_HEADING_LENGTH = 120
#: The first paragraphs of a publication's body in which its number may stand alone ("3235").
_NUMBER_HEAD_BLOCKS = 8
#: A line of digits alone: a page number, or text (see `_page_numbers`).
_NUMBER_LINE = re.compile(r"^\d{1,4}$")
_IDENTIFIER = re.compile(r"^(?:kst|ah-tk|ah-ek|blg)-[0-9A-Za-z]+(?:-[0-9A-Za-z]+){1,4}$")
#: Spacing accents some PDFs place as glyphs of their own over the letter ("Kostic´"): composed onto it.
_ACCENTS = {"´": "\u0301", "`": "\u0300", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303", "ˇ": "\u030c", "¸": "\u0327"}
_ACCENT_CHARS = frozenset(_ACCENTS)
#: Punctuation some writers draw in white as spacing (see `_whiten_fillers`).
_FILLERS = frozenset("._")
_FILLER = re.compile(r"[._]")
#: What `str.isspace` holds for (the highest is U+3000), as a set: one lookup per character, not a call.
_WHITESPACE = frozenset(char for char in map(chr, range(0x3001)) if char.isspace())
#: Whitespace that gets no box: all but the space, whose width tells a PDF's space from PDFium's.
_DROPPED = _WHITESPACE - {" "}
#: The publication's year line, which shares its baseline with "Aanhangsel van de Handelingen".
_YEAR_LINE = re.compile(r"^Vergaderjaar \d{4}\s?[–-]\s?\d{4}$")
#: A line that ends inside a web address, and a next line that goes on with it (its first word has
#: an address's marks: "eiking%20MR%20fusie...", "www.utwente.nl/nieuws/...").
_URL_WORD = re.compile(r"^[(\[«“'\"]?(?:https?://|www\.)")
_URL_GOES_ON = re.compile(r"^[^\s]*(?:[/%=&_#?]|\.[a-z])")
_VOWELS = frozenset("aeiouyAEIOUYëïéèöüáóú")
_HYPHENS = "-\ufffe\u00ad\u2010"
_NOTE_START = re.compile(r"^(?P<n>\d{1,3})\s+\S")
_RETURN_ADDRESS = re.compile(r"^>\s?Retouradres\b")
_SUBJECT = re.compile(r"^(?P<label>Betreft|Onderwerp):?\s+(?P<value>\S.*)$")
_DATE_LINE = re.compile(r"^(?P<label>Datum):?\s+(?P<value>\d{1,2}\s+\w+\s+\d{4})$")
_SALUTATION = re.compile(r"^(?:Geachte|Beste|Zeer geachte)\b.{0,80},$")
_ADDRESS = re.compile(r"^(?:Postbus\s+\d+|\d{4}\s?[A-Z]{2}\b|[\w.' -]+\s\d+[a-zA-Z]?(?:\s|$))")
_SIDE_LABELS = {
    "kenmerk": "kenmerk",
    "ons kenmerk": "kenmerk",
    "onze referentie": "kenmerk",
    "uw kenmerk": "uw_kenmerk",
    "uw referentie": "uw_kenmerk",
    "uw brief": "uw_kenmerk",
    "bijlage(n)": "attachments",
    "bijlagen": "attachments",
    "bijlage": "attachments",
}
#: A besluitenlijst's title, alone or after a header row's label ("Document: Besluitenlijst van ...").
_LIST_TITLE = re.compile(r"^(?:(?P<label>[A-Z][\w()]*):\s+)?(?P<title>(?:Besluitenlijst|Korte aantekeningen)\b.*)$")
#: How many first-page lines a besluitenlijst's title is looked for in.
_LIST_HEAD_LINES = 40
#: A besluitenlijst's header row: "Voortouwcommissie: vaste commissie voor ...", "Datum: ...".
_LABEL_ROW = re.compile(r"^(?P<label>[A-Z][\w()]*(?: [a-z]+)?):(?:\s+(?P<value>\S.*))?$")
_COMMITTEE_LABELS = frozenset({"voortouwcommissie", "commissie"})
_AFTER_TITLE_LABELS = frozenset({"datum", "tijd", "plaats", "locatie", "voortouwcommissie", "commissie"})
#: A line that is the committee's name alone ("Vaste commissie voor Financiën").
_COMMITTEE_LINE = re.compile(
    r"^(?:[Dd]e )?(?:(?:[Vv]aste|[Aa]lgemene|[Bb]ijzondere|[Tt]ijdelijke|[Pp]arlementaire) )?"
    r"[Cc]ommissie (?:voor|van) \S.{2,100}$"
)
_WEEKDAY = re.compile(r"^(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^(?:[•·▪◦●*–—-]\s|\(?[a-z]\)\s|\(?\d{1,2}[.)]\s|[a-z]\.\s)")


@dataclass(slots=True)
class _Glyphs:
    """The glyphs of one page in PDFium's order, as parallel lists: the character (an accent composed
    onto its letter) and PDFium's loose box (the font's full height, so sizes compare). Flat lists of
    floats, not an object per glyph: a page has thousands, and the garbage collector walks objects."""

    chars: list[str] = field(default_factory=list)
    left: list[float] = field(default_factory=list)
    right: list[float] = field(default_factory=list)
    bottom: list[float] = field(default_factory=list)
    size: list[float] = field(default_factory=list)
    #: Glyphs a space glyph of the PDF follows (PDFium's generated spaces, with no width, do not count).
    spaced: set[int] = field(default_factory=set)


@dataclass(slots=True)
class _Line:
    """A line on one baseline: glyphs `start` to `end` of its page; `text`, `markers` and the measures
    are set by `_line_text`."""

    glyphs: _Glyphs
    start: int
    page: int
    bold: bool = False
    end: int = 0
    text: str = ""
    #: In a letterhead's side column (right of the text, in small print).
    side: bool = False
    markers: list[tuple[int, int]] = field(default_factory=list)
    left: float = 0.0
    right: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    #: The number of glyphs (lines merged on one baseline add up).
    count: int = 0


def read(data: bytes, source: str | None = None, max_pages: int = DEFAULT_MAX_PAGES) -> Rendered:
    """Read a PDF into text and tokens; `ParseError` for a PDF without text, encrypted, corrupt or too long."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError as exc:
        raise ParseError(_EXTRA_HINT, source=source) from exc
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise ParseError("the PDF is encrypted (password protected); it cannot be read", source=source) from exc
        raise ParseError(f"the PDF is corrupt or truncated: {message}", source=source) from exc
    try:
        pages = len(document)
        if pages == 0:
            raise ParseError("the PDF has no pages", source=source)
        if pages > max_pages:
            raise ParseError(f"the PDF has {pages:,} pages, more than max_pages={max_pages:,}", source=source)
        lines: list[_Line] = []
        sizes: list[tuple[float, float]] = []
        calls = _calls(raw)
        for index in range(pages):
            page = document[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            lines += _page_lines(textpage, calls, index)
            sizes.append((width, height))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise ParseError(f"the PDF is corrupt: a page cannot be read: {exc}", source=source) from exc
    finally:
        document.close()
    if not lines:
        raise ParseError("the PDF has no text layer (a scan?); it needs OCR first", source=source)
    return _layout(lines, sizes)


#: PDFium's per-character calls bound once, without argument types: ctypes then converts nothing but
#: the index, which halves the cost of the one call made for every glyph.
_PROTOTYPE = ctypes.CFUNCTYPE(ctypes.c_int)
#: FS_RECTF as PDFium writes it: left, top, right, bottom.
_RECT = struct.Struct("4f")


@dataclass(slots=True)
class _Calls:
    """PDFium's per-character calls, bound for tight loops, with the one buffer they write into."""

    box: Any
    weight: Any
    rect: Any
    pointer: Any
    #: FPDFText_GetFillColor and its four outputs (red, green, blue, alpha).
    fill: Any
    colour: list[ctypes.c_uint]
    colour_pointers: list[Any]


def _calls(raw: Any) -> _Calls:
    """Bind FPDFText_GetLooseCharBox and FPDFText_GetFontWeight to untyped prototypes."""

    def bind(function: Any) -> Any:
        address: int = ctypes.cast(function, ctypes.c_void_p).value or 0
        return _PROTOTYPE(address)

    rect = raw.FS_RECTF()
    colour = [ctypes.c_uint() for _ in range(4)]
    return _Calls(
        bind(raw.FPDFText_GetLooseCharBox),
        bind(raw.FPDFText_GetFontWeight),
        rect,
        ctypes.byref(rect),
        bind(raw.FPDFText_GetFillColor),
        colour,
        [ctypes.byref(value) for value in colour],
    )


def _page_lines(textpage: Any, calls: _Calls, page: int) -> list[_Line]:
    """The glyphs of one page grouped into lines, in PDFium's order, whitespace left out.

    One PDFium call per glyph and space fills a byte buffer; the boxes come out of it as lists in one
    go, and the line breaks are found over those lists (a glyph is on the line of the one before it
    when its size is similar and it sits right of it on an overlapping baseline)."""
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    chars: str = textpage.get_text_range()
    if _ACCENT_CHARS.isdisjoint(chars):
        boxed = [i for i, char in enumerate(chars) if char not in _DROPPED]
        letters = [chars[i] for i in boxed]
    else:
        boxed, letters = _compose_accents(chars)
    if not _FILLERS.isdisjoint(chars):
        _whiten_fillers(handle, boxed, letters, calls)
    mask = [char != " " for char in letters]
    kept = list(compress(boxed, mask))
    if not kept:
        return []
    box, rect, pointer = calls.box, calls.rect, calls.pointer
    buffer = bytearray()
    for index in boxed:
        box(handle, index, pointer)
        buffer += rect
    values = array("f", buffer).tolist()
    all_lefts, all_rights = values[0::4], values[2::4]
    # a space glyph of the PDF (PDFium's generated spaces have no width) after at least one glyph
    spaces = [position for position, glyph in enumerate(mask) if not glyph]
    spaced = {
        position - rank - 1
        for rank, position in enumerate(spaces)
        if position > rank and all_rights[position] > all_lefts[position]
    }
    out = list(compress(letters, mask))
    lefts, rights = list(compress(all_lefts, mask)), list(compress(all_rights, mask))
    tops, bottoms = list(compress(values[1::4], mask)), list(compress(values[3::4], mask))
    sizes = [top - bottom for top, bottom in zip(tops, bottoms, strict=True)]
    # a new line starts where a glyph is not on the line of the one before it (the first test is the
    # common case of the same font on the same baseline, the second the general one)
    starts = [
        0,
        *(
            index
            for index, last_size, last_right, last_bottom, last_top, size, left, bottom, top in zip(
                range(1, len(kept)),
                sizes,
                rights,
                bottoms,
                tops,
                sizes[1:],
                lefts[1:],
                bottoms[1:],
                tops[1:],
                strict=False,
            )
            if not (
                (
                    bottom == last_bottom
                    and size == last_size
                    and last_right - size * 0.5 <= left <= last_right + size * 3
                )
                or (
                    (big := last_size if last_size > size else size) <= (size if last_size > size else last_size) * 2.5
                    and last_right - big * 0.5 <= left <= last_right + big * 3
                    and last_bottom - big * 0.2 <= (bottom + top) / 2 <= last_top + big * 0.2
                )
            )
        ),
    ]
    glyphs = _Glyphs(out, lefts, rights, bottoms, sizes, spaced)
    ends = [*starts[1:], len(kept)]
    weight = calls.weight
    # a line is bold when its first and its last glyph are: a bold name in a sentence is not
    return [
        _Line(glyphs, start, page, weight(handle, kept[start]) >= 600 and weight(handle, kept[end - 1]) >= 600, end)
        for start, end in zip(starts, ends, strict=True)
    ]


def _whiten_fillers(handle: Any, boxed: list[int], letters: list[str], calls: _Calls) -> None:
    """Filler dots drawn in white, which the page does not show ("2500 EA..DEN HAAG" in a 2018
    letter), become spaces, as a reader sees them; white letters (text on a dark band) stay."""
    for match in _FILLER.finditer("".join(letters)):
        position = match.start()
        if calls.fill(handle, boxed[position], *calls.colour_pointers):
            if all(colour.value >= 250 for colour in calls.colour[:3]) and calls.colour[3].value > 0:
                letters[position] = " "


def _compose_accents(chars: str) -> tuple[list[int], list[str]]:
    """The glyphs and spaces of a page text with spacing accents: (their indices in the text, their
    characters), an accent composed onto the glyph before it where Unicode has the composed letter."""
    boxed: list[int] = []
    letters: list[str] = []
    last: int | None = None
    for index, char in enumerate(chars):
        if char in _DROPPED:
            continue
        if last is not None and char in _ACCENTS:
            composed = unicodedata.normalize("NFC", letters[last] + _ACCENTS[char])
            if len(composed) == 1:
                letters[last] = composed
                continue
        if char != " ":
            last = len(letters)
        boxed.append(index)
        letters.append(char)
    return boxed, letters


def _line_text(line: _Line) -> None:
    """Build a line's words from the gaps between glyph boxes, and find its superscript markers."""
    glyphs, start, end = line.glyphs, line.start, line.end
    line.count = end - start
    line.left, line.right = glyphs.left[start], glyphs.right[end - 1]
    line.bottom = min(glyphs.bottom[start:end])
    sizes = glyphs.size[start:end]
    line.size = max(sizes)
    smallest = min(sizes)
    if smallest == line.size:
        line.text = _plain_text(glyphs, start, end, smallest)
        return
    # the most common size, the first seen of equals
    main = max(dict.fromkeys(sizes), key=sizes.count)
    if smallest >= main * 0.85:
        line.text = _plain_text(glyphs, start, end, main)
        return
    chars, lefts, rights, bottoms = glyphs.chars, glyphs.left, glyphs.right, glyphs.bottom
    base = min((bottoms[i] for i in range(start, end) if sizes[i - start] >= main * 0.9), default=line.bottom)
    parts: list[str] = []
    length = 0
    marker_start: int | None = None
    for i in range(start, end):
        char = chars[i]
        superscript = sizes[i - start] < main * 0.85 and bottoms[i] > base + main * 0.15 and char.isdigit()
        gap = i > start and (i - 1 in glyphs.spaced or _spaced(chars[i - 1], char, lefts[i] - rights[i - 1], main))
        if gap and marker_start is None:
            parts.append(" ")
            length += 1
        elif i > start and marker_start is not None and not superscript:
            line.markers.append((marker_start, length))
            marker_start = None
            if gap:
                parts.append(" ")
                length += 1
        if superscript and marker_start is None:
            marker_start = length
        parts.append(char)
        length += 1
    if marker_start is not None:
        line.markers.append((marker_start, length))
    line.text = "".join(parts)


def _plain_text(glyphs: _Glyphs, start: int, end: int, size: float) -> str:
    """The words of a line without superscripts, in font size `size`: spaces from the gaps."""
    narrow, wide = size * 0.12, size * 0.22
    chars, spaced = glyphs.chars, glyphs.spaced
    cuts = [
        i + 1
        for i, left, right in zip(
            range(start, end - 1), glyphs.left[start + 1 : end], glyphs.right[start:end], strict=False
        )
        if (left - right > narrow and (left - right > wide or _number_meets_word(chars[i], chars[i + 1])))
        or i in spaced
    ]
    if not cuts:
        return "".join(chars[start:end])
    bounds = [start, *cuts, end]
    return " ".join(["".join(chars[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)])


def _spaced(before: str, after: str, gap: float, size: float) -> bool:
    """Whether a gap between two glyphs makes a space: over 0.22 of the font height between letters,
    where some fonts kern loosely ("O ngevallen"), over 0.12 where a number meets a word ("van 7")."""
    return gap > size * 0.12 and (gap > size * 0.22 or _number_meets_word(before, after))


def _number_meets_word(before: str, after: str) -> bool:
    return (before.isdigit() and after.isalpha()) or (before.isalpha() and after.isdigit())


def _merge_baselines(lines: list[_Line]) -> list[_Line]:
    """Join line pieces PDFium keeps apart on one baseline ("32 545" and its title, "Nr. 143" and the heading)."""
    merged: list[_Line] = []
    for line in lines:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.page == line.page
            and abs(last.bottom - line.bottom) < line.size * 0.25
            and line.left > last.right
            and abs(last.size - line.size) < line.size * 0.2
            and not _YEAR_LINE.match(last.text)
        ):
            offset = len(last.text) + 1
            last.text = f"{last.text} {line.text}"
            last.markers += [(s + offset, e + offset) for s, e in line.markers]
            last.count += line.count
            last.right = line.right
            last.bottom = min(last.bottom, line.bottom)
            continue
        merged.append(line)
    return merged


def _joined(previous: str, nxt: str) -> str:
    """Two wrapped lines as one: a hyphen at the line end is dropped where it splits a word, and a web
    address wrapped onto the next line is joined without a space (a hyphen in it kept)."""
    last = previous[previous.rfind(" ") + 1 :]
    if ("://" in last or "www." in last) and _URL_WORD.match(last) and _URL_GOES_ON.match(nxt):
        return previous + nxt
    if previous and previous[-1] in _HYPHENS and len(previous) > 1 and previous[-2].isalpha() and nxt[:1].islower():
        word = nxt.split(" ", 1)[0]
        if previous[-2] in _VOWELS and nxt[0] in _VOWELS or word in ("en", "of", "tot"):
            return previous[:-1] + "-" + ("" if word not in ("en", "of", "tot") else " ") + nxt
        return previous[:-1] + nxt
    return f"{previous} {nxt}"


def _same_block(block: list[_Line], line: _Line, body_size: float, margin: tuple[float, float]) -> bool:
    """Whether `line` goes on the paragraph of `block`: same font, normal line spacing, no new item,
    and the last line is full: a line that had room for the next line's first word ends its paragraph."""
    last = block[-1]
    if last.bold != line.bold or abs(last.size - line.size) > line.size * 0.15:
        return False
    if _LIST_ITEM.match(line.text):
        return False
    left, right = margin
    word = len(line.text.split(" ", 1)[0])
    if last.right + (line.right - line.left) / max(len(line.text), 1) * (word + 1) < right - (right - left) * 0.05:
        return False
    if last.page != line.page:
        return not re.search(r"[.:;!?]$", last.text) or line.text[:1].islower()
    return 0 < last.bottom - line.bottom <= max(line.size, body_size) * 1.6


def _layout(lines: list[_Line], sizes: list[tuple[float, float]]) -> Rendered:
    """Sort the lines into body, notes and page chrome, and write the text with its tokens."""
    for line in lines:
        _line_text(line)
    lines = [line for line in lines if line.text.strip()]
    # the right column (a letterhead's side column) is read after the text column of its page, but a
    # line there above all of the text column (a dateline top right) is read first, where it stands
    column_top: dict[int, float] = {}
    for line in lines:
        if line.left <= sizes[line.page][0] * 0.7:
            column_top[line.page] = max(column_top.get(line.page, line.bottom), line.bottom)

    def aside(line: _Line) -> bool:
        return line.left > sizes[line.page][0] * 0.7 and line.bottom <= column_top.get(line.page, line.bottom)

    lines.sort(key=lambda line: (line.page, aside(line), -round(line.bottom), line.left))
    lines = _merge_baselines(lines)
    counts: Counter[float] = Counter()
    for line in lines:
        counts[round(line.size, 1)] += line.count
    body_size = counts.most_common(1)[0][0]
    body: list[_Line] = []
    notes: list[_Line] = []
    chrome: list[_Line] = []
    page_numbers = _page_numbers(lines, sizes)
    for page in range(len(sizes)):
        width, _ = sizes[page]
        on_page = [line for line in lines if line.page == page]
        rest: list[_Line] = []
        for line in on_page:
            line.side = line.left > width * 0.7 and line.size < body_size * 0.9
            if (
                line.side
                or id(line) in page_numbers
                or _CHROME_LINE.match(line.text)
                or _RETURN_ADDRESS.match(line.text)
            ):
                chrome.append(line)
            else:
                rest.append(line)
        small_tail = next((i for i, line in enumerate(reversed(rest)) if line.size >= body_size * 0.9), len(rest))
        cut = len(rest) - small_tail
        zone = rest[cut:]
        start = next((i for i, line in enumerate(zone) if _is_note_start(line)), None)
        if start is None:
            body += rest
        else:
            carried = start
            for index in range(start, 0, -1):
                if not (notes and 0 < zone[index - 1].bottom - zone[index].bottom <= zone[index].size * 1.6):
                    break
                carried = index - 1
            body += rest[:cut] + zone[:carried]
            notes += zone[carried:]
    return _write(body, notes, chrome, body_size)


def _page_numbers(lines: list[_Line], sizes: list[tuple[float, float]]) -> set[int]:
    """The number-only lines that are page chrome (as `id`s): page numbers and the chamber's number.

    A page number stands at its page's top or bottom edge (no line above it, or none below), and the
    page numbers of a document go up with the pages: where edge numbers are on several pages, those
    whose number minus the page index is the common one. The chamber's "1" or "2" is the big number
    top right on a publication's first page. Any other number line (the Aanhangsel number under the
    publication head, a table cell, a year a date wrapped onto) is text."""
    candidates: list[_Line] = []
    found: set[int] = set()
    for page in range(len(sizes)):
        on_page = [line for line in lines if line.page == page]
        if not on_page:
            continue
        lowest = min(line.bottom for line in on_page)
        highest = max(line.bottom + line.size for line in on_page)
        for line in on_page:
            if not _NUMBER_LINE.match(line.text):
                continue
            top_edge = line.bottom + line.size >= highest - 2
            if not (top_edge or line.bottom <= lowest + 2):
                continue
            if page == 0 and top_edge and line.text in ("1", "2") and line.left > sizes[0][0] / 2:
                found.add(id(line))
            else:
                candidates.append(line)
    offsets = Counter(int(line.text) - line.page for line in candidates)
    if len({line.page for line in candidates}) > 1:
        common = offsets.most_common(1)[0][0]
        candidates = [line for line in candidates if int(line.text) - line.page == common]
    return found | {id(line) for line in candidates}


def _is_note_start(line: _Line) -> bool:
    return bool(_NOTE_START.match(line.text)) or bool(line.markers and line.markers[0][0] == 0)


def _blocks(lines: list[_Line], body_size: float) -> list[list[_Line]]:
    """Body lines grouped into paragraphs by font, spacing and the text column's right margin."""
    margins: dict[int, tuple[float, float]] = {}
    for line in lines:
        left, right = margins.get(line.page, (line.left, line.right))
        margins[line.page] = (min(left, line.left), max(right, line.right))
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and _same_block(groups[-1], line, body_size, margins[groups[-1][-1].page]):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


class _Writer:
    """Writes blocks of lines into the text, recording page breaks, markers and tokens at exact offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.page = 0
        self.page_breaks: list[int] = []
        #: (offset, 1-based page) wherever the page changes in the text, notes and chrome included.
        self.page_runs: list[tuple[int, int]] = []
        self.markers: list[Token] = []

    def write(self, lines: list[_Line], separator: str = "\n\n", *, join: bool = True) -> tuple[int, int]:
        """Write lines as one paragraph (`join`) or as lines of one block; the (start, end) written."""
        if self.parts:
            self.parts.append(separator)
            self.length += len(separator)
        start = self.length
        text = ""
        for line in lines:
            joined = (_joined(text, line.text) if join else f"{text}\n{line.text}") if text else line.text
            offset = start + len(joined) - len(line.text)
            text = joined
            for _ in range(line.page - self.page):
                self.page += 1
                self.page_breaks.append(offset)
            if not self.page_runs or self.page_runs[-1][1] != line.page + 1:
                self.page_runs.append((offset, line.page + 1))
            for s, e in line.markers:
                self.markers.append(Token(T.NOTE_REF, offset + s, offset + e, {"number": line.text[s:e]}))
        text = text.replace("\ufffe", "-")
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _write(body: list[_Line], notes: list[_Line], chrome: list[_Line], body_size: float) -> Rendered:
    """Write body, notes and chrome as text and tokens; markers and page breaks at exact offsets."""
    writer = _Writer()
    head, body, side = _letterhead_split(body, chrome)
    fields: dict[str, tuple[str, int, int]] = {}
    tokens: list[Token] = []
    if head:
        tokens += _write_head(writer, head, fields)
    else:
        head, body = _list_split(body)
        if head:
            tokens += _write_list_head(writer, head, fields)
    body_start = writer.length + (2 if writer.parts else 0)
    number: tuple[int, int] | None = None
    headings: set[tuple[int, int]] = set()
    for index, group in enumerate(_blocks(body, body_size)):
        span = writer.write(group)
        if number is None and index < _NUMBER_HEAD_BLOCKS and _is_document_number(group):
            number = span
        elif _is_heading(group, body_size):
            headings.add(span)
    body_text = writer.text[body_start:]
    for t in text_reader.tokenize(body_text):
        start, end = t.start + body_start, t.end + body_start
        if (start, end) == number and t.kind in (T.PARAGRAPH, T.SECTION_HEADING):
            tokens.append(Token(T.NUMBER, start, end, {"number": writer.text[start:end]}))
        elif (start, end) in headings and t.kind in (T.PARAGRAPH, T.LIST_ITEM):
            tokens.append(Token(T.SECTION_HEADING, start, end))
        elif t.kind is not T.NOTE_REF:
            tokens.append(Token(t.kind, start, end, t.attrs))
    tokens = sorted(tokens + writer.markers, key=lambda token: token.start)
    for group in _note_groups(notes):
        start, end = writer.write(group)
        del writer.markers[:]
        text = writer.text[start:end]
        match = re.match(r"\d{1,3}", text)
        if match is None:
            tokens.append(Token(T.NOTE_TEXT, start, end))
            continue
        tokens.append(Token(T.NOTE_NUMBER, start, start + match.end(), {"number": match.group()}))
        text_start = start + match.end() + len(text[match.end() :]) - len(text[match.end() :].lstrip())
        if text_start < end:
            tokens.append(Token(T.NOTE_TEXT, text_start, end))
    identifier = None
    if side:
        start, _ = writer.write(side, join=False)
        tokens += _side_column(writer.text, start, side, fields)
    in_side = {id(line) for line in side}
    for line in chrome:
        if id(line) in in_side:
            continue
        start, end = writer.write([line])
        tokens.append(Token(T.CHROME, start, end))
        if identifier is None and _IDENTIFIER.match(line.text):
            identifier = line.text
    metadata = Metadata(identifier=identifier) if identifier else None
    return Rendered(writer.text, tokens, metadata, [], writer.page_breaks, fields, writer.page_runs)


def _is_document_number(group: list[_Line]) -> bool:
    """The Aanhangsel's number under the publication head: a bold line of digits alone on the first page."""
    return len(group) == 1 and group[0].page == 0 and group[0].bold and bool(_NUMBER_LINE.match(group[0].text))


def _is_heading(group: list[_Line], body_size: float) -> bool:
    """A section heading from weight and size: a paragraph of one or two lines, all bold or larger
    than the body, short, that does not end as a sentence part does (",", ";", ":", ".")
    and does not start in lower case. The text reader's own reading stands for anything it made
    other than a paragraph or list item (a signature, a dossier line, a dateline)."""
    text = " ".join(line.text for line in group)
    weighty = all(line.bold for line in group) or min(line.size for line in group) >= body_size * 1.15
    return (
        len(group) <= 2
        and weighty
        and min(line.size for line in group) >= body_size * 0.9
        and len(text) <= _HEADING_LENGTH
        and not text.endswith((",", ";", ":", "."))
        and not text[:1].islower()
    )


def _letterhead_split(body: list[_Line], chrome: list[_Line]) -> tuple[list[_Line], list[_Line], list[_Line]]:
    """A government letterhead's first page: (header lines up to the salutation, the rest, the side column).

    A letter in the letterhead has a "Datum" and a "Betreft" (older: "Onderwerp") line on its first page."""
    first = [line for line in body if line.page == 0]
    subject = next((i for i, line in enumerate(first) if _SUBJECT.match(line.text)), None)
    if subject is None or not any(_DATE_LINE.match(line.text) for line in first[: subject + 1]):
        return [], body, []
    end = subject + 1
    if end < len(first) and _SALUTATION.match(first[end].text):
        end += 1
    side = [line for line in chrome if line.page == 0 and line.side]
    return body[:end], body[end:], side


def _list_split(body: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """A committee's besluitenlijst (list of decisions): (its header lines, the rest).

    Its first page has a title "Besluitenlijst ..." (or "Korte aantekeningen ..."), alone or as the
    value of a header row ("Document: Besluitenlijst van de procedurevergadering van ..."); the header
    is the lines up to the title, the title's wrapped lines and the rows right after it (Datum, Tijd,
    Plaats, the committee, a line naming the committee alone)."""
    first = [line for line in body if line.page == 0][:_LIST_HEAD_LINES]
    title = next((i for i, line in enumerate(first) if _LIST_TITLE.match(line.text)), None)
    if title is None:
        return [], body
    end = title + 1
    for line in first[end:]:
        if not _title_goes_on(first[end - 1], line):
            break
        end += 1
    for line in first[end:]:
        row = _LABEL_ROW.match(line.text)
        if (row is None or row.group("label").lower() not in _AFTER_TITLE_LABELS) and not (
            _COMMITTEE_LINE.match(line.text)
        ):
            break
        end += 1
    return body[:end], body[end:]


def _title_goes_on(last: _Line, line: _Line) -> bool:
    """A wrapped line of a title: same font, the next line down, no header row of its own."""
    return (
        line.page == last.page
        and line.bold == last.bold
        and abs(line.size - last.size) <= last.size * 0.15
        and 0 < last.bottom - line.bottom <= last.size * 1.6
        and line.left >= last.left - 2
        and _LABEL_ROW.match(line.text) is None
        and _COMMITTEE_LINE.match(line.text) is None
    )


def _write_list_head(writer: _Writer, head: list[_Line], fields: dict[str, tuple[str, int, int]]) -> list[Token]:
    """The besluitenlijst's header: the dateline, the title as the heading, the committee as the sender
    (from a "Voortouwcommissie:" or "Commissie:" row, or a line naming the committee alone), the other
    rows as paragraphs."""
    tokens: list[Token] = []
    title = next(i for i, line in enumerate(head) if _LIST_TITLE.match(line.text))
    end = title + 1
    for line in head[end:]:
        if not _title_goes_on(head[end - 1], line):
            break
        end += 1
    for index, line in enumerate(head):
        if title < index < end:
            continue
        if index == title:
            start, stop = writer.write(head[title:end])
            match = _LIST_TITLE.match(writer.text[start:stop])
            if match is not None and match.group("label"):
                tokens.append(Token(T.CHROME, start, start + match.end("label") + 1))
            heading_start = start + (match.start("title") if match is not None else 0)
            heading = " ".join(writer.text[heading_start:stop].split())
            tokens.append(Token(T.HEADING, heading_start, stop, {"heading": heading}))
            continue
        start, stop = writer.write([line])
        tokens += _list_row(line.text, start, stop, fields)
    return tokens


def _list_row(text: str, start: int, end: int, fields: dict[str, tuple[str, int, int]]) -> list[Token]:
    """One header line of a besluitenlijst, written at `start`: its tokens, the committee into `fields`."""
    row = _LABEL_ROW.match(text)
    label = row.group("label").lower() if row is not None else ""
    value_start = start + (row.start("value") if row is not None and row.group("value") else 0)
    if row is not None and row.group("value") and label in _COMMITTEE_LABELS and "sender" not in fields:
        fields["sender"] = (row.group("value"), value_start, end)
        return [Token(T.CHROME, start, start + row.end("label") + 1)]
    if row is None and _COMMITTEE_LINE.match(text) and "sender" not in fields:
        fields["sender"] = (text, start, end)
        return []
    if row is not None and label == "datum" and row.group("value"):
        value = row.group("value")
        weekday = _WEEKDAY.match(value)
        date_start = value_start + (weekday.end() if weekday else 0)
        if parse_date(text[date_start - start :]) is not None:
            return [Token(T.CHROME, start, date_start), Token(T.DATELINE, date_start, end)]
    if row is None and parse_dateline(text) is not None:
        return [Token(T.DATELINE, start, end)]
    return [Token(T.PARAGRAPH, start, end)]


def _write_head(writer: _Writer, head: list[_Line], fields: dict[str, tuple[str, int, int]]) -> list[Token]:
    """The letterhead's addressee block, date, subject and salutation: fields with their spans."""
    tokens: list[Token] = []
    address: list[_Line] = []
    for index, line in enumerate(head):
        label = _DATE_LINE.match(line.text) or _SUBJECT.match(line.text)
        if label is not None:
            if address:
                tokens += _addressee(writer, address, fields)
                address = []
            start, end = writer.write([line])
            tokens.append(Token(T.CHROME, start, start + label.end("label")))
            value_start = start + label.start("value")
            if _DATE_LINE.match(line.text):
                tokens.append(Token(T.DATELINE, value_start, end))
            else:
                fields["subject"] = (line.text[label.start("value") :], value_start, end)
        elif index == len(head) - 1 and _SALUTATION.match(line.text):
            start, end = writer.write([line])
            fields["salutation"] = (line.text, start, end)
        else:
            address.append(line)
    if address:
        tokens += _addressee(writer, address, fields)
    return tokens


def _addressee(writer: _Writer, lines: list[_Line], fields: dict[str, tuple[str, int, int]]) -> list[Token]:
    """The addressee block: the name lines are the addressee, from "Postbus" or a street on the address."""
    split = next((i for i, line in enumerate(lines) if _ADDRESS.match(line.text)), len(lines))
    tokens: list[Token] = []
    if split:
        start, end = writer.write(lines[:split], join=False)
        tokens.append(Token(T.ADDRESSEE, start, end))
    if split < len(lines):
        start, end = writer.write(lines[split:], "\n" if split else "\n\n", join=False)
        fields["addressee_address"] = (" ".join(writer.text[start:end].split()), start, end)
    return tokens


def _side_column(text: str, start: int, side: list[_Line], fields: dict[str, tuple[str, int, int]]) -> list[Token]:
    """The side column is page chrome; the sender (its bold lines on top), kenmerk, uw kenmerk and the
    number of attachments are taken from it with their spans."""
    offsets: list[tuple[int, int]] = []
    position = start
    for line in side:
        offsets.append((position, position + len(line.text)))
        position += len(line.text) + 1
    tokens = [Token(T.CHROME, s, e) for s, e in offsets]
    first = next((i for i, line in enumerate(side) if line.bold), None)
    if first is not None:
        last = first
        for index in range(first + 1, len(side)):
            if not side[index].bold or side[index].text.lower() in _SIDE_LABELS:
                break
            last = index
        sender_start, sender_end = offsets[first][0], offsets[last][1]
        fields["sender"] = (" ".join(text[sender_start:sender_end].split()), sender_start, sender_end)
    for index, line in enumerate(side):
        name = _SIDE_LABELS.get(line.text.lower())
        if name is None or index + 1 >= len(side) or name in fields:
            continue
        value_start, value_end = offsets[index + 1]
        value = side[index + 1].text
        if name == "attachments":
            if not value.isdigit():
                continue
        fields[name] = (value, value_start, value_end)
    return tokens


def _note_groups(lines: list[_Line]) -> list[list[_Line]]:
    """Note lines grouped per note: a note starts at the next number in sequence and may go on on the
    next page; a line of a note that starts with another number ("482.") goes on with the note."""
    groups: list[list[_Line]] = []
    expected: int | None = None
    for line in lines:
        number = re.match(r"\d{1,3}", line.text)
        starts = _is_note_start(line) and number is not None
        if starts and number is not None and (expected is None or int(number.group()) == expected):
            groups.append([line])
            expected = int(number.group()) + 1
        elif groups:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def recognises(data: bytes) -> bool:
    """A PDF starts with "%PDF-" (some writers put a few bytes of junk before it)."""
    return b"%PDF-" in data[:1024]
