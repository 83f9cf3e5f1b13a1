"""The OpenDocument reader (.odt): content.xml text:h and text:p in order (a text box's paragraphs
once, after the paragraph that anchors it), text:note as marker (its citation) and note (its body)."""

from __future__ import annotations

from lxml import etree

from .office import Paragraph, member_xml, open_zip, write
from .rendered import Rendered

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
#: Drawing elements (frames, text boxes): their paragraphs are read as paragraphs of their own.
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
#: The most spaces one text:s stands for; a larger (or malformed) count is read as this many or one.
_MAX_SPACES = 64
_KIND = "OpenDocument (.odt)"
_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def recognises(data: bytes) -> bool:
    """A zip package whose first member, "mimetype", names an OpenDocument text."""
    return data.startswith(b"PK\x03\x04") and _MIMETYPE in data[:200]


def read(data: bytes, source: str | None = None) -> Rendered:
    """Read an .odt into text and tokens."""
    archive = open_zip(data, source, _KIND)
    content = member_xml(archive, "content.xml", source, _KIND)
    paragraphs: list[Paragraph] = []
    notes: list[tuple[str, str]] = []
    if content is not None:
        for element in content.iter(f"{_TEXT}p", f"{_TEXT}h"):
            if any(a.tag == f"{_TEXT}note-body" for a in element.iterancestors()):
                continue
            paragraph = Paragraph()
            _inline(element, paragraph, notes)
            paragraphs.append(paragraph)
    return write(paragraphs, notes, source)


def _inline(element: etree._Element, paragraph: Paragraph, notes: list[tuple[str, str]]) -> None:
    """The text of a paragraph: spans, spaces (text:s), tabs, line breaks; a note is a marker."""
    paragraph.add(element.text or "")
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}note":
            citation = child.find(f"{_TEXT}note-citation")
            number = _text(citation).strip() if citation is not None else str(len(notes) + 1)
            body = child.find(f"{_TEXT}note-body")
            notes.append((number, " ".join(_text(body).split()) if body is not None else ""))
            paragraph.add(number, True)
        elif tag == f"{_TEXT}s":
            paragraph.add(" " * _spaces(child.get(f"{_TEXT}c", "1")))
        elif tag in (f"{_TEXT}tab", f"{_TEXT}line-break"):
            paragraph.add(" ")
        elif isinstance(tag, str) and not tag.startswith(_DRAW):
            _inline(child, paragraph, notes)
        paragraph.add(child.tail or "")


def _spaces(count: str) -> int:
    """The spaces a text:s stands for: its count when that is a sane number, else one."""
    if not (count.isascii() and count.isdigit()) or int(count[:6]) == 0:
        return 1
    return min(int(count[:6]), _MAX_SPACES) if len(count) <= 6 else _MAX_SPACES


def _text(element: etree._Element) -> str:
    """All text inside an element."""
    return "".join(str(piece) for piece in element.itertext())
