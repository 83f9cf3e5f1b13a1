"""Side by side, in one process, on the same inputs: what a user would pick instead of kamerstuk.

- citations: nllegalcit's `parse_citations` (a Lark grammar) against `kamerstuk.find_references`;
- HTML: BeautifulSoup's `get_text()` (text only, no structure) against a full `kamerstuk.parse`;
- XML: bare `lxml.etree.fromstring` against a full `kamerstuk.parse`;
- PDF: the PDF library's bare text extraction against a full `kamerstuk.parse`, where the PDF reader
  and PDF fixtures are present.

The peers come from the optional extra `kamerstuk[bench]`; a peer that is not installed gets a row
saying so. Run by hand: `python benchmarks/peers.py` (add `--smoke` for a quick run, as CI does).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree
from timing import seconds_per_item

import kamerstuk

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _quiet(work: Callable[[Any], object]) -> Callable[[Any], object]:
    """`work` with its standard output thrown away (nllegalcit prints its parse trees)."""

    def run(item: Any) -> object:
        with contextlib.redirect_stdout(io.StringIO()):
            return work(item)

    return run


def _row(task: str, peer: str, peer_time: float | None, ours: float, unit: str) -> str:
    if peer_time is None:
        return f"| {task} | {peer} | not installed | {ours * 1000:.2f} ms/{unit} | |"
    times = f"{peer_time * 1000:.2f} ms/{unit} | {ours * 1000:.2f} ms/{unit}"
    return f"| {task} | {peer} | {times} | {peer_time / ours:.1f}× |"


def _parses(data: bytes) -> bool:
    try:
        kamerstuk.parse(data)
    except kamerstuk.ParseError:
        return False
    return True


def citations(seconds: float, smoke: bool) -> str:
    """nllegalcit against find_references on the prose of the seed letter and of the text pages."""
    paths = [FIXTURES / "kst-28676-467.txt", *sorted((FIXTURES / "pages").glob("*.txt"))[:4]]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    if smoke:
        texts = [text[:1500] for text in texts[:1]]
    ours = seconds_per_item(texts, kamerstuk.find_references, seconds)
    if importlib.util.find_spec("nllegalcit") is None:
        return _row("citations in a document", "nllegalcit", None, ours, "document")
    import nllegalcit

    peer = seconds_per_item(texts, _quiet(nllegalcit.parse_citations), seconds)
    return _row("citations in a document", "nllegalcit `parse_citations`", peer, ours, "document")


def html(seconds: float) -> str:
    """BeautifulSoup's get_text against a full parse of the HTML fixtures that hold a Kamerstuk."""
    pages = [page for page in (path.read_bytes() for path in sorted(FIXTURES.rglob("*.html"))) if _parses(page)]
    ours = seconds_per_item(pages, kamerstuk.parse, seconds)
    if importlib.util.find_spec("bs4") is None:
        return _row("HTML page", "BeautifulSoup", None, ours, "page")
    from bs4 import BeautifulSoup

    peer = seconds_per_item(pages, lambda page: BeautifulSoup(page, "lxml").get_text(), seconds)
    return _row("HTML page", "BeautifulSoup(lxml) `get_text()`", peer, ours, "page")


def xml(seconds: float, smoke: bool) -> str:
    """lxml alone against a full parse of the official XML fixtures."""
    files = [path.read_bytes() for path in sorted((FIXTURES / "xml-kst").glob("*.xml"))]
    files = files[:20] if smoke else files
    ours = seconds_per_item(files, kamerstuk.parse, seconds)
    peer = seconds_per_item(files, etree.fromstring, seconds)
    return _row("official XML", "`lxml.etree.fromstring`", peer, ours, "document")


def pdf(seconds: float) -> str | None:
    """The PDF library's text extraction against a full parse, when both the reader and PDF fixtures exist."""
    files = [path.read_bytes() for path in sorted(FIXTURES.rglob("*.pdf"))]
    if not files or importlib.util.find_spec("kamerstuk.readers.pdf") is None:
        return None
    if importlib.util.find_spec("pypdfium2") is None:
        return "| PDF | pypdfium2 text extraction | not installed | | |"
    import pypdfium2

    def bare(data: bytes) -> object:
        document = pypdfium2.PdfDocument(data)
        try:
            return [page.get_textpage().get_text_range() for page in document]
        finally:
            document.close()

    def full(data: bytes) -> object:
        try:
            return kamerstuk.parse(data)
        except kamerstuk.ParseError:
            return None

    ours = seconds_per_item(files, full, seconds)
    peer = seconds_per_item(files, bare, seconds)
    return _row("PDF", "pypdfium2 text extraction", peer, ours, "file")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a quick run that only checks the benchmark works")
    args = parser.parse_args()
    seconds = 0.05 if args.smoke else 3.0
    rows = [citations(seconds, args.smoke), html(seconds), xml(seconds, args.smoke), pdf(seconds)]
    print("| task | peer | peer time | kamerstuk time (full parse) | peer / kamerstuk |")
    print("|---|---|---|---|---|")
    for row in rows:
        if row is not None:
            print(row)
    print("A ratio below 1 means the peer is faster; it does less (text only, or a tree without a model).")


if __name__ == "__main__":
    main()
