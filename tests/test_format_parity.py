"""One document, one model: the publications in fixtures/multi-format read from each of their forms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import kamerstuk
from kamerstuk import Document, ParseError

MULTI = Path(__file__).parent.parent / "fixtures" / "multi-format"


def _facts(document: Document) -> dict[str, Any]:
    return {
        "identifier": document.identifier,
        "dossiers": [(d.number, d.suffix, d.title) for d in document.dossiers],
        "number": document.number,
        "kind": document.kind,
        "date": document.date,
        "chamber": document.chamber,
        "vergaderjaar": document.vergaderjaar,
        "signatories": [(s.role, s.portfolio, s.name) for s in document.signatories],
        "notes": [(n.number, n.text) for n in document.notes],
        "note_refs": [r.number for r in document.note_refs],
        "references": [r.identifiers for r in document.references],
    }


@pytest.mark.parametrize("form", ["pdf", "odt", "repository.html"])
def test_motie_equal_across_formats(form: str) -> None:
    """kst-32545-143: the PDF, the ODT and the HTML rendering give what the official XML gives."""
    xml = _facts(kamerstuk.parse_file(MULTI / "kst-32545-143.xml"))
    assert _facts(kamerstuk.parse_file(MULTI / f"kst-32545-143.{form}")) == xml
    assert xml["signatories"] == [("Lid", None, "Inge van Dijk"), ("Lid", None, "Grinwis")]


def test_aanhangsel_pdf_against_the_other_forms() -> None:
    """ah-tk-20202021-3235 (written questions and answers). Differences, justified:
    the XML and HTML readers refuse an Aanhangsel as "not a Kamerstuk" (their documented scope),
    while the PDF reader reads it, taking the identifier from the publication footer."""
    for form in ("xml", "repository.html"):
        with pytest.raises(ParseError, match="not a Kamerstuk"):
            kamerstuk.parse_file(MULTI / f"ah-tk-20202021-3235.{form}")
    facts = _facts(kamerstuk.parse_file(MULTI / "ah-tk-20202021-3235.pdf"))
    assert facts["identifier"] == "ah-tk-20202021-3235"
    assert facts["vergaderjaar"] == "2020-2021"
    assert str(facts["date"]) == "2021-06-21"
    assert facts["references"] == [["stb-2020-118"]]
    assert _facts(kamerstuk.parse_file(MULTI / "ah-tk-20202021-3235.odt")) == facts
