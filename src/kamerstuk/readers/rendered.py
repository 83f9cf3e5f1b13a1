"""What the markup readers hand the assembler, and the one way they read an element's text."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..extract.whitespace import collapse
from ..models import Metadata
from ..tokens import Token


@dataclass
class Rendered:
    """A markup input written as page text, with its tokens, metadata and the reader's remarks."""

    text: str
    tokens: list[Token]
    metadata: Metadata | None
    warnings: list[str] = field(default_factory=list)
    #: Offsets where each page after the first starts (paged formats only).
    page_breaks: list[int] = field(default_factory=list)
    #: Letterhead fields the reader found (name: value, start, end): subject, sender, kenmerk, ...
    fields: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    #: (offset, 1-based page) wherever the page changes in the text (paged formats only).
    page_runs: list[tuple[int, int]] = field(default_factory=list)


def element_text(element: etree._Element) -> str:
    """The element's text content with whitespace collapsed; processing instructions add nothing.

    lxml's text serialisation does the walk in C, which matters: this runs for every paragraph. A
    node without children (most paragraphs) has all its text in `.text`, which is cheaper still."""
    if not len(element):
        text = element.text
        return collapse(text) if text else ""
    return collapse(etree.tostring(element, method="text", encoding="unicode", with_tail=False))
