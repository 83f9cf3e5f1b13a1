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
