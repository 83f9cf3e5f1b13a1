"""Table test: real citation strings (source named per row) with their expected parse, and real non-citations.

Rows live in tests/data/reference_table.json: `input` is searched, `expected` lists every reference
it must yield in order (an empty list means nothing may be found). Only the fields a row names are
compared, so rows taken from XML check the identifiers the publisher linked (`extref/@doc`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kamerstuk.extract.references import find_references
from kamerstuk.models import Reference

_ROWS: list[dict[str, Any]] = json.loads((Path(__file__).parent / "data" / "reference_table.json").read_text("utf-8"))


def _fields(reference: Reference) -> dict[str, Any]:
    """The comparable fields of a reference, dossier written as its identifier key."""
    return {
        "kind": reference.kind.value,
        "chamber": reference.chamber.value if reference.chamber else None,
        "year": reference.year,
        "dossier": reference.dossier.key if reference.dossier else None,
        "dossiers": [dossier.key for dossier in reference.dossiers],
        "numbers": reference.numbers,
        "item": reference.item,
        "pages": reference.pages,
        "text": reference.text,
        "identifiers": reference.identifiers,
        "label": reference.label,
    }


def test_table_is_large_enough() -> None:
    """The issue asks for at least 100 real strings, including ones that must not match."""
    assert len(_ROWS) >= 100
    assert any(not row["expected"] for row in _ROWS)


@pytest.mark.parametrize("row", _ROWS, ids=[f"{i}:{row['input'][:40]}" for i, row in enumerate(_ROWS)])
def test_row(row: dict[str, Any]) -> None:
    """Every expected reference is found, in order, with the named fields, and nothing else."""
    found = [_fields(reference) for reference in find_references(row["input"])]
    wanted = row["expected"]
    assert len(found) == len(wanted), (row["source"], found)
    for got, expected in zip(found, wanted, strict=True):
        assert {key: got[key] for key in expected} == expected, row["source"]
