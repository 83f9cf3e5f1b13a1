"""One document, one model: the publications in fixtures/multi-format read from each of their forms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import kamerstuk
from kamerstuk import Chamber, Document

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
    """ah-tk-20202021-3235 (written questions and answers) in XML, repository HTML, PDF and ODT.

    Differences, justified: the repository HTML page does not print the Aanhangsel number "3235"
    (the XML, PDF and ODT do: the PDF and ODT as a lone number line under the publication head, which
    is the number, not page chrome), and it names no chamber.
    """
    documents = {form: kamerstuk.parse_file(MULTI / f"ah-tk-20202021-3235.{form}") for form in FORMS_AH}
    facts = {form: _facts(document) for form, document in documents.items()}
    assert facts["xml"]["number"] == facts["pdf"]["number"] == facts["odt"]["number"] == "3235"
    assert facts["xml"]["chamber"] == facts["pdf"]["chamber"] == facts["odt"]["chamber"] == Chamber.TWEEDE_KAMER
    assert facts["repository.html"]["number"] is None
    for form in FORMS_AH:
        facts[form].pop("number")
        facts[form].pop("chamber")
        assert facts[form] == facts["xml"], form
    assert facts["xml"]["identifier"] == "ah-tk-20202021-3235"
    assert str(facts["xml"]["date"]) == "2021-06-21"
    assert facts["xml"]["references"] == [["stb-2020-118"]]
    questions = {form: [q.number for q in document.questions] for form, document in documents.items()}
    assert all(numbers == questions["xml"] and len(numbers) == 9 for numbers in questions.values())


FORMS_AH = ("xml", "repository.html", "pdf", "odt")
