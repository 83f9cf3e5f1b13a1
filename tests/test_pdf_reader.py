"""The PDF reader over the real PDFs in fixtures/pdf and fixtures/multi-format.

Expected values in fixtures/pdf/expected/*.json were typed from pages rendered with pdftoppm."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kamerstuk
from kamerstuk import Document, ParseError
from kamerstuk.coverage import check_coverage
from kamerstuk.readers import pdf as pdf_reader

FIXTURES = Path(__file__).parent.parent / "fixtures"
PDFS = sorted((FIXTURES / "pdf").glob("*.pdf")) + sorted((FIXTURES / "multi-format").glob("*.pdf"))
READABLE = [path for path in PDFS if path.name != "blg-1007826.pdf"]
EXPECTED = sorted((FIXTURES / "pdf" / "expected").glob("*.json"))


def _actual(document: Document, field: str) -> Any:
    """The Document's value of an expected-JSON field."""
    chrome = [document.text[s.start : s.end] for s in document.page_chrome]
    body = "\n".join(p.text for section in document.sections for p in section.paragraphs)
    if field == "pages":
        return len(document.page_breaks) + 1
    if field == "first_note":
        note = document.notes[0]
        return {"number": note.number, "starts_with": note.text}
    if field == "notes":
        return [{"number": n.number, "starts_with": n.text} for n in document.notes]
    if field == "note_markers":
        return [r.number for r in document.note_refs]
    if field == "first_marker":
        return document.note_refs[0].number
    if field == "signatories":
        return [{"role": s.role, "portfolio": s.portfolio, "name": s.name} for s in document.signatories]
    if field == "dossiers":
        return [{"number": d.number, "suffix": d.suffix, "title": d.title} for d in document.dossiers]
    if field == "body_contains":
        return body
    if field == "chrome_contains":
        return chrome
    value = getattr(document, field)
    if field == "date":
        return value.isoformat() if value else None
    return value.value if hasattr(value, "value") else value


def _matches(field: str, expected: Any, actual: Any, document: Document) -> bool:
    if field == "first_note":
        note = document.notes[0]
        return bool(note.number == expected["number"] and note.text.startswith(expected["starts_with"]))
    if field == "notes":
        return len(actual) == len(expected) and all(
            a["number"] == e["number"] and a["starts_with"].startswith(e["starts_with"])
            for a, e in zip(actual, expected, strict=True)
        )
    if field == "body_contains":
        return all(piece in actual for piece in expected)
    if field == "chrome_contains":
        return all(piece in actual for piece in expected)
    return bool(actual == expected)


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_golden_pdf(path: Path) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert expected["checked_by_hand"] is True
    document = kamerstuk.parse_file(FIXTURES / "pdf" / f"{path.stem}.pdf")
    known = expected["known_differences"]
    for field, value in expected["fields"].items():
        actual = _actual(document, field)
        if field in known:
            assert actual == known[field]["parser_gives"], f"{field}: the known difference changed: {actual!r}"
            continue
        assert _matches(field, value, actual, document), f"{field}: expected {value!r}, got {actual!r}"


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_every_character_in_one_place(path: Path) -> None:
    document = kamerstuk.parse_file(path)
    assert document.source_format == "pdf"
    assert check_coverage(document) == []
    for span in [*(p.span for s in document.sections for p in s.paragraphs), *(n.span for n in document.notes)]:
        assert 1 <= document.page_of(span.start) <= len(document.page_breaks) + 1


def test_words_rebuilt_from_glyph_boxes() -> None:
    """PDFium's own text has "P agina 1 van 7", "Inf rastructuur" and "I E NW/BSK-2023/297705"."""
    document = kamerstuk.parse_file(FIXTURES / "pdf" / "ienw-2023-10-18-verzamelbrief-luchtvaart.pdf")
    assert "P agina" not in document.text and "Pagina 1 van 7" in document.text
    assert "Inf rastructuur" not in document.text
    assert document.kenmerk == "IENW/BSK-2023/297705"
    assert document.notes[0].text == "Kamerstuk 36200-XII-60"
    for name in ("subject", "sender", "kenmerk", "salutation", "addressee_address"):
        span = document.field_spans[name]
        assert " ".join(document.text[span.start : span.end].split()) == getattr(document, name)


