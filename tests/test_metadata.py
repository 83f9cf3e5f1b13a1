"""Metadata records: inline, separate metadata.xml and metadata_owms.xml, and merging with disagreements."""

from __future__ import annotations

import datetime
from pathlib import Path

from conftest import FIXTURES

import kamerstuk

OTHER = FIXTURES / "xml-other"
INLINE = FIXTURES / "xml-kst" / "kst-19637-3465.xml"
POINTER = FIXTURES / "xml-kst" / "kst-21501-20-2146.xml"


def test_inline_record_is_typed() -> None:
    meta = kamerstuk.parse_file(INLINE).metadata
    assert meta is not None
    assert (meta.identifier, meta.dossiernummer, meta.ondernummer) == ("kst-19637-3465", "19637", "3465")
    assert meta.vergaderjaar == "2024-2025" and meta.indieners == ["C.R. van Zanten"]
    assert meta.issued == datetime.date(2025, 9, 4) and meta.publication_name == "Kamerstuk"
    assert meta.types == ["Motie", "Kamerstuk", "officiële publicatie"]
    assert meta.extra["OVERHEID.category"] == ["Migratie en integratie | Organisatie en beleid", "Recht | Staatsrecht"]


def test_pointer_record_gives_the_identifier() -> None:
    meta = kamerstuk.parse_file(POINTER).metadata
    assert meta is not None and meta.identifier == "kst-21501-20-2146" and meta.indieners == []


def test_separate_metadata_xml_and_owms() -> None:
    plain = kamerstuk.parse_metadata((OTHER / "gmb-2024-216934_metadata.xml").read_bytes())
    owms = kamerstuk.parse_metadata((OTHER / "gmb-2024-216934_metadata_owms.xml").read_bytes())
    assert plain.identifier == owms.identifier == "gmb-2024-216934"
    assert plain.available == owms.available == datetime.date(2024, 5, 17)
    assert plain.extra["OVERHEIDop.gebiedsmarkering/OVERHEIDop.postcode"] == ["4401BT"]


def _record(tmp_path: Path, **values: str) -> Path:
    """A hand-made metadata.xml in the real metadata_gegevens shape."""
    rows = "".join(f'<metadata name="{k}" scheme="" content="{v}"/>' for k, v in values.items())
    path = tmp_path / "metadata.xml"
    path.write_text(f"<metadata_gegevens>{rows}</metadata_gegevens>", encoding="utf-8")
    return path


def test_merge_keeps_the_document_and_names_both_values(tmp_path: Path) -> None:
    meta = _record(
        tmp_path,
        **{
            "DC.identifier": "kst-21501-20-2146",
            "OVERHEIDop.dossiernummer": "21501-20",
            "OVERHEIDop.ondernummer": "2147",
        },
    )
    doc = kamerstuk.parse_file(POINTER, metadata=meta)
    assert doc.number == "2146"
    (diagnostic,) = doc.diagnostics
    assert diagnostic.code == "KS601" and "'2146'" in diagnostic.message and "'2147'" in diagnostic.message


def test_merge_fills_what_the_document_lacks(tmp_path: Path) -> None:
    meta = _record(tmp_path, **{"DCTERMS.issued": "2025-01-30", "OVERHEIDop.vergaderjaar": "2024-2025"})
    doc = kamerstuk.parse_file(FIXTURES / "xml-kst" / "kst-36602-143.xml", metadata=meta)
    assert doc.date == datetime.date(2025, 1, 30) and [d.code for d in doc.diagnostics] == ["KS206"]
