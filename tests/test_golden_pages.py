"""Golden tests: every real page in fixtures/pages parsed and compared with its hand-checked JSON.

`KNOWN_DIFFERENCES` is a ratchet, not a skip list: for each page it names the fields that still
differ today, and the test fails both when another field breaks and when a listed field starts to
match (then remove it from the list). The closing notes of the issues explain each entry.
"""

from __future__ import annotations

import json

import pytest
from conftest import PAGES, SEED, expected, page_ids
from golden import differences

import kamerstuk

KNOWN_DIFFERENCES: dict[str, set[str]] = json.loads((PAGES.parent / "known_differences.json").read_text())

#: Why each remaining entry of the ratchet is not a parser fault (checked by reading each page).
JUSTIFIED: dict[tuple[str, str], str] = {
    ("kst-21501-02-2235", "kind"): (
        "the heading is 'GEWIJZIGDE MOTIE ... TER VERVANGING VAN DIE GEDRUKT ONDER NR. 2229'; the expected JSON "
        "says 'motie' because the pages' schema had no gewijzigde_motie kind when it was written (its "
        "'uncertain' note says so); the model has that kind and the XML reader gives it for the same heading"
    ),
    ("kst-cxxiv-g", "id"): (
        "the expected id keeps the URL's lower case ('kst-cxxiv-g'); the schema's own rule spells letter "
        "numbers and Roman suffixes in upper case as printed ('kst-35261-B', 'kst-36600-X-5'), and the "
        "'uncertain' note calls 'kst-CXXIV-G' defensible"
    ),
    ("kst-23432-486", "heading"): (
        "the expected heading keeps the page's hard line break ('... EN VAN\\nBUITENLANDSE ZAKEN'); the "
        "parser joins a wrapped heading's lines with a space, as every reader does and "
        "tests/test_regressions.py requires; the words are the same"
    ),
}


@pytest.mark.parametrize("page_id", page_ids())
def test_page_matches_expected(page_id: str) -> None:
    doc = kamerstuk.parse_file(PAGES / f"{page_id}.txt")
    diffs = differences(doc, expected(page_id))
    known = set(KNOWN_DIFFERENCES.get(page_id, []))
    assert set(diffs) - known == set(), f"fields now wrong: { {k: diffs[k] for k in set(diffs) - known} }"
    assert known - set(diffs) == set(), f"fields now right, remove from known_differences.json: {known - set(diffs)}"


def test_seed_letter_matches_expected() -> None:
    doc = kamerstuk.parse_file(SEED)
    want = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
    assert differences(doc, want) == {}


def test_known_differences_name_real_pages() -> None:
    assert set(KNOWN_DIFFERENCES) <= set(page_ids())


def test_every_known_difference_is_justified() -> None:
    entries = {(page, field) for page, fields in KNOWN_DIFFERENCES.items() for field in fields}
    assert entries == set(JUSTIFIED)
