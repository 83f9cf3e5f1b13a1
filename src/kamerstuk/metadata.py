"""The publication metadata record: inline `meta` elements or a separate metadata.xml."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from lxml import etree

from .errors import ParseError
from .models import Metadata

#: Record names with a field of their own on `Metadata`; every other name is kept in `extra`.
_SINGLE = {
    "DC.identifier": "identifier",
    "OVERHEIDop.dossiernummer": "dossiernummer",
    "OVERHEIDop.ondernummer": "ondernummer",
    "OVERHEIDop.vergaderjaar": "vergaderjaar",
    "OVERHEIDop.documenttitel": "documenttitel",
    "OVERHEIDop.dossiertitel": "dossiertitel",
    "DC.creator": "creator",
    "OVERHEIDop.publicationName": "publication_name",
}
_DATES = {"DCTERMS.issued": "issued", "DCTERMS.available": "available"}
_POINTER = "OVERHEIDop.externMetadataRecord"


def metadata_from_pairs(pairs: Iterable[tuple[str, str]]) -> Metadata:
    """Build `Metadata` from (name, content) pairs in record order; repeated names are kept."""
    fields: dict[str, object] = {}
    indieners: list[str] = []
    types: list[str] = []
    extra: dict[str, list[str]] = {}
    for name, content in pairs:
        content = content.strip()
        if name in _SINGLE and content:
            fields.setdefault(_SINGLE[name], content)
        elif name in _DATES and content:
            fields.setdefault(_DATES[name], _iso_date(content))
        elif name == "OVERHEIDop.indiener" and content:
            indieners.append(content)
        elif name == "DC.type" and content:
            types.append(content)
        elif name == _POINTER and (pointed := identifier_from_pointer(content)):
            fields.setdefault("identifier", pointed)
        else:
            extra.setdefault(name, []).append(content)
    return Metadata.model_validate({**fields, "indieners": indieners, "types": types, "extra": extra})


def identifier_from_pointer(url: str) -> str | None:
    """The document id in an externMetadataRecord URL: ".../kst-24515-782/metadata.xml" gives kst-24515-782."""
    parts = [p for p in url.split("/") if p]
    return parts[-2] if len(parts) >= 2 and parts[-1] == "metadata.xml" else None


def _iso_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


_OWMS_PREFIXES = {
    "http://purl.org/dc/terms/": "DCTERMS.",
    "http://standaarden.overheid.nl/owms/terms/": "OVERHEID.",
    "http://standaarden.overheid.nl/oep/meta/": "OVERHEIDop.",
}
#: In metadata_owms.xml the Dublin Core core terms carry the "DC." names of metadata.xml.
_DC_CORE = {"identifier", "title", "type", "creator", "language", "subject", "description"}


def metadata_from_record(root: etree._Element, source: str | None = None) -> Metadata:
    """Read a metadata.xml (`metadata_gegevens`) or metadata_owms.xml (`owms-metadata`) root."""
    if root.tag == "metadata_gegevens":
        return metadata_from_pairs(_gegevens_pairs(root, ""))
    if etree.QName(root).localname == "owms-metadata":
        return metadata_from_pairs(_owms_pairs(root))
    raise ParseError(f"XML root is <{root.tag}>, not a metadata record (metadata_gegevens)", source=source)


def _gegevens_pairs(element: etree._Element, parent: str) -> Iterator[tuple[str, str]]:
    """(name, content) of every <metadata> element; nested ones are named "parent/child"."""
    for child in element:
        if child.tag != "metadata":
            continue
        name = child.get("name", "")
        yield (f"{parent}/{name}" if parent else name), child.get("content", "")
        yield from _gegevens_pairs(child, name)


def _owms_pairs(root: etree._Element) -> Iterator[tuple[str, str]]:
    for element in root.iter():
        if not isinstance(element.tag, str) or len(element):
            continue
        qname = etree.QName(element)
        prefix = _OWMS_PREFIXES.get(qname.namespace or "", "")
        if prefix == "DCTERMS." and qname.localname in _DC_CORE:
            prefix = "DC."
        yield prefix + qname.localname, (element.text or "")
