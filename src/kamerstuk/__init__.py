"""kamerstuk: Dutch parliamentary documents (Kamerstukken) as typed, trustworthy data."""

from .api import parse, parse_file, parse_metadata, read_tokens, tokenize
from .archive.batch import Failure, Result, parse_many
from .archive.records import to_dataframe, to_records
from .coverage import check_coverage
from .errors import ParseError
from .extract.references import find_references
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
from .tokens import Token, TokenKind
from .validation import RULES, Rule, validate

__all__ = [
    "Chamber",
    "check_coverage",
    "Diagnostic",
    "Document",
    "DocumentKind",
    "Dossier",
    "Failure",
    "Metadata",
    "Note",
    "NoteRef",
    "Paragraph",
    "ParseError",
    "RULES",
    "Reference",
    "ReferenceKind",
    "Result",
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
    "parse_many",
    "parse_metadata",
    "read_tokens",
    "to_dataframe",
    "to_records",
    "tokenize",
    "validate",
]
