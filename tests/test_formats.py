"""Binary formats are told by their magic bytes and never decoded as text: a format without a
reader (.doc, spreadsheets, images) gets a ParseError that names it and says what to do."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest
from conftest import FIXTURES

import kamerstuk
from kamerstuk.detect import binary_format, detect_format

BINARY = FIXTURES / "binary"

#: Real files (fixtures/binary/SOURCES.tsv) -> (format, a phrase of the error message).
REAL = {"tk-ca71487f.doc": ("doc", "a Word 97-2003 .doc file; save it as .docx or PDF")}
#: Real files whose format has a reader now: told by their magic bytes, and read.
READ = {
    "ah-tk-guid-01bf9f06-42d0-48a6-a85f-12c9c8e14c57.pdf": "pdf",
    "tk-09b97518-motie-36682-10.docx": "docx",
    "kst-32545-143.odt": "odt",
}


@pytest.mark.parametrize("name", sorted(READ))
def test_real_files_with_a_reader_are_told_and_read(name: str) -> None:
    data = (BINARY / name).read_bytes()
    assert binary_format(data) == READ[name]
    assert kamerstuk.parse(data).source_format == READ[name]


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_binary_files_are_named_and_refused(name: str) -> None:
    data = (BINARY / name).read_bytes()
    expected, phrase = REAL[name]
    assert binary_format(data) == expected
    with pytest.raises(kamerstuk.ParseError, match=phrase) as caught:
        kamerstuk.parse_file(BINARY / name)
    assert str(BINARY / name) in str(caught.value)


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


#: Hand-made: the magic bytes of each format, followed by bytes that would decode as cp1252 text.
HANDMADE = {
    "xlsx": _zip("[Content_Types].xml", "xl/workbook.xml"),
    "pptx": _zip("[Content_Types].xml", "ppt/presentation.xml"),
    "zip": _zip("kst-1.txt"),
    "gzip": gzip.compress(b"28 676 NAVO\nNr. 467 BRIEF\n"),
    "png": b"\x89PNG\r\n\x1a\n" + b"IHDR text" * 20,
    "jpeg": b"\xff\xd8\xff\xe0" + b"JFIF text" * 20,
    "gif": b"GIF89a" + b"text" * 20,
    "tiff": b"II*\x00" + b"text" * 20,
    "ole2": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"text" * 20,
    "xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le"),
    "pdf": b"\n\n%PDF-1.7\n28 676 NAVO\nNr. 467 BRIEF\n",
}


@pytest.mark.parametrize("name", sorted(HANDMADE))
def test_magic_bytes_name_the_format(name: str) -> None:
    data = HANDMADE[name]
    assert binary_format(data) == name
    with pytest.raises(kamerstuk.ParseError) as caught:
        kamerstuk.parse(data)
    if name == "pdf":
        assert "corrupt or truncated" in str(caught.value)  # PDF has a reader, and it says what is wrong
    else:
        assert caught.value.position == 0


def test_a_zip_that_lies_about_its_contents_is_a_zip() -> None:
    assert binary_format(b"PK\x03\x04" + b"\x00" * 40) == "zip"


@pytest.mark.parametrize("data", [b"28 676 NAVO\n", b"<?xml version='1.0'?><a/>", b"<html></html>", b"PK is a name"])
def test_text_and_markup_are_no_binary_format(data: bytes) -> None:
    assert binary_format(data) is None
    assert detect_format(data) in ("text", "xml", "html")
