"""Tokens: the flat, typed stream every reader emits and the assembler consumes."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import NamedTuple

from .models import Span


class TokenKind(StrEnum):
    """What a stretch of the document text is."""

    PREAMBLE = "preamble"
    CHROME = "chrome"
    DOSSIER = "dossier"
    NUMBER = "number"
    HEADING = "heading"
    ADDRESSEE = "addressee"
    DATELINE = "dateline"
    SECTION_HEADING = "section_heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    SIGNATURE = "signature"
    SUBMITTER = "submitter"
    NOTES_START = "notes_start"
    NOTE_NUMBER = "note_number"
    NOTE_TEXT = "note_text"
    NOTE_REF = "note_ref"
    REFERENCE = "reference"
    DATE = "date"


#: Tokens that mark a stretch inside another token (a footnote marker, a linked citation, the date
#: written questions carry in their first sentence).
INLINE_KINDS = frozenset({TokenKind.NOTE_REF, TokenKind.REFERENCE, TokenKind.DATE})


class Token(NamedTuple):
    """A kind and a character range into the text; `attrs` carries facts a reader already knows.

    A `NamedTuple`, immutable like the frozen dataclass it was, built about twice as fast: every
    reader makes one per line or element.
    """

    kind: TokenKind
    start: int
    end: int
    attrs: Mapping[str, str] | None = None

    @property
    def span(self) -> Span:
        """The token's range as a model `Span`."""
        return Span(start=self.start, end=self.end)

    def text(self, source: str) -> str:
        """The token's text in `source`."""
        return source[self.start : self.end]
