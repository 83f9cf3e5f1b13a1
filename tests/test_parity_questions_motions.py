"""One document, one model: the real Aanhangsel item and the real motie in official XML and in the
repository HTML rendering give the same questions, questioners, clauses and submitters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import FIXTURES

import kamerstuk
from kamerstuk import Document


def _questions(doc: Document) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.number, q.question, q.answer, q.answered_with) for q in doc.questions]


def _motion(doc: Document) -> Any:
    assert doc.motion is not None
    return doc.motion.model_dump(exclude={"considerations": {"__all__": {"span"}}, "requests": {"__all__": {"span"}}})


def test_aanhangsel_xml_and_html_agree() -> None:
    xml = kamerstuk.parse_file(FIXTURES / "multi-format" / "ah-tk-20202021-3235.xml")
    page = kamerstuk.parse_file(FIXTURES / "multi-format" / "ah-tk-20202021-3235.repository.html")
    assert page.kind is xml.kind is kamerstuk.DocumentKind.ANTWOORD_SCHRIFTELIJKE_VRAGEN
    assert len(xml.questions) == 9
    assert _questions(page) == _questions(xml)
    for field in ("questioners", "addressed_to", "submitted", "received", "date"):
        assert getattr(page, field) == getattr(xml, field), field
    assert [(s.role, s.portfolio, s.name) for s in page.signatories] == [
        (s.role, s.portfolio, s.name) for s in xml.signatories
    ]
    assert kamerstuk.check_coverage(page) == []
    assert page.zaak == "2021Z09739"  # the page's metadata (OVERHEIDop.vraagnummer); the text prints none


def test_motie_xml_and_html_agree() -> None:
    xml = kamerstuk.parse_file(FIXTURES / "multi-format" / "kst-32545-143.xml")
    page = kamerstuk.parse_file(FIXTURES / "multi-format" / "kst-32545-143.repository.html")
    assert _motion(page) == _motion(xml)
    assert xml.motion is not None
    assert [c.kind for c in xml.motion.considerations] == ["constaterende", "constaterende", "overwegende"]
    assert [c.kind for c in xml.motion.requests] == ["verzoekt de regering", "verzoekt de regering"]
    assert [s.name for s in page.signatories] == [s.name for s in xml.signatories] == ["Inge van Dijk", "Grinwis"]


MOTIE_XML = sorted((FIXTURES / "xml-kst").glob("*.xml"))
#: The open-data plain text of each motie (kept beside the tests, so that walks of fixtures/ stay as they were).
MOTIE_TEXTS = Path(__file__).resolve().parents[1] / "fixtures" / "motie-texts"


def _clauses(doc: Document) -> list[tuple[str, str]]:
    """Clause kinds and texts, whitespace removed (the open-data text puts spaces around inline elements)."""
    assert doc.motion is not None
    return [(c.kind, "".join(c.text.split())) for c in doc.motion.considerations + doc.motion.requests]


def test_every_real_motie_text_gives_the_clauses_and_submitters_of_its_xml() -> None:
    """The 306 real moties as official XML and as the open data's plain text (one text node a line)."""
    assert len(MOTIE_XML) == 306
    for path in MOTIE_XML:
        xml = kamerstuk.parse_file(path)
        text = kamerstuk.parse_file(MOTIE_TEXTS / f"{path.stem}.txt")
        assert _clauses(text) == _clauses(xml), path.stem
        assert [s.name for s in text.signatories] == [s.name for s in xml.signatories], path.stem
