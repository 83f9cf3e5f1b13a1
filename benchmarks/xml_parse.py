"""XML parsing speed: documents/s over the 306 real Kamerstuk XML files, and the ratio of full
parsing to `lxml.etree.fromstring` alone on the same bytes (target: within 10x), and where the
time goes: the XML reader (tree, metadata, page text and tokens) and the assembler, each alone.

Run by hand: `python benchmarks/xml_parse.py` (add `--smoke` for a quick run, as CI does).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from lxml import etree
from timing import seconds_per_item

import kamerstuk
from kamerstuk.assembler import assemble
from kamerstuk.extract.references import find_references
from kamerstuk.readers import xml as xml_reader

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a quick run that only checks the benchmark works")
    args = parser.parse_args()
    seconds = 0.2 if args.smoke else 5.0
    files = [p.read_bytes() for p in sorted((FIXTURES / "xml-kst").glob("*.xml"))]
    # Interleaved in rounds, so a change in the machine's load hits both sides of the ratio alike.
    bare = full = 0.0
    for _ in range(5):
        bare += seconds_per_item(files, etree.fromstring, seconds / 5) / 5
        full += seconds_per_item(files, kamerstuk.parse, seconds / 5) / 5
    size = sum(len(f) for f in files) / len(files)
    print(f"{len(files)} XML files, {size / 1024:.1f} KB on average")
    print(f"lxml.etree.fromstring alone: {1 / bare:8.0f} documents/s")
    print(f"kamerstuk.parse:             {1 / full:8.0f} documents/s ({size / full / 1e6:.1f} MB/s)")
    print(f"ratio full / bare XML parse: {full / bare:8.2f} (target 10)")
    rendered = [xml_reader.read(data) for data in files]
    by_bytes = {id(data): read for data, read in zip(files, rendered, strict=True)}

    def assembled(data: bytes) -> object:
        read = by_bytes[id(data)]
        return assemble(read.text, read.tokens, source_format="xml", metadata=read.metadata)

    for name, work in (
        ("XML reader", xml_reader.read),
        ("assembler (with references)", assembled),
        ("find_references alone", lambda data: find_references(by_bytes[id(data)].text)),
    ):
        part = seconds_per_item(files, work, seconds / 2)
        print(f"  {name:28} {part * 1e6:7.0f} us  {part / bare:5.1f}x bare  {part / full:6.1%} of the full parse")


if __name__ == "__main__":
    main()
