"""The HTML reader: real pages of other publications and of tweedekamer.nl, and a hand-made page."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, SEED
from golden import differences

import kamerstuk
from kamerstuk import DocumentKind, ParseError

HTML = FIXTURES / "html"
HANDMADE_HTML = FIXTURES / "handmade" / "kst-28676-467.html"


def test_handmade_document_page_gives_the_seed_letter() -> None:
    """Hand-made: the seed letter in the officielebekendmakingen page markup, with menus and chrome."""
    doc = kamerstuk.parse_file(HANDMADE_HTML)
    want = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
    assert doc.source_format == "html"
    assert differences(doc, want) == {}
    assert "Naar boven" not in doc.text and "Home" not in doc.text and "Zoeken" not in doc.text
    assert [r.identifiers for r in doc.references] == [["kst-36471-96"], ["kst-28676-464"], ["kst-31125-130"]]


def test_markers_come_from_the_markup() -> None:
    """Hand-made page: the nootnum anchors are the markers, however the digits look in text."""
    doc = kamerstuk.parse_file(HANDMADE_HTML)
    assert [(r.number, doc.text[r.span.start - 6 : r.span.end]) for r in doc.note_refs] == [
        ("1", "(NDPP)1"),
        ("2", "bieden2"),
    ]


def test_tweedekamer_page_without_text_gives_its_header() -> None:
    """A real 2015 tweedekamer.nl motie page: only the header is on the page, the text is a PDF."""
    doc = kamerstuk.parse_file(HTML / "2015D04817.html")
    assert doc.identifier == "kst-33308-13" and doc.kind is DocumentKind.MOTIE
    assert doc.date is not None and doc.date.isoformat() == "2015-02-10"
    assert [(s.role, s.name) for s in doc.signatories] == [("Lid", "Lilian Helder")]
    assert [d.code for d in doc.diagnostics] == ["KS903"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("stb-2014-296.html", "Staatsblad"),
        ("stcrt-2013-10981.html", "Staatscourant"),
        ("gmb-2017-100007.html", "Gemeenteblad"),
        ("2015P02267.html", "no Kamerstuk"),
    ],
)
def test_pages_that_are_no_kamerstuk_are_refused(name: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        kamerstuk.parse_file(HTML / name)


def test_html_is_recognised_from_content_not_name(tmp_path: object) -> None:
    data = HANDMADE_HTML.read_bytes()
    assert kamerstuk.parse(data).source_format == "html"
    assert kamerstuk.parse(data.decode("utf-8")).source_format == "html"
