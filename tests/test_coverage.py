"""Nothing lost: every real fixture's text lands in exactly one place of the model."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, SEED

import kamerstuk
from kamerstuk import check_coverage

ALL_FIXTURES = (
    [SEED]
    + sorted((FIXTURES / "pages").glob("*.txt"))
    + sorted((FIXTURES / "xml-kst").glob("*.xml"))
    + sorted((FIXTURES / "handmade").glob("*.*ml"))
)


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_is_fully_covered(path: Path) -> None:
    assert check_coverage(kamerstuk.parse_file(path)) == []


def test_a_dropped_paragraph_is_reported() -> None:
    doc = kamerstuk.parse_file(SEED)
    section = doc.sections[1]
    shorter = section.model_copy(update={"paragraphs": section.paragraphs[1:]})
    lost = doc.model_copy(update={"sections": [doc.sections[0], shorter, *doc.sections[2:]]})
    (problem,) = check_coverage(lost)
    assert problem.code == "KS902" and "in no place" in problem.message
    assert problem.span == section.paragraphs[0].span


def test_text_in_two_places_is_reported() -> None:
    doc = kamerstuk.parse_file(SEED)
    doubled = doc.model_copy(update={"notes": [*doc.notes, doc.notes[0]]})
    problems = check_coverage(doubled)
    assert problems and all("two places" in p.message for p in problems)


def test_page_chrome_is_recorded_not_lost() -> None:
    doc = kamerstuk.parse_file(SEED)
    chrome = [doc.text[s.start : s.end] for s in doc.page_chrome]
    assert chrome == ["X Noot", "X Noot", "Naar boven"]


def test_lines_without_a_place_are_kept_with_a_diagnostic() -> None:
    """A real page with two documents (a Koninklijke Boodschap and the bill): the bill's "Gegeven"
    block names roles without names, which are no signatories, so they stay paragraphs and say so."""
    doc = kamerstuk.parse_file(FIXTURES / "pages" / "kst-25314-1.txt")
    unplaced = [doc.text[d.span.start : d.span.end] for d in doc.diagnostics if d.code == "KS902" and d.span]
    assert unplaced == ["De Minister-President, Minister van Algemene Zaken,", "De Minister van Binnenlandse Zaken,"]
    assert check_coverage(doc) == []
    assert [(s.role, s.name) for s in doc.signatories] == [("Koningin", "Beatrix")]
