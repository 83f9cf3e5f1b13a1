"""The facts every view shows about a Document, worked out once: header fields, outline, counts."""

from __future__ import annotations

from ..models import Document


def short_repr(document: Document) -> str:
    """`Document(kst-28676-467, brief, 2024-10-03, 6 sections, 2 notes, 3 references)`: a repr for a glance."""
    return repr(document)


def header_fields(document: Document) -> list[tuple[str, str]]:
    """(label, value) of the header fields that have a value, in reading order."""
    fields = [
        ("identifier", document.identifier),
        ("kind", document.kind.value),
        ("chamber", document.chamber.value if document.chamber else None),
        ("vergaderjaar", document.vergaderjaar),
        ("date", document.date.isoformat() if document.date else None),
        ("place", document.place),
        ("dossiers", ", ".join(f"{d}{f' ({d.title})' if d.title else ''}" for d in document.dossiers) or None),
        ("number", document.number),
        ("heading", document.heading),
        ("addressee", document.addressee),
        ("source format", document.source_format),
    ]
    return [(label, value) for label, value in fields if value]


def signatory_label(role: str, name: str | None) -> str:
    """ "Brekelmans (De Minister van Defensie)", or the role alone when no name was printed."""
    return f"{name} ({role})" if name else role


def outline(document: Document) -> list[tuple[str, int]]:
    """(heading, paragraph count) per section; text before the first heading is "(untitled)"."""
    return [(section.heading or "(untitled)", len(section.paragraphs)) for section in document.sections]
