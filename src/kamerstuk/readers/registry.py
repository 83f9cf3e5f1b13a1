"""The reader registry: every binary or markup format the parser reads, tried in order on the bytes.

A format is one module under readers/ with a `recognises(data)` test and a `read` function; adding
a format is one entry here. Input no reader recognises is refused by name when its magic bytes tell
a format without a reader (`detect.binary_format`: .doc, spreadsheets, images), else read as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..detect import detect_format
from . import docx, html, odt, pdf, xml
from .rendered import Rendered


@dataclass(frozen=True)
class ReadOptions:
    """Limits a reader honours: the page limit of paged formats."""

    max_pages: int = pdf.DEFAULT_MAX_PAGES


@dataclass(frozen=True)
class Reader:
    """A format: its name (the Document's `source_format`), what bytes it takes, and its reader."""

    name: str
    recognises: Callable[[bytes], bool]
    read: Callable[[bytes, str | None, ReadOptions], Rendered]


READERS: list[Reader] = [
    Reader("pdf", pdf.recognises, lambda data, source, options: pdf.read(data, source, options.max_pages)),
    Reader("docx", docx.recognises, lambda data, source, _: docx.read(data, source)),
    Reader("odt", odt.recognises, lambda data, source, _: odt.read(data, source)),
    Reader("xml", lambda data: detect_format(data) == "xml", lambda data, source, _: xml.read(data, source)),
    Reader("html", lambda data: detect_format(data) == "html", lambda data, source, _: html.read(data, source)),
]


def reader_for(data: bytes) -> Reader | None:
    """The first reader that recognises `data`, or None for plain text."""
    return next((reader for reader in READERS if reader.recognises(data)), None)
