"""What `parse` and `refs` say about a Document whose parse found an error (severity error)."""

from __future__ import annotations

import sys

from ..models import Document, Severity


def report_errors(command: str, name: str, document: Document) -> bool:
    """Print one stderr line per error diagnostic ("kamerstuk parse: x.txt: KS100 ..."); True if any."""
    errors = [d for d in document.diagnostics if d.severity is Severity.ERROR]
    for diagnostic in errors:
        print(f"kamerstuk {command}: {name}: {diagnostic.code} {diagnostic.message}", file=sys.stderr)
    return bool(errors)