def test_paragraph_across_a_page_break_comes_out_whole() -> None:
    """Page 1 of the IenW letter ends in "De inschrijving in het", page 2 goes on "register is geldig";
    the side column of page 2 ("Kenmerk", the kenmerk) stays out of the paragraph."""
    document = kamerstuk.parse_file(FIXTURES / "pdf" / "ienw-2023-10-18-verzamelbrief-luchtvaart.pdf")
    paragraph = next(p for s in document.sections for p in s.paragraphs if p.text.startswith("De RDW stelt jaarlijks"))
    assert "De inschrijving in het register is geldig voor de duur van 1 jaar" in paragraph.text
    assert "Kenmerk" not in paragraph.text and "IENW/BSK" not in paragraph.text
    assert document.page_of(paragraph.span.start) == 1
    assert document.page_of(paragraph.span.end - 1) == 2


def test_hyphenation_rejoined() -> None:
    """ "beperk-" / "tere" at a line end in the Aanhangsel PDF (multi-format) is one word."""
    document = kamerstuk.parse_file(FIXTURES / "multi-format" / "ah-tk-20202021-3235.pdf")
    assert "een beperktere looptijd" in document.text
    assert "tijdelijke noodmaatregelen" in document.text
    assert "Tozo-lening" in document.text


def test_superscript_markers_are_exact() -> None:
    """Markers come from glyph size and baseline, not from digits glued to words."""
    document = kamerstuk.parse_file(FIXTURES / "pdf" / "ienw-2023-10-18-verzamelbrief-luchtvaart.pdf")
    assert [r.number for r in document.note_refs] == [str(n) for n in range(1, 14)]
    assert [n.number for n in document.notes] == [str(n) for n in range(1, 14)]
    assert document.notes[8].text.endswith("Kamerstukken II, 2022-2023, 29665, nr. 482.")
    first = document.note_refs[0]
    assert document.text[first.span.start - 8 : first.span.end] == "Schiphol1"
    assert document.page_of(first.span.start) == 1


def test_scan_without_text_layer() -> None:
    with pytest.raises(ParseError, match="no text layer"):
        kamerstuk.parse_file(FIXTURES / "pdf" / "blg-1007826.pdf")


