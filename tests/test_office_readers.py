"""The .docx and .odt readers. Expected values for the .docx motie were read by hand from its
word/document.xml (the paragraphs as Word shows them)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import kamerstuk
from kamerstuk import ParseError
from kamerstuk.coverage import check_coverage

FIXTURES = Path(__file__).parent.parent / "fixtures"
DOCX = FIXTURES / "office" / "tk-09b97518-motie-36682-10.docx"


def test_docx_motie() -> None:
    document = kamerstuk.parse_file(DOCX)
    assert document.source_format == "docx"
    assert [(d.number, d.title) for d in document.dossiers] == [
        (
            "36682",
            "Wijziging van een aantal wetten op het terrein van het Ministerie van Volksgezondheid, Welzijn en "
            "Sport (Verzamelwet VWS 2024)",
        )
    ]
    assert document.number == "10"
    assert document.heading == "GEWIJZIGDE MOTIE VAN HET LID CLAASSEN"
    assert document.kind.value == "gewijzigde_motie"
    assert str(document.date) == "2025-04-22"
    assert [(s.role, s.name) for s in document.signatories] == [("Lid", "Claassen")]
    assert document.identifier == "kst-36682-10"
    assert check_coverage(document) == []


def _docx(body: str, footnotes: str) -> bytes:
    """Hand-made: a minimal .docx with one footnote, to test markers and notes."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>")
        archive.writestr("word/footnotes.xml", f"<w:footnotes {ns}>{footnotes}</w:footnotes>")
    return buffer.getvalue()


def test_docx_footnote_marker_and_note() -> None:
    data = _docx(
        '<w:p><w:r><w:t>Zie het verslag</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>'
        '<w:r><w:t xml:space="preserve"> van gisteren.</w:t></w:r></w:p>',
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Kamerstuk 36 200, nr. 3.</w:t></w:r></w:p>'
        "</w:footnote>",
    )
    document = kamerstuk.parse(data)
    assert [(r.number, document.text[r.span.start - 7 : r.span.end]) for r in document.note_refs] == [("1", "verslag1")]
    assert [(n.number, n.text) for n in document.notes] == [("1", "Kamerstuk 36 200, nr. 3.")]
    assert check_coverage(document) == []


def test_odt_motie_notes_free_and_covered() -> None:
    document = kamerstuk.parse_file(FIXTURES / "multi-format" / "kst-32545-143.odt")
    assert document.source_format == "odt"
    assert document.identifier == "kst-32545-143"
    assert check_coverage(document) == []


def test_old_binary_doc() -> None:
    with pytest.raises(ParseError, match=r"Word 97-2003 \.doc file"):
        kamerstuk.parse_file(FIXTURES / "office" / "tk-ca71487f.doc")


def test_corrupt_docx() -> None:
    data = DOCX.read_bytes()
    with pytest.raises(ParseError):
        kamerstuk.parse(data[: len(data) // 2])


def test_batch_inside_a_zip_reads_pdf_and_docx(tmp_path: Path) -> None:
    archive = tmp_path / "stukken.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(FIXTURES / "pdf" / "kst-21501-02-3121.pdf", "kst-21501-02-3121.pdf")
        out.write(DOCX, DOCX.name)
    results = list(kamerstuk.parse_many(archive))
    assert [r.ok for r in results] == [True, True]
    assert sorted(r.document.identifier for r in results if r.document) == ["kst-21501-02-3121", "kst-36682-10"]


def test_docx_superscript_digits_are_a_marker() -> None:
    """Hand-made: a marker typed as a superscript run, without a Word footnote."""
    data = _docx(
        '<w:p><w:r><w:t>Zie de brief</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        "<w:t>3</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>",
        "",
    )
    document = kamerstuk.parse(data)
    assert [(r.number, document.text[r.span.start - 5 : r.span.end + 1]) for r in document.note_refs] == [
        ("3", "brief3.")
    ]


def test_docx_text_box_read_once_after_its_anchor() -> None:
    """Hand-made: a paragraph anchoring a text box that Word writes twice (the drawing in mc:Choice,
    a VML copy in mc:Fallback), as letterheads put a side column: its text comes once, after the
    anchor paragraph's own text, and nothing is doubled."""
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = '<w:txbxContent><w:p><w:r><w:t>Kenmerk 2024-0000123</w:t></w:r></w:p></w:txbxContent>'
    body = (
        f'<w:p><w:r><w:t>Geachte voorzitter,</w:t></w:r><w:r><mc:AlternateContent {mc}>'
        f"<mc:Choice Requires=\"wps\"><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        '<w:r><w:t xml:space="preserve"> hierbij zend ik u de brief.</w:t></w:r></w:p>'
    )
    document = kamerstuk.parse(_docx(body, ""))
    assert document.text.count("Kenmerk 2024-0000123") == 1
    assert document.text.index("Geachte voorzitter, hierbij zend ik u de brief.") < document.text.index("Kenmerk")
    assert check_coverage(document) == []


def _odt(body: str) -> bytes:
    """Hand-made: a minimal .odt whose office:text is `body`."""
    office = "urn:oasis:names:tc:opendocument:xmlns"
    names = f'xmlns:office="{office}:office:1.0" xmlns:text="{office}:text:1.0" xmlns:draw="{office}:drawing:1.0"'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            f"<office:document-content {names}><office:body><office:text>{body}</office:text></office:body>"
            "</office:document-content>",
        )
    return buffer.getvalue()


def test_odt_text_box_read_once_after_its_anchor() -> None:
    """Hand-made: a frame with a text box inside a paragraph; its text comes once, after the anchor's text."""
    body = (
        "<text:p>Geachte voorzitter,<draw:frame><draw:text-box><text:p>Kenmerk 2024-0000123</text:p>"
        "</draw:text-box></draw:frame> hierbij zend ik u de brief.</text:p>"
    )
    document = kamerstuk.parse(_odt(body))
    assert document.text.count("Kenmerk 2024-0000123") == 1
    assert document.text.index("Geachte voorzitter, hierbij zend ik u de brief.") < document.text.index("Kenmerk")
    assert check_coverage(document) == []


@pytest.mark.parametrize("count", ["x", "-5", "0", "", "999999999999", "9" * 5000, "٣"])
def test_odt_malformed_or_huge_space_count(count: str) -> None:
    """Hand-made: text:s with a count that is no number, or a bomb of billions of spaces: a sane parse."""
    document = kamerstuk.parse(_odt(f'<text:p>Kamerstuk<text:s text:c="{count}"/>36 200, nr. 12.</text:p>'))
    assert document.text.startswith("Kamerstuk")
    assert len(document.text) < 200
