"""kamerstuk: Dutch parliamentary documents (Kamerstukken) as typed, trustworthy data."""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

try:
    #: The installed version of kamerstuk (from the package metadata).
    __version__ = _version("kamerstuk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

from .api import parse, parse_file, parse_metadata, read_tokens, tokenize
from .batch import Failure, Result, parse_many
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
from .records import to_dataframe, to_records
from .references import find_references
from .tokens import Token, TokenKind
from .validation import RULES, Rule, validate
from .views import annotate, annotate_references

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
    "__version__",
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
    "annotate",
    "annotate_references",
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
