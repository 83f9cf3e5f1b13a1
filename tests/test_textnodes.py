"""Text extracted element by element from the official XML (one text node per line) reads as the XML does.

fixtures/motie-texts/ holds the real texts of the 306 moties in fixtures/xml-kst/, as the Tweede
Kamer's open data stores them (SOURCES.tsv says where each came from). The XML parse of the same
motie is the independent expectation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kamerstuk

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXTS = sorted((FIXTURES / "motie-texts").glob("*.txt"))



#: Where the text cannot say what the XML says, with the reason (checked by reading each text).
#: - no "Voorgesteld" line in the text (the XML's date comes from its metadata):
NO_DATELINE = {
    "kst-23432-574", "kst-28345-288", "kst-29628-1282", "kst-32849-286", "kst-36800-80", "kst-31293-797",
    "kst-32043-662", "kst-36446-86", "kst-36602-140", "kst-36602-141", "kst-36602-142", "kst-36602-143",
    "kst-36715-30", "kst-29023-547",
}


def _dossiers(document: kamerstuk.Document) -> list[tuple[str, str | None, str | None]]:
    return [(d.number, d.suffix, d.title) for d in document.dossiers]


def test_every_motie_has_its_text() -> None:
    assert len(TEXTS) == 306
    assert {p.stem for p in TEXTS} == {p.stem for p in (FIXTURES / "xml-kst").glob("*.xml")}


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_text_nodes_parse_as_the_xml(path: Path) -> None:
    text_doc = kamerstuk.parse_file(path)
    xml_doc = kamerstuk.parse_file(FIXTURES / "xml-kst" / f"{path.stem}.xml")
    assert text_doc.source_format == "text"
    assert text_doc.identifier == xml_doc.identifier == path.stem
    assert _dossiers(text_doc) == _dossiers(xml_doc)
    assert text_doc.number == xml_doc.number
    assert text_doc.kind == xml_doc.kind
    assert text_doc.chamber == xml_doc.chamber
    assert text_doc.vergaderjaar == xml_doc.vergaderjaar
    if path.stem in NO_DATELINE:
        assert text_doc.date is None or text_doc.date == xml_doc.date
    else:
        assert text_doc.date == xml_doc.date
    assert [(s.role, s.name) for s in text_doc.signatories] == [(s.role, s.name) for s in xml_doc.signatories]
    assert kamerstuk.check_coverage(text_doc) == []


def test_a_gewijzigde_motie_keeps_its_kind() -> None:
    document = kamerstuk.parse_file(FIXTURES / "motie-texts" / "kst-32813-1507.txt")
    assert document.kind == kamerstuk.DocumentKind.GEWIJZIGDE_MOTIE
    assert document.identifier == "kst-32813-1507"


def test_split_title_and_suffix_read_as_the_element() -> None:
    """A subscript splits "CO2-emissie"; a "-" line separates suffix and title (both real texts)."""
    co2 = kamerstuk.parse_file(FIXTURES / "motie-texts" / "kst-36197-17.txt")
    assert co2.dossiers[0].title is not None and "CO2-emissie (vroegtijdige" in co2.dossiers[0].title
    two = kamerstuk.parse_file(FIXTURES / "motie-texts" / "kst-36410-XVI-109.txt")
    assert [(d.number, d.suffix) for d in two.dossiers] == [("36410", "XVI"), ("36410", "VI")]
    assert two.dossiers[0].title is not None and two.dossiers[0].title.startswith("Vaststelling")


HEAD = "Vergaderjaar 2024-2025\nTweede Kamer der Staten-Generaal\n2\nKamerstukken\n"
NODES = st.sampled_from(
    ["21 501", "-", "20", "XXIII", "(", "R 2181", ")", "Europese Raad", "Nr.", "2146", "Nr. 12",
     "MOTIE VAN HET LID DIJK", "Voorgesteld", "Voorgesteld tijdens het notaoverleg van", "17 december 2024",
     "De Kamer,", "gehoord de beraadslaging,", "verzoekt de regering;", "en gaat over tot de orde van de dag.",
     "Dijk", "", "2", "Kamerstukken"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NODES, max_size=30))
def test_any_sequence_of_header_nodes_parses_and_keeps_every_character(nodes: list[str]) -> None:
    """Hand-made: the real opening lines, then text nodes in any order, truncated or repeated."""
    document = kamerstuk.parse(HEAD + "\n".join(nodes))
    assert kamerstuk.check_coverage(document) == []
    assert document.vergaderjaar == "2024-2025"
