"""The Word reader (.docx): word/document.xml paragraphs in order (table cells and text boxes too,
each once), footnote references and superscript digits as markers, word/footnotes.xml as the notes."""

from __future__ import annotations

import zipfile

from lxml import etree

from .office import Paragraph, member_xml, open_zip, write
from .rendered import Rendered

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The second copy of a drawing (a text box as VML) that Word writes for older readers.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_KIND = "Word (.docx)"


def recognises(data: bytes) -> bool:
    """A zip package with a word/document.xml member."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        return "word/document.xml" in open_zip(data, None, _KIND).namelist()
    except ValueError:
        return False


def read(data: bytes, source: str | None = None) -> Rendered:
    """Read a .docx into text and tokens; footnotes are numbered in the order they are referenced."""
    archive = open_zip(data, source, _KIND)
    document = member_xml(archive, "word/document.xml", source, _KIND)
    if document is None:
        return write([], [], source)
    texts = _footnotes(archive, source)
    numbers: dict[str, str] = {}
    paragraphs: list[Paragraph] = []
    row: etree._Element | None = None
    cell: etree._Element | None = None
    for element in document.iter(f"{_W}p"):
        if any(ancestor.tag == _FALLBACK for ancestor in element.iterancestors()):
            continue
        # the first lines of the cells of a table row are one line, as on the page ("36 682" and its title)
        here = next(element.iterancestors(f"{_W}tc"), None)
        parent = here.getparent() if here is not None else None
        if parent is not None and parent is row and here is not cell and paragraphs:
            paragraphs[-1].add(" ")
        else:
            paragraphs.append(Paragraph())
        row, cell = parent, here
        for run in element.iter(f"{_W}r"):
            # a text box's paragraphs sit inside a run of this one: they come next, as paragraphs of their own
            if next(run.iterancestors(f"{_W}p")) is element:
                _run(run, paragraphs[-1], numbers)
    notes = [(number, texts.get(ref, "")) for ref, number in numbers.items()]
    return write(paragraphs, notes, source)


def _run(run: etree._Element, paragraph: Paragraph, numbers: dict[str, str]) -> None:
    """The text of one run; a footnote reference, or superscript digits, is a marker."""
    align = run.find(f"{_W}rPr/{_W}vertAlign")
    superscript = align is not None and align.get(f"{_W}val") == "superscript"
    for child in run:
        tag = child.tag
        if tag == f"{_W}t":
            text = child.text or ""
            paragraph.add(text, superscript and text.strip().isdigit())
        elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
            paragraph.add(" ")
        elif tag == f"{_W}footnoteReference":
            ref = child.get(f"{_W}id", "")
            number = numbers.setdefault(ref, str(len(numbers) + 1))
            paragraph.add(number, True)


def _footnotes(archive: zipfile.ZipFile, source: str | None) -> dict[str, str]:
    """The text of every real footnote (not the separators) by its id."""
    root = member_xml(archive, "word/footnotes.xml", source, _KIND)
    if root is None:
        return {}
    notes: dict[str, str] = {}
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p"))
        notes[note.get(f"{_W}id", "")] = " ".join(text.split())
    return notes
