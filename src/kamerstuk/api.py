"""The public entry points: parse text, bytes or a file into a `Document`."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .assembler import assemble
from .detect import ADVICE, binary_format, detect_format
from .errors import InputTooLargeError, ParseError
from .merge import merge_metadata
from .metadata import metadata_from_record
from .models import Chamber, Diagnostic, Document, DocumentKind, Metadata, Severity, Span
from .normalize import decode, normalise
from .readers import text as text_reader
from .readers import textnodes as textnodes_reader
from .readers import xml as xml_reader
from .readers.pdf import DEFAULT_MAX_PAGES
from .readers.registry import ReadOptions, reader_for
from .tokens import Token

_BINARY = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
#: The control characters of `_BINARY` as UTF-8 bytes, each one byte that no other character's encoding holds.
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x20))
#: The shape of an officielebekendmakingen id, for file names.
_OB_ID = re.compile(r"^(?:kst|blg|stb|stcrt|trb|(?:ah|h|kv|nds)-(?:tk|ek|vv))-[0-9A-Za-z]+(?:-[0-9A-Za-z]+){0,4}$")
#: Inputs larger than this are refused before any work is done (bytes or characters).
DEFAULT_MAX_SIZE = 50 * 1024 * 1024
#: How much of a text the format tests read (detect.py and each reader's `recognises`).
_FORMAT_HEAD = 4096


def tokenize(text: str) -> list[Token]:
    """Tokens of a plain-text Kamerstuk; spans point into `normalise(text)`, which is `Document.text`."""
    return _read_text(normalise(text))[0]


def _read_text(text: str) -> tuple[list[Token], list[Diagnostic]]:
    """The plain-text reader's tokens, or the text-node reader's for text extracted element by element."""
    return textnodes_reader.read(text) if textnodes_reader.recognises(text) else text_reader.read(text)


@dataclass
class _Input:
    """An input read by the reader for its format, ready for the assembler."""

    text: str
    tokens: list[Token]
    source_format: str
    diagnostics: list[Diagnostic]
    metadata: Metadata | None = None
    page_breaks: list[int] = field(default_factory=list)
    fields: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    page_runs: list[tuple[int, int]] = field(default_factory=list)


def read_tokens(
    data: str | bytes | bytearray,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    source: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> tuple[str, list[Token]]:
    """The normalised text and the tokens of any input (text, HTML, XML or PDF), as its reader makes them."""
    read = _read_input(data, max_size, source, max_pages)
    return read.text, read.tokens


def parse(
    data: str | bytes | bytearray,
    *,
    strict: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    source: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> Document:
    """Parse a Kamerstuk from text or bytes; raises `ParseError` when it cannot be read at all.

    With `strict=True` any diagnostic of severity error is raised as a `ParseError` too. A PDF with
    more than `max_pages` pages is refused.
    """
    read = _read_input(data, max_size, source, max_pages)
    document = assemble(
        read.text, read.tokens, source_format=read.source_format, diagnostics=read.diagnostics, metadata=read.metadata
    )
    if read.source_format == "pdf":
        document = _with_letterhead(document, read.page_breaks, read.fields, read.page_runs)
    if strict:
        errors = [d for d in document.diagnostics if d.severity is Severity.ERROR]
        if errors:
            raise ParseError(
                f"{errors[0].code} {errors[0].message}",
                source=source,
                position=errors[0].span.start if errors[0].span else None,
            )
    return document


def _with_letterhead(
    document: Document,
    page_breaks: list[int],
    fields: dict[str, tuple[str, int, int]],
    page_runs: list[tuple[int, int]],
) -> Document:
    """Add a paged reader's pages and letterhead fields; a letterhead letter to the Kamer is a brief."""
    update: dict[str, object] = {"page_breaks": page_breaks, "page_runs": page_runs}
    spans = dict(document.field_spans)
    for name, (value, start, end) in fields.items():
        update[name] = int(value) if name == "attachments" else value
        spans[name] = Span(start=start, end=end)
    update["field_spans"] = spans
    addressee = document.addressee or ""
    if fields and document.kind is DocumentKind.OTHER and "Kamer" in addressee:
        update["kind"] = DocumentKind.BRIEF
        if document.chamber is None:
            update["chamber"] = Chamber.EERSTE_KAMER if "Eerste Kamer" in addressee else Chamber.TWEEDE_KAMER
    return document.model_copy(update=update)


def _read_input(data: str | bytes | bytearray, max_size: int, source: str | None, max_pages: int) -> _Input:
    """Check the input, tell its format from its content, and run the reader for that format."""
    if isinstance(data, str) and len(data) <= max_size and _plain_text(data):
        return _read_plain(data, [], source)
    raw = _as_bytes(data, max_size, source)
    reader = reader_for(raw)
    if reader is None and (binary := binary_format(raw)) is not None:
        raise ParseError(f"input is {ADVICE[binary]}", source=source, position=0)
    if reader is not None:
        rendered = reader.read(raw, source, ReadOptions(max_pages=max_pages))
        warnings = [Diagnostic(code="KS903", message=w, severity=Severity.WARNING) for w in rendered.warnings]
        return _Input(
            rendered.text,
            rendered.tokens,
            reader.name,
            warnings,
            rendered.metadata,
            rendered.page_breaks,
            rendered.fields,
            rendered.page_runs,
        )
    text, diagnostics = (data, []) if isinstance(data, str) else decode(raw)
    return _read_plain(text, diagnostics, source)


