"""Tell the input's format from its content, never from a file name: binary formats by their magic
bytes, then XML, HTML and plain text."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

Format = Literal["xml", "html", "text"]

#: Markup opens with a declaration, a comment, a doctype or an element; anything else is text.
_MARKUP_START = re.compile(rb"^<(?:\?xml|!--|!DOCTYPE|!ENTITY|[A-Za-z_][\w.:-]*[\s/>])", re.IGNORECASE)
_HTML = re.compile(rb"<!DOCTYPE\s+html|<html[\s>]", re.IGNORECASE)


def detect_format(data: bytes) -> Format:
    """ "xml" for an XML document, "html" for an HTML page, else "text"; looks at the first bytes only."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:4096].decode("utf-16", errors="ignore").lstrip("\ufeff \t\r\n").encode("utf-8")
    if not _MARKUP_START.match(head):
        return "text"
    return "html" if _HTML.search(head) else "xml"


BinaryFormat = Literal[
    "pdf", "docx", "odt", "xlsx", "pptx", "ods", "zip", "doc", "xls", "ole2", "gzip", "png", "jpeg", "gif", "tiff"
]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SIGNATURES: tuple[tuple[bytes, BinaryFormat], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
#: The OpenDocument types by the `mimetype` member that opens the archive.
_ODF: dict[bytes, BinaryFormat] = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
#: Office Open XML types by the folder their main part lives in.
_OOXML: tuple[tuple[str, BinaryFormat], ...] = (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx"))


def binary_format(data: bytes) -> BinaryFormat | None:
    """The binary format `data` is in, told by its magic bytes ("pdf", "docx", "odt", "doc", "png", ...);
    None for anything else (text, XML, HTML). Readers dispatch on this name; it never decodes the data."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(data)
    if data.startswith(_OLE2):
        if "WordDocument".encode("utf-16-le") in data:
            return "doc"
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            return "xls"
        return "ole2"
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            return name
    return None


def _zip_format(data: bytes) -> BinaryFormat:
    """Which kind of ZIP container: OpenDocument by its first member, Office Open XML by its parts."""
    odf = _ODF.get(data[38 : 38 + 60].split(b"PK", 1)[0].strip()) if data[30:38] == b"mimetype" else None
    if odf is not None:
        return odf
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return "zip"
    for folder, name in _OOXML:
        if any(n.startswith(folder) for n in names):
            return name
    return "zip"


#: What each format is, and what to do with it, for the `ParseError` raised until it has a reader.
ADVICE: dict[BinaryFormat, str] = {
    "pdf": "a PDF file the PDF reader could not open: check that the file is whole",
    "docx": "a Word .docx file without a document part (word/document.xml): save it again from Word",
    "odt": "an OpenDocument .odt file without content.xml: save it again from the word processor",
    "doc": "a Word 97-2003 .doc file; save it as .docx or PDF, or as plain text (.txt)",
    "xls": "an Excel 97-2003 .xls spreadsheet, not a Kamerstuk document",
    "xlsx": "an Excel .xlsx spreadsheet, not a Kamerstuk document",
    "ods": "an OpenDocument spreadsheet, not a Kamerstuk document",
    "pptx": "a PowerPoint .pptx presentation, not a Kamerstuk document",
    "ole2": "a Microsoft Office 97-2003 file (OLE2); save it as .docx, PDF or plain text (.txt)",
    "zip": "a ZIP archive; unpack it and parse its documents, or give the folder to `kamerstuk batch`",
    "gzip": "a gzip-compressed file; decompress it first (gunzip)",
    "png": "a PNG image; kamerstuk reads text, not images: use the document's text, XML or HTML",
    "jpeg": "a JPEG image; kamerstuk reads text, not images: use the document's text, XML or HTML",
    "gif": "a GIF image; kamerstuk reads text, not images: use the document's text, XML or HTML",
    "tiff": "a TIFF image (a scan?); kamerstuk reads text, not images: use the document's text, XML or HTML",
}
