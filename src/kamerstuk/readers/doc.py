"""The old binary Word format (.doc, an OLE compound file): recognised and refused with its name."""

from __future__ import annotations

from ..errors import ParseError
from .rendered import Rendered

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def recognises(data: bytes) -> bool:
    """An OLE compound file starts with its eight-byte signature."""
    return data.startswith(_OLE)


def read(data: bytes, source: str | None = None) -> Rendered:
    """Always a `ParseError`: the binary .doc format is not read; the message says what to do."""
    raise ParseError(
        "this is an old binary Word .doc file (OLE), which is not read; save it as .docx, .odt or PDF",
        source=source,
    )
