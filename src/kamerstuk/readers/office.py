"""What the Word and OpenDocument readers share: safe zip and XML reading, and writing paragraphs
with exact footnote markers and the notes into text plus tokens."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from ..errors import ParseError
from ..models import Metadata
from ..tokens import Token, TokenKind
from . import text as text_reader
from .rendered import Rendered

T = TokenKind
#: A member larger than this when unpacked is refused (a zip bomb, or not a document).
MAX_MEMBER = 50 * 1024 * 1024
_IDENTIFIER = re.compile(r"^(?:kst|ah-tk|ah-ek|blg)-[0-9A-Za-z]+(?:-[0-9A-Za-z]+){1,4}$")
#: The publication footer the publisher's ODT puts first: identifier, "'s-Gravenhage 2021", ISSN.
#: The first paragraphs in which a publication's number may stand alone ("3235").
_NUMBER_HEAD_PARAGRAPHS = 8
_NUMBER = re.compile(r"^\d{1,4}$")
_FOOTER = re.compile(r"^(?:(?:kst|ah-tk|ah-ek|blg)-[0-9A-Za-z-]+|['’]s-Gravenhage \d{4}|ISSN \d{4} ?- ?\d{3}[\dX])$")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)


@dataclass
class Paragraph:
    """A paragraph as pieces of text and footnote markers (the marker's note number)."""

    pieces: list[tuple[str, bool]] = field(default_factory=list)

    def add(self, text: str, marker: bool = False) -> None:
        self.pieces.append((text, marker))


#: The compression methods zipfile can unpack.
_READABLE = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA})


def open_zip(data: bytes, source: str | None, kind: str) -> zipfile.ZipFile:
    """The package as a zip, or a `ParseError` naming the format when it is not a readable one."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ParseError(f"the {kind} file is corrupt or truncated: {exc}", source=source) from exc


def member_xml(archive: zipfile.ZipFile, name: str, source: str | None, kind: str) -> etree._Element | None:
    """A member of the package parsed as XML (no DTD, no entities, no network); None when absent."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_MEMBER:
        raise ParseError(f"the {kind} member {name} unpacks to {info.file_size:,} bytes; refused", source=source)
    if info.compress_type not in _READABLE:
        raise ParseError(f"the {kind} member {name} uses a compression Python cannot read", source=source)
    try:
        return etree.fromstring(archive.read(info), parser=_PARSER)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ParseError(f"the {kind} member {name} cannot be read: {exc}", source=source) from exc


def write(paragraphs: list[Paragraph], notes: list[tuple[str, str]], source: str | None) -> Rendered:
    """Paragraphs one per line with a blank line between, then the notes ("1 text"); markers exact."""
    parts: list[str] = []
    length = 0
    markers: list[Token] = []
    identifier: str | None = None
    footer: list[str] = []
    numbers: list[tuple[int, int]] = []
    for paragraph in paragraphs:
        raw = ""
        spans: list[tuple[int, int, str]] = []
        for piece, marker in paragraph.pieces:
            if marker:
                spans.append((len(raw), len(raw) + len(piece), piece))
            raw += piece
        text, spans = _collapse(raw, spans)
        if not text:
            continue
        if _FOOTER.match(text) and not spans:
            footer.append(text)
            identifier = identifier or (text if _IDENTIFIER.match(text) else None)
            continue
        if parts:
            parts.append("\n\n")
            length += 2
        start = length
        parts.append(text)
        length += len(text)
        markers += [Token(T.NOTE_REF, start + s, start + e, {"number": n}) for s, e, n in spans if e > s]
        if len(parts) < _NUMBER_HEAD_PARAGRAPHS * 2 and _NUMBER.match(text):
            numbers.append((start, length))
    if not parts:
        raise ParseError("the document holds no text", source=source)
    body_text = "".join(parts)
    tokens = _with_number([t for t in text_reader.tokenize(body_text) if t.kind is not T.NOTE_REF], numbers, body_text)
    tokens = sorted(tokens + markers, key=lambda token: token.start)
    for number, note in notes:
        note = " ".join(note.split())
        parts.append("\n\n")
        length += 2
        parts.append(f"{number} {note}".rstrip())
        tokens.append(Token(T.NOTE_NUMBER, length, length + len(number), {"number": number}))
        if note:
            tokens.append(Token(T.NOTE_TEXT, length + len(number) + 1, length + len(number) + 1 + len(note)))
        length += len(parts[-1])
    for text in footer:
        parts.append("\n\n")
        length += 2
        parts.append(text)
        tokens.append(Token(T.CHROME, length, length + len(text)))
        length += len(text)
    metadata = Metadata(identifier=identifier) if identifier else None
    return Rendered("".join(parts), tokens, metadata, [])


def _collapse(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Whitespace runs as one space, stripped; the marker spans move with the text."""
    out: list[str] = []
    mapping: list[int] = []
    for char in text:
        mapping.append(len(out))
        if not char.isspace():
            out.append(char)
        elif out and out[-1] != " ":
            out.append(" ")
    mapping.append(len(out))
    if out and out[-1] == " ":
        out.pop()
    end = len(out)
    return "".join(out), [(min(mapping[s], end), min(mapping[e], end), n) for s, e, n in spans]


def _with_number(tokens: list[Token], numbers: list[tuple[int, int]], text: str) -> list[Token]:
    """The Aanhangsel's number, a paragraph of digits alone under the publication head ("3235"), as
    the document number: the first such paragraph the text reader made a paragraph or a heading (it
    knows no such line in plain text; the chamber's "2" it already reads)."""
    for index, token in enumerate(tokens):
        if (token.start, token.end) in numbers and token.kind in (T.PARAGRAPH, T.SECTION_HEADING):
            tokens[index] = Token(T.NUMBER, token.start, token.end, {"number": text[token.start : token.end]})
            break
    return tokens