def _plain_text(data: str) -> bool:
    """Whether text given as a str is plain text, told from its first 4,096 characters without encoding
    the rest: every format test looks at the first 4,096 bytes only, but the zip test, and a zip starts "PK"."""
    head = data[:_FORMAT_HEAD].encode("utf-8", errors="surrogatepass")
    return not head.startswith(b"PK") and reader_for(head) is None and binary_format(head) is None


def _read_plain(text: str, diagnostics: list[Diagnostic], source: str | None) -> _Input:
    """Normalise and check plain text, and run the text reader on it."""
    text = normalise(text)
    _check_text(text, source)
    tokens, reader_diagnostics = _read_text(text)
    return _Input(text, tokens, "text", [*diagnostics, *reader_diagnostics])


def _as_bytes(data: object, max_size: int, source: str | None) -> bytes:
    """The input as bytes, refusing anything but text or bytes, and anything larger than `max_size`."""
    if not isinstance(data, (str, bytes, bytearray)):
        raise ParseError(f"expected str or bytes, got {type(data).__name__}", source=source)
    if len(data) > max_size:
        raise InputTooLargeError(f"input is {len(data):,} long, more than the maximum of {max_size:,}", source=source)
    return bytes(data) if not isinstance(data, str) else data.encode("utf-8", errors="surrogatepass")


def parse_file(
    path: str | os.PathLike[str],
    *,
    metadata: str | os.PathLike[str] | None = None,
    strict: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> Document:
    """Parse the Kamerstuk in the file at `path`; `metadata` names its metadata.xml to merge in.

    The identifier comes from the text, else from the metadata record, else from a file name shaped
    like an officielebekendmakingen id (with diagnostic KS106).
    """
    name = os.fspath(path)
    document = parse(read_file(name, max_size), strict=strict, max_size=max_size, source=name, max_pages=max_pages)
    if metadata is not None:
        meta_name = os.fspath(metadata)
        document = merge_metadata(document, parse_metadata(read_file(meta_name, max_size), source=meta_name))
    return identifier_from_name(document, name)


def identifier_from_name(document: Document, name: str) -> Document:
    """Pages are saved under their officielebekendmakingen id ("kst-35153-12.txt", "ah-tk-20242025-1028.html");
    where the text names no identifier, the file name is the best evidence left, and says so (KS106)."""
    if document.identifier is not None:
        return document
    stem = Path(name).name.split(".", 1)[0]
    if not _OB_ID.match(stem):
        return document
    note = Diagnostic(code="KS106", message=f"identifier {stem!r} taken from the file name", severity=Severity.INFO)
    return document.model_copy(update={"identifier": stem, "diagnostics": [*document.diagnostics, note]})


def parse_metadata(
    data: str | bytes | bytearray, *, max_size: int = DEFAULT_MAX_SIZE, source: str | None = None
) -> Metadata:
    """Parse a separate metadata record (metadata.xml `metadata_gegevens`, or metadata_owms.xml)."""
    raw = _as_bytes(data, max_size, source)
    if detect_format(raw) != "xml":
        raise ParseError("a metadata record is XML; this input is not", source=source)
    return metadata_from_record(xml_reader.parse_tree(raw, source), source)


def read_file(name: str, max_size: int) -> bytes:
    """The bytes of a file, refusing one larger than `max_size` before reading it; a file-system
    error becomes a `ParseError` naming the file, with the original error as its cause."""
    file = Path(name)
    try:
        size = file.stat().st_size
        if size > max_size:
            raise InputTooLargeError(f"file is {size:,} bytes, more than the maximum of {max_size:,}", source=name)
        return file.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}", source=name) from exc


def _check_text(text: str, source: str | None) -> None:
    """Refuse input that holds no text at all, or that is binary data."""
    if not text or text.isspace():
        raise ParseError("input is empty", source=source)
    sample = text[:4096]
    # Most texts hold no control character at all: a cheap test says so, the count is only made otherwise.
    if _has_binary_character(sample) and len(_BINARY.findall(sample)) > len(sample) // 10:
        raise ParseError("input looks like binary data, not text", source=source, position=0)


def _has_binary_character(sample: str) -> bool:
    """Whether `sample` holds a character of `_BINARY`, told by deleting the control bytes from its UTF-8
    encoding (a C loop over the bytes, three times faster than the pattern's search over the characters)."""
    encoded = sample.encode("utf-8", errors="surrogatepass")
    return len(encoded.translate(None, _CONTROL_BYTES)) != len(encoded) or "\ufffd" in sample
