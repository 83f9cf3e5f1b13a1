"""Render a Document in the plain-text layout of its officielebekendmakingen page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Signatory

if TYPE_CHECKING:
    from .models import Document

_MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


def to_text(document: Document) -> str:
    """The page text: header, addressee, date, sections, signature and "X Noot" blocks."""
    blocks: list[str] = []
    for dossier in document.dossiers:
        blocks.append(f"{dossier} {dossier.title}" if dossier.title else str(dossier))
    header = _number_line(document)
    if header:
        blocks.append(header)
    if document.addressee:
        blocks.append(document.addressee)
    dateline = _dateline(document)
    if dateline:
        blocks.append(dateline)
    for section in document.sections:
        if section.heading:
            blocks.append(section.heading)
        blocks.extend(paragraph.text for paragraph in section.paragraphs)
    blocks.extend(_signature_lines(document.signatories))
    for note in document.notes:
        blocks.append(f"X Noot\n{note.number}\n\n{note.text}")
    return "\n\n".join(blocks) + "\n"


def _number_line(document: Document) -> str:
    """ "Nr. 467 BRIEF VAN ..." (an Eerste Kamer letter stands without "Nr."), markers kept."""
    heading = document.heading or ""
    span = document.field_spans.get("heading")
    if span is not None and document.text:
        heading = " ".join(document.text[span.start : span.end].split())
    if document.number is None:
        return heading
    number = document.number if document.number[:1].isalpha() else f"Nr. {document.number}"
    return f"{number} {heading}".strip()


def _dateline(document: Document) -> str:
    span = document.field_spans.get("date_label")
    if span is not None and document.text:
        return " ".join(document.text[span.start : span.end].split())
    if document.date is None:
        return ""
    date = f"{document.date.day} {_MONTHS[document.date.month - 1]} {document.date.year}"
    if document.place:
        return f"{document.place}, {date}"
    return f"{document.date_label} {date}" if document.date_label else date


def _signature_lines(signatories: list[Signatory]) -> list[str]:
    """One line per submitter; a role line ("De Minister van Defensie,") and the name for others."""
    lines: list[str] = []
    for signatory in signatories:
        if signatory.role in ("Lid", "Koning", "Koningin"):
            lines.append(signatory.name or "")
            continue
        role = f"De {signatory.role}"
        if signatory.portfolio:
            role += f" van {signatory.portfolio}"
        lines.append(f"{role},\n{signatory.name}" if signatory.name else f"{role},")
    return lines
