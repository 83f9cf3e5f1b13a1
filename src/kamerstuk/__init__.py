"""kamerstuk: Dutch parliamentary documents (Kamerstukken) as typed, trustworthy data."""

from .errors import ParseError
from .models import (
    Chamber,
    Diagnostic,
    Document,
    DocumentKind,
    Dossier,
    Metadata,
    Note,
    NoteRef,
    Paragraph,
    Reference,
    ReferenceKind,
    Section,
    Severity,
    Signatory,
    Span,
)
from .references import find_references

__all__ = [
    "Chamber",
    "Diagnostic",
    "Document",
    "DocumentKind",
    "Dossier",
    "Metadata",
    "Note",
    "NoteRef",
    "Paragraph",
    "ParseError",
    "Reference",
    "ReferenceKind",
    "Section",
    "Severity",
    "Signatory",
    "Span",
    "find_references",
]
