"""kamerstuk: Dutch parliamentary documents (Kamerstukken) as typed, trustworthy data."""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

try:
    #: The installed version of kamerstuk (from the package metadata).
    __version__ = _version("kamerstuk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

from .api import parse, parse_file, parse_metadata, read_tokens, tokenize
from .archive.batch import Failure, Result, parse_many
from .archive.records import to_dataframe, to_records
from .coverage import check_coverage
from .errors import ParseError
from .extract.references import find_references
from .graph import citation_graph
from .models import (
    Amendment,
    Chamber,
    Clause,
    Diagnostic,
    Document,
    DocumentKind,
    Dossier,
    Member,
    Metadata,
    Motion,
    Note,
    NoteRef,
    Paragraph,
    QuestionAnswer,
    Reference,
    ReferenceKind,
    Section,
    Severity,
    Signatory,
    Span,
)
from .tokens import Token, TokenKind
from .validation import RULES, Rule, validate
from .views import annotate, annotate_references

__all__ = [
    "Amendment",
    "Chamber",
    "Clause",
    "check_coverage",
    "citation_graph",
    "Diagnostic",
    "Document",
    "DocumentKind",
    "Dossier",
    "Failure",
    "Member",
    "Metadata",
    "Motion",
    "Note",
    "NoteRef",
    "Paragraph",
    "ParseError",
    "QuestionAnswer",
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
