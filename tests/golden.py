"""Compare a parsed Document with a hand-checked expected JSON (fixtures/pages/SCHEMA.md)."""

from __future__ import annotations

import re
from typing import Any

from kamerstuk import Document
from kamerstuk.normalize import normalise

#: The pages' ground truth (fixtures/pages/SCHEMA.md) records written citations only, not the ids, URLs and
#: Tweede Kamer numbers of the site's metadata lines that issue 15 made references; the table test covers those.
_SCHEMA_KINDS = {"kamerstuk", "handelingen", "aanhangsel", "staatsblad", "staatscourant", "tractatenblad"}
_WRITTEN_ID = re.compile(r"^(?:https?://|zoek\.|(?:kst|stb|stcrt|trb|h|ah)-)")


def in_page_schema(ref: Any) -> bool:
    """Whether the pages' ground-truth schema covers this reference's form."""
    return ref.kind.value in _SCHEMA_KINDS and _WRITTEN_ID.match(ref.text) is None


def _reference(ref: Any) -> dict[str, Any]:
    return {
        "kind": ref.kind.value,
        "dossier": ref.dossier.number if ref.dossier else None,
        "suffix": ref.dossier.suffix if ref.dossier else None,
        "numbers": list(ref.numbers),
        "year": ref.year,
        "text": normalise(ref.text),
    }


def actual_fields(doc: Document, expected: dict[str, Any]) -> dict[str, Any]:
    """The fields of `doc` in the shape of the expected JSON (only fields the JSON defines)."""
    out: dict[str, Any] = {
        "id": doc.identifier,
        "chamber": doc.chamber.value if doc.chamber else None,
        "dossiers": [{"number": d.number, "suffix": d.suffix, "title": d.title} for d in doc.dossiers],
        "number": doc.number,
        "heading": doc.heading,
        "kind": doc.kind.value,
        "addressee": doc.addressee,
        "place": doc.place,
        "date": doc.date.isoformat() if doc.date else None,
        "date_label": doc.date_label,
        "note_markers": [r.number for r in doc.note_refs],
        "references": [_reference(r) for r in doc.references if in_page_schema(r)],
    }
    if expected.get("complete"):
        out["signatories"] = [{"role": s.role, "portfolio": s.portfolio, "name": s.name} for s in doc.signatories]
        out["notes"] = [{"number": n.number, "starts_with": n.text[:40]} for n in doc.notes]
    if "section_headings" in expected:
        out["section_headings"] = [s.heading for s in doc.sections if s.heading is not None]
    return out


def expected_fields(expected: dict[str, Any]) -> dict[str, Any]:
    """The expected JSON normalised the way the parser normalises text (no-break spaces, soft hyphens)."""
    out = {}
    for key, value in expected.items():
        if key in ("url", "complete", "uncertain"):
            continue
        if key in ("signatories", "notes") and not expected.get("complete"):
            continue
        out[key] = _normalise_value(value)
    return out


def _normalise_value(value: Any) -> Any:
    if isinstance(value, str):
        return normalise(value)
    if isinstance(value, list):
        return [_normalise_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalise_value(v) for k, v in value.items()}
    return value


def differences(doc: Document, expected: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Fields where the document differs from the expectation: {field: (expected, actual)}."""
    want = expected_fields(expected)
    have = actual_fields(doc, expected)
    return {key: (want[key], have.get(key)) for key in want if want[key] != have.get(key)}
