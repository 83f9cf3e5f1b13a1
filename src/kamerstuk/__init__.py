"""kamerstuk: Dutch parliamentary documents (Kamerstukken) as typed, trustworthy data."""

from .api import parse, parse_file, parse_metadata, tokenize
from .coverage import check_coverage
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
from .tokens import Token, TokenKind
from .validation import RULES, Rule, validate

__all__ = [
    "Chamber",
    "check_coverage",
    "Diagnostic",
    "Document",
    "DocumentKind",
    "Dossier",
    "Metadata",
    "Note",
    "NoteRef",
    "Paragraph",
    "ParseError",
    "RULES",
    "Reference",
    "ReferenceKind",
    "Rule",
    "Section",
    "Severity",
    "Signatory",
    "Span",
    "Token",
    "TokenKind",
    "find_references",
    "parse",
    "parse_file",
    "parse_metadata",
    "tokenize",
    "validate",
]
