"""The public entry points: parse text, bytes or a file into a `Document`."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .assembler import assemble
from .detect import detect_format
from .errors import InputTooLargeError, ParseError
from .models import Diagnostic, Document, Severity
from .normalize import decode, normalise
from .readers import text as text_reader
from .readers import xml as xml_reader
from .tokens import Token

_BINARY = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
#: Inputs larger than this are refused before any work is done (bytes or characters).
DEFAULT_MAX_SIZE = 50 * 1024 * 1024


def tokenize(text: str) -> list[Token]:
    """Tokens of a plain-text Kamerstuk; spans point into `normalise(text)`, which is `Document.text`."""
    return text_reader.tokenize(normalise(text))


def parse(
    data: str | bytes, *, strict: bool = False, max_size: int = DEFAULT_MAX_SIZE, source: str | None = None
) -> Document:
    """Parse a Kamerstuk from text or bytes; raises `ParseError` when it cannot be read at all.

    With `strict=True` any diagnostic of severity error is raised as a `ParseError` too.
    """
    if not isinstance(data, (str, bytes, bytearray)):
        raise ParseError(f"expected str or bytes, got {type(data).__name__}", source=source)
    if len(data) > max_size:
        raise InputTooLargeError(f"input is {len(data):,} long, more than the maximum of {max_size:,}", source=source)
    raw = bytes(data) if isinstance(data, (bytes, bytearray)) else data.encode("utf-8", errors="surrogatepass")
    kind = detect_format(raw)
    if kind == "xml":
        document = _parse_xml(raw, source)
    else:
        diagnostics: list[Diagnostic] = []
        if isinstance(data, str):
            text = data
        else:
            text, diagnostics = decode(raw)
        text = normalise(text)
        _check_text(text, source)
        document = assemble(text, text_reader.tokenize(text), source_format="text", diagnostics=diagnostics)
    if strict:
        errors = [d for d in document.diagnostics if d.severity is Severity.ERROR]
        if errors:
            raise ParseError(
                f"{errors[0].code} {errors[0].message}",
                source=source,
                position=errors[0].span.start if errors[0].span else None,
            )
    return document


def _parse_xml(data: bytes, source: str | None) -> Document:
    """Parse official XML through its reader into the shared assembler."""
    rendered = xml_reader.read(data, source)
    diagnostics = [Diagnostic(code="KS903", message=w, severity=Severity.WARNING) for w in rendered.warnings]
    return assemble(
        rendered.text, rendered.tokens, source_format="xml", diagnostics=diagnostics, metadata=rendered.metadata
    )


def parse_file(path: str | os.PathLike[str], *, strict: bool = False, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Parse the Kamerstuk in the file at `path`."""
    name = os.fspath(path)
    file = Path(name)
    try:
        size = file.stat().st_size
        if size > max_size:
            raise InputTooLargeError(f"file is {size:,} bytes, more than the maximum of {max_size:,}", source=name)
        data = file.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}", source=name) from exc
    return parse(data, strict=strict, max_size=max_size, source=name)


def _check_text(text: str, source: str | None) -> None:
    """Refuse input that holds no text at all, or that is binary data."""
    if not text.strip():
        raise ParseError("input is empty", source=source)
    sample = text[:4096]
    controls = len(_BINARY.findall(sample))
    if controls > len(sample) // 10:
        raise ParseError("input looks like binary data, not text", source=source, position=0)
