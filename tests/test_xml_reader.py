"""The official-XML reader on 306 real moties, plus hand-made letters that say they are hand-made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED
from golden import differences
from golden_xml import record

import kamerstuk
from kamerstuk import DocumentKind, ParseError

XML_KST = sorted((FIXTURES / "xml-kst").glob("*.xml"))
GOLDEN = FIXTURES / "golden" / "xml-kst"
HANDMADE_XML = FIXTURES / "handmade" / "kst-28676-467.xml"


def test_every_real_xml_fixture_is_here() -> None:
    assert len(XML_KST) == 306


@pytest.mark.parametrize("path", XML_KST, ids=lambda p: p.stem)
def test_xml_matches_golden_record(path: Path) -> None:
    expected = json.loads((GOLDEN / f"{path.stem}.json").read_text(encoding="utf-8"))
    assert record(kamerstuk.parse_file(path)) == expected


@pytest.mark.parametrize("path", XML_KST, ids=lambda p: p.stem)
def test_xml_agrees_with_its_own_metadata(path: Path) -> None:
    """Independent evidence: the file name, and the inline metadata record where there is one."""
    doc = kamerstuk.parse_file(path)
    assert doc.source_format == "xml"
    assert doc.identifier == path.stem
    assert doc.kind in (DocumentKind.MOTIE, DocumentKind.GEWIJZIGDE_MOTIE)
    assert doc.signatories and all(s.role == "Lid" for s in doc.signatories)
    meta = doc.metadata
    if meta is None or not meta.indieners:
        return
    assert doc.dossier is not None and meta.dossiernummer is not None
    assert meta.dossiernummer.replace(" ", "").startswith(doc.dossier.number)
    assert doc.number == meta.ondernummer and doc.vergaderjaar == meta.vergaderjaar
    assert len(doc.signatories) == len(meta.indieners)


@pytest.mark.parametrize("path", XML_KST, ids=lambda p: p.stem)
def test_to_text_parity_with_the_text_reader(path: Path) -> None:
    xml_doc = kamerstuk.parse_file(path)
    text_doc = kamerstuk.parse(xml_doc.to_text())
    assert text_doc.source_format == "text"
    for field in ("dossiers", "number", "kind", "date", "notes"):
        assert _plain(getattr(text_doc, field)) == _plain(getattr(xml_doc, field)), field
    assert [(s.role, s.portfolio, s.name) for s in text_doc.signatories] == [
        (s.role, s.portfolio, s.name) for s in xml_doc.signatories
    ]
    assert [s.heading for s in text_doc.sections if s.heading] == [s.heading for s in xml_doc.sections if s.heading]
    assert _citations(text_doc) == _citations(xml_doc)


def _citations(doc: kamerstuk.Document) -> list[tuple[str, list[str]]]:
    """References both readers can know. A bare dossier number in brackets, "(34 165)", is a
    reference only where the XML marks it (dossierref): plain text cannot tell it from a number."""
    return [(r.kind.value, r.identifiers) for r in doc.references if r.numbers or "amerstuk" in r.text]


def _plain(value: object) -> object:
    """Compare models without their spans, which point into different texts."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, kamerstuk.Dossier | kamerstuk.Note):
        return value.model_dump(exclude={"span"})
    return value


def test_handmade_letter_xml_gives_the_seed_letter() -> None:
    """Hand-made: the seed letter in letter XML (noot, ondertekening, tussenkop, extref, xpp, BOM, CRLF)."""
    doc = kamerstuk.parse_file(HANDMADE_XML)
    want = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
    assert differences(doc, want) == {}
    assert doc.identifier == "kst-28676-467" and doc.vergaderjaar == "2024-2025"
    assert "technologiegebieden2" in doc.text  # the processing instruction left no space behind
    assert [doc.text[r.span.start - 6 : r.span.end] for r in doc.note_refs] == ["(NDPP)1", "bieden2"]
    assert [r.note for r in doc.references] == [None, "1", "2"]


