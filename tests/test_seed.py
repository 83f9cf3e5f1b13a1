"""The reference letter kst-28676-467, field by field, with exact spans."""

from __future__ import annotations

import datetime

import pytest
from conftest import SEED

import kamerstuk
from kamerstuk import Chamber, DocumentKind


@pytest.fixture(scope="module")
def doc() -> kamerstuk.Document:
    return kamerstuk.parse_file(SEED)


def test_header(doc: kamerstuk.Document) -> None:
    assert doc.identifier == "kst-28676-467"
    assert doc.dossier is not None and str(doc.dossier) == "28 676" and doc.dossier.title == "NAVO"
    assert (doc.number, doc.heading, doc.kind) == ("467", "BRIEF VAN DE MINISTER VAN DEFENSIE", DocumentKind.BRIEF)
    assert doc.chamber is Chamber.TWEEDE_KAMER
    assert doc.addressee == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert (doc.place, doc.date) == ("Den Haag", datetime.date(2024, 10, 3))


def test_every_field_span_points_at_its_value(doc: kamerstuk.Document) -> None:
    spans = doc.field_spans
    assert doc.text[spans["number"].start : spans["number"].end] == "Nr. 467"
    assert doc.text[spans["heading"].start : spans["heading"].end] == doc.heading
    assert doc.text[spans["place"].start : spans["place"].end] == "Den Haag"
    assert doc.text[spans["date"].start : spans["date"].end] == "3 oktober 2024"


def test_signature_on_one_line(doc: kamerstuk.Document) -> None:
    assert [(s.role, s.portfolio, s.name) for s in doc.signatories] == [("Minister", "Defensie", "R.P. Brekelmans")]
    assert doc.minister == doc.signatories[0]


def test_sections_and_last_heading_keeps_its_number(doc: kamerstuk.Document) -> None:
    headings = [s.heading for s in doc.sections]
    assert headings[0] is None and headings[-1] == "Werksessie met partners: EU en Indo-Pacific 4"
    for section in doc.sections:
        for paragraph in section.paragraphs:
            assert " ".join(doc.text[paragraph.span.start : paragraph.span.end].split()) == paragraph.text


def test_markers_are_glued_digits_not_names(doc: kamerstuk.Document) -> None:
    markers = [(r.number, doc.text[r.span.start - 6 : r.span.end]) for r in doc.note_refs]
    assert markers == [("1", "(NDPP)1"), ("2", "bieden2")]


def test_notes_and_their_references(doc: kamerstuk.Document) -> None:
    assert [n.number for n in doc.notes] == ["1", "2"]
    assert doc.notes[0].text.startswith("Uw Kamer is over dit proces")
    assert [(r.identifiers, r.note) for r in doc.references] == [
        (["kst-36471-96"], None),
        (["kst-28676-464"], "1"),
        (["kst-31125-130"], "2"),
    ]


def test_page_chrome_is_not_document_text(doc: kamerstuk.Document) -> None:
    assert all("Naar boven" not in n.text for n in doc.notes)
    assert all("Naar boven" not in p.text for s in doc.sections for p in s.paragraphs)


def test_json_round_trip(doc: kamerstuk.Document) -> None:
    assert kamerstuk.Document.model_validate_json(doc.model_dump_json()) == doc