def _handmade_pdf(objects: list[bytes], trailer: bytes) -> bytes:
    """A minimal PDF built here, by hand, for the error cases no real file in the corpus shows."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return out


def test_encrypted_pdf() -> None:
    """Hand-made: a PDF whose Standard security handler wants a password."""
    data = _handmade_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32 + b"> /P -4 >>",
        ],
        b"/Encrypt 3 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ",
    )
    with pytest.raises(ParseError, match="encrypted"):
        kamerstuk.parse(data)


def test_truncated_pdf() -> None:
    data = (FIXTURES / "multi-format" / "kst-32545-143.pdf").read_bytes()
    with pytest.raises(ParseError, match="corrupt or truncated"):
        kamerstuk.parse(data[: len(data) // 3])


def test_max_pages() -> None:
    path = FIXTURES / "pdf" / "ienw-2023-10-18-verzamelbrief-luchtvaart.pdf"
    with pytest.raises(ParseError, match="7 pages, more than max_pages=3"):
        kamerstuk.parse_file(path, max_pages=3)
    assert kamerstuk.parse_file(path, max_pages=7).subject == "Verzamelbrief luchtvaart"


def test_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(ParseError, match=r"kamerstuk\[pdf\]"):
        kamerstuk.parse((FIXTURES / "multi-format" / "kst-32545-143.pdf").read_bytes())


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_after_the_pdf_signature(tail: bytes) -> None:
    """Whatever follows "%PDF-", the parser gives a Document or a ParseError, nothing else."""
    try:
        kamerstuk.parse(b"%PDF-1.7\n" + tail)
    except ParseError:
        pass


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=50, max_value=20_000))
def test_any_truncation_of_a_real_pdf(cut: int) -> None:
    data = (FIXTURES / "pdf" / "kst-21501-02-3121.pdf").read_bytes()
    try:
        document = kamerstuk.parse(data[:cut])
    except ParseError:
        return
    assert check_coverage(document) == []


def test_tokens_and_batch_on_pdf() -> None:
    text, tokens = kamerstuk.read_tokens((FIXTURES / "pdf" / "kst-21501-02-3121.pdf").read_bytes())
    assert text.startswith("Tweede Kamer der Staten-Generaal")
    assert any(t.kind.value == "heading" and t.text(text) == "MOTIE VAN HET LID CEDER" for t in tokens)
    results = {Path(r.source).name: r for r in kamerstuk.parse_many(FIXTURES / "pdf", glob="kst-*.pdf")}
    assert results["kst-21501-02-3121.pdf"].ok


def test_recognises() -> None:
    assert pdf_reader.recognises(b"%PDF-1.4\n...")
    assert not pdf_reader.recognises(b"<?xml version='1.0'?><a/>")


def test_number_lines_are_text_unless_page_numbers() -> None:
    """A line of digits alone is page chrome only as a page number (at a page's edge, in sequence)
    or the chamber's number; the Aanhangsel number under the publication head and a year a date
    wrapped onto stay text (both read off the rendered pages)."""
    aanhangsel = kamerstuk.parse_file(FIXTURES / "multi-format" / "ah-tk-20202021-3235.pdf")
    assert aanhangsel.number == "3235"
    assert aanhangsel.text[aanhangsel.field_spans["number"].start : aanhangsel.field_spans["number"].end] == "3235"
    chrome = [aanhangsel.text[s.start : s.end] for s in aanhangsel.page_chrome]
    assert {"2", "1", "Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel 2"} <= set(chrome)
    besluiten = kamerstuk.parse_file(FIXTURES / "pdf" / "tk-besluitenlijst_example1.pdf")
    assert "Tweede Kamerlid, Kalma P. (PvdA) - 17 maart 2009" in besluiten.text
    chrome = [besluiten.text[s.start : s.end] for s in besluiten.page_chrome]
    assert "2009" not in chrome
    assert [c for c in chrome if c.isdigit()] == [str(n) for n in range(2, 11)]


def test_besluitenlijst_header() -> None:
    """The besluitenlijst's header rows: the title after "Document:" is the heading, the committee
    after "Voortouwcommissie:" the sender, the dateline top right (read first, where it stands) the date."""
    document = kamerstuk.parse_file(FIXTURES / "pdf" / "tk-besluitenlijst_example1.pdf")
    assert document.kind.value == "besluitenlijst"
    assert document.text.startswith("Den Haag, 3 april 2009\n\nVoortouwcommissie: vaste commissie voor")
    for name in ("heading", "sender", "date"):
        span = document.field_spans[name]
        assert document.text[span.start : span.end] in (document.heading, document.sender, "3 april 2009")
        assert document.page_of(span.start) == 1


def test_headings_from_weight_and_size() -> None:
    """Short bold lines that stand alone are section headings (read off the rendered pages: the
    numbered bold headings of the 2023 letter, "Niet eens met mijn besluit?" on page 4 of the Woo
    letter); a line that starts with a bold name inside a sentence is not bold and not a heading."""
    letter = kamerstuk.parse_file(FIXTURES / "pdf" / "ienw-2023-10-18-verzamelbrief-luchtvaart.pdf")
    headings = [section.heading for section in letter.sections]
    assert "1. Registratiekosten voor drone-exploitanten in andere EU-landen" in headings
    assert "4. Verbod korte vluchten Benelux" in headings
    woo = kamerstuk.parse_file(FIXTURES / "pdf" / "rvo-2023-03-29-woo-besluit-letter.pdf")
    section = next(s for s in woo.sections if s.heading == "Niet eens met mijn besluit?")
    assert section.heading_span is not None and woo.page_of(section.heading_span.start) == 4
    assert section.paragraphs[0].text.startswith("Zowel de verzoeker als een belanghebbende")
    questions = kamerstuk.parse_file(FIXTURES / "pdf" / "ah-tk-guid-01bf9f06-42d0-48a6-a85f-12c9c8e14c57.pdf")
    assert [m.name for m in questions.questioners] == ["Sneller", "Chakor", "Van Nispen"]


@pytest.mark.parametrize(
    "name",
    [
        "pdf/ienw-2023-10-18-verzamelbrief-luchtvaart.pdf",
        "pdf/rvo-2023-03-29-woo-besluit-letter.pdf",
        "multi-format/ah-tk-20202021-3235.pdf",
        "pdf/ah-tk-guid-1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf",
    ],
)
def test_page_of_every_span(name: str) -> None:
    """`page_of` is exact after the body too: each printed page number ("Pagina 3 van 7", a footer's
    number) is on its own page, the side column's fields on page 1, a note on the page of its marker
    or later (a note is printed at the bottom of the page its marker is on)."""
    document = kamerstuk.parse_file(FIXTURES / name)
    numbered = 0
    for span in document.page_chrome:
        text = document.text[span.start : span.end]
        match = re.fullmatch(r"Pagina (\d+) van \d+|Tweede Kamer, vergaderjaar .*, Aanhangsel (\d+)", text)
        if match:
            numbered += 1
            assert document.page_of(span.start) == int(match.group(1) or match.group(2)), text
    assert numbered == len(document.page_breaks) + (0 if name.startswith("multi") or "ah-tk" in name else 1)
    for field in ("sender", "kenmerk", "subject", "salutation"):
        if field in document.field_spans:
            assert document.page_of(document.field_spans[field].start) == 1
    for note in document.notes:
        marker = next(r for r in document.note_refs if r.number == note.number)
        assert document.page_of(note.span.start) == document.page_of(marker.span.start)


def test_white_filler_dots_and_wrapped_addresses() -> None:
    """As the rendered pages show them: the 2018 letter's "2500 EA DEN HAAG" (the PDF has two white
    dots between "EA" and "DEN"), and web addresses in notes wrapped over lines joined whole."""
    letter = kamerstuk.parse_file(FIXTURES / "pdf" / "ocw-2018-kamerbrief-1400405-leerlingendaling.pdf")
    assert letter.addressee_address == "Postbus 20018 2500 EA DEN HAAG"
    note = next(n for n in letter.notes if n.number == "4")
    assert "20180101%20Expertisecentrum%20Handreiking%20MR%20fusie%20of%20sluiting%20school.pdf" in note.text
    answers = kamerstuk.parse_file(FIXTURES / "pdf" / "ah-tk-guid-1b26915f-b542-4707-8495-b5c21f0edfe1.pdf")
    note = next(n for n in answers.notes if n.number == "3")
    assert (
        "(https://www.utwente.nl/nieuws/2023/12/1262709/ut-rapport-lessen-van-twee-vuurwerkrampen-gepresenteerd"
        in note.text
    )


def test_besluitenlijst_header_rows() -> None:
    """Header rows of the newer besluitenlijst layout (hand-made rows, not from a real PDF): a
    "Datum:" row with its weekday, a committee row, and the committee named alone on its line."""
    fields: dict[str, tuple[str, int, int]] = {}
    text = "Datum: woensdag 15 februari 2023"
    tokens = pdf_reader._list_row(text, 100, 100 + len(text), fields)
    assert [(t.kind.value, text[t.start - 100 : t.end - 100]) for t in tokens] == [
        ("chrome", "Datum: woensdag "),
        ("dateline", "15 februari 2023"),
    ]
    text = "Commissie: vaste commissie voor Financiën"
    assert [t.kind.value for t in pdf_reader._list_row(text, 0, len(text), fields)] == ["chrome"]
    assert fields["sender"] == ("vaste commissie voor Financiën", 11, len(text))
    alone: dict[str, tuple[str, int, int]] = {}
    assert pdf_reader._list_row("Vaste commissie voor Digitale Zaken", 0, 35, alone) == []
    assert alone["sender"][0] == "Vaste commissie voor Digitale Zaken"
