"""The bad inputs of issue 11, bounded to keep the suite fast: each gives a Document with full
coverage or a ParseError, within a time limit (an alarm, so a hang fails the test, not the run)."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, SEED

import kamerstuk
from kamerstuk import check_coverage

sys.path.insert(0, str(ROOT / "tools"))

from fuzz import time_limit  # noqa: E402

#: Hand-made, each named by what it is; the issue's sizes are 10 MB and 10 million lines, the
#: suite's are smaller (benchmarks/bad_input.py runs the full sizes).
BAD = {
    "almost-header repeated 5,000 times": "35 788 zie hierboven\nNr. 2 BRIEF\n" * 5000,
    "dossier line and bare number repeated 5,000 times": "28 676 NAVO\nNr. 467\n" * 5000,
    "header-shaped prose repeated 10,000 times": "12 500 woningen zijn gebouwd\n" * 10_000,
    "a dossier line above 2,000 dossier lines": "21 501-20 en verder\n" * 2000 + "Nr. 2 BRIEF\n",
    "one 2 MB line": "a" * 2_000_000,
    "one 1 MB line of words": "De Kamer besluit " * 60_000,
    "2 million newlines then a letter": "\n" * 2_000_000 + SEED.read_text(encoding="utf-8"),
    "3,000 list items nested ever deeper": "".join(f"{'  ' * i}{i % 9 + 1}. punt\n" for i in range(3000)),
    "3,000 signature role lines": "De Minister van Defensie,\n" * 3000,
    "3,000 notes blocks": "X Noot\n1\n" * 3000,
    "3,000 'Ondertekenaars' blocks": "Ondertekenaars\n-\n" * 3000,
    "seed letter header repeated 500 times": "\n".join(SEED.read_text(encoding="utf-8").splitlines()[:8]) * 500,
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_a_document_or_a_parse_error_in_time(name: str) -> None:
    with time_limit(20):
        try:
            document = kamerstuk.parse(BAD[name])
        except kamerstuk.ParseError:
            return
        assert check_coverage(document) == []


def test_deeply_nested_html_lists_are_refused_or_parsed_in_time() -> None:
    page = "<html><body>" + "<ul><li>punt" * 3000 + "</li></ul>" * 3000 + "</body></html>"
    with time_limit(20):
        try:
            document = kamerstuk.parse(page)
        except kamerstuk.ParseError:
            return
        assert check_coverage(document) == []
