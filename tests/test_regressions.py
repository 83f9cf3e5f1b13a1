"""Regression tests for defects found in code review; each test names what used to go wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

import kamerstuk
from kamerstuk import ParseError
from kamerstuk.assembler import _vergaderjaar
from kamerstuk.cli import main
from kamerstuk.extract.markers import find_markers

ENVELOPE = "<officiele-publicatie><kamerstuk>{}</kamerstuk></officiele-publicatie>"


def test_empty_kamerstukkop_lines_do_not_escape_as_index_error() -> None:
    """An empty <tekstregel inhoud="vergaderjaar"/> raised IndexError (hand-made)."""
    xml = ENVELOPE.format(
        '<kamerstukkop><tekstregel inhoud="vergaderjaar"/><tekstregel inhoud="kameraanduiding"/></kamerstukkop>'
    )
    assert kamerstuk.parse(xml).vergaderjaar is None


def test_a_heading_takes_at_most_two_wrapped_lines() -> None:
    """Every capital line after the heading was joined to it, re-checking the whole heading each
    time (quadratic on long texts); a heading wraps over two more lines at most (hand-made)."""
    text = "28 676 NAVO\n\nNr. 467 BRIEF VAN DE MINISTER\n" + "DIT IS EEN REGEL\n" * 2_000
    doc = kamerstuk.parse(text)
    assert doc.heading == "BRIEF VAN DE MINISTER DIT IS EEN REGEL DIT IS EEN REGEL"
    assert sum(len(s.paragraphs) for s in doc.sections) + sum(1 for s in doc.sections if s.heading) == 1_998


def test_a_known_marker_that_is_no_number_does_not_hang_the_marker_finder() -> None:
    assert find_markers("abc1 def 2", [(0, 10)], None, [(0, "*")]) == [("1", 3, 4)]


def test_html_markers_keep_their_spans_after_soft_hyphens() -> None:
    """Normalising after the markers were placed moved them (hand-made page with two &shy;)."""
    page = (FIXTURES / "handmade" / "kst-28676-467.html").read_text(encoding="utf-8")
    doc = kamerstuk.parse(page.replace("Bondgenoten spreken in dat", "Bond&shy;genoten spre&shy;ken in dat"))
    assert [doc.text[r.span.start - 6 : r.span.end] for r in doc.note_refs] == ["(NDPP)1", "bieden2"]


def test_linked_citations_do_not_include_the_space_after_them() -> None:
    xml = ENVELOPE.format(
        "<dossier><dossiernummer><dossiernr>36 600</dossiernr></dossiernummer><titel>T</titel></dossier>"
        "<stuk><stuknr>Nr. <ondernummer>5</ondernummer></stuknr><titel>BRIEF VAN DE MINISTER</titel>"
        '<algemeen><vrije-tekst><tekst><al>Zie <extref doc="kst-36600-12" soort="document">de brief van vorig '
        "jaar </extref></al></tekst></vrije-tekst></algemeen></stuk>"
    )
    (reference,) = kamerstuk.parse(xml).references
    assert reference.text == "de brief van vorig jaar" and reference.identifiers == ["kst-36600-12"]


def test_a_singular_staatssecretaris_takes_no_second_name() -> None:
    """ "Staatssecretaris" ends in s and was read as a plural role (hand-made)."""
    doc = kamerstuk.parse("Tekst.\n\nDe Staatssecretaris van Defensie, G.P. Tuinman\nJ. Jansen\n")
    assert [s.name for s in doc.signatories] == ["G.P. Tuinman"]


def test_a_vergaderjaar_across_the_century() -> None:
    assert _vergaderjaar("1999/00") == "1999-2000" and _vergaderjaar("2019/20") == "2019-2020"


def test_an_unreadable_pointer_does_not_hide_the_identifier() -> None:
    xml = (
        '<officiele-publicatie><metadata><meta name="OVERHEIDop.externMetadataRecord" content="not a url"/>'
        '<meta name="DC.identifier" content="kst-36600-12"/></metadata><kamerstuk/></officiele-publicatie>'
    )
    assert kamerstuk.parse(xml).identifier == "kst-36600-12"


def test_tweedekamer_header_splits_the_dossier_suffix(tmp_path: Path) -> None:
    """The real 2015 page with one change: its number is 36600-VII-12 (the suffix was kept in the number)."""
    page = (FIXTURES / "html" / "2015D04817.html").read_text(encoding="utf-8").replace("33308-13", "36600-VII-12")
    doc = kamerstuk.parse(page)
    assert doc.dossier is not None and (doc.dossier.number, doc.dossier.suffix) == ("36600", "VII")
    assert doc.identifier == "kst-36600-VII-12"


@pytest.mark.parametrize("data", ["<metadata_gegevens>\ud800</metadata_gegevens>", None, b"x" * 101])
def test_parse_metadata_refuses_with_parse_error(data: object) -> None:
    with pytest.raises(ParseError):
        kamerstuk.parse_metadata(data, max_size=100)  # type: ignore[arg-type]


def test_the_metadata_identifier_beats_the_file_name(tmp_path: Path) -> None:
    """The file-name guess was applied before the merge and won over the metadata record."""
    text = tmp_path / "kst-99999-1.txt"
    text.write_text("Tekst zonder kop.\n\nDen Haag, 3 oktober 2024\n", encoding="utf-8")
    meta = tmp_path / "metadata.xml"
    meta.write_text('<metadata_gegevens><metadata name="DC.identifier" content="kst-28676-467"/></metadata_gegevens>')
    assert kamerstuk.parse_file(text, metadata=meta).identifier == "kst-28676-467"
    assert kamerstuk.parse_file(text).identifier == "kst-99999-1"


def test_tokens_command_shows_the_xml_readers_tokens(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tokens", str(FIXTURES / "xml-kst" / "kst-21501-20-2146.xml")]) == 0
    kinds = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert kinds[:5] == ["preamble", "preamble", "dossier", "number", "heading"] and "submitter" in kinds


def test_an_answering_minister_inside_a_section_heading_is_in_one_place() -> None:
    """Found by atheris (2026-12-01): "Antwoord van Minister X (...)" read as a section heading gave
    a signatory whose span lay inside the heading, and coverage counted that text twice."""
    data = (
        b"20 Ant1ngezonden 20 december 2024).\nAntwoord van Minister Uitermark (Binnenlandse Zaken en "
        b"Koninkrijksrelaties) (o\xcctvangen\n4 februari 2025). Zie ook Aanhangse adviesoin relatie(tot voorg"
    )
    document = kamerstuk.parse(data)
    assert [s.name for s in document.signatories] == ["Uitermark"]
    assert kamerstuk.check_coverage(document) == []