def test_handmade_letter_parity_with_text() -> None:
    """Hand-made letter XML rendered with to_text() reads back the same with the text reader."""
    xml_doc = kamerstuk.parse_file(HANDMADE_XML)
    text_doc = kamerstuk.parse(xml_doc.to_text())
    assert [s.heading for s in text_doc.sections] == [s.heading for s in xml_doc.sections]
    assert [(n.number, n.text) for n in text_doc.notes] == [(n.number, n.text) for n in xml_doc.notes]
    assert text_doc.signatories[0].name == "R.P. Brekelmans"


def test_nootref_divisie_lijst_and_table() -> None:
    """Hand-made: a second marker for an earlier note, numbered headings, a list and a CALS table."""
    xml = (
        "<officiele-publicatie><kamerstuk><dossier><dossiernummer><dossiernr>36 600</dossiernr>"
        "<begrotingshoofdstuk>X</begrotingshoofdstuk></dossiernummer><titel>Defensie</titel></dossier>"
        "<stuk><stuknr>Nr. <ondernummer>5</ondernummer></stuknr><titel>BRIEF VAN DE MINISTER VAN DEFENSIE</titel>"
        "<algemeen><vrije-tekst><tekst><divisie><kop><nr>1.</nr><titel>Inleiding</titel></kop>"
        '<al>Eerste<noot id="a" type="voet"><noot.nr>1</noot.nr><noot.al>De noot.</noot.al></noot> en weer'
        '<nootref refid="a"/>.</al><lijst type="expliciet"><li><li.nr>–</li.nr><al>een punt</al></li></lijst>'
        '<table><tgroup cols="2"><tbody><row><entry><al>A</al></entry><entry><al>B</al></entry></row>'
        "</tbody></tgroup></table></divisie></tekst></vrije-tekst></algemeen></stuk></kamerstuk></officiele-publicatie>"
    )
    doc = kamerstuk.parse(xml)
    assert doc.identifier == "kst-36600-X-5" and str(doc.dossier) == "36 600 X"
    assert [s.heading for s in doc.sections] == ["1. Inleiding"]
    paragraphs = [(p.text, p.list_item) for p in doc.sections[0].paragraphs]
    assert paragraphs == [("Eerste1 en weer1.", False), ("– een punt", True), ("A | B", False)]
    assert [r.number for r in doc.note_refs] == ["1", "1"] and [n.text for n in doc.notes] == ["De noot."]


def test_one_line_file_without_declaration_and_with_bom_crlf() -> None:
    raw = (FIXTURES / "xml-kst" / "kst-21501-20-2146.xml").read_bytes()
    one_line = b" ".join(raw.split(b"\n")[1:])
    variant = b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")
    base = record(kamerstuk.parse(raw))
    assert record(kamerstuk.parse(one_line)) == base
    assert record(kamerstuk.parse(variant)) == base
    assert record(kamerstuk.parse(raw.decode("utf-8"))) == base


def test_date_falls_back_to_metadata_issued() -> None:
    doc = kamerstuk.parse_file(FIXTURES / "xml-kst" / "kst-23432-574.xml")
    assert doc.metadata is not None and doc.date == doc.metadata.issued
    assert [d.code for d in doc.diagnostics] == ["KS206"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("stb-2018-84.xml", "Staatsblad"),
        ("stcrt-2015-47076.xml", "Staatscourant"),
        ("gmb-2017-100002.xml", "Gemeenteblad"),
        ("prb-2017-1003.xml", "Provinciaal blad"),
        ("bgr-2024-715.xml", "gemeenschappelijke regeling"),
        ("searchrec_gmb-2023-174296.xml", "SRU search record"),
        ("gmb-2024-216934_metadata.xml", "metadata record"),
    ],
)
def test_other_publications_are_refused_by_name(name: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        kamerstuk.parse_file(FIXTURES / "xml-other" / name)
