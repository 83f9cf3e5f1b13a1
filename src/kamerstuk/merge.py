"""Merge a separate metadata record into a Document without overriding what the document says."""

from __future__ import annotations

from .models import Diagnostic, Document, Metadata, Severity


def merge_metadata(document: Document, metadata: Metadata) -> Document:
    """Attach `metadata`; fill only what the document lacks, and report every disagreement (KS601)."""
    diagnostics = list(document.diagnostics)
    update: dict[str, object] = {"metadata": metadata}
    for field, ours, theirs in comparisons(document, metadata):
        if theirs is None:
            continue
        if ours is None:
            if field in ("identifier", "date", "vergaderjaar"):
                update[field] = theirs
            if field == "date":
                diagnostics.append(DATE_FROM_METADATA)
            continue
        if normal(ours) != normal(theirs):
            diagnostics.append(
                Diagnostic(
                    code="KS601",
                    message=f"{field}: the document says {ours!r}, its metadata {theirs!r}; the document's is kept",
                    span=document.field_spans.get(field),
                    severity=Severity.WARNING,
                )
            )
    update["diagnostics"] = diagnostics
    return document.model_copy(update=update)


#: The date was taken from the metadata record because the text has none.
DATE_FROM_METADATA = Diagnostic(
    code="KS206", message="no date in the text; the date is the metadata's DCTERMS.issued", severity=Severity.INFO
)


def comparisons(document: Document, metadata: Metadata) -> list[tuple[str, object, object]]:
    """(field, the document's value, the metadata's value) for every field both can hold."""
    dossier = document.dossier.key if document.dossier else None
    return [
        ("identifier", document.identifier, metadata.identifier),
        ("dossier", dossier, metadata.dossiernummer),
        ("number", document.number, metadata.ondernummer),
        ("date", document.date, metadata.issued),
        ("vergaderjaar", document.vergaderjaar, metadata.vergaderjaar),
    ]


def normal(value: object) -> str:
    """Values compared without spaces and case: "21 501-20" and "21501-20" agree."""
    return str(value).replace(" ", "").lower()
