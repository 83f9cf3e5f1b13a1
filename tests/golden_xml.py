"""The golden record of an XML fixture: the fields a reviewer checks, in a stable JSON shape."""

from __future__ import annotations

from typing import Any

from kamerstuk import Document


def record(doc: Document) -> dict[str, Any]:
    """The reviewed fields of a parsed XML document."""
    return {
        "identifier": doc.identifier,
        "dossiers": [{"number": d.number, "suffix": d.suffix, "title": d.title} for d in doc.dossiers],
        "number": doc.number,
        "heading": doc.heading,
        "kind": doc.kind.value,
        "chamber": doc.chamber.value if doc.chamber else None,
        "vergaderjaar": doc.vergaderjaar,
        "date": doc.date.isoformat() if doc.date else None,
        "date_label": doc.date_label,
        "signatories": [
            {"role": s.role, "portfolio": s.portfolio, "name": s.name, "party": s.party} for s in doc.signatories
        ],
        "section_headings": [s.heading for s in doc.sections if s.heading],
        "paragraphs": sum(len(s.paragraphs) for s in doc.sections),
        "notes": [{"number": n.number, "text": n.text} for n in doc.notes],
        "note_refs": [r.number for r in doc.note_refs],
        "references": [{"text": r.text, "identifiers": r.identifiers, "note": r.note} for r in doc.references],
        "diagnostics": [d.code for d in doc.diagnostics],
        "motion": _motion(doc),
    }


def _motion(doc: Document) -> dict[str, Any] | None:
    """The motie's clauses (kind and text), debate and replaced motie."""
    motion = doc.motion
    if motion is None:
        return None
    return {
        "considerations": [{"kind": c.kind, "text": c.text} for c in motion.considerations],
        "requests": [{"kind": c.kind, "text": c.text} for c in motion.requests],
        "proposed_during": motion.proposed_during,
        "replaces": motion.replaces.identifiers if motion.replaces else None,
    }
